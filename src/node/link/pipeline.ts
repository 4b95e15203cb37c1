/**
 * The streaming, parallel, shardable LINK pipeline (issue 7). LEFT and RIGHT are scanned into
 * row-aligned byte ranges; worker threads parse and clean the ranges; the main thread interns the
 * values (the engine's prepared columns, so ids agree with the reference) and builds the
 * columnar reference once, shared with every worker through `SharedArrayBuffer`s; the model is
 * trained by EM on a sample of LEFT (or loaded); then LEFT streams through in chunks — clean,
 * prepare, score, render — and the output is written in LEFT order. Memory is bounded by the
 * reference and a window of chunks in flight, not by the size of LEFT.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import {
  blockTableFromHashes,
  type ColumnarReference,
  cappedBlocksOf,
  cappedWarnings,
  compactPiece,
  compactReferenceColumn,
  concatColumns,
  type Dictionaries,
  defaultSampleSize,
  dictionaryBytes,
  exportDictionaries,
  exportDictionary,
  type FellegiSunterModel,
  findIdFields,
  importDictionaries,
  LINK_COLUMNS,
  mergeDictionary,
  type PreparedColumn,
  type PreparedSide,
  referenceBytes,
  renumberColumn,
  type SampleTraining,
  sampleOrder,
  type Thresholds,
  toColumnarReference,
  uniformPieces,
} from '../../match/index.js';
import type { CleanRecord } from '../../record/index.js';
import { abortError, inputError, throwIfAborted } from '../errors.js';
import type { ColumnMap } from '../io/csv.js';
import { type CsvScan, readRows, scanCsv } from '../io/csv-chunks.js';
import { csvCell } from '../io/output.js';
import { packStrings, type StringPool } from '../io/strings.js';
import type { OutputHandle } from '../io/target.js';
import type { RunOptions, WriteOptions } from '../options.js';
import { progressReporter } from '../progress.js';
import type { WorkerMessage } from '../workers/messages.js';
import { createPool, type WorkerPool } from '../workers/pool.js';
import {
  type ChunkStats,
  PIPELINE_RULES,
  type PreparedPiece,
  pipelineSpec,
  type ScoredOutput,
  type WorkerSetup,
} from '../workers/tasks.js';
import type { LinkFilesOptions } from './link-files.js';
import { probeRecords } from './probes.js';
import type { CleanedChunk } from './records.js';
import {
  isRegisterFile,
  type PreparedRegister,
  type RegisterFileInfo,
  readRegisterFile,
} from './register-file.js';
import type { Shard } from './shard.js';

/** The options of `linkFiles` it hands to the pipeline as they are. */
type LinkFilesPassed =
  | 'leftKey'
  | 'rightKey'
  | 'targetFdr'
  | 'chunkRows'
  | 'shard'
  | 'sampleSize'
  | 'shuffleChunks'
  | 'workerHeapMb'
  | 'workerYoungMb';

/** Options of {@link runLinkPipeline}. */
export interface LinkPipelineOptions
  extends Pick<RunOptions, 'workers' | 'signal' | 'onProgress' | 'referenceDate'>,
    Pick<WriteOptions, 'bom' | 'formulaGuard'>,
    Pick<LinkFilesOptions, LinkFilesPassed> {
  /** LEFT: a UTF-8 comma CSV file (see stageInput). */
  readonly left: string;
  /** RIGHT: a UTF-8 comma CSV file. */
  readonly right: string;
  /** LEFT's and RIGHT's names in messages (default: the paths). */
  readonly leftLabel?: string | undefined;
  readonly rightLabel?: string | undefined;
  /** Where the link rows go. */
  readonly out: OutputHandle;
  readonly map?: ColumnMap | undefined;
  /** A trained model (skips EM; pass the same one to every shard). */
  readonly model?: FellegiSunterModel | undefined;
  /** Called with the model (and the chosen thresholds) once it is trained. */
  readonly onModel?: ((model: FellegiSunterModel) => void | Promise<void>) | undefined;
  /** Sees each piece of output (whole lines) before it is written; may rewrite it. */
  readonly onText?: ((text: string) => string) | undefined;
  readonly thresholds?: Thresholds | undefined;
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
  /** Columnar reference bytes (typed arrays: columns and block tables) per register row. */
  readonly referenceBytesPerRecord: number;
  /** The reference's dictionaries' bytes (shared typed arrays too) per register row. */
  readonly dictionaryBytesPerRecord: number;
  /** Things the user should know about the run (e.g. blocks over the cap). */
  readonly warnings: readonly string[];
  /** RIGHT was a prepared register file (`prepareFile`): what it said about itself. */
  readonly preparedRegister?: RegisterFileInfo | undefined;
  readonly seconds: {
    readonly reference: number;
    readonly training: number;
    readonly link: number;
    readonly total: number;
  };
}

