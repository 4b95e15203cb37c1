/**
 * `vn-reconcile dedupe IN`: flags in, `dedupeFile` (vn-reconcile/node) called, summary out.
 */
import { DEDUPE_COLUMNS, type DedupeFileSummary, dedupeFile } from '../../node/index.js';
import {
  CSV_ARG_OPTIONS,
  CSV_FLAGS_USAGE,
  fileOptions,
  MODEL_ARG_OPTIONS,
  modelOptions,
  referenceDateFlag,
} from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { runOnInput } from '../progress-bar.js';
import { summaryText } from '../summary-text.js';

const USAGE = `Usage: vn-reconcile dedupe IN [--out OUT] [options]

Finds records of the same person inside IN (.csv, .tsv or .xlsx). Every
row is written out, in order, with ${DEDUPE_COLUMNS.join(', ')}
added: cluster_id is the key of the cluster's first row; dedupe_decision
is duplicate (in a cluster of two or more), unique, review (a possible
duplicate below the match threshold, or a merge refused by the chaining
guard) or invalid (malformed row or nothing to match on). A summary goes
to stderr.

Options:
  -o, --out FILE          write here (.csv or .xlsx) instead of stdout
      --key NAME          record key column (default: the first column)
      --map COL=THEIRS    read engine column COL from column THEIRS
      --model FILE        use a saved model instead of training one
      --save-model FILE   write the model (with thresholds) as JSON
      --match-threshold P merge pairs at or above this probability
      --review-threshold P
                          report pairs at or above this for review
      --reference-date D  "today" for date checks, YYYY-MM-DD
${CSV_FLAGS_USAGE}
      --report FILE       write an HTML report (summary, charts)
      --report-pii        show personal data unmasked in the report`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  ...MODEL_ARG_OPTIONS,
  'reference-date': { type: 'string' },
  report: { type: 'string' },
  'report-pii': { type: 'boolean' },
} as const;

/**
 * The stderr summary of a `dedupe` run.
 *
 * @example
 * ```ts
 * ctx.stderr.write(dedupeSummaryText(summary));
 * ```
 */
export function dedupeSummaryText(s: DedupeFileSummary): string {
  const t = s.match.thresholds;
  const c = s.counts;
  const lines = [
    `vn-reconcile dedupe: ${s.file}: ${s.rows} rows in ${s.seconds.toFixed(1)} s → ${s.clusters} clusters`,
    `  duplicate ${c.duplicate}, unique ${c.unique}, review ${c.review}, invalid ${c.invalid}; merges refused by the chaining guard ${s.guardedMerges}`,
    `  candidate pairs scored: ${s.match.pairsScored} (blocking: ${s.match.blocking.perRule.map((r) => `${r.rule} ${r.pairs}`).join(', ')})`,
    `  thresholds: match p >= ${t.match.toPrecision(4)}, review p >= ${t.review.toPrecision(4)}; estimated FDR ${t.estimatedFdr.toExponential(2)}, estimated FNR ${t.estimatedFnr.toExponential(2)}`,
  ];
  const training = s.model.training;
  lines.push(
    s.trained && training
      ? `  model trained without labels: ${training.randomPairs} random pairs for u, EM on ${training.patterns} patterns of ${training.candidatePairs} candidate pairs (${training.rounds.length} rounds)`
      : '  model: loaded from file',
  );
  return summaryText(lines, s);
}

function runDedupe(ctx: CommandContext): Promise<number> {
  return runOnInput(ctx, ARGS, 'dedupe', dedupeSummaryText, (input, values, onProgress) =>
    dedupeFile(input, {
      ...fileOptions(values, ctx),
      ...modelOptions(values),
      referenceDate: referenceDateFlag(values['reference-date']),
      report: values.report,
      reportPii: values['report-pii'] === true,
      onProgress,
    }),
  );
}

/** `vn-reconcile dedupe IN`: every row with a cluster id (DESIGN.md §5). */
export const dedupeCommand: Command = {
  name: 'dedupe',
  summary: 'find records of the same person inside one file (cluster_id)',
  usage: USAGE,
  run: runDedupe,
};

export { DEDUPE_COLUMNS };
