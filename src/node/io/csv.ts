/**
 * Shared CSV plumbing of the `clean`, `link` and `dedupe` commands (DESIGN.md §5): streaming read
 * with csv-parse (UTF-8, header row, RFC 4180, BOM accepted), canonical column mapping, the record
 * key, streaming write with RFC 4180 quoting and backpressure. Every
 * user-caused problem is a `VnReconcileError` whose message names the file, row and column.
 */
import { once } from 'node:events';
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { CsvError, type Options, parse } from 'csv-parse';
import type { VnReconcileError } from '../../errors.js';
import {
  describeRecognizedColumns,
  ENGINE_COLUMNS,
  type EngineColumn,
  joinNameParts,
  neutralizeFormula,
  type RawRecord,
  recognizeColumns,
} from '../../record/index.js';
import { inputError } from '../errors.js';
import { parseCsvText } from './csv-chunks.js';

/** `--map canonical=theirs` pairs: which file column holds each canonical column. */
export type ColumnMap = Readonly<Partial<Record<EngineColumn, string>>>;

/** Options of {@link openCsv}. */
export interface OpenCsvOptions {
  /** Column holding the record key (default: the first column). */
  readonly key?: string;
  /** Renames: canonical column → the file's column name. */
  readonly map?: ColumnMap;
  /** Base directory of a relative `path` (default: `process.cwd()`). */
  readonly cwd?: string;
  /** Read this stream instead of opening `path` (`path` still names it in messages; e.g. stdin). */
  readonly stream?: Readable;
  /** The file's name in messages (default: `path`). */
  readonly label?: string;
}

/** The header of an opened CSV file. */
export interface CsvHeader {
  /** File name used in messages. */
  readonly file: string;
  /** Column names as they are in the file (BOM removed). */
  readonly columns: readonly string[];
  /** Canonical column → its index in `columns`. */
  readonly canonical: Readonly<Partial<Record<EngineColumn, number>>>;
  /** Index of the key column. */
  readonly keyIndex: number;
  /** Which header became which engine column, one line each (`Họ và tên → full_name`). */
  readonly mapping: readonly string[];
}

/** Why a row did not have as many fields as the header. */
export type CsvRowIssueCode = 'CSV_TOO_FEW_FIELDS' | 'CSV_TOO_MANY_FIELDS';

/** One data row. */
export interface CsvRow {
  /** Row number counting the header as row 1, as spreadsheets do (blank lines are not rows). */
  readonly rowNumber: number;
  /** The record key (value of the key column). */
  readonly key: string;
  /** Canonical columns under their canonical names, other columns under their own names. */
  readonly raw: RawRecord;
  /** The non-canonical columns only. */
  readonly extra: Readonly<Record<string, string>>;
  /**
   * Exactly one cell per header column, as in the file. A short row is padded with empty cells;
   * a long row has its surplus cells joined with `,` into the last cell (nothing is dropped: an
   * unquoted comma in the last column is the usual cause).
   */
  readonly cells: readonly string[];
  /** Set when the row had the wrong number of fields. */
  readonly fieldCountIssue?: CsvRowIssueCode;
  /** How many fields the row really had. */
  readonly fieldCount: number;
}

/**
 * An opened CSV file: its header, and its rows one by one (`rows`) or in arrays of up to 1024
 * (`batches`, faster: one await per batch). Both read the same stream: use one of them, once.
 */
export interface CsvSource {
  readonly header: CsvHeader;
  readonly rows: AsyncIterable<CsvRow>;
  readonly batches: AsyncIterable<readonly CsvRow[]>;
}

/**
 * The `VnReconcileError` for an error met while reading `file`: a csv-parse error names the row
 * (header = row 1), line and column; an I/O error says why the file cannot be read.
 *
 * @example
 * ```ts
 * describeIoError('a.csv', Object.assign(new Error('x'), { code: 'ENOENT' })).message;
 * // 'a.csv: cannot read the file (no such file)'
 * ```
 */