function scan(
  file: string,
  path: string,
  chunkRows: number | undefined,
  pick?: (row: number) => boolean,
): CsvScan {
  try {
    return scanCsv(path, {
      label: file,
      ...(pick ? { pick } : {}),
      ...(chunkRows ? { chunkRows } : {}),
    });
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (
      e instanceof Error &&
      'code' in e &&
      typeof (e as { code?: unknown }).code === 'string' &&
      (e as { code: string }).code.startsWith('INPUT_')
    )
      throw e;
    throw inputError(
      'INPUT_INVALID',
      `${file}: cannot read the file (${code === 'ENOENT' ? 'no such file' : String(code ?? e)})`,
    );
  }
}

const shared = (bytes: number) => new SharedArrayBuffer(bytes);

/**
 * Young generation of each worker, MiB: room for a whole chunk's short-lived objects (parsed
 * rows, cleaned records, candidates, output text), so they die young instead of being promoted
 * and marked by the old generation's collector (1M × 1M: 92.9 → 82.6 CPU seconds, 3.40 → 3.11 GB
 * peak RSS against V8's default). 160: since the memos keep copies of their keys (no chunk text
 * held alive, a smaller old generation that the collector visits more often), 160 against 64 on
 * an idle machine (load 1.8–3.4, 1M × 1M CSV → CSV, alternated, outputs identical): 87.8 and
 * 91.9 CPU s against 114.5 and 102.4, 45.7 and 48.0 s wall against 59.8 and 53.3, peak 1,488
 * and 1,520 MiB against 1,449 and 1,489. (Before the copies, 160 gave no CPU back and raised the
 * peak to 1,991 MiB.)
 *
 * @example
 * ```ts
 * await runLinkPipeline({ left, right, workerYoungMb: WORKER_YOUNG_MB * 2 }, io);
 * ```
 */
export const WORKER_YOUNG_MB = 160;

/**
 * Old-generation cap of each worker, MiB (unless `workerHeapMb` says otherwise). A worker holds
 * a few chunks at a time (its staged chunks while the model trains, then one chunk: tens to a few
 * hundred MB live; the reference and dictionaries are shared memory, not heap); without a cap V8
 * lets a worker's heap fill with garbage up to a quarter of the machine's memory before
 * collecting it. 1 024: at 1M × 1M (2 workers, quiet machine) it holds the peak under 2 GiB
 * (1,918 MiB against 2,588–3,018 uncapped) for 98 CPU s against 91–114 uncapped; 512 held
 * 1,835 MiB but cost 141 CPU s (the workers collecting near their limit).
 *
 * @example
 * ```ts
 * await runLinkPipeline({ left, right, workerHeapMb: WORKER_OLD_MB * 2 }, io);
 * ```
 */
export const WORKER_OLD_MB = 1024;

/** The worker pool's options from the pipeline's. */
function workerOptions(options: {
  readonly workerHeapMb?: number | undefined;
  readonly workerYoungMb?: number | undefined;
}): Parameters<typeof createPool>[1] {
  const young = options.workerYoungMb ?? WORKER_YOUNG_MB;
  return {
    maxOldSpaceMb: options.workerHeapMb ?? WORKER_OLD_MB,
    ...(young > 0 ? { maxYoungSpaceMb: young } : {}),
  };
}

/** Prepares cleaned records on this thread (the engine's interned columns + worker-made keys). */
function prepare(
  spec: PipelineSpec,
  records: readonly CleanRecord[],
  keys: (string | null)[][],
): PreparedSide {
  return { size: records.length, columns: spec.comparisons.map((c) => c.prepare(records)), keys };
}

/**
 * Runs LINK on two UTF-8 comma CSV files (see the module comment) and writes the link rows to
 * `options.out` (not committed: the caller commits or aborts it). Resolves to the summary.
 *
 * @example
 * ```ts
 * const out = await openTarget('links.csv', process.cwd());
 * const summary = await runLinkPipeline({ left: 'list.csv', right: 'register.csv', out, workers: 2 });
 * await out.commit();
 * ```
 */
