/**
 * `vn-reconcile clean` on worker threads. The main thread only reads the input, cuts it into
 * row-aligned chunks (./clean-chunks.ts), and writes the cleaned chunks strictly in input order;
 * each worker (./clean-worker.ts) parses its chunk with csv-parse, cleans and formats the rows.
 * At most `2 × workers` chunks are in flight and output waits for `drain`, so memory stays
 * constant whatever the size of the input.
 */
import { parse } from 'csv-parse';
import type { VnReconcileError } from '../../errors.js';
import type { CleanRecordOptions } from '../../record/index.js';
import { inputError, throwIfAborted } from '../errors.js';
import { CSV_PARSE_OPTIONS, type CsvHeader, describeIoError } from '../io/csv.js';
import { createPool } from '../workers/pool.js';
import { createRecordScanState, scanRecords } from './clean-chunks.js';
import {
  type CleanedChunk,
  type CleanSummary,
  createCleanSummary,
  mergeCleanSummary,
} from './clean-rows.js';

/** What every clean worker gets once, as `workerData`. */
export interface CleanWorkerData {
  readonly header: CsvHeader;
  readonly options: CleanRecordOptions;
  /** Neutralise spreadsheet formulas in the output (see neutralizeFormula). */
  readonly guard: boolean;
}

/** A worker's answer for one chunk. */
export type CleanWorkerReply =
  | { readonly ok: true; readonly chunk: CleanedChunk }
  | { readonly ok: false; readonly csvError: true; readonly bytes: Uint8Array };

/** The input of {@link cleanInParallel}: the header is already read and resolved. */
export interface ParallelCleanInput {
  /** File name for messages. */
  readonly file: string;
  readonly header: CsvHeader;
  /** Lines (as csv-parse counts them) before the first data byte. */
  readonly headerLines: number;
  /** Bytes after the header already read. */
  readonly rest: Buffer;
  /** The remaining bytes of the input. */
  readonly blocks: AsyncIterator<Buffer>;
  readonly options: CleanRecordOptions;
  readonly guard: boolean;
  readonly workers: number;
  /** Target bytes per chunk. */
  readonly chunkBytes: number;
  /** Writes output bytes; returns a promise when the caller must wait (backpressure). */
  readonly write: (bytes: Uint8Array) => Promise<void> | undefined;
  /** Stops between chunks. */
  readonly signal?: AbortSignal | undefined;
  /** Rows written so far, after each chunk. */
  readonly onRows?: ((rows: number) => void) | undefined;
}

interface InFlight {
  readonly promise: Promise<CleanWorkerReply>;
  reply: CleanWorkerReply | undefined;
}

/**
 * Cleans the data rows of a CSV input on `workers` threads and writes the output lines in input
 * order. Returns the merged summary; throws a `VnReconcileError` (naming the file's row and line, as
 * the in-process path does) on a malformed chunk.
 *
 * @example
 * ```ts
 * const summary = await cleanInParallel({ file, header, headerLines, rest, blocks, options,
 *   workers: 2, chunkBytes: 1 << 20, write });
 * ```
 */
export async function cleanInParallel(input: ParallelCleanInput): Promise<CleanSummary> {
  const pool = createPool(input.workers);
  await pool.broadcast({
    type: 'clean-setup',
    data: { header: input.header, options: input.options, guard: input.guard },
  });
  const summary = createCleanSummary();
  const inFlight: InFlight[] = [];
  const maxInFlight = 2 * input.workers;
  let linesBefore = input.headerLines;

  async function settleOldest(): Promise<void> {
    const head = inFlight.shift() as InFlight;
    const reply = head.reply ?? (await head.promise);
    if (!reply.ok) {
      throw await describeChunkError(input.file, reply.bytes, linesBefore, summary.rows);
    }
    const { chunk } = reply;
    mergeCleanSummary(summary, chunk.summary);
    linesBefore += chunk.lineBreaks;
    const wait = input.write(chunk.out);
    if (wait !== undefined) await wait;
    input.onRows?.(summary.rows);
    throwIfAborted(input.signal);
  }
  async function dispatch(buf: Buffer, end: number): Promise<void> {
    while (inFlight.length >= maxInFlight) await settleOldest();
    // A copy with its own ArrayBuffer, transferred to the worker.
    const bytes = new Uint8Array(end);
    bytes.set(buf.subarray(0, end));
    const entry: InFlight = {
      promise: pool.run<CleanWorkerReply>({ type: 'clean-chunk', bytes }, [
        bytes.buffer as ArrayBuffer,
      ]),
      reply: undefined,
    };
    entry.promise.then(
      (r) => {
        entry.reply = r;
      },
      () => undefined, // awaited (and thrown) in order by settleOldest
    );
    inFlight.push(entry);
    while (inFlight[0]?.reply !== undefined) await settleOldest();
  }

  try {
    let buf = input.rest;
    const st = createRecordScanState();
    const { chunkBytes } = input;
    for (;;) {
      while (buf.length >= chunkBytes) {
        scanRecords(buf, st, chunkBytes);
        if (st.lastBoundary <= 0) scanRecords(buf, st); // a record longer than a chunk
        const cut = st.lastBoundary;
        if (cut <= 0) break;
        await dispatch(buf, cut);
        buf = buf.subarray(cut);
        st.pos -= cut;
        st.lastBoundary = -1;
      }
      const next = await input.blocks.next();
      if (next.done === true) break;
      buf = buf.length === 0 ? next.value : Buffer.concat([buf, next.value]);
    }
    if (buf.length > 0) await dispatch(buf, buf.length);
    while (inFlight.length > 0) await settleOldest();
  } finally {
    await pool.close();
  }
  return summary;
}

/**
 * Re-reads a chunk that failed to parse, after as many blank lines as the file had lines before
 * it, so that csv-parse reports the line number of the whole file; the row number is shifted by
 * the rows before it (and the header).
 */
async function describeChunkError(
  file: string,
  bytes: Uint8Array,
  linesBefore: number,
  rowsBefore: number,
): Promise<VnReconcileError> {
  const parser = parse(CSV_PARSE_OPTIONS);
  const done = new Promise<unknown>((resolve) => {
    parser.on('error', resolve);
    parser.on('end', () => resolve(undefined));
  });
  parser.resume();
  parser.write(Buffer.alloc(linesBefore, 0x0a));
  parser.end(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  const error = await done;
  if (error === undefined)
    return inputError('INPUT_INVALID', `${file}: the file could not be parsed`);
  const info = error as { records?: unknown };
  if (typeof info.records === 'number') info.records += rowsBefore + 1;
  return describeIoError(file, error);
}
