/**
 * `dedupeFile`: find the records of the same person inside one file — the engine behind
 * `vn-reconcile dedupe`. Every row is written out, in order, with a cluster id.
 */

import {
  clusterDecisions,
  dedupeWithSpec,
  type FellegiSunterModel,
  type MatchSummary,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../match/index.js';
import { abortError, inputError, throwIfAborted } from '../errors.js';
import { createCsvWriter } from '../io/csv.js';
import type { InputSource, StagedInput } from '../io/input.js';
import { type OutputHandle, openOutput } from '../io/target.js';
import { loadSide } from '../load-side.js';
import { givenModel, writeModelFile } from '../model-file.js';
import type { ModelJobOptions, ReadOptions, RunOptions } from '../options.js';
import { progressReporter } from '../progress.js';
import { writeReport } from '../report/from-run.js';
import { type FileRunNotes, stageRunInput, startFileRun } from '../run.js';
import { VERSION } from '../version.js';

/** Columns `dedupe` appends to every row, in this order. */
export const DEDUPE_COLUMNS = ['cluster_id', 'cluster_size', 'dedupe_decision'] as const;

/** Options of {@link dedupeFile}. */
export interface DedupeFileOptions
  extends ReadOptions,
    Omit<RunOptions, 'workers'>,
    ModelJobOptions {}

/** What a {@link dedupeFile} run did: every number the CLI prints. */
export interface DedupeFileSummary extends FileRunNotes {
  readonly file: string;
  readonly rows: number;
  /** Clusters, invalid rows included (each its own cluster). */
  readonly clusters: number;
  readonly counts: { duplicate: number; unique: number; review: number; invalid: number };
  /** Merges refused because they would chain different people together. */
  readonly guardedMerges: number;
  readonly match: MatchSummary;
  readonly trained: boolean;
  readonly model: FellegiSunterModel;
  readonly seconds: number;
}

/**
 * De-duplicates one file: every row out, in order, with {@link DEDUPE_COLUMNS} added
 * (`cluster_id` is the key of the cluster's first row).
 *
 * @example
 * ```ts
 * import { dedupeFile } from 'vn-reconcile/node';
 *
 * const summary = await dedupeFile('list.csv', { out: 'list.dedupe.csv' });
 * summary.counts.duplicate;
 * ```
 */
export async function dedupeFile(
  input: InputSource,
  options: DedupeFileOptions,
): Promise<DedupeFileSummary> {
  const start = startFileRun(
    input,
    options,
    [{ label: '--model', path: typeof options.model === 'string' ? options.model : undefined }],
    [
      { label: '--save-model', path: options.saveModel },
      { label: '--report', path: options.report },
    ],
  );
  const { t0, cwd, signal } = start;
  const spec = vietnameseSpec();
  const { model, thresholds } = await givenModel(options, spec, cwd);
  const report = progressReporter(options.onProgress);
  let staged: StagedInput | undefined;
  let out: OutputHandle | undefined;
  try {
    staged = await stageRunInput(input, start, options);
    const side = await loadSide(staged.path, staged.file, {
      key: options.key,
      map: options.columns,
      referenceDate: options.referenceDate ?? new Date(),
      signal,
      onRows: (n) => report('read', n, undefined),
    });
    const clash = side.columns.find((c) => (DEDUPE_COLUMNS as readonly string[]).includes(c));
    if (clash !== undefined) {
      throw inputError(
        'HEADER_INVALID',
        `${side.file}: row 1: the input already has a column '${clash}' that dedupe adds`,
      );
    }
    report('dedupe', 0, side.records.length);
    const outcome = dedupeWithSpec(side.records, spec, {
      rules: VIETNAMESE_RULES,
      ...(model ? { model } : {}),
      ...(thresholds ? { thresholds } : {}),
    });
    if (!outcome.success) {
      throw inputError('MODEL_INVALID', outcome.issues.map((i) => i.message).join('; '));
    }
    throwIfAborted(signal);
    const data = outcome.data;
    const { sizeOf, decisionOf } = clusterDecisions(data);
    report('write', 0, side.keys.length);
    out = await openOutput(options.out, cwd);
    const writer = createCsvWriter(out.stream, [...side.columns, ...DEDUPE_COLUMNS], {
      bom: options.bom === true,
      close: false,
      guard: options.formulaGuard !== false,
    });
    const counts = { duplicate: 0, unique: 0, review: 0, invalid: 0 };
    for (let row = 0; row < side.keys.length; row++) {
      const r = side.recordOf[row]!;
      const cells = side.cells[row]!;
      if (r < 0) {
        counts.invalid++;
        cells.push(side.keys[row]!, '1', 'invalid');
      } else {
        const decision = decisionOf(r);
        counts[decision]++;
        cells.push(side.records[data.cluster[r]!]!.key, String(sizeOf(r)), decision);
      }
      const wait = writer.write(cells);
      if (wait !== undefined) await wait;
      if ((row & 4095) === 4095) {
        throwIfAborted(signal);
        report('write', row + 1, side.keys.length);
      }
    }
    await writer.end();
    report('write', side.keys.length, side.keys.length, true);
    if (options.saveModel !== undefined) await writeModelFile(options.saveModel, data.model, cwd);
    throwIfAborted(signal);
    if (options.report !== undefined) {
      const t = data.summary.thresholds;
      await writeReport(
        options.report,
        {
          command: 'dedupe',
          generatedAt: new Date().toISOString(),
          tool: { name: 'vn-reconcile', version: VERSION },
          files: [{ role: 'input', name: side.file, rows: side.keys.length }],
          counts,
          thresholds: {
            match: t.match,
            review: t.review,
            estimatedFdr: t.estimatedFdr,
            estimatedFnr: t.estimatedFnr,
          },
          timings: { total: (performance.now() - t0) / 1000 },
          warnings: [],
          model: data.model,
          weights: data.pairs.map((p) => p.matchWeight).filter((w) => Number.isFinite(w)),
          blocking: data.summary.blocking.perRule.map((b) => ({ rule: b.rule, pairs: b.pairs })),
        },
        { pii: options.reportPii },
        cwd,
      );
    }
    await out.commit();
    return {
      file: side.file,
      rows: side.keys.length,
      clusters: data.summary.clusters + side.invalid,
      counts,
      guardedMerges: data.summary.guardedMerges,
      match: data.summary,
      trained: model === undefined,
      model: data.model,
      notes: [...staged.notes, `${side.file}: ${side.mapping.join(', ')}`],
      warnings: data.summary.warnings,
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (e) {
    await out?.abort();
    if (signal?.aborted) throw abortError(signal);
    throw out?.explain(e) ?? e;
  } finally {
    await staged?.cleanup();
  }
}
