/**
 * `vn-reconcile link LEFT RIGHT`: flags in, `linkFiles` (vn-reconcile/node) called, progress bar
 * and summary out. No pipeline logic here.
 */
import {
  inputError,
  LINK_COLUMNS,
  type LinkFilesSummary,
  linkFiles,
  mergeShardFiles,
  parseShard,
  shardFromEnvironment,
} from '../../node/index.js';
import {
  CSV_ARG_OPTIONS,
  CSV_FLAGS_USAGE,
  fileOptions,
  MODEL_ARG_OPTIONS,
  modelOptions,
  parseCommandArgs,
  positiveIntFlag,
  probabilityFlag,
  referenceDateFlag,
} from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import { formatDuration, runWithProgress } from '../progress-bar.js';
import { summaryText } from '../summary-text.js';

const USAGE = `Usage: vn-reconcile link LEFT RIGHT [--out OUT] [options]

Links each record of LEFT (the list to reconcile, e.g. vaccination
subjects) to the reference RIGHT (e.g. the population register). One
output row per LEFT record, in LEFT order: left_id, right_id, decision,
probability, match_weight, explanation; decision is match, review,
no_match or invalid. Inputs: .csv, .tsv or .xlsx (- for stdin); RIGHT
may also be a prepared register file (vn-reconcile prepare).
Unsupervised (Fellegi-Sunter, EM) unless --model is given.

Options:
  -o, --out FILE          write here (.csv or .xlsx) instead of stdout
      --key NAME          record key column of both files (default: first)
      --left-key NAME     record key column of LEFT
      --right-key NAME    record key column of RIGHT
      --map COL=THEIRS    read engine column COL from column THEIRS
      --one-to-one        no RIGHT record linked twice (runs in memory)
      --model FILE        use a saved model instead of training one
      --save-model FILE   write the model (with thresholds) as JSON
      --match-threshold P match at or above this probability
      --review-threshold P
                          review at or above this probability
      --target-fdr X      estimated FDR the match threshold aims at
                          (default 0.001)
${CSV_FLAGS_USAGE}
      --workers N         worker threads (default: the number of cores)
      --chunk-size N      rows per chunk (default 4096)
      --sample-size N     LEFT rows in the EM sample (default: a tenth of
                          LEFT, at least 10000, at most 50000)
      --shard K/N         only the K-th of N shards of LEFT; the output
                          gets a leading left_row column. Train once
                          (--save-model), then give every shard --model.
                          --shard auto (or auto/N) takes K from the array
                          job: JOB_COMPLETION_INDEX (Kubernetes Indexed
                          Job), SLURM_ARRAY_TASK_ID (Slurm) or
                          AWS_BATCH_JOB_ARRAY_INDEX (AWS Batch); N from
                          auto/N, VN_RECONCILE_SHARD_COUNT or
                          SLURM_ARRAY_TASK_COUNT
      --merge             the files are shard outputs: merge them
      --reference-date D  "today" for date checks, YYYY-MM-DD
      --report FILE       write an HTML report (summary, charts, review
                          queue; personal data masked)
      --report-pii        show personal data unmasked in the report
      --decisions FILE    clerical decisions exported from the report
                          (left_id,right_id,decision): applied to the
                          output`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  'left-key': { type: 'string' },
  'right-key': { type: 'string' },
  'one-to-one': { type: 'boolean' },
  ...MODEL_ARG_OPTIONS,
  'target-fdr': { type: 'string' },
  workers: { type: 'string' },
  'chunk-size': { type: 'string' },
  'sample-size': { type: 'string' },
  shard: { type: 'string' },
  merge: { type: 'boolean' },
  'reference-date': { type: 'string' },
  report: { type: 'string' },
  'report-pii': { type: 'boolean' },
  decisions: { type: 'string' },
} as const;