export async function runLinkPipeline(options: LinkPipelineOptions): Promise<LinkPipelineSummary> {
  const t0 = performance.now();
  const signal = options.signal;
  throwIfAborted(signal);
  const leftPath = options.left;
  const rightPath = options.right;
  const leftName = options.leftLabel ?? options.left;
  const rightName = options.rightLabel ?? options.right;
  const sampleSize = Math.max(1, options.sampleSize ?? 50_000);
  let leftBytes = 0;
  try {
    leftBytes = statSync(leftPath).size;
  } catch {
    // Reported by the scan.
  }
  const guessRows = Math.max(1, leftBytes / 90);
  const threshold = Math.min(1, (2 * sampleSize) / guessRows) * 4294967296;
  const pick = options.model ? undefined : (row: number) => sampleOrder(row) < threshold;
  const report = progressReporter(options.onProgress);
  report('read', 0, undefined);
  // The workers start (a thread and a module graph each) while this thread scans the files.
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const pool = createPool(workers, workerOptions(options));
  const onAbort = () => {
    void pool.abort(abortError(signal!));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const leftScan = scan(leftName, leftPath, options.chunkRows, pick);
    throwIfAborted(signal);
    // RIGHT is a CSV file, or a prepared register file (recognised by its magic bytes).
    const prepared = isRegisterFile(rightPath);
    if (prepared) report('load', 0, undefined);
    const loaded = prepared ? readRegisterFile(rightPath, rightName) : undefined;
    if (loaded) report('load', loaded.info.records, loaded.info.records, true);
    const rightScan = loaded ? undefined : scan(rightName, rightPath, options.chunkRows);
    throwIfAborted(signal);
    if (rightScan?.rows === 0) {
      throw inputError(
        'INPUT_NO_ROWS',
        `${rightName}: the reference has no data rows (only a header, or nothing)`,
      );
    }
    const setup: WorkerSetup = {
      left: {
        file: leftName,
        path: leftPath,
        headerText: leftScan.headerText,
        key: options.leftKey,
      },
      ...(rightScan
        ? {
            right: {
              file: rightName,
              path: rightPath,
              headerText: rightScan.headerText,
              key: options.rightKey,
            },
          }
        : {}),
      map: (options.map ?? {}) as Readonly<Record<string, string>>,
      referenceDate: (options.referenceDate ?? new Date()).getTime(),
      shard: options.shard,
      formulaGuard: options.formulaGuard !== false,
    };
    await pool.broadcast({ type: 'setup', setup });
    // 1–2. The reference and the model, handed to the workers. Inside a function so that the
    // main thread's spec (interners, name cache) and the dictionaries are garbage afterwards.
    const setUp = async () => {
      const spec = pipelineSpec();
      // The sample's text is read once the register's first piece is back (the workers have
      // the next pieces to do), not before its chunks are dispatched: the workers would wait.
      let sample: string | undefined;
      const sampleOnce = () =>
        (sample ??= sampleText(
          leftPath,
          leftScan,
          options.sampleSize === undefined
            ? defaultSampleSize(leftScan.rows)
            : Math.max(1, options.sampleSize),
        ));
      // The sample is cleaned on the training worker (0) while this thread assembles the
      // reference after its last piece (with a prepared file: at once), off training's path.
      let sampleSent: Promise<unknown> | undefined;
      const sendSample = () => {
        sampleSent ??= pool.run({ type: 'sample', text: sampleOnce() }, [], 0);
        sampleSent.catch(() => undefined); // awaited before training
      };
      if (loaded) sendSample();
      // The other workers clean LEFT's first chunks while this thread assembles the reference
      // after its last piece (they would idle: staging needs the register's dictionaries).
      const aheadOn = new Map<number, number>();
      const cleanAhead = () => {
        if (aheadOn.size > 0) return;
        const perChunk = leftScan.rows / Math.max(1, chunks.length);
        const per = Math.min(
          MAX_STAGED_PER_WORKER,
          Math.ceil((rightScan?.rows ?? 0) / AHEAD_SHARE / Math.max(1, perChunk)),
        );
        for (let w = 1; w < workers && (w - 1) * per < order.length; w++) {
          const mine = order.slice((w - 1) * per, w * per);
          for (const c of mine) aheadOn.set(c, w);
          const task = { type: 'clean-ahead', chunks: mine.map((c) => chunks[c]!) } as const;
          pool.run(task, [], w).catch(() => undefined); // a failure recurs when the chunk is linked
        }
      };
      const built: PreparedRegister = loaded
        ? loaded.register
        : await buildReference(pipelineSpec(), pool, rightScan!, workers, (rows) => {
            report('reference', rows, rightScan!.rows);
            sampleOnce();
            if (rows >= rightScan!.rows) {
              sendSample();
              cleanAhead();
            }
          });
      sendSample();
      if (built.reference.size === 0) {
        throw inputError(
          'INPUT_NO_ROWS',
          `${rightName}: the reference has no usable rows (${built.rowsRead} rows read, none with a name, an ID or a phone: are the columns named? see --map)`,
        );
      }
      report('train', 0, undefined);
      const tReference = performance.now();
      // A spec whose interners hold the register's values (for the blocking caps below): a
      // fresh one with the register's dictionaries attached, as every worker's (the spec that
      // prepared the register, and its growable interners, are garbage by now).
      importDictionaries(spec, built.dictionaries);
      // EM runs on one worker while the others clean and prepare LEFT's first chunks.
      // The other workers start staging at once, while worker 0 may still be cleaning the sample.
      const { training, stagedOn } = await trainWhileStaging(
        pool,
        built,
        leftScan,
        options,
        order,
        sampleSent!,
        aheadOn,
      );
      throwIfAborted(signal);
      await options.onModel?.(training.model);
      const tTraining = performance.now();
      // The reference goes to each worker as a task of its own, queued ahead of any LEFT chunk:
      // worker 0 starts linking at once, a staging worker once its last staged chunk is done
      // (a broadcast waited for both, and worker 0 idled meanwhile).
      const task = referenceTask(built, training.model, training.thresholds);
      const installed = Promise.all(
        Array.from({ length: pool.size }, (_, w) => pool.run(task, [], w)),
      );
      installed.catch(() => undefined); // awaited before the first chunk's result
      return {
        installed,
        referenceSize: built.reference.size,
        bytesPerRecord: referenceBytes(built.reference, built.dictionaries) / built.reference.size,
        dictionaryBytesPerRecord: dictionaryBytes(built.dictionaries) / built.reference.size,
        capped: cappedBlocksOf(built.reference, spec),
        ruleNames: spec.blocking.map((r) => r.name),
        training,
        stagedOn,
        tReference,
        tTraining,
      };
    };
    const chunks = leftScan.chunks;
    const order = chunks.map((_, i) => i);
    if (options.shuffleChunks !== undefined) shuffle(order, options.shuffleChunks);
    const {
      installed,
      referenceSize,
      bytesPerRecord,
      dictionaryBytesPerRecord,
      capped,
      ruleNames,
      training,
      stagedOn,
      tReference,
      tTraining,
    } = await setUp();

    // 3. Stream LEFT: clean (worker) → prepare (here) → score (worker) → write in order.
    const stream = options.out.stream;
    const header = options.shard ? ['left_row', ...LINK_COLUMNS] : [...LINK_COLUMNS];
    stream.write(
      `${options.bom === true ? '\ufeff' : ''}${header.map((h) => csvCell(h)).join(',')}\r\n`,
    );
    report('link', 0, leftScan.rows);
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
      cappedToReview: 0,
    };
    const cappedByRule = new Float64Array(ruleNames.length);
    let rowsDone = 0;
    let rowsWritten = 0;
    const runChunk = (c: number) =>
      pool.run<ScoredOutput & { rows: number }>(
        { type: 'link', chunk: chunks[c]!, withRowNumbers: options.shard !== undefined },
        [],
        stagedOn.get(c),
      );
    const dispatchOrder = interleaveStaged(order, stagedOn);
    const window = workers * 2 + 1;
    const started = new Map<number, Promise<ScoredOutput & { rows: number }>>();
    let dispatched = 0;
    let running = 0;
    const dispatch = () => {
      const c = dispatchOrder[dispatched++]!;
      running++;
      const promise = runChunk(c).finally(() => {
        running--;
      });
      promise.catch(() => undefined); // awaited in order below; a failure surfaces there
      started.set(c, promise);
    };
    for (let c = 0; c < chunks.length; c++) {
      while (dispatched < chunks.length && (running < window || !started.has(c))) dispatch();
      // A worker that failed to install the reference fails with that error, not its chunks'.
      if (c === 0) await installed;
      const done = await started.get(c)!;
      started.delete(c);
      const text = options.onText && done.text.length > 0 ? options.onText(done.text) : done.text;
      if (text.length > 0 && !stream.write(text)) await new Promise((r) => stream.once('drain', r));
      addStats(totals, done.stats);
      done.cappedByRule.forEach((n, r) => {
        cappedByRule[r]! += n;
      });
      rowsWritten += done.rows;
      rowsDone += chunks[c]!.rows;
      report('link', rowsDone, leftScan.rows);
      throwIfAborted(signal);
    }
    await installed;
    report('link', rowsDone, leftScan.rows, true);
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
      dictionaryBytesPerRecord,
      ...(loaded ? { preparedRegister: loaded.info } : {}),
      warnings: cappedWarnings(
        capped.map((c) => ({ ...c, rows: cappedByRule[ruleNames.indexOf(c.rule)] ?? 0 })),
        totals.cappedToReview,
      ),
      seconds: {
        reference: (tReference - t0) / 1000,
        training: (tTraining - tReference) / 1000,
        link: (tEnd - tTraining) / 1000,
        total: (tEnd - t0) / 1000,
      },
    };
    return summary;
  } catch (e) {
    if (signal?.aborted) throw abortError(signal);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
}

