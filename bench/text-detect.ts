/**
 * What the confidence of `detectEncoding` means, measured: how often it names a legacy encoding
 * for clean Unicode text (false positives) and how often it is right on legacy text, by
 * confidence. On the real-name lists (test/text/fixtures/real-names: as listed, in capitals, in
 * lowercase; then each of the five encodings read as Windows-1252) and on clean Unicode text
 * (`vietnameseTextArbitrary`, 20 000 sentences, seed 1; the 185 non-Vietnamese Latin names of
 * test/text/fixtures/latin-names.ts).
 *
 * Run: node --import tsx bench/text-detect.ts
 */
import fc from 'fast-check';
import { vietnameseTextArbitrary } from '../src/testing/text.js';
import {
  detectEncoding,
  encodeLegacy,
  foldDiacritics,
  LEGACY_ENCODINGS,
} from '../src/text/index.js';
import { LATIN_NAMES } from '../test/text/fixtures/latin-names.js';
import { loadRealNames } from '../test/text/real-names.js';

const names = [...loadRealNames('school'), ...loadRealNames('forum')];
const texts = fc.sample(vietnameseTextArbitrary(), { numRuns: 20_000, seed: 1 });
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(3)}%`;
const BUCKETS = [0, 0.5, 0.8, 0.9, 1] as const;

function falsePositives(title: string, inputs: readonly string[]): void {
  let fp = 0;
  const byConf = new Map<number, number>();
  for (const s of inputs) {
    const d = detectEncoding(s);
    if (d.encoding !== 'unicode' && d.encoding !== 'ascii') {
      fp++;
      const b = BUCKETS.filter((x) => d.confidence >= x).at(-1) ?? 0;
      byConf.set(b, (byConf.get(b) ?? 0) + 1);
    }
  }
  process.stdout.write(
    `| ${title} | ${inputs.length} | ${fp} (${pct(fp, inputs.length)}) | ${[...byConf].map(([b, c]) => `≥${b}: ${c}`).join(', ') || '—'} |\n`,
  );
}

process.stdout.write(
  '| clean input | texts | named a legacy encoding | by confidence |\n|---|---|---|---|\n',
);
falsePositives('real names, as listed', names);
falsePositives(
  'real names, capitals',
  names.map((n) => n.toUpperCase()),
);
falsePositives(
  'real names, lowercase',
  names.map((n) => n.toLowerCase()),
);
falsePositives(
  'real names, without diacritics',
  names.map((n) => foldDiacritics(n)),
);
falsePositives(
  'real names, NFD',
  names.map((n) => n.normalize('NFD')),
);
falsePositives('Vietnamese text (vietnameseTextArbitrary)', texts);
falsePositives('non-Vietnamese Latin names', LATIN_NAMES);

process.stdout.write(
  '\n| encoded real names | texts changed | right encoding | wrong encoding | unicode/ascii | right, by confidence (right / answers) |\n|---|---|---|---|---|---|\n',
);
for (const enc of LEGACY_ENCODINGS) {
  let n = 0;
  let right = 0;
  let wrong = 0;
  let none = 0;
  const answers = new Map<number, [number, number]>();
  for (const name of names) {
    const s = encodeLegacy(name, enc);
    if (s === name) continue;
    n++;
    const d = detectEncoding(s);
    if (d.encoding === 'unicode' || d.encoding === 'ascii') {
      none++;
      continue;
    }
    const ok = d.encoding === enc;
    if (ok) right++;
    else wrong++;
    const b = BUCKETS.filter((x) => d.confidence >= x).at(-1) ?? 0;
    const a = answers.get(b) ?? [0, 0];
    answers.set(b, [a[0] + (ok ? 1 : 0), a[1] + 1]);
  }
  process.stdout.write(
    `| ${enc} | ${n} | ${pct(right, n)} | ${pct(wrong, n)} | ${pct(none, n)} | ${[...answers]
      .sort((x, y) => x[0] - y[0])
      .map(([b, [r, t]]) => `≥${b}: ${r}/${t}`)
      .join(', ')} |\n`,
  );
}
