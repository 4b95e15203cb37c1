/**
 * The one way into the engine. Every input — a path (`.csv`, `.tsv`, `.xlsx`) or a stream — is
 * checked and, when needed, rewritten once into a UTF-8, comma-separated CSV in a private
 * temporary folder, so the readers behind it (the csv-parse stream, the chunk scanner) only ever
 * see one format:
 * - encodings: UTF-8 with or without BOM and UTF-16 LE/BE with BOM are read as such; other bytes
 *   are decoded only when `encoding` says how (windows-1258, tcvn3, viscii, vni, …), otherwise
 *   the run stops naming the row and `--encoding` — never a silent U+FFFD;
 * - delimiters `,` `;` and tab are detected from the header row (`.tsv` means tab);
 * - LF, CRLF and old-Mac CR-only line ends;
 * - `.xlsx` (first worksheet) through exceljs; the old binary `.xls` is refused with a message.
 * A plain UTF-8 comma CSV on disk is read in place (no copy).
 */

import { isUtf8 } from 'node:buffer';
import { once } from 'node:events';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  openSync,
  readSync,
  statSync,
} from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import type { Result } from '../../result.js';
import { inputError, throwIfAborted } from '../errors.js';
import { CSV_PARSE_OPTIONS, describeIoError, formatCsvRow } from './csv.js';
import { absolutePath } from './target.js';
import { readXlsxRows } from './xlsx.js';

/** Byte encodings an input can be decoded from (`--encoding`). */
export const INPUT_ENCODINGS = [
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1258',
  'windows-1252',
  'tcvn3',
  'viscii',
  'vni',
] as const;

/** One of {@link INPUT_ENCODINGS}. */
export type InputEncoding = (typeof INPUT_ENCODINGS)[number];

/** Field delimiters an input can use. */
export type Delimiter = ',' | ';' | '\t';

/** An input: a file path or a readable stream of its bytes. */
export type InputSource = string | Readable;

/** Options of {@link stageInput}. */
export interface StageInputOptions {
  /** Base of relative paths. */
  readonly cwd: string;
  /** Decode the bytes from this encoding (default: UTF-8 or UTF-16 by BOM, checked). */
  readonly encoding?: InputEncoding | undefined;
  /** Force the field delimiter (default: detected from the header row). */
  readonly delimiter?: Delimiter | undefined;
  /** Treat the input as a spreadsheet or as text (default: by extension and content). */
  readonly format?: 'csv' | 'tsv' | 'xlsx' | undefined;
  readonly signal?: AbortSignal | undefined;
}

/** An input ready to read: `path` is a UTF-8, comma-separated CSV file. */
export interface StagedInput {
  /** The name used in messages (the path as given, or the stream's label). */
  readonly file: string;
  /** The file to read. */
  readonly path: string;
  /** Where it came from. */
  readonly format: 'csv' | 'tsv' | 'xlsx';
  /** The bytes' encoding as read. */
  readonly encoding: InputEncoding | 'xlsx';
  readonly delimiter: Delimiter;
  /** Whether `path` is a rewritten copy (in a private temporary folder). */
  readonly staged: boolean;
  /** What was detected or assumed, for the run's summary. */
  readonly notes: readonly string[];
  /** Removes the temporary copy, if any. */
  cleanup(): Promise<void>;
}

const ICONV_NAMES: Readonly<Record<InputEncoding, string>> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  'windows-1258': 'windows1258',
  'windows-1252': 'windows1252',
  tcvn3: 'tcvn',
  viscii: 'viscii',
  // VNI is a font encoding over Windows-1252 bytes: the text decoders of the cleaner turn
  // `Nguyeãn` into `Nguyễn` (see normalizeName).
  vni: 'windows1252',
};

/**
 * Parses an `--encoding` value (case and `-`/`_` ignored; `cp1258`, `utf8`, `tcvn` accepted).
 *
 * @example
 * ```ts
 * parseEncoding('CP1258'); // { success: true, data: 'windows-1258' }
 * parseEncoding('ebcdic').success; // false (OPTION_INVALID)
 * ```
 */