async function runLink(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  const files = fileOptions(values, ctx);
  if (values.merge === true) {
    if (positionals.length === 0)
      throw inputError('OPTION_INVALID', '--merge: give the shard output files');
    const rows = await mergeShardFiles(positionals, {
      out: files.out,
      cwd: ctx.cwd,
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
    ctx.stderr.write(
      `vn-reconcile link --merge: ${fmt(rows)} rows from ${positionals.length} shard files\n`,
    );
    return EXIT_OK;
  }
  if (positionals.length !== 2) {
    throw inputError(
      'OPTION_INVALID',
      `expected two input files (LEFT RIGHT), got ${positionals.length}${positionals.length > 0 ? `: ${positionals.join(' ')}` : ''}`,
    );
  }
  const [leftFile, rightFile] = positionals as [string, string];
  if (leftFile === '-' && rightFile === '-')
    throw inputError('OPTION_INVALID', 'only one input can be stdin (-)');
  if (values['one-to-one'] === true && values.shard !== undefined)
    throw inputError(
      'OPTION_INVALID',
      '--one-to-one cannot be sharded: every candidate is needed at once',
    );
  return runWithProgress(
    ctx,
    'link',
    (onProgress) =>
      linkFiles(
        leftFile === '-' ? ctx.stdin : leftFile,
        rightFile === '-' ? ctx.stdin : rightFile,
        {
          ...files,
          ...modelOptions(values),
          leftKey: values['left-key'],
          rightKey: values['right-key'],
          oneToOne: values['one-to-one'] === true,
          targetFdr: probabilityFlag('target-fdr', values['target-fdr']),
          workers: positiveIntFlag('workers', values.workers, 256),
          chunkRows: positiveIntFlag('chunk-size', values['chunk-size']),
          sampleSize: positiveIntFlag('sample-size', values['sample-size']),
          shard:
            values.shard === undefined
              ? undefined
              : values.shard.trim().startsWith('auto')
                ? shardFromEnvironment(values.shard, process.env).shard
                : parseShard(values.shard),
          referenceDate: referenceDateFlag(values['reference-date']),
          report: values.report,
          reportPii: values['report-pii'] === true,
          decisions: values.decisions,
          onProgress,
        },
      ),
    formatSummary,
  );
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The summary printed to stderr after a run.
 *
 * @example
 * ```ts
 * io.stderr.write(formatSummary(summary));
 * ```
 */
export function formatSummary(s: LinkFilesSummary): string {
  const shard = s.shard
    ? `, shard ${s.shard.index + 1}/${s.shard.count} (${fmt(s.rowsWritten)} of ${fmt(s.leftRows)} rows)`
    : '';
  const c = s.counts;
  const lines = [
    `vn-reconcile link: ${fmt(s.rowsWritten)} rows against ${fmt(s.rightRows)} reference rows in ${formatDuration(s.seconds.total)} (${s.seconds.total.toFixed(1)} s; ${s.workers} worker${s.workers === 1 ? '' : 's'}${shard})`,
    `  match ${c.match}, review ${c.review}, no_match ${c.no_match}, invalid ${c.invalid}`,
    `  candidate pairs scored: ${s.pairsScored} (${fmt(s.pairsScored / Math.max(s.seconds.link, 1e-9))} pairs/s while linking; ${settledPairsNote(s.pairsSettled)})`,
    `  thresholds: match p >= ${s.thresholds.match.toPrecision(4)}, review p >= ${s.thresholds.review.toPrecision(4)}; estimated FDR ${s.estimatedFdr.toExponential(2)}, estimated FNR ${s.estimatedFnr.toExponential(2)} (on the EM sample: ${s.sampleFdr.toExponential(2)}, ${s.sampleFnr.toExponential(2)})`,
    s.trained
      ? `  model trained without labels: EM on a sample of ${fmt(s.sampleSize)} LEFT rows (the full data is only scored)`
      : `  model: loaded from file (thresholds checked on a sample of ${fmt(s.sampleSize)} LEFT rows)`,
    `  blocking, candidates per LEFT row on the sample: ${s.blockingPerRow.map((b) => `${b.rule} ${b.pairs.toFixed(2)}`).join(', ')}`,
    `  reference: ${s.referenceBytesPerRecord.toFixed(0)} bytes/record in shared typed arrays (dictionaries ${s.dictionaryBytesPerRecord.toFixed(0)} more); time: reference ${s.seconds.reference.toFixed(1)} s · training ${s.seconds.training.toFixed(1)} s · linking ${s.seconds.link.toFixed(1)} s`,
  ];
  if (s.clericalDecisions > 0)
    lines.push(`  clerical decisions applied: ${s.clericalDecisions} (counts above include them)`);
  return summaryText(lines, s);
}

/**
 * The summary's words for the candidate pairs compared on one field only (see
 * `ScoreChunkOptions.settle`), shared by the streaming and in-memory link summaries.
 *
 * @example
 * ```ts
 * settledPairsNote(12); // '12 of them compared on one field only, …'
 * ```
 */
export function settledPairsNote(n: number): string {
  return `${n} of them compared on one field only, their row already settled by a match rule`;
}

/** `vn-reconcile link LEFT RIGHT`: one output row per LEFT record (DESIGN.md §5). */
export const linkCommand: Command = {
  name: 'link',
  summary: 'link a list to a reference (the register): best match per row',
  usage: USAGE,
  run: runLink,
};

/** The output columns of `link` (re-exported for the commands that read link outputs). */
export { LINK_COLUMNS };
