import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type FellegiSunterModel,
  type LinkageSpec,
  linkRecords,
  type MatchSummary,
  parseModel,
  type TrainingReport,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../match/index.js';
import { type CleanRecord, cleanRecord } from '../../record/index.js';
import type { Command, CommandContext } from '../command.js';
import {
  CSV_ARG_OPTIONS,
  createCsvWriter,
  openCsv,
  openOutput,
  parseColumnMap,
  parseCommandArgs,
} from '../csv.js';
import { CliInputError, EXIT_OK } from '../errors.js';
import {
  PIPELINE_USAGE,
  runLinkPipelineCommand,
  settledPairsNote,
  usesPipeline,
} from '../link-pipeline.js';
import { explanationOf, LINK_COLUMNS } from '../parallel/output.js';
import { thresholdsFromFlags } from '../thresholds.js';

const USAGE = `Usage: vn-reconcile link LEFT.csv RIGHT.csv [--out OUT.csv] [options]

Links each record of LEFT (the list to reconcile, e.g. vaccination subjects) to the reference RIGHT
(e.g. the population register). Exactly one output row per LEFT record, in LEFT order:
${LINK_COLUMNS.join(', ')}; decision is match, review, no_match or invalid. Unsupervised
(Fellegi–Sunter, EM) unless --model is given. A summary goes to stderr.

Options:
  -o, --out FILE             write here instead of stdout
      --key NAME             record key column of both files (default: the first column)
      --left-key NAME        record key column of LEFT
      --right-key NAME       record key column of RIGHT
      --map CANON=THEIRS     read canonical column CANON from column THEIRS (repeatable)
      --one-to-one           no RIGHT record is linked to two LEFT records (default many-to-one)
      --model FILE           use a saved model (JSON) instead of training one
      --save-model FILE      write the model (with the chosen thresholds) as JSON
      --match-threshold P    match at or above this probability (default: from the estimated FDR)
      --review-threshold P   review at or above this probability
      --target-fdr X         estimated false-discovery rate the match threshold aims at (default 0.001)
      --bom                  start the output with a UTF-8 BOM (for Excel)`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  'left-key': { type: 'string' },
  'right-key': { type: 'string' },
  'one-to-one': { type: 'boolean' },
  model: { type: 'string' },
  'save-model': { type: 'string' },
  'match-threshold': { type: 'string' },
  'review-threshold': { type: 'string' },
  'target-fdr': { type: 'string' },
} as const;

/** A file read and cleaned: records to match, and which rows are invalid. @internal */
export interface LoadedSide {
  readonly file: string;
  readonly keys: string[];
  readonly cells: string[][];
  readonly columns: readonly string[];
  /** Clean records of the valid rows. */
  readonly records: CleanRecord[];
  /** Row index → index in `records`, −1 for an invalid row. */
  readonly recordOf: Int32Array;
  readonly invalid: number;
}

/** Progress on a TTY: one rewritten line; silent otherwise. @internal */
export function progress(ctx: CommandContext, command: string) {
  const tty = ctx.stderr.isTTY === true;
  return {
    update(text: string) {
      if (tty) ctx.stderr.write(`\r\u001b[2K${command}: ${text}`);
    },
    done() {
      if (tty) ctx.stderr.write('\r\u001b[2K');
    },
  };
}

/**
 * Reads and cleans a CSV file. A row is invalid when it has the wrong number of fields or
 * nothing to match on (neither a name nor an identity number nor a phone).
 * @internal
 */
export async function loadSide(
  ctx: CommandContext,
  file: string,
  options: { key?: string | undefined; map: ReturnType<typeof parseColumnMap> },
  report: (rows: number) => void,
): Promise<LoadedSide> {
  const source = await openCsv(file === '-' ? 'stdin' : file, {
    cwd: ctx.cwd,
    map: options.map,
    ...(options.key === undefined ? {} : { key: options.key }),
    ...(file === '-' ? { stream: ctx.stdin } : {}),
  });
  const keys: string[] = [];
  const cells: string[][] = [];
  const records: CleanRecord[] = [];
  const recordOf: number[] = [];
  let invalid = 0;
  const referenceDate = new Date();
  for await (const row of source.rows) {
    keys.push(row.key);
    cells.push(row.cells as string[]);
    const { record } = cleanRecord(row.raw, { key: row.key, referenceDate });
    const usable =
      row.fieldCountIssue === undefined &&
      (record.fullName.value !== undefined ||
        record.idNumber.value !== undefined ||
        record.phone.value !== undefined);
    if (usable) {
      recordOf.push(records.length);
      records.push(record);
    } else {
      recordOf.push(-1);
      invalid++;
    }
    if (keys.length % 5000 === 0) report(keys.length);
  }
  return {
    file: source.header.file,
    keys,
    cells,
    columns: source.header.columns,
    records,
    recordOf: Int32Array.from(recordOf),
    invalid,
  };
}

/** Parses a probability flag. @internal */
export function probabilityFlag(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!(x >= 0 && x <= 1))
    throw new CliInputError(`--${flag} ${value}: expected a number between 0 and 1`);
  return x;
}