export function describeIoError(file: string, error: unknown): VnReconcileError {
  const code = (error as { code?: unknown } | null)?.code;
  if (error instanceof CsvError) {
    const info = error as unknown as { records?: unknown; column?: unknown; lines?: unknown };
    const row = typeof info.records === 'number' ? info.records + 1 : undefined;
    const column = typeof info.column === 'number' ? info.column : undefined;
    const where = [
      row === undefined ? '' : `row ${row}`,
      typeof info.lines === 'number' ? `line ${info.lines}` : '',
      column === undefined ? '' : `column ${column}`,
    ]
      .filter((s) => s.length > 0)
      .join(', ');
    return inputError('INPUT_INVALID', `${file}: ${where}: ${error.message}`);
  }
  if (typeof code === 'string') {
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code;
    return inputError('INPUT_INVALID', `${file}: cannot read the file (${reason})`);
  }
  return inputError(
    'INPUT_INVALID',
    `${file}: ${error instanceof Error ? error.message : String(error)}`,
  );
}

function findColumn(columns: readonly string[], name: string): number {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const wanted = name.trim().toLowerCase();
  return columns.findIndex((c) => c.trim().toLowerCase() === wanted);
}

/**
 * Resolves a header row: canonical columns (any case), `--map` renames, duplicate names and the
 * key column. Throws a `VnReconcileError` naming the file, row 1 and the column.
 *
 * @example
 * ```ts
 * resolveHeader('a.csv', ['stt', 'Ho_Ten', 'dob'], { map: { full_name: 'ho_ten' } });
 * // { file: 'a.csv', columns: [...], canonical: { full_name: 1, dob: 2 }, keyIndex: 0 }
 * ```
 */
export function resolveHeader(
  file: string,
  columns: readonly string[],
  options: Pick<OpenCsvOptions, 'key' | 'map'> = {},
): CsvHeader {
  if (columns.length === 0 || (columns.length === 1 && columns[0] === '')) {
    throw inputError('HEADER_INVALID', `${file}: row 1: the header row is empty`);
  }
  // Trailing empty header cells (a spreadsheet's unused columns) are not columns.
  let width = columns.length;
  while (width > 1 && (columns[width - 1] ?? '').trim() === '') width--;
  const named = columns.slice(0, width).map((c, i) => (c.trim() === '' ? `column_${i + 1}` : c));
  const recognized = recognizeColumns(named, options.map === undefined ? {} : { map: options.map });
  if (!recognized.success) {
    throw inputError(
      'HEADER_INVALID',
      `${file}: row 1: ${recognized.issues.map((i) => i.message).join('; ')}`,
    );
  }
  const canonical: Partial<Record<EngineColumn, number>> = {};
  for (const c of recognized.data.found) canonical[c.column] = c.index;
  let keyIndex = 0;
  if (options.key !== undefined) {
    keyIndex = findColumn(columns, options.key);
    if (keyIndex < 0) {
      throw inputError(
        'HEADER_INVALID',
        `${file}: row 1: key column '${options.key}' is not in the header`,
      );
    }
  }
  return {
    file,
    columns,
    canonical,
    keyIndex,
    mapping: describeRecognizedColumns(recognized.data),
  };
}

/**
 * A function that turns the cells of one record into a {@link CsvRow} (fixing the field count,
 * naming canonical columns), with per-column names precomputed from the header. With
 * `{ extra: false }` the rows' `extra` is always empty (faster when only `raw` is used).
 *
 * @example
 * ```ts
 * const build = createRowBuilder(resolveHeader('a.csv', ['id', 'dob']));
 * build(['1', '1990'], 2).raw; // { id: '1', dob: '1990' }
 * ```
 */
