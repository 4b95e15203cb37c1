/**
 * Runs `normalizeName` on one mix of bench/text-mixes.ts for profiling:
 *
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/text-profile.ts stress [rounds] [dir]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { textMixes } from './text-mixes.js';

const which = (process.argv[2] ?? 'stress') as 'stress' | 'oneSource' | 'clean';
const rounds = Number(process.argv[3] ?? 40);
const dir = process.argv[4] ?? new URL('../src/text', import.meta.url).pathname;
const mod = (await import(pathToFileURL(resolve(dir, 'index.ts')).href)) as {
  normalizeName: (s: string) => { value: string };
};
const list = textMixes()[which];
let sink = 0;
const start = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const s of list) sink += mod.normalizeName(s).value.length;
const used = process.cpuUsage(start);
const perSec = (list.length * rounds) / ((used.user + used.system) / 1e6);
process.stdout.write(`${which} ${(perSec / 1e6).toFixed(2)} M names per CPU-second (${sink})\n`);
