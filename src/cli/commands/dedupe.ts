import { dedupeRecords, VIETNAMESE_RULES, vietnameseSpec } from '../../match/index.js';
import type { Command, CommandContext } from '../command.js';
import {
  CSV_ARG_OPTIONS,
  createCsvWriter,
  oneInputFile,
  openOutput,
  parseColumnMap,
  parseCommandArgs,
} from '../csv.js';
import { CliInputError, EXIT_OK } from '../errors.js';
import { thresholdsFromFlags } from '../thresholds.js';
import { loadModel, loadSide, probabilityFlag, progress, saveModel, summaryLines } from './link.js';

/** Columns `dedupe` appends to every row. */
export const DEDUPE_COLUMNS = ['cluster_id', 'cluster_size', 'dedupe_decision'] as const;

const USAGE = `Usage: vn-reconcile dedupe IN.csv [--out OUT.csv] [options]

Finds records of the same person inside IN.csv. Every row is written out, in order, with
${DEDUPE_COLUMNS.join(', ')} added: cluster_id is the key of the cluster's first row;
dedupe_decision is duplicate (in a cluster of two or more), unique, review (a possible duplicate
below the match threshold, or a merge refused by the chaining guard) or invalid (malformed row or
nothing to match on; its own cluster). A summary goes to stderr.

Options:
  -o, --out FILE             write here instead of stdout
      --key NAME             record key column (default: the first column)
      --map CANON=THEIRS     read canonical column CANON from column THEIRS (repeatable)
      --model FILE           use a saved model (JSON) instead of training one
      --save-model FILE      write the model (with the chosen thresholds) as JSON
      --match-threshold P    merge pairs at or above this probability (default: from the estimated FDR)
      --review-threshold P   report pairs at or above this probability for review
      --bom                  start the output with a UTF-8 BOM (for Excel)`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  model: { type: 'string' },
  'save-model': { type: 'string' },
  'match-threshold': { type: 'string' },
  'review-threshold': { type: 'string' },
} as const;

async function runDedupe(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  const file = oneInputFile(positionals);
  const match = probabilityFlag('match-threshold', values['match-threshold']);
  const review = probabilityFlag('review-threshold', values['review-threshold']);
  const spec = vietnameseSpec();
  const model = await loadModel(ctx, values.model, spec);
  const bar = progress(ctx, 'dedupe');
  const side = await loadSide(
    ctx,
    file,
    { key: values.key, map: parseColumnMap(values.map) },
    (n) => bar.update(`reading ${file}: ${n} rows`),
  );
  const clash = side.columns.find((c) => (DEDUPE_COLUMNS as readonly string[]).includes(c));
  if (clash !== undefined)
    throw new CliInputError(
      `${side.file}: row 1: the input already has a column '${clash}' that dedupe adds`,
    );
  bar.update(`matching ${side.records.length} records`);
  const started = Date.now();
  const thresholds = thresholdsFromFlags(match, review, model);
  const outcome = dedupeRecords(side.records, spec, {
    rules: VIETNAMESE_RULES,
    ...(model ? { model } : {}),
    ...(thresholds ? { thresholds } : {}),
  });
  if (!outcome.success) {
    bar.done();
    throw new CliInputError(outcome.issues.map((i) => i.message).join('; '));
  }
  const data = outcome.data;
  const size = new Int32Array(side.records.length);
  for (const c of data.cluster) size[c]! += 1;
  const inReview = new Uint8Array(side.records.length);
  for (const p of data.pairs)
    if (p.decision === 'review' && data.cluster[p.a] !== data.cluster[p.b]) {
      inReview[p.a] = 1;
      inReview[p.b] = 1;
    }
  bar.update('writing');
  const output = await openOutput(values.out, ctx.cwd, ctx.stdout);
  const writer = createCsvWriter(output.stream, [...side.columns, ...DEDUPE_COLUMNS], {
    bom: values.bom === true,
    close: output.close,
  });
  const tally = { duplicate: 0, unique: 0, review: 0, invalid: 0 };
  try {
    for (let row = 0; row < side.keys.length; row++) {
      const r = side.recordOf[row]!;
      const cells = side.cells[row]!;
      if (r < 0) {
        tally.invalid++;
        cells.push(side.keys[row]!, '1', 'invalid');
      } else {
        const c = data.cluster[r]!;
        const n = size[c]!;
        const decision = n > 1 ? 'duplicate' : inReview[r] ? 'review' : 'unique';
        tally[decision]++;
        cells.push(side.records[c]!.key, String(n), decision);
      }
      const wait = writer.write(cells);
      if (wait !== undefined) await wait;
    }
  } finally {
    await writer.end();
  }
  bar.done();
  await saveModel(ctx, values['save-model'], data.model);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  ctx.stderr.write(
    [
      `vn-reconcile dedupe: ${side.file}: ${side.keys.length} rows in ${seconds} s → ${data.summary.clusters + side.invalid} clusters`,
      `  duplicate ${tally.duplicate}, unique ${tally.unique}, review ${tally.review}, invalid ${tally.invalid}; merges refused by the chaining guard ${data.summary.guardedMerges}`,
      ...summaryLines(data.summary, model ? undefined : data.model.training),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

/** `vn-reconcile dedupe IN.csv`: every row with a cluster id (DESIGN.md §5). */
export const dedupeCommand: Command = {
  name: 'dedupe',
  summary: 'find records of the same person inside one CSV file: every row gets a cluster_id',
  usage: USAGE,
  run: runDedupe,
};