export function createRowBuilder(
  header: CsvHeader,
  options: { readonly extra?: boolean } = {},
): (cells: string[], rowNumber: number) => CsvRow {
  const n = header.columns.length;
  const rawNames: string[] = header.columns.slice();
  const isExtra: boolean[] = new Array<boolean>(n).fill(true);
  for (const c of ENGINE_COLUMNS) {
    const i = header.canonical[c];
    if (i !== undefined) {
      rawNames[i] = c;
      isExtra[i] = false;
    }
  }
  // A name kept in parts (họ, tên đệm, tên) and no full-name column: joined into full_name.
  const partsOf =
    header.canonical.full_name === undefined
      ? (['family_name', 'middle_name', 'given_name'] as const).map((c) => header.canonical[c])
      : [undefined, undefined, undefined];
  const joinParts = partsOf.some((i) => i !== undefined);
  // `extra: false`: callers that only need `raw` and `cells` skip one object per row.
  const hasExtra = options.extra !== false && isExtra.some((x) => x);
  const emptyExtra: Readonly<Record<string, string>> = Object.freeze({});
  return (cells: string[], rowNumber: number): CsvRow => {
    const fieldCount = cells.length;
    let fieldCountIssue: CsvRowIssueCode | undefined;
    if (fieldCount < n) {
      fieldCountIssue = 'CSV_TOO_FEW_FIELDS';
      for (let i = fieldCount; i < n; i++) cells.push('');
    } else if (fieldCount > n) {
      fieldCountIssue = 'CSV_TOO_MANY_FIELDS';
      const tail = cells.slice(n - 1).join(',');
      cells.length = n;
      cells[n - 1] = tail;
    }
    const raw: Record<string, string> = {};
    let extra = emptyExtra;
    if (hasExtra) {
      const e: Record<string, string> = {};
      for (let i = 0; i < n; i++) {
        const v = cells[i] ?? '';
        raw[rawNames[i] ?? ''] = v;
        if (isExtra[i]) e[rawNames[i] ?? ''] = v;
      }
      extra = e;
    } else {
      for (let i = 0; i < n; i++) raw[rawNames[i] ?? ''] = cells[i] ?? '';
    }
    if (joinParts) {
      const [f, m, g] = partsOf.map((i) => (i === undefined ? undefined : cells[i]));
      raw['full_name'] = joinNameParts(f, m, g);
    }
    const key = cells[header.keyIndex] ?? '';
    return fieldCountIssue === undefined
      ? { rowNumber, key, raw, extra, cells, fieldCount }
      : { rowNumber, key, raw, extra, cells, fieldCount, fieldCountIssue };
  };
}

/**
 * The csv-parse options every command reads with (without `bom`, which only applies at the start
 * of a file): relaxed quotes and column counts (bad rows are reported, not fatal), blank lines
 * skipped, and CRLF, LF and CR all accepted as line ends.
 */
export const CSV_PARSE_OPTIONS = {
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: true,
  // Explicit, so that a file mixing CRLF and LF (or old Mac CR) still parses.
  record_delimiter: ['\r\n', '\n', '\r'],
} as const satisfies Options;

/**
 * Opens a CSV file for streaming: reads the header, resolves canonical columns (`--map`) and the
 * key column (`--key`), and returns an async iterator of rows. Memory stays constant whatever the
 * file size. Errors (missing file, unclosed quote, bad header) are `VnReconcileError`s naming the file,
 * row and column.
 *
 * @example
 * ```ts
 * const { header, rows } = await openCsv('people.csv', { key: 'ma_dt', map: { dob: 'ngay_sinh' } });
 * for await (const row of rows) console.log(row.rowNumber, row.raw.dob);
 * ```
 */
