/**
 * LINK with every record in memory: the engine for `oneToOne` (a one-to-one assignment needs
 * every candidate pair at once). Same output rows as the streaming pipeline.
 */
import {
  EXPLANATION_INVALID,
  explanationOf,
  LINK_COLUMNS,
  linkWithSpec,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../match/index.js';
import { inputError, throwIfAborted } from '../errors.js';
import { csvCell, linkLine } from '../io/output.js';
import { loadSide } from '../load-side.js';
import { progressReporter } from '../progress.js';
import type { LinkPipelineOptions, LinkPipelineSummary } from './pipeline.js';

/** Options of {@link linkInMemory}: the pipeline's, less those of threads, chunks and shards. */
export interface LinkInMemoryOptions
  extends Pick<
    LinkPipelineOptions,
    | 'left'
    | 'right'
    | 'out'
    | 'leftKey'
    | 'rightKey'
    | 'map'
    | 'model'
    | 'thresholds'
    | 'targetFdr'
    | 'referenceDate'
    | 'bom'
    | 'formulaGuard'
    | 'onText'
    | 'signal'
    | 'onProgress'
    | 'onModel'
  > {
  readonly leftLabel: string;
  readonly rightLabel: string;
}

/**
 * Links two UTF-8 comma CSV files one-to-one in memory and writes the link rows to `options.out`
 * (not committed). Resolves to the same summary shape as the pipeline.
 *
 * @example
 * ```ts
 * const summary = await linkInMemory({ left, right, leftLabel: 'a.csv', rightLabel: 'b.csv', out });
 * ```
 */
export async function linkInMemory(options: LinkInMemoryOptions): Promise<LinkPipelineSummary> {
  const t0 = performance.now();
  const signal = options.signal;
  const report = progressReporter(options.onProgress);
  const referenceDate = options.referenceDate ?? new Date();
  const load = (
    path: string,
    label: string,
    key: string | undefined,
    phase: 'reference' | 'read',
  ) =>
    loadSide(path, label, {
      key,
      map: options.map,
      referenceDate,
      signal,
      onRows: (n) => report(phase, n, undefined),
    });
  const right = await load(options.right, options.rightLabel, options.rightKey, 'reference');
  if (right.keys.length === 0) {
    throw inputError('INPUT_NO_ROWS', `${options.rightLabel}: the reference has no data rows`);
  }
  if (right.records.length === 0) {
    throw inputError(
      'INPUT_NO_ROWS',
      `${options.rightLabel}: the reference has no usable rows (${right.keys.length} rows read, none with a name, an ID or a phone: are the columns named? see --map)`,
    );
  }
  const left = await load(options.left, options.leftLabel, options.leftKey, 'read');
  const tReference = performance.now();
  throwIfAborted(signal);
  report('link', 0, left.keys.length);
  const spec = vietnameseSpec();
  const outcome = linkWithSpec(left.records, right.records, spec, {
    rules: VIETNAMESE_RULES,
    oneToOne: true,
    ...(options.model ? { model: options.model } : {}),
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    ...(options.targetFdr !== undefined ? { targetFdr: options.targetFdr } : {}),
  });
  if (!outcome.success) {
    throw inputError('MODEL_INVALID', outcome.issues.map((i) => i.message).join('; '));
  }
  const data = outcome.data;
  await options.onModel?.(data.model);
  const tTraining = performance.now();
  const stream = options.out.stream;
  const write = async (text: string) => {
    if (!stream.write(text)) await new Promise((r) => stream.once('drain', r));
  };
  await write(
    `${options.bom === true ? '\ufeff' : ''}${LINK_COLUMNS.map((h) => csvCell(h)).join(',')}\r\n`,
  );
  const tally = { match: 0, review: 0, no_match: 0, invalid: 0 };
  let falseMatches = 0;
  let missed = 0;
  let mass = 0;
  const t = data.summary.thresholds;
  const guard = options.formulaGuard !== false;
  let text = '';
  for (let row = 0; row < left.keys.length; row++) {
    const r = left.recordOf[row]!;
    if (r < 0) {
      tally.invalid++;
      text += linkLine(
        left.keys[row]!,
        undefined,
        '',
        'invalid',
        undefined,
        EXPLANATION_INVALID,
        guard,
      );
    } else {
      const res = data.results[r]!;
      tally[res.decision]++;
      mass += res.probability;
      if (res.decision === 'match') falseMatches += 1 - res.probability;
      if (res.probability < t.review) missed += res.probability;
      text += linkLine(
        left.keys[row]!,
        undefined,
        res.right >= 0 ? right.records[res.right]!.key : '',
        res.decision,
        res,
        explanationOf(data.scorer, data.left, data.right, res, (j) => right.records[j]!.key),
        guard,
      );
    }
    if (text.length > 1 << 16) {
      await write(options.onText ? options.onText(text) : text);
      text = '';
      throwIfAborted(signal);
      report('link', row + 1, left.keys.length);
    }
  }
  if (text.length > 0) await write(options.onText ? options.onText(text) : text);
  report('link', left.keys.length, left.keys.length, true);
  const tEnd = performance.now();
  const training = data.model.training;
  return {
    leftRows: left.keys.length,
    rowsWritten: left.keys.length,
    rightRows: right.records.length,
    workers: 1,
    shard: undefined,
    counts: tally,
    pairsScored: data.summary.pairsScored,
    pairsSettled: data.summary.pairsSettled,
    sampleSize: left.records.length,
    blockingPerRow: data.summary.blocking.perRule.map((b) => ({
      rule: b.rule,
      pairs: b.pairs / Math.max(1, left.records.length),
    })),
    trained: options.model === undefined && training !== undefined,
    thresholds: { match: t.match, review: t.review },
    sampleFdr: t.estimatedFdr,
    sampleFnr: t.estimatedFnr,
    estimatedFdr: tally.match > 0 ? falseMatches / tally.match : 0,
    estimatedFnr: mass > 0 ? missed / mass : 0,
    referenceBytesPerRecord: 0,
    dictionaryBytesPerRecord: 0,
    warnings: data.summary.warnings,
    seconds: {
      reference: (tReference - t0) / 1000,
      training: (tTraining - tReference) / 1000,
      link: (tEnd - tTraining) / 1000,
      total: (tEnd - t0) / 1000,
    },
  };
}
