/**
 * The loop that valgrind counts for the instructions per register record of a link worker's
 * clean + prepare path (docs/scale.md, "CPU per record"): the first `rows` data rows of a CSV
 * file, in chunks of 4,096 as the pipeline cuts them, each cleaned with its blocking keys hashed
 * and prepared by one spec whose dictionaries are emptied for each chunk (`prepareRight` without
 * the file read). Run by
 * scripts/record-instructions.sh, which takes the difference of two row counts so that start-up
 * and compilation cancel out.
 */
import { readFileSync } from 'node:fs';
import { clearDictionaries, pieceDictionaries } from '../src/match/index.js';
import { clean, createWorkerState, pipelineSpec, setup } from '../src/node/workers/tasks.js';

const path = process.argv[2] ?? '';
const rows = Number(process.argv[3] ?? 8192);
const side = process.argv[4] === 'left' ? 'left' : 'right';
/** `clean`: stop after cleaning (the blocking keys included), to split the figure. */
const cleanOnly = process.argv[5] === 'clean';
const lines = readFileSync(path, 'utf8').split('\n');
const headerText = `${lines[0] ?? ''}\n`;
const state = createWorkerState();
const file = { file: 'bench.csv', path, headerText };
setup(state, {
  ...(side === 'left' ? { left: file } : { right: file }),
  map: {},
  referenceDate: Date.UTC(2026, 0, 1),
  formulaGuard: true,
});
const CHUNK = 4096;
const spec = pipelineSpec();
/** One chunk, in a function (see bench/text-instr.ts). */
function chunk(from: number): number {
  const text = `${lines.slice(1 + from, 1 + from + CHUNK).join('\n')}\n`;
  clearDictionaries(spec);
  const part = clean(state, side, text, 2 + from, spec, false);
  if (cleanOnly) return part.records.length;
  const columns = spec.comparisons.map((c) => c.prepare(part.records));
  return columns.length + part.records.length + pieceDictionaries(spec).length;
}
let sink = 0;
for (let from = 0; from < rows; from += CHUNK) sink += chunk(from);
process.stdout.write(`${sink}\n`);
