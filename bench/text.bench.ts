/**
 * Throughput of the `text` part on two mixes of names, with `String.prototype.normalize('NFD')` +
 * regex stripping as the peer baseline:
 *
 * - the stress mix: 40% damaged, each damaged name drawn from `corruptedNameArbitrary()` with
 *   every defect allowed (about 3.5 defects a name: NFD, mixed composition, legacy encodings,
 *   Telex, missing diacritics, case, spacing, modern tone placement, all at once);
 * - the one-source mix: 30% damaged, each damaged name carrying only what one real source
 *   produces (see `SOURCES` below for the families and their weights).
 *
 * Run: node --expose-gc --import tsx bench/text.bench.ts
 */
import { loadavg } from 'node:os';
import fc from 'fast-check';
import {
  type CorruptedName,
  corruptedNameArbitrary,
  type NameDefect,
  vietnameseNameArbitrary,
} from '../src/testing/text.js';
import {
  detectEncoding,
  foldDiacritics,
  normalizeName,
  normalizeNameString,
  phoneticKey,
} from '../src/text/index.js';
import { runBench } from './util.js';

/** 15 000 draws give more than 10 000 distinct names, so the bounded word caches are not all hits. */
const N = 15_000;
const clean = fc.sample(vietnameseNameArbitrary(), { numRuns: Math.round(N * 0.6), seed: 42 });
const damaged = fc.sample(corruptedNameArbitrary(), { numRuns: Math.round(N * 0.4), seed: 43 });
/**
 * Each name goes through UTF-8 bytes and back, as text read from a CSV file does: flat strings.
 * The arbitraries build damaged names by concatenation (V8 rope strings), which real input never
 * is and which make every character read go through an indirection.
 */
const utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder() };
const asRead = (s: string): string => utf8.decoder.decode(utf8.encoder.encode(s));
const names: string[] = [
  ...clean.map((n) => asRead(n.fullName)),
  ...damaged.map((c) => asRead(c.corrupted)),
];
// Interleave deterministically so the mix is spread over the list.
for (let i = names.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  const t = names[i] as string;
  names[i] = names[j] as string;
  names[j] = t;
}
const damagedShare = damaged.filter((c) => c.defects.length > 0).length / names.length;

/**
 * The one-source mix: what one real source does to a name, with a weight (the share of the
 * damaged names). A legacy encoding may come with all caps (the CCCD habit survives conversion).
 */
