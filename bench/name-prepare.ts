/**
 * `prepareName` (the parse and phonetic keys behind the name comparisons and the name blocking
 * rules) over the distinct full names of a CSV file's `full_name` column, cleaned first as a
 * link cleans them (`normalizeName`), the way a worker meets them on a name-cache miss:
 *
 *   node --import tsx bench/name-prepare.ts FILE.csv [ROWS]
 *
 * Prints µs per name for four passes over fresh copies of the strings (the first pass includes
 * compilation). The file's naive comma split suits the bench's generated files (no quoted
 * names).
 */
import { readFileSync } from 'node:fs';
import { prepareName } from '../src/match/index.js';
import { normalizeName } from '../src/text/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: bench/name-prepare.ts FILE.csv [ROWS]');
const rows = Number(process.argv[3] ?? 400_000);
const lines = readFileSync(path, 'utf8').split('\n');
const column = (lines[0] ?? '').split(',').indexOf('full_name');
if (column < 0) throw new Error(`${path}: no full_name column`);
const raw = new Set<string>();
for (const line of lines.slice(1, 1 + rows)) {
  const cell = line.split(',')[column];
  if (cell) raw.add(cell);
}
const names = [...raw].map((n) => normalizeName(n, { style: 'traditional' }).value);
let sink = 0;
for (let pass = 1; pass <= 4; pass++) {
  // Fresh strings each pass, as cells cut from a new chunk would be (no cached hash).
  const copies = names.map((n) => ` ${n}`.slice(1));
  const t = performance.now();
  for (const n of copies) sink += prepareName(n)?.bagKey.length ?? 0;
  const us = ((performance.now() - t) * 1000) / names.length;
  process.stdout.write(`pass ${pass}: ${us.toFixed(2)} µs/name (${names.length} names)\n`);
}
process.stdout.write(`checksum ${sink}\n`);
