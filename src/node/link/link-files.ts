/**
 * `linkFiles`: link a list (LEFT) to a reference (RIGHT, the register), file to file — the engine
 * behind `vn-reconcile link`. Streaming and parallel by default (./pipeline.ts); `oneToOne` needs
 * every candidate at once and runs in memory (./link-in-memory.ts).
 */

import { type FellegiSunterModel, vietnameseSpec } from '../../match/index.js';
import { abortError, inputError, throwIfAborted } from '../errors.js';
import { readHeader } from '../io/csv.js';
import { type InputSource, type StagedInput, stageInput } from '../io/input.js';
import { readOptionFile } from '../io/read-text.js';
import { absolutePath, checkOutputs, type OutputHandle, openOutput } from '../io/target.js';
import { givenModel, writeModelFile } from '../model-file.js';
import type { ModelJobOptions, ReadOptions, RunOptions } from '../options.js';
import { type ClericalDecision, parseClericalDecisions } from '../report/decisions.js';
import { linkReportInput, linkRowWatcher, writeReport } from '../report/from-run.js';
import type { FileRunNotes } from '../run.js';
import { VERSION } from '../version.js';
import { linkInMemory } from './link-in-memory.js';
import { type LinkPipelineSummary, runLinkPipeline } from './pipeline.js';
import { isRegisterFile } from './register-file.js';
import type { Shard } from './shard.js';

/** Options of {@link linkFiles}. */
export interface LinkFilesOptions extends Omit<ReadOptions, 'key'>, RunOptions, ModelJobOptions {
  /** Record key column of both files (default: each file's first column). */
  readonly key?: string | undefined;
  readonly leftKey?: string | undefined;
  readonly rightKey?: string | undefined;
  /** No RIGHT record is linked to two LEFT records (default: many-to-one). Runs in memory. */
  readonly oneToOne?: boolean | undefined;
  /** The estimated false-discovery rate the match threshold aims at (default 0.001). */
  readonly targetFdr?: number | undefined;
  /** Only this shard of LEFT (the output gets a leading `left_row` column). */
  readonly shard?: Shard | undefined;
  /** LEFT rows per chunk (default 4 096). */
  readonly chunkRows?: number | undefined;
  /**
   * Clerical decisions (the CSV the report exports: `left_id,right_id,decision`, or its parsed
   * rows): a decided LEFT row is written with the clerk's decision.
   */
  readonly decisions?: string | readonly ClericalDecision[] | undefined;
  /**
   * LEFT rows in the EM sample (default `defaultSampleSize`: a tenth of LEFT, between
   * 10 000 and 50 000).
   */
  readonly sampleSize?: number | undefined;
  /**
   * @internal Dispatch LEFT chunks in a shuffled order (seed) while still writing them in LEFT
   * order: shows that results do not depend on the order chunks are processed in (tests).
   */
  readonly shuffleChunks?: number | undefined;
  /** @internal Heap limit of each worker in MiB. */
  readonly workerHeapMb?: number | undefined;
  /** @internal Young-generation size of each worker in MiB (default `WORKER_YOUNG_MB`). */
  readonly workerYoungMb?: number | undefined;
}

/** What a {@link linkFiles} run did: every number the CLI prints. */
export interface LinkFilesSummary extends LinkPipelineSummary, FileRunNotes {
  readonly left: string;
  readonly right: string;
  readonly oneToOne: boolean;
  /** The model used (trained or given), with its thresholds. */
  readonly model: FellegiSunterModel;
  /** Clerical decisions applied to the output. */
  readonly clericalDecisions: number;
}

function label(source: InputSource, fallback: string): string {
  return typeof source === 'string' ? source : fallback;
}