const SOURCES: readonly {
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
const DAMAGED_2 = Math.round(N * 0.3);
const clean2 = fc.sample(vietnameseNameArbitrary(), { numRuns: N - DAMAGED_2, seed: 44 });
const damaged2: string[] = [];
for (const [k, source] of SOURCES.entries()) {
  const want = Math.round(DAMAGED_2 * source.weight);
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
const names2: string[] = [...clean2.map((n) => asRead(n.fullName)), ...damaged2];
for (let i = names2.length - 1; i > 0; i--) {
  const j = (i * 7919) % (i + 1);
  const t = names2[i] as string;
  names2[i] = names2[j] as string;
  names2[j] = t;
}
const cleanOnly = clean.map((n) => asRead(n.fullName));
const distinct = new Set(names).size;

const COMBINING = /[\u0300-\u036f]/g;
function peerFold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

let sink = 0;
function each(list: readonly string[], f: (s: string) => unknown): () => void {
  return () => {
    for (const s of list) {
      const r = f(s);
      sink += typeof r === 'string' ? r.length : 1;
    }
  };
}

process.stdout.write(
  `\nstress mix: ${names.length} names (${distinct} distinct), ${(damagedShare * 100).toFixed(0)}% damaged (about 3.5 defects each); load average ${loadavg()[0]?.toFixed(1)} (shared 2-core machine: numbers are noisy)\n`,
);
process.stdout.write(
  `one-source mix: ${names2.length} names (${new Set(names2).size} distinct), ${((damaged2.length / names2.length) * 100).toFixed(0)}% damaged, one source each:\n${SOURCES.map((x) => `  ${(x.weight * 100).toFixed(1).padStart(5)}%  ${x.label}`).join('\n')}\n`,
);

await runBench(
  'text: names/s on the stress mix (40% damaged, ~3.5 defects each)',
  [
    { name: 'peer: normalize(NFD) + regex', fn: each(names, peerFold), itemsPerOp: names.length },
    { name: 'foldDiacritics', fn: each(names, foldDiacritics), itemsPerOp: names.length },
    { name: 'normalizeName', fn: each(names, normalizeName), itemsPerOp: names.length },
    { name: 'normalizeNameString', fn: each(names, normalizeNameString), itemsPerOp: names.length },
    { name: 'phoneticKey', fn: each(names, phoneticKey), itemsPerOp: names.length },
    { name: 'detectEncoding', fn: each(names, detectEncoding), itemsPerOp: names.length },
  ],
  { baseline: 'peer: normalize(NFD) + regex', unit: 'names' },
);

await runBench(
  'text: names/s on the one-source mix (30% damaged, one source each)',
  [
    { name: 'peer: normalize(NFD) + regex', fn: each(names2, peerFold), itemsPerOp: names2.length },
    { name: 'foldDiacritics', fn: each(names2, foldDiacritics), itemsPerOp: names2.length },
    { name: 'normalizeName', fn: each(names2, normalizeName), itemsPerOp: names2.length },
    {
      name: 'normalizeNameString',
      fn: each(names2, normalizeNameString),
      itemsPerOp: names2.length,
    },
    { name: 'phoneticKey', fn: each(names2, phoneticKey), itemsPerOp: names2.length },
    { name: 'detectEncoding', fn: each(names2, detectEncoding), itemsPerOp: names2.length },
  ],
  { baseline: 'peer: normalize(NFD) + regex', unit: 'names' },
);

await runBench(
  'text: names/s on clean NFC names only (the fast paths)',
  [
    {
      name: 'peer: normalize(NFD) + regex',
      fn: each(cleanOnly, peerFold),
      itemsPerOp: cleanOnly.length,
    },
    { name: 'foldDiacritics', fn: each(cleanOnly, foldDiacritics), itemsPerOp: cleanOnly.length },
    { name: 'normalizeName', fn: each(cleanOnly, normalizeName), itemsPerOp: cleanOnly.length },
    { name: 'phoneticKey', fn: each(cleanOnly, phoneticKey), itemsPerOp: cleanOnly.length },
    { name: 'detectEncoding', fn: each(cleanOnly, detectEncoding), itemsPerOp: cleanOnly.length },
  ],
  { baseline: 'peer: normalize(NFD) + regex', unit: 'names' },
);

/**
 * Names per CPU-second of this process (`process.cpuUsage`, user + system), which the other
 * processes on a loaded machine disturb far less than wall-clock rates: the time the scheduler
 * gives to others is not counted.
 */
function perCpuSecond(list: readonly string[], f: (s: string) => unknown, rounds: number): number {
  each(list, f)(); // warm-up
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) each(list, f)();
  const used = process.cpuUsage(start);
  return (list.length * rounds) / ((used.user + used.system) / 1e6);
}

const cpuRows: [string, (s: string) => unknown, number][] = [
  ['peer: normalize(NFD) + regex', peerFold, 20],
  ['foldDiacritics', foldDiacritics, 40],
  ['normalizeName', normalizeName, 5],
  ['phoneticKey', phoneticKey, 10],
  ['detectEncoding', detectEncoding, 20],
];
for (const [title, list] of [
  ['the stress mix', names],
  ['the one-source mix', names2],
] as const) {
  process.stdout.write(`\n## text: names per CPU-second on ${title} (best of 5)\n\n`);
  let peerRate = 0;
  for (const [name, f, rounds] of cpuRows) {
    const rate = Math.max(...[0, 1, 2, 3, 4].map(() => perCpuSecond(list, f, rounds)));
    if (peerRate === 0) peerRate = rate;
    process.stdout.write(
      `${name.padEnd(30)} ${(rate / 1e6).toFixed(2).padStart(6)} M  ${(rate / peerRate).toFixed(2)}× peer\n`,
    );
  }
}

if (sink === 0) process.stdout.write('(sink)\n');
