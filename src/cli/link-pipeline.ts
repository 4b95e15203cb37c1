/**
 * The streaming, parallel, shardable LINK pipeline (issue 7). LEFT and RIGHT are scanned into
 * row-aligned byte ranges; worker threads parse and clean the ranges; the main thread interns the
 * values (the engine's prepared columns, so ids agree with the reference) and builds the
 * columnar reference once, shared with every worker through `SharedArrayBuffer`s; the model is
 * trained by EM on a sample of LEFT (or loaded); then LEFT streams through in chunks — clean,
 * prepare, score, render — and the output is written in LEFT order. Memory is bounded by the
 * reference and a window of chunks in flight, not by the size of LEFT.
 */
import { once } from 'node:events';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  blockTableFromHashes,
  type ColumnarReference,
  concatColumns,
  type Dictionaries,
  exportDictionaries,
  type FellegiSunterModel,
  type PreparedColumn,
  type PreparedSide,
  parseModel,
  referenceBytes,
  type SampleTraining,
  type Thresholds,
  toColumnarReference,
  trainOnSample,
} from '../match/index.js';
import type { CleanRecord } from '../record/index.js';
import type { CommandContext } from './command.js';
import {
  type ArgOptions,
  type ColumnMap,
  openOutput,
  parseColumnMap,
  parseCommandArgs,
} from './csv.js';
import { CliInputError, EXIT_OK } from './errors.js';
import { type CsvChunk, type CsvScan, scanCsv } from './parallel/csv-chunks.js';
import { mergeShardOutputs } from './parallel/merge.js';
import { csvCell, LINK_COLUMNS } from './parallel/output.js';
import { createPool, type WorkerPool } from './parallel/pool.js';
import { createProgress, formatDuration } from './parallel/progress.js';
import type { CleanedChunk } from './parallel/records.js';
import { parseShard, type Shard } from './parallel/shard.js';
import { packStrings, type StringPool } from './parallel/strings.js';
import {
  type ChunkStats,
  PIPELINE_RULES,
  pipelineSpec,
  type ScoredOutput,
  type WorkerSetup,
} from './parallel/tasks.js';
import { thresholdsFromFlags } from './thresholds.js';

/** Options of {@link runLinkPipeline}. */
export interface LinkPipelineOptions {
  readonly left: string;
  readonly right: string;
  readonly out?: string | undefined;
  readonly leftKey?: string | undefined;
  readonly rightKey?: string | undefined;
  readonly map?: ColumnMap | undefined;
  /** Worker threads (default: available cores, at least 1). */
  readonly workers?: number | undefined;
  /** LEFT (and RIGHT) rows per chunk (default 4 096). */
  readonly chunkRows?: number | undefined;
  /** Only this shard's LEFT rows (output gets a leading `left_row` column). */
  readonly shard?: Shard | undefined;
  /** A trained model (skips EM; pass the same one to every shard). */
  readonly model?: FellegiSunterModel | undefined;
  /** Write the model (with the chosen thresholds) here. */
  readonly saveModel?: string | undefined;
  /** LEFT rows in the EM sample (default 50 000). */
  readonly sampleSize?: number | undefined;
  readonly thresholds?: Thresholds | undefined;
  /** Estimated false-discovery rate the match threshold aims at (default 0.001). */
  readonly targetFdr?: number | undefined;
  /** "Today" for date checks (default: now). Fix it to repeat a run exactly. */
  readonly referenceDate?: Date | undefined;
  readonly bom?: boolean | undefined;
  /**
   * Dispatch LEFT chunks in a shuffled order (seed) while still writing them in LEFT order: shows
   * that results do not depend on the order chunks are processed in (used by tests).
   */
  readonly shuffleChunks?: number | undefined;
  /** Heap limit of each worker in MiB. */
  readonly workerHeapMb?: number | undefined;
  /** Young-generation size of each worker in MiB (default {@link WORKER_YOUNG_MB}). */
  readonly workerYoungMb?: number | undefined;
}

/** Where the pipeline writes. */
export interface PipelineIo {
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly cwd: string;
}

