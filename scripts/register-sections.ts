/**
 * Bytes per register person of a prepared register file (`.vnreg`), by part: sums the sizes of
 * the file's typed-array sections under each path of its header's tree (a section shared by two
 * paths counts once, under the first).
 *
 * Usage: `node --import tsx scripts/register-sections.ts register.vnreg [DEPTH]` — DEPTH is how
 * many path segments name a part (3: `.reference.columns`, `.reference.blocks`,
 * `.dictionaries.table`, …; 9 for every leaf kind).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

const [file, depthArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: register-sections.ts FILE.vnreg [DEPTH]');
  process.exit(1);
}
const depth = Number(depthArg ?? 3);
const fd = openSync(file, 'r');
const prefix = Buffer.alloc(32);
readSync(fd, prefix, 0, 32, 0);
const header = Buffer.alloc(prefix.readUInt32LE(12));
readSync(fd, header, 0, header.length, 32);
const size = fstatSync(fd).size;
closeSync(fd);
const { rowsRead, sections, tree } = JSON.parse(header.toString('utf8')) as {
  rowsRead: number;
  sections: { type: string; length: number }[];
  tree: unknown;
};
const bytesPer: Record<string, number> = {
  Int8Array: 1,
  Uint8Array: 1,
  Int16Array: 2,
  Uint16Array: 2,
  Int32Array: 4,
  Uint32Array: 4,
  Float64Array: 8,
};
const seen = new Set<number>();
const sums = new Map<string, number>();
const walk = (node: unknown, path: string): void => {
  if (Array.isArray(node)) {
    for (const x of node) walk(x, path);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const ref = (node as Record<string, unknown>)['§'];
  if (typeof ref === 'number') {
    const s = sections[ref];
    if (ref < 0 || !s || seen.has(ref)) return;
    seen.add(ref);
    const part = path.split('.').slice(0, depth).join('.');
    sums.set(part, (sums.get(part) ?? 0) + s.length * (bytesPer[s.type] ?? Number.NaN));
    return;
  }
  for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`);
};
walk(tree, '');
let total = 0;
for (const [part, bytes] of [...sums].sort((a, b) => b[1] - a[1])) {
  total += bytes;
  console.log(`${part.padEnd(40)} ${(bytes / rowsRead).toFixed(1).padStart(7)}`);
}
console.log(`${'sections'.padEnd(40)} ${(total / rowsRead).toFixed(1).padStart(7)}`);
console.log(`${'file'.padEnd(40)} ${(size / rowsRead).toFixed(1).padStart(7)}`);