type PipelineSpec = ReturnType<typeof pipelineSpec>;

/**
 * The task that hands every worker the register, the model and the thresholds before LEFT's
 * chunks are linked (only the two thresholds are sent, whatever else the object holds).
 *
 * @example
 * ```ts
 * await pool.broadcast(referenceTask(built, model, thresholds));
 * ```
 */
export function referenceTask(
  built: PreparedRegister,
  model: FellegiSunterModel,
  thresholds: Thresholds,
): WorkerMessage {
  return {
    type: 'reference',
    reference: {
      reference: built.reference,
      dictionaries: built.dictionaries,
      rightKeys: built.rightKeys,
      model,
      thresholds: { match: thresholds.match, review: thresholds.review },
      options: { rules: PIPELINE_RULES },
    },
  };
}

/**
 * The reference: RIGHT cleaned by the workers (a window of chunks in flight), prepared here
 * piece by piece in file order (so the interned ids agree), each piece's records dropped once
 * prepared; the pieces are concatenated straight into shared memory with the block tables. A
 * function of its own so that nothing it needed stays reachable once it returns.
 */
export async function buildReference(
  spec: PipelineSpec,
  pool: WorkerPool,
  rightScan: CsvScan,
  workers: number,
  onRows: (rows: number) => void,
  parallel = true,
): Promise<PreparedRegister> {
  let rowsRead = 0;
  // The register's record keys, packed chunk by chunk (no string per register person kept).
  const keyParts: StringPool[] = [];
  // The pieces' columns, by comparison, so that each comparison's pieces can be dropped as soon
  // as they are concatenated: the assembly holds the reference plus one comparison's pieces, not
  // two copies of the reference.
  const byComparison: PreparedColumn[][] = spec.comparisons.map(() => []);
  let size = 0;
  const hashParts: Float64Array[][] = spec.blocking.map(() => []);
  const keep = (ids: readonly string[], invalid: Uint8Array, hashes: readonly Float64Array[]) => {
    rowsRead += ids.length;
    onRows(rowsRead);
    // Malformed or empty register rows are kept out of the reference.
    keyParts.push(packStrings(invalid.includes(1) ? ids.filter((_, i) => !invalid[i]) : ids));
    for (let r = 0; r < hashParts.length; r++) hashParts[r]!.push(hashes[r]!);
  };
  // Parallel: the workers prepare each chunk with interners of their own; here the chunks'
  // dictionaries are merged in file order and their ids re-numbered (the same ids as a serial
  // preparation). Serial (when the id fields cannot be told apart): prepared here, in order.
  const idFields = parallel ? findIdFields(pipelineSpec, probeRecords()) : undefined;
  if (idFields) {
    await inOrder(
      rightScan.chunks,
      workers * 2 + 1,
      (c) => pool.run<PreparedPiece>({ type: 'prepare', chunk: c }),
      (piece) => {
        keep(piece.ids, piece.invalid, piece.hashes);
        if (piece.size === 0) return;
        piece.columns.forEach((column, k) => {
          const local = piece.dictionaries[k];
          const dictionary = spec.comparisons[k]!.dictionary;
          if (local && dictionary)
            renumberColumn(column, idFields[k]!, mergeDictionary(dictionary, local));
          // Held until the last piece arrives: made about as small as the final reference.
          byComparison[k]!.push(compactPiece(column, dictionary));
        });
        size += piece.size;
      },
    );
  } else {
    await inOrder(
      rightScan.chunks,
      workers * 2 + 1,
      (c) =>
        pool.run<CleanedChunk>({ type: 'clean', side: 'right', source: c, firstRow: c.firstRow }),
      (part) => {
        keep(part.ids, part.invalid, part.hashes!);
        if (part.records.length === 0) return;
        const piece = prepare(spec, part.records, []);
        piece.columns.forEach((column, k) => {
          byComparison[k]!.push(compactPiece(column, spec.comparisons[k]!.dictionary));
        });
        size += piece.size;
      },
    );
  }
  // The end of the register: block tables first, one rule at a time, each rule's key hashes
  // dropped once its table is built; then, one comparison at a time, its dictionary exported
  // into shared memory and its pieces concatenated into a column that reads its string values
  // from that dictionary, the pieces dropped. (The interners themselves are dropped with the
  // spec when this function returns: the caller attaches the exported dictionaries to its own.)
  const blocks = hashParts.map((parts, r) => {
    hashParts[r] = [];
    return blockTableFromHashes(parts, shared);
  });
  let reference: ColumnarReference;
  let dictionaries: Dictionaries;
  if (size === 0) {
    reference = { ...toColumnarReference(prepare(spec, [], []), { allocate: shared }), blocks };
    dictionaries = exportDictionaries(spec, { allocate: shared });
  } else {
    const exported: Dictionaries[number][] = [];
    const columns = byComparison.map((parts, k) => {
      byComparison[k] = [];
      const interner = spec.comparisons[k]!.dictionary;
      const dictionary = exportDictionary(interner, { allocate: shared, release: true });
      exported.push(dictionary);
      const joined = concatColumns(uniformPieces(parts, interner), shared);
      return compactReferenceColumn(joined, dictionary, shared);
    });
    reference = { size, columns, blocks };
    dictionaries = exported;
  }
  return {
    reference,
    dictionaries,
    rightKeys: concatStringPools(keyParts, shared),
    rowsRead,
  };
}

