/**
 * `normalizeName` of two versions of the code, names per CPU-second of this process (best of 5),
 * beside the peer (`normalize('NFD')` + regex) measured in the same process, on the mixes of
 * bench/text-mixes.ts. Run each version in its own process and compare the ratios to the peer:
 *
 *   node --import tsx bench/text-compare.ts                      # this tree's src/text
 *   node --import tsx bench/text-compare.ts /tmp/base/src/text   # another tree (e.g. `git archive 0438ba4`)
 *
 * The mixes are always drawn with this tree's arbitraries, so both versions see the same names.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textMixes } from './text-mixes.js';

const dir = process.argv[2] ?? new URL('../src/text', import.meta.url).pathname;
const mod = (await import(pathToFileURL(resolve(dir, 'index.ts')).href)) as {
  normalizeName: (s: string) => unknown;
};
const { stress, oneSource, clean } = textMixes();

const COMBINING = /[\u0300-\u036f]/g;
function peerFold(s: string): string {
  return s.normalize('NFD').replace(COMBINING, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
let sink = 0;
function run(list: readonly string[], f: (s: string) => unknown): void {
  for (const s of list) {
    const r = f(s);
    sink += typeof r === 'string' ? r.length : 1;
  }
}
function perCpuSecond(list: readonly string[], f: (s: string) => unknown, rounds: number): number {
  run(list, f);
  const start = process.cpuUsage();
  for (let r = 0; r < rounds; r++) run(list, f);
  const used = process.cpuUsage(start);
  return (list.length * rounds) / ((used.user + used.system) / 1e6);
}
const best = (list: readonly string[], f: (s: string) => unknown, rounds: number): number =>
  Math.max(...[0, 1, 2, 3, 4].map(() => perCpuSecond(list, f, rounds)));

process.stdout.write(
  `${dir}  load ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}\n`,
);
for (const [title, list] of [
  ['stress', stress],
  ['one-source', oneSource],
  ['clean', clean],
] as const) {
  const peer = best(list, peerFold, 10);
  const name = best(list, mod.normalizeName, 5);
  process.stdout.write(
    `${title.padEnd(11)} peer ${(peer / 1e6).toFixed(2)} M  normalizeName ${(name / 1e6).toFixed(2)} M  ${(name / peer).toFixed(2)}× peer\n`,
  );
}
if (sink === 0) process.stdout.write('(sink)\n');