/** Loads and validates a saved model. @internal */
export async function loadModel(
  ctx: CommandContext,
  file: string | undefined,
  spec: LinkageSpec<CleanRecord>,
): Promise<FellegiSunterModel | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(ctx.cwd, file), 'utf8');
  } catch {
    throw new CliInputError(`--model ${file}: cannot read the file`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new CliInputError(
      `--model ${file}: not JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const parsed = parseModel(json, spec);
  if (!parsed.success) {
    throw new CliInputError(`--model ${file}: ${parsed.issues.map((i) => i.message).join('; ')}`);
  }
  return parsed.data;
}

/** Writes a model as JSON. @internal */
export async function saveModel(
  ctx: CommandContext,
  file: string | undefined,
  model: FellegiSunterModel,
) {
  if (file === undefined) return;
  await writeFile(resolve(ctx.cwd, file), `${JSON.stringify(model, null, 2)}\n`, 'utf8');
}

/** The summary lines shared by link and dedupe. @internal */
export function summaryLines(
  summary: MatchSummary,
  training: TrainingReport | undefined,
): string[] {
  const t = summary.thresholds;
  const lines = [
    `  candidate pairs scored: ${summary.pairsScored} (blocking: ${summary.blocking.perRule
      .map((r) => `${r.rule} ${r.pairs}`)
      .join(
        ', ',
      )}${summary.pairsSettled > 0 ? `; ${settledPairsNote(summary.pairsSettled)}` : ''})`,
    `  thresholds: match p >= ${t.match.toPrecision(4)}, review p >= ${t.review.toPrecision(4)}; estimated FDR ${t.estimatedFdr.toExponential(2)}, estimated FNR ${t.estimatedFnr.toExponential(2)}`,
  ];
  if (training) {
    lines.push(
      `  model trained without labels: ${training.randomPairs} random pairs for u, EM on ${training.patterns} patterns of ${training.candidatePairs} candidate pairs (${training.rounds.length} rounds)`,
    );
  } else lines.push('  model: loaded from file');
  return lines;
}

async function runLink(ctx: CommandContext): Promise<number> {
  if (usesPipeline(ctx.argv)) return runLinkPipelineCommand(ctx);
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  if (positionals.length !== 2) {
    throw new CliInputError(
      `expected two input files (LEFT.csv RIGHT.csv), got ${positionals.length}${positionals.length > 0 ? `: ${positionals.join(' ')}` : ''}`,
    );
  }
  const [leftFile, rightFile] = positionals as [string, string];
  if (leftFile === '-' && rightFile === '-')
    throw new CliInputError('only one input can be stdin (-)');
  const map = parseColumnMap(values.map);
  const match = probabilityFlag('match-threshold', values['match-threshold']);
  const review = probabilityFlag('review-threshold', values['review-threshold']);
  const targetFdr = probabilityFlag('target-fdr', values['target-fdr']);
  const spec = vietnameseSpec();
  const model = await loadModel(ctx, values.model, spec);
  const bar = progress(ctx, 'link');
  const right = await loadSide(
    ctx,
    rightFile,
    { key: values['right-key'] ?? values.key, map },
    (n) => bar.update(`reading ${rightFile}: ${n} rows`),
  );
  const left = await loadSide(ctx, leftFile, { key: values['left-key'] ?? values.key, map }, (n) =>
    bar.update(`reading ${leftFile}: ${n} rows`),
  );
  bar.update(`matching ${left.records.length} × ${right.records.length} records`);
  const started = Date.now();
  const thresholds = thresholdsFromFlags(match, review, model);
  const outcome = linkRecords(left.records, right.records, spec, {
    rules: VIETNAMESE_RULES,
    ...(values['one-to-one'] ? { oneToOne: true } : {}),
    ...(model ? { model } : {}),
    ...(thresholds ? { thresholds } : {}),
    ...(targetFdr !== undefined ? { targetFdr } : {}),
  });
  if (!outcome.success) {
    bar.done();
    throw new CliInputError(outcome.issues.map((i) => i.message).join('; '));
  }
  const data = outcome.data;
  bar.update('writing');
  const output = await openOutput(values.out, ctx.cwd, ctx.stdout);
  const writer = createCsvWriter(output.stream, [...LINK_COLUMNS], {
    bom: values.bom === true,
    close: output.close,
  });
  const tally = { match: 0, review: 0, no_match: 0, invalid: 0 };
  try {
    for (let row = 0; row < left.keys.length; row++) {
      const r = left.recordOf[row]!;
      let cells: string[];
      if (r < 0) {
        tally.invalid++;
        cells = [left.keys[row]!, '', 'invalid', '', '', 'malformed row or nothing to match on'];
      } else {
        const res = data.results[r]!;
        tally[res.decision]++;
        cells = [
          left.keys[row]!,
          res.right >= 0 ? right.records[res.right]!.key : '',
          res.decision,
          res.right >= 0 ? res.probability.toFixed(6) : '',
          res.right >= 0 ? res.matchWeight.toFixed(2) : '',
          explanationOf(data.scorer, data.left, data.right, res),
        ];
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
      `vn-reconcile link: ${left.file}: ${left.keys.length} rows → ${right.file}: ${right.keys.length} rows (${right.invalid} unusable) in ${seconds} s`,
      `  match ${tally.match}, review ${tally.review}, no_match ${tally.no_match}, invalid ${tally.invalid}${values['one-to-one'] ? ' (one-to-one)' : ''}`,
      ...summaryLines(data.summary, model ? undefined : data.model.training),
      '',
    ].join('\n'),
  );
  return EXIT_OK;
}

/** `vn-reconcile link LEFT.csv RIGHT.csv`: one output row per LEFT record (DESIGN.md §5). */
export const linkCommand: Command = {
  name: 'link',
  summary: 'link a list to a reference (the register): one row per list record with the best match',
  usage: `${USAGE}\n\n${PIPELINE_USAGE}`,
  run: runLink,
};
