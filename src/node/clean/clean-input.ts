/**
 * Opening the input of `vn-reconcile clean` for worker threads: read the first chunk, find and
 * resolve the header row (csv-parse, exactly as `openCsv` does), and hand over the rest of the
 * bytes. Inputs smaller than a few chunks, and the rare ones the chunker cannot cut (UTF-16, a
 * header longer than a chunk), go back to the one-thread streaming path instead.
 */
import { createReadStream } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import {
  CSV_PARSE_OPTIONS,
  type CsvHeader,
  type CsvSource,
  describeIoError,
  type OpenCsvOptions,
  openCsv,
  resolveHeader,
} from '../io/csv.js';
import { countCsvLines, createRecordScanState, scanRecords } from './clean-chunks.js';

/** Inputs smaller than this many chunks are cleaned in one thread. */
export const PARALLEL_MIN_CHUNKS = 16;

/** An input ready for the workers: its header is read, the data rows are not. */
export interface WorkerInput {
  readonly file: string;
  readonly header: CsvHeader;
  /** Lines (as csv-parse counts them) before the first data byte. */
  readonly headerLines: number;
  /** Bytes after the header already read. */
  readonly rest: Buffer;
  /** The remaining bytes; read errors are `VnReconcileError`s naming the file. */
  readonly blocks: AsyncIterator<Buffer, undefined>;
}

/**
 * Opens `path` (or `options.stream`) for the workers, or, when threads would not pay off or the
 * input cannot be cut, as a one-thread {@link CsvSource} (`{ source }`). Errors are the ones
 * `openCsv` gives.
 *
 * @example
 * ```ts
 * const input = await openForWorkers('big.csv', {}, 1 << 20);
 * if ('source' in input) { … } else { input.header; input.rest; }
 * ```
 */
export async function openForWorkers(
  path: string,
  options: OpenCsvOptions,
  chunkBytes: number,
): Promise<WorkerInput | { readonly source: CsvSource }> {
  const stream =
    options.stream ??
    createReadStream(isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path), {
      highWaterMark: Math.min(Math.max(chunkBytes * 4, 1 << 16), 1 << 22),
    });
  const it = stream[Symbol.asyncIterator]() as AsyncIterator<unknown, undefined>;
  const nextBlock = async (): Promise<Buffer | undefined> => {
    let r: IteratorResult<unknown, undefined>;
    try {
      r = await it.next();
    } catch (e) {
      throw describeIoError(path, e);
    }
    if (r.done === true) return undefined;
    return typeof r.value === 'string' ? Buffer.from(r.value) : (r.value as Buffer);
  };
  const pieces: Buffer[] = [];
  let total = 0;
  let eof = false;
  // Threads only pay off for inputs of more than a few chunks.
  while (total < chunkBytes * PARALLEL_MIN_CHUNKS) {
    const b = await nextBlock();
    if (b === undefined) {
      eof = true;
      break;
    }
    pieces.push(b);
    total += b.length;
  }
  const buf = Buffer.concat(pieces);
  const oneThread = () => {
    async function* again(): AsyncGenerator<Buffer> {
      yield buf;
      for (let b = await nextBlock(); b !== undefined; b = await nextBlock()) yield b;
    }
    return openCsv(path, { ...options, stream: Readable.from(eof ? [buf] : again()) }).then(
      (source) => ({ source }),
    );
  };
  // UTF-16 (csv-parse switches encoding on its BOM) cannot be cut at byte values.
  const utf16 = buf[0] === 0xff && buf[1] === 0xfe;
  if (eof || utf16) return oneThread();
  const bom = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const st = createRecordScanState();
  st.pos = bom;
  for (;;) {
    scanRecords(buf, st, buf.length, true);
    const end = st.lastBoundary;
    if (end < 0) return oneThread(); // no complete header row in the first chunk
    // Parse from the start each time, as `openCsv` does, until a line gives a record (blank
    // lines before the header are skipped).
    const records = parse(buf.subarray(0, end), { ...CSV_PARSE_OPTIONS, bom: true }) as string[][];
    const first = records[0];
    if (first === undefined) {
      st.lastBoundary = -1;
      continue;
    }
    let header: CsvHeader;
    try {
      header = resolveHeader(path, first, options);
    } catch (e) {
      await it.return?.();
      throw e;
    }
    const blocks: AsyncIterator<Buffer, undefined> = {
      async next() {
        const value = await nextBlock();
        return value === undefined ? { done: true, value: undefined } : { done: false, value };
      },
      async return() {
        await it.return?.();
        return { done: true, value: undefined };
      },
    };
    return {
      file: path,
      header,
      headerLines: countCsvLines(buf.subarray(0, end)),
      rest: buf.subarray(end),
      blocks,
    };
  }
}
