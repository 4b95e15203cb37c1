/**
 * Writes a synthetic register of SIZE people as CSV (the bench's generator, seed 1) to
 * DIR/register.csv, through a temporary file renamed at the end. Used for the registers larger
 * than `npm run bench:scale` makes (which also writes a list of the same size).
 *
 * Usage: `node --import tsx scripts/generate-register.ts 30000000 /tmp/r30m`
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync } from 'node:fs';
import { csvLine, generateRegister, REGISTER_COLUMNS } from '../src/testing/population/index.js';

const size = Number(process.argv[2]);
const dir = process.argv[3];
if (!Number.isSafeInteger(size) || size < 1 || !dir) {
  console.error('usage: generate-register.ts SIZE DIR');
  process.exit(1);
}
mkdirSync(dir, { recursive: true });
const out = createWriteStream(`${dir}/register.csv.tmp`);
const put = async (s: string) => {
  if (!out.write(s)) await once(out, 'drain');
};
await put(`${REGISTER_COLUMNS.join(',')}\n`);
let buffer = '';
let n = 0;
const t0 = Date.now();
for (const person of generateRegister({ seed: 1, size })) {
  buffer += `${csvLine(REGISTER_COLUMNS.map((c) => person[c]))}\n`;
  if (buffer.length > 1 << 20) {
    await put(buffer);
    buffer = '';
  }
  if (++n % 1_000_000 === 0) console.log(`${n} people, ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}
await put(buffer);
out.end();
await once(out, 'finish');
renameSync(`${dir}/register.csv.tmp`, `${dir}/register.csv`);
console.log(`${dir}/register.csv: ${n} people`);