/**
 * LEFT chunks cleaned and prepared ahead of the model, per staging worker (see below): about
 * 1 KB per staged row is held until the link reaches it (64 chunks cost 300 MB more peak RSS
 * at 1M × 1M); 32 chunks (131 072 rows at 4 096) outlast the 1M run's training on a quiet
 * machine.
 */
const MAX_STAGED_PER_WORKER = 32;

/**
 * LEFT rows each worker but the first cleans ahead while the reference is assembled: a
 * sixteenth of the register's rows (the assembly's time grows with the register), at most
 * {@link MAX_STAGED_PER_WORKER} chunks.
 */
const AHEAD_SHARE = 16;

/**
 * The model: EM on a sample of LEFT against the whole reference (the same sample whatever the
 * shard and chunking), or the given model; and the thresholds. Training runs on worker 0 (the
 * main thread stays free to dispatch); meanwhile the other workers clean and prepare LEFT's
 * chunks in dispatch order (`stage`), at most {@link MAX_STAGED_PER_WORKER} each, and keep them
 * until the link asks them for the same chunk: the core training leaves idle is used. Returns
 * the training and which worker holds each staged chunk, as soon as the model is trained: a
 * chunk still being staged then counts as staged (its worker runs its tasks in order, so the
 * chunk's link task comes after it).
 */