export async function openCsv(path: string, options: OpenCsvOptions = {}): Promise<CsvSource> {
  const file = options.label ?? path;
  const input =
    options.stream ??
    createReadStream(isAbsolute(path) ? path : resolve(options.cwd ?? process.cwd(), path), {
      highWaterMark: 1 << 16,
    });
  const parser = parse({ ...CSV_PARSE_OPTIONS, bom: true });
  const pull = createPuller(parser, file);
  input.on('error', (e: Error) => parser.destroy(e));
  input.pipe(parser);
  const close = () => {
    if (!parser.destroyed) parser.destroy();
    if (options.stream === undefined) input.destroy();
  };
  let first: string[] | null;
  try {
    first = await pull.next();
  } catch (e) {
    close();
    throw e;
  }
  if (first === null) {
    close();
    throw inputError('INPUT_INVALID', `${file}: the file is empty (a header row is required)`);
  }
  let header: CsvHeader;
  try {
    header = resolveHeader(file, first, options);
  } catch (e) {
    close();
    throw e;
  }
  const build = createRowBuilder(header);
  let rowNumber = 1;
  async function* batches(): AsyncGenerator<readonly CsvRow[]> {
    try {
      while (true) {
        const records = await pull.batch(BATCH_SIZE);
        if (records === null) return;
        const batch: CsvRow[] = new Array<CsvRow>(records.length);
        for (let i = 0; i < records.length; i++) {
          rowNumber++;
          batch[i] = build(records[i] ?? [], rowNumber);
        }
        yield batch;
      }
    } finally {
      close();
    }
  }
  async function* rows(): AsyncGenerator<CsvRow> {
    for await (const batch of batches()) yield* batch;
  }
  return { header, rows: rows(), batches: batches() };
}

const BATCH_SIZE = 256;

/**
 * Reads a csv-parse stream with `read()` in batches, waiting only when its buffer is empty (an
 * async iterator would cost one promise per record).
 */