/** What a run did (also printed to stderr). */
export interface LinkPipelineSummary {
  readonly leftRows: number;
  readonly rowsWritten: number;
  readonly rightRows: number;
  readonly workers: number;
  readonly shard: Shard | undefined;
  readonly counts: { match: number; review: number; no_match: number; invalid: number };
  /** Candidate pairs compared (each at least on the match rules' gate comparison). */
  readonly pairsScored: number;
  /**
   * Of `pairsScored`, pairs compared on the gate only: their LEFT row was already decided by a
   * match rule (same ID, consistent name and date of birth) that they could not fire.
   */
  readonly pairsSettled: number;
  readonly sampleSize: number;
  /** Candidate pairs per LEFT row of the EM sample, by blocking rule (counted before scoring). */
  readonly blockingPerRow: readonly { readonly rule: string; readonly pairs: number }[];
  readonly trained: boolean;
  readonly thresholds: Thresholds;
  readonly sampleFdr: number;
  readonly sampleFnr: number;
  readonly estimatedFdr: number;
  readonly estimatedFnr: number;
  /** Columnar reference bytes (typed arrays) per register row. */
  readonly referenceBytesPerRecord: number;
  readonly seconds: {
    readonly reference: number;
    readonly training: number;
    readonly link: number;
    readonly total: number;
  };
}

function abs(cwd: string, p: string): string {
  return isAbsolute(p) ? p : resolve(cwd, p);
}

function scan(
  file: string,
  path: string,
  chunkRows: number | undefined,
  pick?: (row: number) => boolean,
): CsvScan {
  try {
    return scanCsv(path, { ...(pick ? { pick } : {}), ...(chunkRows ? { chunkRows } : {}) });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    throw new CliInputError(
      `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : String(code ?? e)})`,
    );
  }
}

