/**
 * The loop that valgrind counts for the instructions per name of `normalizeName` (docs/text.md,
 * "Speed, fourth round"): runs a JSON list of names (bench/text-paths.ts) `rounds` times. Bundled
 * per tree with esbuild and run by scripts/text-instructions.sh, which takes the difference
 * between 20 and 60 rounds so that start-up and compilation cancel out.
 */
import { readFileSync } from 'node:fs';
import { normalizeName } from '../src/text/index.js';

// Through UTF-8 and back, as bench/text-mixes.ts reads its names (flat, not internalised).
const utf8 = { encoder: new TextEncoder(), decoder: new TextDecoder() };
const list = (JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as string[]).map((s) =>
  utf8.decoder.decode(utf8.encoder.encode(s)),
);
const rounds = Number(process.argv[3] ?? 20);
/**
 * One round, in a function: the rounds' loop at the top level of the module would be compiled by
 * on-stack replacement at a point that varies with the code measured, and that compilation
 * (about 100 M instructions) falls between 20 and 60 rounds or not.
 */
function round(names: readonly string[]): number {
  let sink = 0;
  for (const s of names) sink += normalizeName(s).value.length;
  return sink;
}
let sink = 0;
for (let r = 0; r < rounds; r++) sink += round(list);
process.stdout.write(`${sink}\n`);