export function parseEncoding(value: string): Result<InputEncoding, 'OPTION_INVALID'> {
  const encoding = encodingOf(value);
  if (encoding !== undefined) return { success: true, data: encoding };
  const message = `--encoding ${value}: expected one of ${INPUT_ENCODINGS.join(', ')}`;
  return { success: false, issues: [{ code: 'OPTION_INVALID', message }] };
}

function encodingOf(value: string): InputEncoding | undefined {
  const v = value.toLowerCase().replace(/[-_\s]/g, '');
  const aliases: Readonly<Record<string, InputEncoding>> = {
    utf8: 'utf-8',
    utf16le: 'utf-16le',
    utf16be: 'utf-16be',
    utf16: 'utf-16le',
    windows1258: 'windows-1258',
    cp1258: 'windows-1258',
    windows1252: 'windows-1252',
    cp1252: 'windows-1252',
    latin1: 'windows-1252',
    tcvn3: 'tcvn3',
    tcvn: 'tcvn3',
    abc: 'tcvn3',
    viscii: 'viscii',
    vni: 'vni',
    vniwindows: 'vni',
  };
  return aliases[v];
}

const HEAD_BYTES = 1 << 16;

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(HEAD_BYTES);
    const n = readSync(fd, buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * The delimiter of a header line: the most frequent of `,` `;` tab outside quotes (`,` on a tie).
 *
 * @example
 * ```ts
 * detectDelimiter('Họ và tên;Ngày sinh;CCCD'); // ';'
 * ```
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

function firstLine(text: string): string {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (!quoted && (c === 0x0a || c === 0x0d)) return text.slice(0, i);
  }
  return text;
}

/** Offset of the first byte of `buf` that is not valid UTF-8 (−1 when valid). */
function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  const n = buf.length;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let len = 0;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) len = 3;
    else if (b >= 0xf0 && b <= 0xf4) len = 4;
    else return i;
    if (i + len > n) return i;
    for (let k = 1; k < len; k++) if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    i += len;
  }
  return -1;
}

/**
 * Checks that a whole file is UTF-8, in 4 MiB blocks; throws `INPUT_ENCODING` naming the row
 * (header = row 1, counted by line) of the first bad byte and `--encoding`.
 */
function checkUtf8(path: string, file: string, signal: AbortSignal | undefined): void {
  const fd = openSync(path, 'r');
  const block = Buffer.allocUnsafe(1 << 22);
  let pos = 0; // file offset of the next read
  let carry = 0; // bytes at the start of `block` carried over from the previous read
  try {
    for (;;) {
      throwIfAborted(signal);
      const n = readSync(fd, block, carry, block.length - carry, pos);
      const end = carry + n;
      if (end === 0) return;
      const start = pos - carry; // file offset of block[0]
      // Cut before a character that may continue in the next block.
      let cut = end;
      if (n > 0) {
        let back = end - 1;
        while (back > 0 && end - back < 4 && (block[back]! & 0xc0) === 0x80) back--;
        if (block[back]! >= 0xc0) cut = back;
      }
      const part = block.subarray(0, cut);
      if (!isUtf8(part)) {
        throw inputError(
          'INPUT_ENCODING',
          `${file}: line ${lineAt(fd, start + firstInvalidUtf8(part))}: the bytes are not UTF-8 (the file was probably saved in a legacy Vietnamese encoding); name it with --encoding (windows-1258, tcvn3, viscii, vni, utf-16le) or save the file as "CSV UTF-8" in Excel`,
        );
      }
      block.copy(block, 0, cut, end);
      carry = end - cut;
      pos += n;
      if (n === 0) {
        if (carry > 0) {
          throw inputError(
            'INPUT_ENCODING',
            `${file}: line ${lineAt(fd, start + cut)}: the file ends inside a UTF-8 character (a truncated file?)`,
          );
        }
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** The line number (1-based) of byte `offset` of an open file: counted only when reporting. */
function lineAt(fd: number, offset: number): number {
  const block = Buffer.allocUnsafe(1 << 20);
  let lines = 1;
  for (let pos = 0; pos < offset; ) {
    const n = readSync(fd, block, 0, Math.min(block.length, offset - pos), pos);
    if (n === 0) break;
    for (let i = block.indexOf(0x0a, 0); i >= 0 && i < n; i = block.indexOf(0x0a, i + 1)) lines++;
    pos += n;
  }
  return lines;
}

async function privateFolder(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'vn-reconcile-'));
}

/** Copies a stream's bytes into a private temporary file. */
async function spool(
  stream: Readable,
  signal: AbortSignal | undefined,
): Promise<{ dir: string; path: string }> {
  const dir = await privateFolder();
  const path = join(dir, 'input');
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }), signal ? { signal } : {});
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return { dir, path };
}