function createPuller(parser: ReturnType<typeof parse>, file: string) {
  let ended = false;
  let failure: unknown;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  parser.on('readable', notify);
  parser.on('end', () => {
    ended = true;
    notify();
  });
  parser.on('error', (e: unknown) => {
    failure ??= e;
    notify();
  });
  parser.on('close', () => {
    ended = true;
    notify();
  });
  async function batch(max: number): Promise<string[][] | null> {
    while (true) {
      if (failure !== undefined) throw describeIoError(file, failure);
      const out: string[][] = [];
      while (out.length < max) {
        const rec = parser.read() as string[] | null;
        if (rec === null) break;
        out.push(rec);
      }
      if (out.length > 0) return out;
      if (ended) return null;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }
  async function next(): Promise<string[] | null> {
    const b = await batch(1);
    return b === null ? null : (b[0] ?? null);
  }
  return { batch, next };
}

/**
 * Streams the rows of a CSV file (see {@link openCsv}); the header is passed to `onHeader` first.
 *
 * @example
 * ```ts
 * for await (const row of readRows('list.csv')) if (row.fieldCountIssue) console.log(row.rowNumber);
 * ```
 */
export async function* readRows(
  path: string,
  options: OpenCsvOptions & { readonly onHeader?: (header: CsvHeader) => void } = {},
): AsyncGenerator<CsvRow> {
  const source = await openCsv(path, options);
  options.onHeader?.(source.header);
  yield* source.rows;
}

/** A CSV writer with backpressure. `write` returns a promise only when the caller must wait. */
export interface CsvWriter {
  /** Queues one row; `await` the result when it is a promise (the output is full). */
  write(cells: readonly string[]): Promise<void> | undefined;
  /** Queues one already formatted line (see {@link formatCsvRow}); same contract as `write`. */
  writeLine(line: string): Promise<void> | undefined;
  /** Flushes and, for files, closes the output. */
  end(): Promise<void>;
}

/** Options of {@link createCsvWriter}. */
export interface CsvWriterOptions {
  /** Start with a UTF-8 BOM so that Excel reads the file as UTF-8 (default false). */
  readonly bom?: boolean;
  /** Close `out` when done (default false: stdout must stay open). */
  readonly close?: boolean;
  /** Characters buffered before a write to `out` (default 65536). */
  readonly flushBytes?: number;
  /** Neutralise spreadsheet formulas in cells (default true; see guardFormula). */
  readonly guard?: boolean;
}

/**
 * Creates a CSV writer on `out`: header first, RFC 4180 quoting (see
 * {@link formatCsvRow}), CRLF line ends, output buffered and written in chunks, waiting for `drain`
 * when the output is full.
 *
 * @example
 * ```ts
 * const w = createCsvWriter(process.stdout, ['a', 'b']);
 * await w.write(['1', 'x,y']);
 * await w.end();
 * ```
 */
export function createCsvWriter(
  out: Writable,
  header: readonly string[],
  options: CsvWriterOptions = {},
): CsvWriter {
  const flushAt = options.flushBytes ?? 1 << 16;
  let failure: unknown;
  const onError = (e: unknown) => {
    failure ??= e;
  };
  out.on('error', onError);
  const guard = options.guard !== false;
  let pending = (options.bom === true ? '\uFEFF' : '') + formatCsvRow(header, guard);
  async function waitDrain(): Promise<void> {
    await once(out, 'drain');
  }
  function flush(): Promise<void> | undefined {
    if (failure !== undefined) return Promise.reject(failure);
    if (pending.length === 0) return undefined;
    const text = pending;
    pending = '';
    return out.write(text) ? undefined : waitDrain();
  }
  return {
    write(cells) {
      pending += formatCsvRow(cells, guard);
      return pending.length >= flushAt ? flush() : undefined;
    },
    writeLine(line) {
      pending += line;
      return pending.length >= flushAt ? flush() : undefined;
    },
    async end() {
      await flush();
      if (failure !== undefined) throw failure;
      if (options.close === true) {
        const finished = once(out, 'finish');
        out.end();
        await finished;
      }
      out.off('error', onError);
    },
  };
}

const NEEDS_QUOTES = /[",\r\n]/;

function quoteCell(v: string): string {
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * One CSV line (with its CRLF) for `cells`, RFC 4180 quoting; with `guard` (the default) each
 * cell goes through `neutralizeFormula` (spreadsheet formula injection). A cell holding `"`, `,`, CR or LF is quoted, its quotes
 * doubled (csv-stringify is not used: with CRLF record delimiters it leaves a bare LF unquoted,
 * which is not CSV).
 *
 * @example
 * ```ts
 * formatCsvRow(['a', 'b,c']); // 'a,"b,c"\r\n'
 * formatCsvRow(['=1+1']); // "'=1+1\r\n"
 * ```
 */
export function formatCsvRow(cells: readonly string[], guard = true): string {
  let row = cells;
  if (guard) {
    for (let i = 0; i < cells.length; i++) {
      const v = cells[i] ?? '';
      const g = neutralizeFormula(v);
      if (g !== v) {
        if (row === cells) row = cells.slice();
        (row as string[])[i] = g;
      }
    }
  }
  for (let i = 0; i < row.length; i++) {
    if (NEEDS_QUOTES.test(row[i] ?? '')) return `${row.map(quoteCell).join(',')}\r\n`;
  }
  return `${row.join(',')}\r\n`;
}

/**
 * Reads and resolves the header row of a UTF-8 comma CSV file (see {@link resolveHeader}):
 * input errors name the file, row 1 and the column.
 *
 * @example
 * ```ts
 * readHeader('/tmp/list.csv', 'list.csv', { map: { dob: 'ngay_sinh' } }).mapping;
 * // ['Họ và tên → full_name', 'ngay_sinh → dob (--map)']
 * ```
 */
export function readHeader(
  path: string,
  file: string,
  options: Pick<OpenCsvOptions, 'key' | 'map'> = {},
): CsvHeader {
  const fd = openSync(path, 'r');
  let text: string;
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    const n = readSync(fd, buf, 0, buf.length, 0);
    text = buf.toString('utf8', 0, n).replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
  // The header only: the first row of the first MiB (not the thousands of rows after it).
  const first = parseCsvText(text, 1)[0];
  if (first === undefined)
    throw inputError('INPUT_EMPTY', `${file}: the file is empty (a header row is required)`);
  return resolveHeader(file, first, options);
}