async function trainWhileStaging(
  pool: WorkerPool,
  built: PreparedRegister,
  leftScan: CsvScan,
  options: LinkPipelineOptions,
  order: readonly number[],
  sampled: Promise<unknown>,
  aheadOn: ReadonlyMap<number, number>,
): Promise<{ training: SampleTraining; stagedOn: Map<number, number> }> {
  let trained = false;
  // Worker 0 trains once its sample is cleaned (the training task attaches the dictionaries).
  const training = sampled
    .then(() =>
      pool.run<SampleTraining>(
        {
          type: 'train',
          train: {
            reference: built.reference,
            dictionaries: built.dictionaries,
            given: {
              ...(options.model ? { model: options.model } : {}),
              ...(options.thresholds ? { thresholds: options.thresholds } : {}),
              ...(options.targetFdr !== undefined ? { targetFdr: options.targetFdr } : {}),
            },
          },
        },
        [],
        0,
      ),
    )
    .finally(() => {
      trained = true;
    });
  // A chunk cleaned ahead stays on its worker (its records are there), staged or not.
  const stagedOn = new Map<number, number>(aheadOn);
  let next = 0;
  const stage = async (worker: number) => {
    await pool.run({ type: 'dictionaries', dictionaries: built.dictionaries }, [], worker);
    // Its own chunks cleaned ahead first, then the next chunks nobody holds.
    const own = order.filter((c) => aheadOn.get(c) === worker);
    const take = () => {
      if (own.length > 0) return own.shift();
      while (next < order.length && aheadOn.has(order[next]!)) next++;
      return order[next++];
    };
    for (let n = 0, c = take(); n < MAX_STAGED_PER_WORKER && !trained && c !== undefined; n++) {
      stagedOn.set(c, worker);
      await pool.run({ type: 'stage', chunk: leftScan.chunks[c]! }, [], worker);
      c = take();
    }
  };
  const lanes = Array.from({ length: pool.size - 1 }, (_, w) => stage(w + 1));
  // Not awaited: a failed stage fails again when its chunk is linked (on the same worker).
  for (const lane of lanes) lane.catch(() => undefined);
  return { training: await training, stagedOn };
}