/** Rewrites a text file into a UTF-8 comma CSV (csv-parse reads it: errors name row and line). */
async function rewriteText(
  source: string,
  target: string,
  file: string,
  encoding: InputEncoding,
  delimiter: Delimiter,
  signal: AbortSignal | undefined,
): Promise<void> {
  const parser = parse({ ...CSV_PARSE_OPTIONS, delimiter, bom: true });
  const format = new Transform({
    writableObjectMode: true,
    transform(record: string[], _enc, done) {
      done(null, formatCsvRow(record, false));
    },
  });
  const steps: (NodeJS.ReadableStream | NodeJS.WritableStream | NodeJS.ReadWriteStream)[] = [
    createReadStream(source),
  ];
  if (encoding !== 'utf-8')
    steps.push(iconv.decodeStream(ICONV_NAMES[encoding], { stripBOM: true }));
  steps.push(parser, format, createWriteStream(target, { mode: 0o600 }));
  try {
    await (pipeline as (...args: unknown[]) => Promise<void>)(...steps, signal ? { signal } : {});
  } catch (e) {
    if ((e as { name?: unknown }).name === 'AbortError') throw e;
    throw describeIoError(file, e);
  }
}

/**
 * Makes `source` readable by the engine (see the module comment). Call `cleanup()` when done.
 *
 * @example
 * ```ts
 * const input = await stageInput('danh-sach.csv', 'danh-sach.csv', { cwd: process.cwd() });
 * try {
 *   // read input.path
 * } finally {
 *   await input.cleanup();
 * }
 * ```
 */