function mix32(x: number): number {
  let h = Math.imul(x ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * Young generation of each worker, MiB: room for a whole chunk's short-lived objects (parsed
 * rows, cleaned records, candidates, output text), so they die young instead of being promoted
 * and marked by the old generation's collector (1M × 1M: 92.9 → 82.6 CPU seconds, 3.40 → 3.11 GB
 * peak RSS against V8's default).
 *
 * @example
 * ```ts
 * await runLinkPipeline({ left, right, workerYoungMb: WORKER_YOUNG_MB * 2 }, io);
 * ```
 */
export const WORKER_YOUNG_MB = 64;

/** Prepares cleaned records on this thread (the engine's interned columns + worker-made keys). */
function prepare(
  spec: PipelineSpec,
  records: readonly CleanRecord[],
  keys: (string | null)[][],
): PreparedSide {
  return { size: records.length, columns: spec.comparisons.map((c) => c.prepare(records)), keys };
}

/**
 * Runs LINK on files: see the module comment. Resolves to the summary (already printed).
 *
 * @example
 * ```ts
 * await runLinkPipeline({ left: 'list.csv', right: 'register.csv', out: 'out.csv', workers: 2 }, io);
 * ```
 */
export async function runLinkPipeline(
  options: LinkPipelineOptions,
  io: PipelineIo,
): Promise<LinkPipelineSummary> {
  const t0 = performance.now();
  const leftPath = abs(io.cwd, options.left);
  const rightPath = abs(io.cwd, options.right);
  const sampleSize = Math.max(1, options.sampleSize ?? 50_000);
  let leftBytes = 0;
  try {
    leftBytes = statSync(leftPath).size;
  } catch {
    // Reported by the scan.
  }
  const guessRows = Math.max(1, leftBytes / 90);
  const threshold = Math.min(1, (2 * sampleSize) / guessRows) * 4294967296;
  const pick = options.model ? undefined : (row: number) => mix32(row) < threshold;
  const leftScan = scan(options.left, leftPath, options.chunkRows, pick);
  const rightScan = scan(options.right, rightPath, options.chunkRows);
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const setup: WorkerSetup = {
    left: {
      file: options.left,
      path: leftPath,
      headerText: leftScan.headerText,
      key: options.leftKey,
    },
    right: {
      file: options.right,
      path: rightPath,
      headerText: rightScan.headerText,
      key: options.rightKey,
    },
    map: (options.map ?? {}) as Readonly<Record<string, string>>,
    referenceDate: (options.referenceDate ?? new Date()).getTime(),
    shard: options.shard,
  };
  const pool = createPool(workers, {
    ...(options.workerHeapMb === undefined ? {} : { maxOldSpaceMb: options.workerHeapMb }),
    ...((options.workerYoungMb ?? WORKER_YOUNG_MB) > 0
      ? { maxYoungSpaceMb: options.workerYoungMb ?? WORKER_YOUNG_MB }
      : {}),
  });
  try {
    await pool.broadcast({ type: 'setup', setup });
    // 1–2. The reference and the model, handed to the workers. Inside a function so that the
    // main thread's spec (interners, name cache) and the dictionaries are garbage afterwards.
    const setUp = async () => {
      const spec = pipelineSpec();
      const built = await buildReference(spec, pool, rightScan, workers);
      const tReference = performance.now();
      const training = await train(spec, pool, built.reference, leftScan, sampleSize, options);
      if (options.saveModel !== undefined) {
        writeFileSync(
          abs(io.cwd, options.saveModel),
          `${JSON.stringify(training.model, null, 2)}\n`,
        );
      }
      const tTraining = performance.now();
      await pool.broadcast({
        type: 'reference',
        reference: {
          reference: built.reference,
          dictionaries: built.dictionaries,
          rightKeys: built.rightKeyPool,
          model: training.model,
          thresholds: { match: training.thresholds.match, review: training.thresholds.review },
          options: { rules: PIPELINE_RULES },
        },
      });
      return {
        referenceSize: built.reference.size,
        bytesPerRecord: built.bytesPerRecord,
        training,
        tReference,
        tTraining,
      };
    };
    const { referenceSize, bytesPerRecord, training, tReference, tTraining } = await setUp();

    // 3. Stream LEFT: clean (worker) → prepare (here) → score (worker) → write in order.
    const { stream, close } = await openOutput(options.out, io.cwd, io.stdout);
    const header = options.shard ? ['left_row', ...LINK_COLUMNS] : [...LINK_COLUMNS];
    stream.write(`${options.bom === true ? '\ufeff' : ''}${header.map(csvCell).join(',')}\r\n`);
    const progress = createProgress(io.stderr, 'link', leftScan.rows);
    const totals = {
      match: 0,
      review: 0,
      no_match: 0,
      invalid: 0,
      pairs: 0,
      settled: 0,
      falseMatches: 0,
      missed: 0,
      mass: 0,
    };
    let rowsDone = 0;
    let rowsWritten = 0;
    const runChunk = (c: CsvChunk) =>
      pool.run<ScoredOutput & { rows: number }>({
        type: 'link',
        chunk: c,
        withRowNumbers: options.shard !== undefined,
      });
    const chunks = leftScan.chunks;
    const order = chunks.map((_, i) => i);
    if (options.shuffleChunks !== undefined) shuffle(order, options.shuffleChunks);
    const window = workers * 2 + 1;
    const started = new Map<number, Promise<ScoredOutput & { rows: number }>>();
    let dispatched = 0;
    let running = 0;
    const dispatch = () => {
      const c = order[dispatched++]!;
      running++;
      started.set(
        c,
        runChunk(chunks[c]!).finally(() => {
          running--;
        }),
      );
    };
    for (let c = 0; c < chunks.length; c++) {
      while (dispatched < chunks.length && (running < window || !started.has(c))) dispatch();
      const done = await started.get(c)!;
      started.delete(c);
      if (done.text.length > 0 && !stream.write(done.text))
        await new Promise((r) => stream.once('drain', r));
      addStats(totals, done.stats);
      rowsWritten += done.rows;
      rowsDone += chunks[c]!.rows;
      progress.update(rowsDone);
    }
    progress.finish();
    if (close) {
      const finished = once(stream, 'finish');
      stream.end();
      await finished;
    }
    const tEnd = performance.now();
    const summary: LinkPipelineSummary = {
      leftRows: leftScan.rows,
      rowsWritten,
      rightRows: referenceSize,
      workers,
      shard: options.shard,
      counts: {
        match: totals.match,
        review: totals.review,
        no_match: totals.no_match,
        invalid: totals.invalid,
      },
      pairsScored: totals.pairs,
      pairsSettled: totals.settled,
      sampleSize: training.sampleSize,
      blockingPerRow: training.blocking.perRule.map((r) => ({
        rule: r.rule,
        pairs: r.pairs / Math.max(1, training.sampleSize),
      })),
      trained: options.model === undefined,
      thresholds: { match: training.thresholds.match, review: training.thresholds.review },
      sampleFdr: training.thresholds.estimatedFdr,
      sampleFnr: training.thresholds.estimatedFnr,
      estimatedFdr: totals.match > 0 ? totals.falseMatches / totals.match : 0,
      estimatedFnr: totals.mass > 0 ? totals.missed / totals.mass : 0,
      referenceBytesPerRecord: bytesPerRecord,
      seconds: {
        reference: (tReference - t0) / 1000,
        training: (tTraining - tReference) / 1000,
        link: (tEnd - tTraining) / 1000,
        total: (tEnd - t0) / 1000,
      },
    };
    io.stderr.write(formatSummary(summary));
    return summary;
  } finally {
    await pool.close();
  }
}

type PipelineSpec = ReturnType<typeof pipelineSpec>;

/** What {@link buildReference} hands to the workers. */
interface BuiltReference {
  readonly reference: ColumnarReference;
  readonly dictionaries: Dictionaries;
  readonly rightKeyPool: StringPool;
  readonly bytesPerRecord: number;
}

/**
 * The reference: RIGHT cleaned by the workers (a window of chunks in flight), prepared here
 * piece by piece in file order (so the interned ids agree), each piece's records dropped once
 * prepared; the pieces are concatenated straight into shared memory with the block tables. A
 * function of its own so that nothing it needed stays reachable once it returns.
 */
async function buildReference(
  spec: PipelineSpec,
  pool: WorkerPool,
  rightScan: CsvScan,
  workers: number,
): Promise<BuiltReference> {
  const rightIds: string[] = [];
  // The pieces' columns, by comparison, so that each comparison's pieces can be dropped as soon
  // as they are concatenated: the assembly holds the reference plus one comparison's pieces, not
  // two copies of the reference.
  const byComparison: PreparedColumn[][] = spec.comparisons.map(() => []);
  let size = 0;
  const hashParts: Float64Array[][] = spec.blocking.map(() => []);
  await inOrder(
    rightScan.chunks,
    workers * 2 + 1,
    (c) =>
      pool.run<CleanedChunk>({ type: 'clean', side: 'right', source: c, firstRow: c.firstRow }),
    (part) => {
      // Malformed or empty register rows are kept out of the reference.
      for (let i = 0; i < part.ids.length; i++) if (!part.invalid[i]) rightIds.push(part.ids[i]!);
      for (let r = 0; r < hashParts.length; r++) hashParts[r]!.push(part.hashes![r]!);
      if (part.records.length === 0) return;
      const piece = prepare(spec, part.records, []);
      piece.columns.forEach((column, k) => {
        byComparison[k]!.push(column);
      });
      size += piece.size;
    },
  );
  const keyHashes = hashParts.map(concatFloat64);
  hashParts.length = 0;
  let reference: ColumnarReference;
  if (size === 0) {
    reference = toColumnarReference(prepare(spec, [], []), { allocate: shared, keyHashes });
  } else {
    const columns = byComparison.map((parts, k) => {
      byComparison[k] = [];
      return concatColumns(parts, shared);
    });
    reference = { size, columns, blocks: keyHashes.map((h) => blockTableFromHashes(h, shared)) };
  }
  return {
    reference,
    dictionaries: exportDictionaries(spec, { allocate: shared }),
    rightKeyPool: packStrings(rightIds, shared),
    bytesPerRecord: reference.size > 0 ? referenceBytes(reference) / reference.size : 0,
  };
}

/**
 * The model: EM on a sample of LEFT against the whole reference (the same sample whatever the
 * shard and chunking), or the given model; and the thresholds.
 */
async function train(
  spec: PipelineSpec,
  pool: WorkerPool,
  reference: ColumnarReference,
  leftScan: CsvScan,
  sampleSize: number,
  options: LinkPipelineOptions,
): Promise<SampleTraining> {
  const sampleRows = [...leftScan.sample]
    .sort((a, b) => mix32(a.row) - mix32(b.row) || a.row - b.row)
    .slice(0, sampleSize);
  sampleRows.sort((a, b) => a.row - b.row);
  const sampleParts = await Promise.all(
    chunked(sampleRows, 8192).map((rows) =>
      pool.run<CleanedChunk>({
        type: 'clean',
        side: 'sample',
        source: rows.map((r) => r.text).join('\n'),
        firstRow: 2,
      }),
    ),
  );
  const sampleRecords = sampleParts.flatMap((p) => p.records);
  const sampleKeys = spec.blocking.map((_, r) => sampleParts.flatMap((p) => p.keys[r]!));
  return trainOnSample(spec, reference, prepare(spec, sampleRecords, sampleKeys), {
    rules: PIPELINE_RULES,
    ...(options.model ? { model: options.model } : {}),
    ...(options.thresholds ? { thresholds: options.thresholds } : {}),
    ...(options.targetFdr !== undefined ? { targetFdr: options.targetFdr } : {}),
  });
}

/**
 * Runs `run` over `items` with at most `window` in flight and hands each result to `use` in item
 * order (a result that arrives early waits for those before it).
 */
async function inOrder<T, R>(
  items: readonly T[],
  window: number,
  run: (item: T) => Promise<R>,
  use: (result: R) => void,
): Promise<void> {
  const started = new Map<number, Promise<R>>();
  let next = 0;
  for (let i = 0; i < items.length; i++) {
    while (next < items.length && next < i + window) {
      started.set(next, run(items[next]!));
      next++;
    }
    const result = await started.get(i)!;
    started.delete(i);
    use(result);
  }
}

function concatFloat64(parts: readonly Float64Array[]): Float64Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Float64Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Fisher–Yates with a small seeded generator (tests dispatch chunks out of order). */
function shuffle(xs: number[], seed: number): void {
  let state = seed >>> 0 || 1;
  for (let i = xs.length - 1; i > 0; i--) {
    state = mix32(state + i);
    const j = state % (i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}

function chunked<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function addStats(into: Record<keyof ChunkStats, number>, s: ChunkStats): void {
  for (const k of Object.keys(into) as (keyof ChunkStats)[]) into[k] += s[k];
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
export function formatSummary(s: LinkPipelineSummary): string {
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
    `  reference: ${s.referenceBytesPerRecord.toFixed(0)} bytes/record in shared typed arrays; time: reference ${s.seconds.reference.toFixed(1)} s · training ${s.seconds.training.toFixed(1)} s · linking ${s.seconds.link.toFixed(1)} s`,
  ];
  return `${lines.join('\n')}\n`;
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

/** Usage of the pipeline's flags (appended to `link --help`). */
export const PIPELINE_USAGE = `Scale options (streaming, parallel, shardable):
      --workers N          worker threads (default: the number of cores)
      --chunk-size N       rows per chunk (default 4096)
      --sample-size N      LEFT rows in the EM sample (default 50000)
      --shard K/N          only the K-th of N shards of LEFT (stable key: CCCD province+birth
                           year, else name+dob); output gets a leading left_row column.
                           Train once (--save-model), then give every shard --model.
      --merge              positionals are shard outputs: merge them into the single output
      --reference-date D   "today" for date checks, YYYY-MM-DD (fix it to repeat a run exactly)`;

/** The `parseArgs` options of the pipeline. */
export const PIPELINE_ARGS = {
  out: { type: 'string', short: 'o' },
  key: { type: 'string' },
  'left-key': { type: 'string' },
  'right-key': { type: 'string' },
  map: { type: 'string', multiple: true },
  bom: { type: 'boolean' },
  model: { type: 'string' },
  'save-model': { type: 'string' },
  workers: { type: 'string' },
  'chunk-size': { type: 'string' },
  'sample-size': { type: 'string' },
  shard: { type: 'string' },
  merge: { type: 'boolean' },
  'reference-date': { type: 'string' },
  'match-threshold': { type: 'string' },
  'review-threshold': { type: 'string' },
  'target-fdr': { type: 'string' },
  'one-to-one': { type: 'boolean' },
} as const satisfies ArgOptions;

/**
 * Whether `link` runs through the pipeline: always, except for what only the in-memory engine
 * does (`--one-to-one` needs every candidate at once; stdin cannot be scanned twice).
 *
 * @example
 * ```ts
 * usesPipeline(['list.csv', 'reg.csv', '--workers', '2']); // true
 * usesPipeline(['-', 'reg.csv']); // false
 * ```
 */
export function usesPipeline(argv: readonly string[]): boolean {
  return !argv.includes('--one-to-one') && !argv.includes('-');
}

function probability(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (!(x >= 0 && x <= 1))
    throw new CliInputError(`--${flag} ${value}: expected a number between 0 and 1`);
  return x;
}

function positiveInt(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1)
    throw new CliInputError(`--${flag} ${v}: expected a positive integer`);
  return n;
}

/**
 * Runs `vn-reconcile link` through the pipeline (arguments as the CLI gets them). Resolves to the
 * exit code.
 *
 * @example
 * ```ts
 * await runLinkPipelineCommand({ argv: ['list.csv', 'reg.csv', '--workers', '2'], stdout, stderr, stdin, cwd });
 * ```
 */
export async function runLinkPipelineCommand(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, PIPELINE_ARGS);
  if (values.merge === true) {
    if (positionals.length === 0) throw new CliInputError('--merge: give the shard output files');
    const { stream, close } = await openOutput(values.out, ctx.cwd, ctx.stdout);
    const files = positionals.map((f) => abs(ctx.cwd, f));
    const rows = await mergeShardOutputs(files, stream);
    if (close) {
      const finished = once(stream, 'finish');
      stream.end();
      await finished;
    }
    ctx.stderr.write(
      `vn-reconcile link --merge: ${fmt(rows)} rows from ${files.length} shard files\n`,
    );
    return EXIT_OK;
  }
  const [left, right, ...extra] = positionals;
  if (left === undefined || right === undefined || extra.length > 0) {
    throw new CliInputError(
      `expected two input files (LEFT.csv RIGHT.csv), got ${positionals.length}${positionals.length > 0 ? `: ${positionals.join(' ')}` : ''}`,
    );
  }
  let model: FellegiSunterModel | undefined;
  if (values.model !== undefined) {
    let text: string;
    try {
      text = readFileSync(abs(ctx.cwd, values.model), 'utf8');
    } catch {
      throw new CliInputError(`--model ${values.model}: cannot read the file`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new CliInputError(
        `--model ${values.model}: not JSON (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const parsed = parseModel(json, pipelineSpec());
    if (!parsed.success)
      throw new CliInputError(
        `--model ${values.model}: ${parsed.issues.map((i) => i.message).join('; ')}`,
      );
    model = parsed.data;
  }
  let referenceDate: Date | undefined;
  if (values['reference-date'] !== undefined) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(values['reference-date']);
    referenceDate = m
      ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
      : undefined;
    if (!referenceDate || Number.isNaN(referenceDate.getTime()))
      throw new CliInputError(`--reference-date ${values['reference-date']}: expected YYYY-MM-DD`);
  }
  if (values['one-to-one'] === true) {
    throw new CliInputError('--one-to-one cannot stream: run it without the scale options');
  }
  const match = probability('match-threshold', values['match-threshold']);
  const review = probability('review-threshold', values['review-threshold']);
  const targetFdr = probability('target-fdr', values['target-fdr']);
  const thresholds = thresholdsFromFlags(match, review, model);
  await runLinkPipeline(
    {
      left,
      thresholds,
      targetFdr,
      right,
      out: values.out,
      leftKey: values['left-key'] ?? values.key,
      rightKey: values['right-key'] ?? values.key,
      map: parseColumnMap(values.map),
      workers: positiveInt('workers', values.workers),
      chunkRows: positiveInt('chunk-size', values['chunk-size']),
      sampleSize: positiveInt('sample-size', values['sample-size']),
      shard: values.shard === undefined ? undefined : parseShard(values.shard),
      model,
      saveModel: values['save-model'],
      referenceDate,
      bom: values.bom,
    },
    ctx,
  );
  return EXIT_OK;
}
