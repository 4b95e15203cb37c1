/**
 * Throughput of the `text` part on two mixes of names, with `String.prototype.normalize('NFD')` +
 * regex stripping as the peer baseline:
 *
 * - the stress mix: 40% damaged, each damaged name drawn from `corruptedNameArbitrary()` with
 *   every defect allowed (about 3.5 defects a name: NFD, mixed composition, legacy encodings,
 *   Telex, missing diacritics, case, spacing, modern tone placement, all at once);
 * - the one-source mix: 30% damaged, each damaged name carrying only what one real source
 *   produces (see `SOURCES` in bench/text-mixes.ts for the families and their weights).
 *
 * Run: node --expose-gc --import tsx bench/text.bench.ts
 */
import { loadavg } from 'node:os';
import {
  detectEncoding,
  foldDiacritics,
  normalizeName,
  normalizeNameString,
  phoneticKey,
} from '../src/text/index.js';
import { SOURCES, textMixes } from './text-mixes.js';
import { runBench } from './util.js';

const mixes = textMixes();
const names = mixes.stress;
const names2 = mixes.oneSource;
const cleanOnly = mixes.clean;
const damagedShare = mixes.stressDamagedShare;
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
  `one-source mix: ${names2.length} names (${new Set(names2).size} distinct), ${(mixes.oneSourceDamagedShare * 100).toFixed(0)}% damaged, one source each:\n${SOURCES.map((x) => `  ${(x.weight * 100).toFixed(1).padStart(5)}%  ${x.label}`).join('\n')}\n`,
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
