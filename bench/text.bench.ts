/**
 * Throughput of the `text` part on a realistic mix of names (40% damaged: NFD, mixed composition,
 * legacy encodings, Telex, missing diacritics, case, spacing, modern tone placement), with
 * `String.prototype.normalize('NFD')` + regex stripping as the peer baseline.
 *
 * Run: node --expose-gc --import tsx bench/text.bench.ts
 */
import { loadavg } from 'node:os';
import fc from 'fast-check';
import { corruptedNameArbitrary, vietnameseNameArbitrary } from '../src/testing/text.js';
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
  `\n${names.length} names (${distinct} distinct), ${(damagedShare * 100).toFixed(0)}% damaged; load average ${loadavg()[0]?.toFixed(1)} (shared 2-core machine: numbers are noisy)\n`,
);

await runBench(
  'text: names/s on the realistic mix',
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
process.stdout.write('\n## text: names per CPU-second on the realistic mix (best of 3)\n\n');
let peerRate = 0;
for (const [name, f, rounds] of cpuRows) {
  const rate = Math.max(...[0, 1, 2].map(() => perCpuSecond(names, f, rounds)));
  if (peerRate === 0) peerRate = rate;
  process.stdout.write(
    `${name.padEnd(30)} ${(rate / 1e6).toFixed(2).padStart(6)} M  ${(rate / peerRate).toFixed(2)}×\n`,
  );
}

if (sink === 0) process.stdout.write('(sink)\n');