/**
 * Links every LEFT record to its best RIGHT candidate and writes one row per LEFT record, in LEFT
 * order: `left_id, right_id, decision, probability, match_weight, explanation` (DESIGN.md §5).
 * Inputs are paths (`.csv`, `.tsv`, `.xlsx`) or streams; the output is a path (`.csv` or
 * `.xlsx`, written atomically) or a stream.
 *
 * @example
 * ```ts
 * import { linkFiles } from 'vn-reconcile/node';
 *
 * const summary = await linkFiles('vaccinated.csv', 'register.csv', {
 *   out: 'links.csv',
 *   onProgress: (e) => console.error(e.phase, e.rowsDone, e.total),
 *   signal: AbortSignal.timeout(60 * 60_000),
 * });
 * summary.counts; // { match: 9_812, review: 41, no_match: 140, invalid: 7 }
 * ```
 */
export async function linkFiles(
  left: InputSource,
  right: InputSource,
  options: LinkFilesOptions,
): Promise<LinkFilesSummary> {
  const cwd = options.cwd ?? process.cwd();
  const leftName = label(left, 'LEFT');
  const rightName = label(right, 'RIGHT');
  const signal = options.signal;
  throwIfAborted(signal);
  checkOutputs(
    [
      ...(typeof left === 'string' ? [{ label: leftName, path: left }] : []),
      ...(typeof right === 'string' ? [{ label: rightName, path: right }] : []),
      ...(typeof options.model === 'string' ? [{ label: '--model', path: options.model }] : []),
      ...(typeof options.decisions === 'string'
        ? [{ label: '--decisions', path: options.decisions }]
        : []),
    ],
    [
      { label: '--out', path: typeof options.out === 'string' ? options.out : undefined },
      { label: '--save-model', path: options.saveModel },
      { label: '--report', path: options.report },
    ],
    cwd,
  );
  const spec = vietnameseSpec();
  const { model, thresholds } = await givenModel(options, spec, cwd);
  const decisions = await readDecisions(options.decisions, cwd);
  const watcher =
    options.report !== undefined || decisions !== undefined
      ? linkRowWatcher({
          shard: options.shard !== undefined,
          guard: options.formulaGuard !== false,
          decisions,
        })
      : undefined;
  const read = { cwd, encoding: options.encoding, delimiter: options.delimiter, signal };
  const staged: StagedInput[] = [];
  let out: OutputHandle | undefined;
  let trained: FellegiSunterModel | undefined;
  try {
    const l = await stageInput(left, leftName, read);
    staged.push(l);
    // A prepared register file (`prepareFile`) is read as it is, by the pipeline.
    const prepared = typeof right === 'string' && isRegisterFile(absolutePath(cwd, right));
    if (prepared && options.oneToOne) {
      throw inputError(
        'OPTION_INVALID',
        `${rightName}: a prepared register file cannot be linked one-to-one (give the register CSV)`,
      );
    }
    const r: StagedInput = prepared
      ? {
          file: rightName,
          path: absolutePath(cwd, right),
          format: 'csv',
          encoding: 'utf-8',
          delimiter: ',',
          staged: false,
          notes: [`${rightName}: a prepared register file (vn-reconcile prepare)`],
          cleanup: async () => undefined,
        }
      : await stageInput(right, rightName, read);
    staged.push(r);
    // The headers, resolved here so that a wrong --key or --map is an input error naming the
    // file before any thread starts; the summary says which header became which column.
    const leftHeader = readHeader(l.path, l.file, {
      ...((options.leftKey ?? options.key) ? { key: (options.leftKey ?? options.key)! } : {}),
      ...(options.columns ? { map: options.columns } : {}),
    });
    const rightHeader = prepared
      ? undefined
      : readHeader(r.path, r.file, {
          ...((options.rightKey ?? options.key) ? { key: (options.rightKey ?? options.key)! } : {}),
          ...(options.columns ? { map: options.columns } : {}),
        });
    out = await openOutput(options.out, cwd);
    const common = {
      left: l.path,
      right: r.path,
      leftLabel: l.file,
      rightLabel: r.file,
      out,
      leftKey: options.leftKey ?? options.key,
      rightKey: options.rightKey ?? options.key,
      map: options.columns,
      model,
      thresholds,
      targetFdr: options.targetFdr,
      referenceDate: options.referenceDate,
      bom: options.bom,
      formulaGuard: options.formulaGuard,
      onText: watcher ? (text: string) => watcher.lines(text) : undefined,
      signal,
      onProgress: options.onProgress,
      onModel: (m: FellegiSunterModel) => {
        trained = m;
      },
    };
    const summary = options.oneToOne
      ? await linkInMemory(common)
      : await runLinkPipeline({
          ...common,
          workers: options.workers,
          chunkRows: options.chunkRows,
          sampleSize: options.sampleSize,
          shard: options.shard,
          shuffleChunks: options.shuffleChunks,
          workerHeapMb: options.workerHeapMb,
          workerYoungMb: options.workerYoungMb,
        });
    throwIfAborted(signal);
    const usedModel = trained ?? model;
    if (usedModel === undefined) throw new Error('linkFiles: no model after the run');
    if (options.saveModel !== undefined) await writeModelFile(options.saveModel, usedModel, cwd);
    const counts = watcher && decisions ? watcher.counts : summary.counts;
    if (options.report !== undefined && watcher) {
      const input = await linkReportInput(watcher, {
        left: {
          name: l.file,
          path: l.path,
          key: options.leftKey ?? options.key,
          rows: summary.leftRows,
        },
        right: {
          name: r.file,
          // A prepared register holds no original rows: the queue shows the list's side only.
          path: prepared ? undefined : r.path,
          key: options.rightKey ?? options.key,
          rows: summary.rightRows,
        },
        thresholds: {
          match: summary.thresholds.match,
          review: summary.thresholds.review,
          estimatedFdr: summary.estimatedFdr,
          estimatedFnr: summary.estimatedFnr,
        },
        timings: summary.seconds,
        warnings: summary.warnings,
        model: usedModel,
        blocking: summary.blockingPerRow.map((b) => ({ rule: b.rule, pairs: b.pairs })),
        version: VERSION,
      });
      await writeReport(options.report, { ...input, counts }, { pii: options.reportPii }, cwd);
    }
    await out.commit();
    return {
      ...summary,
      counts,
      clericalDecisions: watcher?.applied ?? 0,
      left: l.file,
      right: r.file,
      oneToOne: options.oneToOne === true,
      notes: [
        ...staged.flatMap((s) => s.notes),
        `${l.file}: ${leftHeader.mapping.join(', ')}`,
        ...(rightHeader ? [`${r.file}: ${rightHeader.mapping.join(', ')}`] : []),
      ],
      warnings: summary.warnings,
      model: usedModel,
    };
  } catch (e) {
    await out?.abort();
    if (signal?.aborted) throw abortError(signal);
    throw out?.explain(e) ?? e;
  } finally {
    for (const s of staged) await s.cleanup();
  }
}

/** Reads clerical decisions from a file (or takes them as given), keyed by LEFT id. */
async function readDecisions(
  decisions: string | readonly ClericalDecision[] | undefined,
  cwd: string,
): Promise<ReadonlyMap<string, ClericalDecision> | undefined> {
  if (decisions === undefined) return undefined;
  let list: readonly ClericalDecision[];
  if (typeof decisions === 'string') {
    const text = await readOptionFile(decisions, cwd, `--decisions ${decisions}`, (code) =>
      code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_INVALID',
    );
    const parsed = parseClericalDecisions(text);
    if (!parsed.success) {
      throw inputError(
        'INPUT_MALFORMED',
        `--decisions ${decisions}: ${parsed.issues.map((i) => i.message).join('; ')}`,
      );
    }
    list = parsed.data;
  } else list = decisions;
  return new Map(list.map((d) => [d.leftId, d]));
}