export async function stageInput(
  source: InputSource,
  label: string,
  options: StageInputOptions,
): Promise<StagedInput> {
  throwIfAborted(options.signal);
  let path: string;
  const folders: string[] = [];
  const cleanup = async () => {
    for (const d of folders.splice(0)) await rm(d, { recursive: true, force: true });
  };
  try {
    if (typeof source === 'string') {
      path = absolutePath(options.cwd, source);
      let size: number;
      try {
        const s = statSync(path);
        if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
        size = s.size;
      } catch (e) {
        const code = (e as { code?: unknown }).code;
        throw inputError(
          code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_INVALID',
          `${label}: cannot read the file (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(code ?? e)})`,
        );
      }
      if (size === 0)
        throw inputError('INPUT_EMPTY', `${label}: the file is empty (a header row is required)`);
    } else {
      const spooled = await spool(source, options.signal);
      folders.push(spooled.dir);
      path = spooled.path;
    }
    const head = readHead(path);
    if (head.length === 0)
      throw inputError('INPUT_EMPTY', `${label}: the input is empty (a header row is required)`);
    const ext = typeof source === 'string' ? extname(source).toLowerCase() : '';
    const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const ole = head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0;
    if (ole || (ext === '.xls' && options.format !== 'csv')) {
      throw inputError(
        'INPUT_INVALID',
        `${label}: an old binary Excel file (.xls) cannot be read; save it as .xlsx or "CSV UTF-8" in Excel`,
      );
    }
    if (options.format === 'xlsx' || (options.format === undefined && (zip || ext === '.xlsx'))) {
      if (!zip)
        throw inputError('INPUT_INVALID', `${label}: not an .xlsx workbook (no zip signature)`);
      const dir = await privateFolder();
      folders.push(dir);
      const target = join(dir, 'input.csv');
      await xlsxToCsv(path, target, label, options.signal);
      return {
        file: label,
        path: target,
        format: 'xlsx',
        encoding: 'xlsx',
        delimiter: ',',
        staged: true,
        notes: [`${label}: read the first worksheet of the workbook`],
        cleanup,
      };
    }
    const notes: string[] = [];
    let encoding: InputEncoding;
    if (head[0] === 0xff && head[1] === 0xfe) encoding = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) encoding = 'utf-16be';
    else if (options.encoding !== undefined) encoding = options.encoding;
    else {
      encoding = 'utf-8';
      // UTF-16 without a BOM: every other byte of ASCII text is zero.
      let zerosEven = 0;
      let zerosOdd = 0;
      const probe = Math.min(head.length, 4096);
      for (let i = 0; i < probe; i++) if (head[i] === 0) i % 2 === 0 ? zerosEven++ : zerosOdd++;
      if (zerosOdd > probe / 4 && zerosEven < probe / 50) encoding = 'utf-16le';
      else if (zerosEven > probe / 4 && zerosOdd < probe / 50) encoding = 'utf-16be';
      if (encoding !== 'utf-8')
        notes.push(`${label}: read as ${encoding.toUpperCase()} (no BOM; detected)`);
    }
    if (options.encoding !== undefined && options.encoding !== encoding) {
      notes.push(
        `${label}: has a ${encoding.toUpperCase()} byte-order mark; read as ${encoding.toUpperCase()} (not ${options.encoding})`,
      );
    }
    if (encoding === 'utf-8') checkUtf8(path, label, options.signal);
    else if (!encoding.startsWith('utf-16')) notes.push(`${label}: decoded from ${encoding}`);
    const headText =
      encoding === 'utf-8' ? head.toString('utf8') : iconv.decode(head, ICONV_NAMES[encoding]);
    const delimiter =
      options.delimiter ??
      (options.format === 'tsv' || ext === '.tsv' || ext === '.tab'
        ? '\t'
        : detectDelimiter(firstLine(headText.replace(/^\uFEFF/, ''))));
    if (delimiter !== ',' && options.delimiter === undefined) {
      notes.push(
        `${label}: fields separated by ${delimiter === ';' ? 'semicolons' : 'tabs'} (detected)`,
      );
    }
    const crOnly = headText.includes('\r') && !headText.includes('\n');
    const format: StagedInput['format'] = delimiter === '\t' ? 'tsv' : 'csv';
    if (encoding === 'utf-8' && delimiter === ',' && !crOnly) {
      return {
        file: label,
        path,
        format,
        encoding,
        delimiter,
        staged: folders.length > 0,
        notes,
        cleanup,
      };
    }
    const dir = await privateFolder();
    folders.push(dir);
    const target = join(dir, 'input.csv');
    await rewriteText(path, target, label, encoding, delimiter, options.signal);
    return { file: label, path: target, format, encoding, delimiter, staged: true, notes, cleanup };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

async function xlsxToCsv(
  path: string,
  target: string,
  file: string,
  signal: AbortSignal | undefined,
): Promise<void> {
  const out = createWriteStream(target, { mode: 0o600 });
  let rows = 0;
  try {
    await readXlsxRows(path, async (cells) => {
      throwIfAborted(signal);
      rows++;
      if (!out.write(formatCsvRow(cells, false))) await once(out, 'drain');
    });
  } catch (e) {
    out.destroy();
    if ((e as { name?: unknown }).name === 'AbortError') throw e;
    throw inputError(
      'INPUT_INVALID',
      `${file}: cannot read the workbook (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    );
  }
  const finished = once(out, 'finish');
  out.end();
  await finished;
  if (rows === 0)
    throw inputError(
      'INPUT_EMPTY',
      `${file}: the first worksheet is empty (a header row is required)`,
    );
}