/**
 * The EM sample's rows as CSV text, in LEFT order: the `sampleSize` rows of the scan's picks
 * with the smallest {@link sampleOrder} (the same rows whatever the shard and chunking), read
 * from LEFT (`path`) by their byte ranges.
 */
function sampleText(path: string, leftScan: CsvScan, sampleSize: number): string {
  // Each pick's order computed once (a comparator computing it sorts 70 000 picks at 100k).
  const keyed = leftScan.sample.map((r) => ({ r, order: sampleOrder(r.row) }));
  keyed.sort((a, b) => a.order - b.order || a.r.row - b.r.row);
  const rows = keyed.slice(0, sampleSize).map((k) => k.r);
  rows.sort((a, b) => a.row - b.row);
  return readRows(path, rows).join('\n');
}

/**
 * The order LEFT's chunks are dispatched in: staged chunks alternate with the others, so that
 * the workers holding staged chunks (which only score them) and the rest stay busy together.
 */
function interleaveStaged(order: readonly number[], stagedOn: ReadonlyMap<number, number>) {
  const staged = order.filter((c) => stagedOn.has(c));
  const rest = order.filter((c) => !stagedOn.has(c));
  const out: number[] = [];
  for (let i = 0; i < Math.max(staged.length, rest.length); i++) {
    if (i < staged.length) out.push(staged[i]!);
    if (i < rest.length) out.push(rest[i]!);
  }
  return out;
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
      const promise = run(items[next]!);
      promise.catch(() => undefined); // awaited in order below
      started.set(next, promise);
      next++;
    }
    const result = await started.get(i)!;
    started.delete(i);
    use(result);
  }
}

/** One pool of the pools' strings, in order, in `alloc` memory. */
function concatStringPools(
  parts: readonly StringPool[],
  alloc: (bytes: number) => ArrayBufferLike,
): StringPool {
  let units = 0;
  let count = 0;
  for (const p of parts) {
    units += p.codes.length;
    count += p.starts.length - 1;
  }
  const codes = new Uint16Array(alloc(units * 2), 0, units);
  const starts = new Int32Array(alloc((count + 1) * 4), 0, count + 1);
  let o = 0;
  let k = 0;
  for (const p of parts) {
    codes.set(p.codes, o);
    const n = p.starts.length - 1;
    for (let i = 0; i < n; i++) starts[k + i] = p.starts[i]! + o;
    o += p.codes.length;
    k += n;
  }
  starts[count] = o;
  return { codes, starts };
}

/** Fisher–Yates with a small seeded generator (tests dispatch chunks out of order). */
function shuffle(xs: number[], seed: number): void {
  let state = seed >>> 0 || 1;
  for (let i = xs.length - 1; i > 0; i--) {
    state = sampleOrder(state + i);
    const j = state % (i + 1);
    const t = xs[i]!;
    xs[i] = xs[j]!;
    xs[j] = t;
  }
}

function addStats(into: Record<keyof ChunkStats, number>, s: ChunkStats): void {
  for (const k of Object.keys(into) as (keyof ChunkStats)[]) into[k] += s[k];
}
