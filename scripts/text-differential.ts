/**
 * Differential check of `normalizeName` between this tree and another copy of the code (for a
 * change that must not change any output): both real-name lists under every damage class of the
 * real-name evaluation and several option sets, the bench mixes, and fast-check strings (corrupted
 * names, Vietnamese text, strings over Vietnamese/legacy/combining characters, any Unicode), each
 * compared on the value and the changes. Prints the number of calls and of differences.
 *
 *   git archive <commit> | tar -x -C /tmp/before && ln -s $PWD/node_modules /tmp/before/
 *   node --import tsx scripts/text-differential.ts /tmp/before/src/text
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { textMixes } from '../bench/text-mixes.js';
import { corruptedNameArbitrary, vietnameseTextArbitrary } from '../src/testing/text.js';
import { type NormalizeNameOptions, normalizeName } from '../src/text/index.js';
import { DAMAGE_CLASSES, loadRealNames } from '../test/text/real-names.js';

type Normalize = (
  s: string,
  o?: NormalizeNameOptions,
) => { value: string; changes: readonly string[] };
const other = (
  (await import(pathToFileURL(resolve(process.argv[2] ?? '', 'index.ts')).href)) as {
    normalizeName: Normalize;
  }
).normalizeName;

const OPTIONS: readonly (NormalizeNameOptions | undefined)[] = [
  undefined,
  { style: 'modern' },
  { capitalize: false },
  { repairTelex: true },
  { repairTelex: false },
  { decode: false },
  { decode: 'tcvn3' },
  { decode: 'vni' },
];
let calls = 0;
let differences = 0;
function compare(s: string, options: NormalizeNameOptions | undefined): void {
  calls++;
  const a = normalizeName(s, options);
  const b = other(s, options);
  if (a.value !== b.value || a.changes.join() !== b.changes.join()) {
    differences++;
    if (differences <= 20) {
      process.stdout.write(
        `${JSON.stringify(s)} ${JSON.stringify(options)}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}\n`,
      );
    }
  }
}
const inputs: string[] = [];
for (const list of ['school', 'forum'] as const) {
  const names = loadRealNames(list);
  for (const damage of DAMAGE_CLASSES)
    for (const [i, n] of names.entries()) inputs.push(damage.damage(n, i));
}
const mixes = textMixes();
inputs.push(...mixes.stress, ...mixes.oneSource);
for (const s of inputs) for (const o of OPTIONS) compare(s, o);
const strings = [
  ...fc.sample(corruptedNameArbitrary(), { numRuns: 40_000, seed: 7 }).map((c) => c.corrupted),
  ...fc.sample(vietnameseTextArbitrary(), { numRuns: 20_000, seed: 8 }),
  ...fc.sample(
    fc.string({
      unit: fc.constantFrom(
        ...'aăâeêioôơuưyđAĂÂĐÔƠƯ àáảãạ¸¬µ×Þ\u0300\u0301\u0303\u0309\u0323\u00a0\u200b\u00ad.\'"-^(+~`?ÐðÕ'.split(
          '',
        ),
      ),
      maxLength: 24,
    }),
    { numRuns: 40_000, seed: 9 },
  ),
  ...fc.sample(fc.string({ unit: 'grapheme', maxLength: 20 }), { numRuns: 20_000, seed: 10 }),
  ...fc.sample(fc.string({ unit: 'binary', maxLength: 20 }), { numRuns: 20_000, seed: 11 }),
];
for (const s of strings) for (const o of OPTIONS.slice(0, 4)) compare(s, o);
process.stdout.write(`${calls} calls, ${differences} differences\n`);
