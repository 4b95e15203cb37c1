/**
 * The name mixes of the text benchmarks (bench/text.bench.ts, bench/text-compare.ts), drawn from
 * the testing arbitraries with fixed seeds:
 *
 * - the stress mix: 40% damaged, each damaged name drawn from `corruptedNameArbitrary()` with
 *   every defect allowed (about 3.5 defects a name);
 * - the one-source mix: 30% damaged, each damaged name carrying only what one real source
 *   produces (see `SOURCES` for the families and their weights);
 * - clean NFC names only.
 */
import fc from 'fast-check';
import {
  type CorruptedName,
  corruptedNameArbitrary,
  type NameDefect,
  vietnameseNameArbitrary,
} from '../src/testing/text.js';

/** 15 000 draws give more than 10 000 distinct names, so the bounded word caches are not all hits. */
const N = 15_000;

/**
 * Each name goes through UTF-8 bytes and back, as text read from a CSV file does: flat strings.
 * The arbitraries build damaged names by concatenation (V8 rope strings), which real input never
 * is and which make every character read go through an indirection.
 */
const utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder() };
const asRead = (s: string): string => utf8.decoder.decode(utf8.encoder.encode(s));

/** Interleaves deterministically so the damaged names are spread over the list. */
function shuffle(names: string[]): string[] {
  for (let i = names.length - 1; i > 0; i--) {
    const j = (i * 7919) % (i + 1);
    const t = names[i] as string;
    names[i] = names[j] as string;
    names[j] = t;
  }
  return names;
}

/**
 * The one-source mix: what one real source does to a name, with a weight (the share of the
 * damaged names). A legacy encoding may come with all caps (the CCCD habit survives conversion).
 */
export const SOURCES: readonly {
  readonly label: string;
  readonly weight: number;
  readonly defects: readonly NameDefect[];
}[] = [
  { label: 'NFD (macOS, Word)', weight: 0.2, defects: ['nfd'] },
  {
    label: 'doubled spaces (± NBSP, zero-width)',
    weight: 0.25,
    defects: ['double-space', 'nbsp', 'zero-width'],
  },
  { label: 'all caps (CCCD)', weight: 0.2, defects: ['all-caps'] },
  { label: 'no diacritics', weight: 0.1, defects: ['no-diacritics'] },
  { label: 'modern tone placement', weight: 0.1, defects: ['modern-tone'] },
  { label: 'TCVN3 (± all caps)', weight: 0.04, defects: ['tcvn3', 'all-caps'] },
  { label: 'VNI (± all caps)', weight: 0.04, defects: ['vni', 'all-caps'] },
  { label: 'CP1258 (± all caps)', weight: 0.01, defects: ['cp1258', 'all-caps'] },
  { label: 'VIQR (± all caps)', weight: 0.005, defects: ['viqr', 'all-caps'] },
  { label: 'VISCII (± all caps)', weight: 0.005, defects: ['viscii', 'all-caps'] },
  { label: 'Telex leftovers', weight: 0.05, defects: ['telex'] },
];

export interface TextMixes {
  /** The stress mix. */
  readonly stress: readonly string[];
  /** Share of damaged names in the stress mix. */
  readonly stressDamagedShare: number;
  /** The one-source mix. */
  readonly oneSource: readonly string[];
  /** Share of damaged names in the one-source mix. */
  readonly oneSourceDamagedShare: number;
  /** Clean NFC names only (the clean part of the stress mix). */
  readonly clean: readonly string[];
}

/** Draws the three mixes (deterministic). */
export function textMixes(): TextMixes {
  const clean = fc.sample(vietnameseNameArbitrary(), { numRuns: Math.round(N * 0.6), seed: 42 });
  const damaged = fc.sample(corruptedNameArbitrary(), { numRuns: Math.round(N * 0.4), seed: 43 });
  const stress = shuffle([
    ...clean.map((n) => asRead(n.fullName)),
    ...damaged.map((c) => asRead(c.corrupted)),
  ]);
  const damagedTwo = Math.round(N * 0.3);
  const clean2 = fc.sample(vietnameseNameArbitrary(), { numRuns: N - damagedTwo, seed: 44 });
  const damaged2: string[] = [];
  for (const [k, source] of SOURCES.entries()) {
    const want = Math.round(damagedTwo * source.weight);
    // Draw until the quota is met: a name that the source leaves unchanged (no toned oa/oe/uy for
    // the modern placement) does not count, and a legacy source must have encoded the name.
    const drawn: CorruptedName[] = [];
    for (let round = 0; drawn.length < want && round < 50; round++) {
      const batch = fc.sample(corruptedNameArbitrary({ defects: source.defects }), {
        numRuns: want * 2,
        seed: 50 + k + 1000 * round,
      });
      for (const c of batch) {
        if (drawn.length < want && c.defects.includes(source.defects[0] as NameDefect)) {
          if (c.corrupted !== c.clean) drawn.push(c);
        }
      }
    }
    damaged2.push(...drawn.map((c) => asRead(c.corrupted)));
  }
  const oneSource = shuffle([...clean2.map((n) => asRead(n.fullName)), ...damaged2]);
  return {
    stress,
    stressDamagedShare: damaged.filter((c) => c.defects.length > 0).length / stress.length,
    oneSource,
    oneSourceDamagedShare: damaged2.length / oneSource.length,
    clean: clean.map((n) => asRead(n.fullName)),
  };
}
