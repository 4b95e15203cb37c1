/**
 * The prepared register file (`.vnreg`, issue 18): the register as the pipeline holds it in
 * memory — columnar reference (prepared columns and block tables), the comparisons' dictionaries
 * and the register's record keys — written as one binary image, so that every shard and every
 * rerun loads it instead of cleaning and preparing the register again.
 *
 * Layout (little-endian):
 * ```
 * 0   8  magic "VNREG\r\n\x1a" (a text-mode copy or a truncated download shows up at once)
 * 8   4  format version (uint32)
 * 12  4  header length H in bytes (uint32)
 * 16  4  CRC-32 of the header
 * 20  4  CRC-32 of the data
 * 24  8  data length D in bytes (float64, an integer)
 * 32  H  header: JSON (the object tree with typed arrays replaced by section numbers, the section
 *        table, the engine's fingerprint, row counts), padded with spaces to a multiple of 8
 * …   D  data: every typed array's bytes, each section 8-byte aligned
 * ```
 * Loading reads the data into `SharedArrayBuffer`s of at most 2 GiB each ({@link SEGMENT_BYTES})
 * and makes every typed array a view of one of them: no copy, no parsing, workers share them as
 * they are. A file that is not one, is cut short, fails a checksum, has another format version
 * or was prepared by an engine whose preparation differs (the fingerprint) is refused with an
 * `INPUT_INVALID` error: never misread.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Writable } from 'node:stream';
import * as zlib from 'node:zlib';
import {
  type ColumnarReference,
  type Dictionaries,
  type TypedArray,
  type TypedArrayName,
  typedArrayConstructor,
  typedArrayName,
} from '../../match/index.js';
import { inputError } from '../errors.js';
import type { StringPool } from '../io/strings.js';
import { pipelineSpec } from '../workers/tasks.js';
import { probeRecords } from './probes.js';

/** The first 8 bytes of every prepared register file. */
export const REGISTER_MAGIC = Uint8Array.of(0x56, 0x4e, 0x52, 0x45, 0x47, 0x0d, 0x0a, 0x1a);

/**
 * The format version this code writes and reads. 3: string sub-columns without per-record
 * offsets and lengths (read from the dictionaries) and flat block tables (no `starts`), which a
 * reader of format 2 would misread; format 2 files are refused (prepare them again).
 */
export const REGISTER_FORMAT_VERSION = 3;

const PREFIX = 32;

/** A register prepared for linking: what the pipeline hands to its workers. */
export interface PreparedRegister {
  readonly reference: ColumnarReference;
  readonly dictionaries: Dictionaries;
  /** The register's record keys (the `right_id` written out), in reference order. */
  readonly rightKeys: StringPool;
  /** Data rows read from the register file (usable ones are `reference.size`). */
  readonly rowsRead: number;
}

/** What a prepared register file says about itself. */
export interface RegisterFileInfo {
  readonly format: number;
  /** The register's name when it was prepared. */
  readonly source: string;
  /** "Today" of the cleaning that prepared it (epoch ms): date checks depend on it. */
  readonly referenceDate: number;
  readonly rowsRead: number;
  readonly records: number;
  readonly bytes: number;
}

interface Section {
  readonly type: TypedArrayName;
  readonly offset: number;
  readonly length: number;
}

interface Header {
  readonly format: number;
  readonly fingerprint: string;
  readonly source: string;
  readonly referenceDate: number;
  readonly rowsRead: number;
  readonly sections: readonly Section[];
  readonly tree: unknown;
}

/** A typed array in the tree: `{ "§": section number }`. */
const REF = '§';

/** The tree as JSON-able data with every typed array replaced by a section (shared ones once). */
function flatten(root: unknown): { tree: unknown; arrays: TypedArray[]; sections: Section[] } {
  const arrays: TypedArray[] = [];
  const sections: Section[] = [];
  const seen = new Map<TypedArray, number>();
  let offset = 0;
  const walk = (v: unknown, path: string): unknown => {
    const name = typedArrayName(v);
    if (name) {
      const a = v as TypedArray;
      let k = seen.get(a);
      if (k === undefined) {
        k = arrays.length;
        seen.set(a, k);
        arrays.push(a);
        sections.push({ type: name, offset, length: a.length });
        offset += Math.ceil(a.byteLength / 8) * 8;
      }
      return { [REF]: k };
    }
    if (v === undefined) return { [REF]: -1 };
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new TypeError(`${path}: a non-finite number`);
      return v;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    if (typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v)) {
        if (key === REF) throw new TypeError(`${path}: a field named ${REF}`);
        out[key] = walk(x, `${path}.${key}`);
      }
      return out;
    }
    throw new TypeError(`${path}: a ${typeof v} cannot be written to a register file`);
  };
  return { tree: walk(root, 'register'), arrays, sections };
}

/**
 * The most bytes of shared memory one segment of a loaded file spans (2 GiB). A message to a
 * worker carries a typed array's byte offset and length in 32 bits (V8's serializer, Node 20): a
 * view that starts or ends 4 GiB or more into its buffer arrives pointing elsewhere, and the worker
 * reads other data without an error. So a file is loaded into several buffers, cut at section
 * starts, and no view reaches that far into its own.
 */
export const SEGMENT_BYTES = 2 ** 31;

/** The loaded data: consecutive byte ranges of the data, each in a shared buffer of its own. */
interface Segments {
  /** Data offset where each segment starts, ascending (the first is 0). */
  readonly starts: readonly number[];
  readonly buffers: readonly ArrayBufferLike[];
}

/**
 * Where the data is cut into segments: at section starts, so that every section lies in one
 * segment and no segment spans more than `limit` bytes unless one section alone does. Sections
 * that are not well formed are left to {@link unflatten} to refuse.
 *
 * @example
 * ```ts
 * segmentStarts([{ type: 'Int32Array', offset: 0, length: 4 }, { type: 'Int32Array', offset: 16, length: 4 }], 32, 16);
 * // [0, 16]
 * ```
 * @internal
 */
export function segmentStarts(
  sections: readonly Section[],
  dataLength: number,
  limit = SEGMENT_BYTES,
): number[] {
  const offsets = sections
    .filter((x) => Number.isSafeInteger(x.offset) && x.offset > 0 && x.offset < dataLength)
    .map((x) => x.offset)
    .sort((a, b) => a - b);
  const starts = [0];
  let start = 0;
  let previous = 0;
  for (const offset of offsets) {
    if (offset - start > limit && previous > start) {
      starts.push(previous);
      start = previous;
    }
    previous = offset;
  }
  if (dataLength - start > limit && previous > start) starts.push(previous);
  return starts;
}

/** The tree back, typed arrays as views of the segment holding each section. */
function unflatten(tree: unknown, sections: readonly Section[], data: Segments): unknown {
  const made = new Map<number, TypedArray>();
  const view = (k: number): TypedArray => {
    const got = made.get(k);
    if (got) return got;
    const s = sections[k];
    if (!s) throw new RangeError(`no section ${k}`);
    const Ctor = typedArrayConstructor(s.type);
    if (
      !Ctor ||
      !Number.isSafeInteger(s.offset) ||
      !Number.isSafeInteger(s.length) ||
      s.offset < 0 ||
      s.length < 0 ||
      s.offset % 8 !== 0
    )
      throw new RangeError(`section ${k} is out of bounds`);
    // The last segment starting at or before the section.
    let g = data.starts.length - 1;
    while (g > 0 && data.starts[g]! > s.offset) g--;
    const buffer = data.buffers[g]!;
    const at = s.offset - data.starts[g]!;
    if (at + s.length * Ctor.BYTES_PER_ELEMENT > buffer.byteLength)
      throw new RangeError(`section ${k} is out of bounds`);
    const a = new Ctor(buffer, at, s.length);
    made.set(k, a);
    return a;
  };
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') {
      const ref = (v as Record<string, unknown>)[REF];
      if (typeof ref === 'number') return ref < 0 ? undefined : view(ref);
      const out: Record<string, unknown> = {};
      for (const [key, x] of Object.entries(v)) out[key] = walk(x);
      return out;
    }
    return v;
  };
  return walk(tree);
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 (zlib's, native where Node has it), continued from `prev`. */
function crc32(data: Uint8Array, prev = 0): number {
  const native = (zlib as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, prev) >>> 0;
  let c = ~prev >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Slices of at most 1 GiB (a `Uint8Array` cannot span more than 4 GiB). */
const SLICE = 1 << 30;

/** The bytes of `a` as `Uint8Array` slices of at most {@link SLICE} bytes. */
function* byteSlices(
  buffer: ArrayBufferLike,
  byteOffset: number,
  byteLength: number,
): Generator<Uint8Array> {
  for (let o = 0; o < byteLength; o += SLICE)
    yield new Uint8Array(buffer, byteOffset + o, Math.min(SLICE, byteLength - o));
}

/**
 * A fingerprint of how this engine cleans and prepares records: a few fixed probe rows are
 * cleaned and prepared with a fresh spec, and the checksum covers every resulting column, every
 * blocking key and the names of comparisons, levels and rules. A register prepared by an engine
 * that would prepare the same values differently (a new phonetic key, another column layout) has
 * another fingerprint and is refused, since its ids would not agree with this engine's.
 */
function engineFingerprint(): string {
  const spec = pipelineSpec();
  const probes = probeRecords();
  const columns = spec.comparisons.map((c) => c.prepare(probes));
  const { tree, arrays } = flatten(columns);
  const text = JSON.stringify({
    tree,
    comparisons: spec.comparisons.map((c) => [c.name, c.levels, c.tfLevel, c.fuzzyTfLevel ?? 0]),
    blocking: spec.blocking.map((b) => [b.name, b.maxBlockSize ?? null, probes.map(b.key)]),
  });
  let c = crc32(new TextEncoder().encode(text));
  for (const a of arrays) c = crc32(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), c);
  return c.toString(16).padStart(8, '0');
}

let fingerprintMemo: string | undefined;
function fingerprint(): string {
  fingerprintMemo ??= engineFingerprint();
  return fingerprintMemo;
}

/**
 * Whether the file starts with the prepared register magic bytes (the rest is checked on load).
 *
 * @example
 * ```ts
 * isRegisterFile('register.vnreg'); // true
 * isRegisterFile('register.csv'); // false
 * ```
 */
export function isRegisterFile(path: string): boolean {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = new Uint8Array(REGISTER_MAGIC.length);
    const n = readSync(fd, head, 0, head.length, 0);
    return n === head.length && head.every((b, i) => b === REGISTER_MAGIC[i]);
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function waitDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = () => {
      stream.off('error', bad);
      resolve();
    };
    const bad = (e: Error) => {
      stream.off('drain', ok);
      reject(e);
    };
    stream.once('drain', ok);
    stream.once('error', bad);
  });
}

/**
 * Writes a prepared register to a stream (the caller opens and commits the file). Resolves to
 * the number of bytes written.
 *
 * @example
 * ```ts
 * const out = await openTarget('register.vnreg', process.cwd());
 * await writeRegister(out.stream, register, { source: 'register.csv', referenceDate: Date.now() });
 * await out.commit();
 * ```
 */
export async function writeRegister(
  stream: Writable,
  register: PreparedRegister,
  meta: { readonly source: string; readonly referenceDate: number },
): Promise<number> {
  const { tree, arrays, sections } = flatten({
    reference: register.reference,
    dictionaries: register.dictionaries,
    rightKeys: register.rightKeys,
  });
  let dataLength = 0;
  for (const a of arrays) dataLength += Math.ceil(a.byteLength / 8) * 8;
  const pad = new Uint8Array(8);
  let dataCrc = 0;
  for (const a of arrays) {
    for (const bytes of byteSlices(a.buffer, a.byteOffset, a.byteLength))
      dataCrc = crc32(bytes, dataCrc);
    const rest = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (rest > 0) dataCrc = crc32(pad.subarray(0, rest), dataCrc);
  }
  const header: Header = {
    format: REGISTER_FORMAT_VERSION,
    fingerprint: fingerprint(),
    source: meta.source,
    referenceDate: meta.referenceDate,
    rowsRead: register.rowsRead,
    sections,
    tree,
  };
  let json = JSON.stringify(header);
  while (Buffer.byteLength(json) % 8 !== 0) json += ' ';
  const headerBytes = Buffer.from(json, 'utf8');
  const prefix = Buffer.alloc(PREFIX);
  prefix.set(REGISTER_MAGIC, 0);
  prefix.writeUInt32LE(REGISTER_FORMAT_VERSION, 8);
  prefix.writeUInt32LE(headerBytes.length, 12);
  prefix.writeUInt32LE(crc32(headerBytes), 16);
  prefix.writeUInt32LE(dataCrc, 20);
  prefix.writeDoubleLE(dataLength, 24);
  const write = async (chunk: Uint8Array) => {
    if (!stream.write(chunk)) await waitDrain(stream);
  };
  await write(prefix);
  await write(headerBytes);
  for (const a of arrays) {
    // Copied in slices: a shared buffer's bytes may not be handed to the stream as they are.
    for (const bytes of byteSlices(a.buffer, a.byteOffset, a.byteLength))
      for (let o = 0; o < bytes.length; o += 1 << 24)
        await write(Buffer.from(bytes.subarray(o, Math.min(bytes.length, o + (1 << 24)))));
    const rest = Math.ceil(a.byteLength / 8) * 8 - a.byteLength;
    if (rest > 0) await write(pad.subarray(0, rest));
  }
  return PREFIX + headerBytes.length + dataLength;
}

function refuse(file: string, why: string): never {
  throw inputError('INPUT_INVALID', `${file}: not a usable prepared register file (${why})`);
}

function readFully(fd: number, into: Uint8Array, position: number): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, Math.min(into.length - done, 1 << 30), position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/**
 * Loads a prepared register file into shared memory (`SharedArrayBuffer`s of at most
 * `segmentBytes`, 2 GiB unless a test asks for less, {@link SEGMENT_BYTES}, cut at section
 * starts; every typed array is a view of one of them). Refuses, with a `VnReconcileError` of
 * code `INPUT_INVALID`, a file that is not one, is truncated, fails its checksums, has another
 * format version or was prepared by an engine that prepares records differently.
 *
 * @example
 * ```ts
 * const { register, info } = readRegisterFile('register.vnreg');
 * register.reference.size; // register people
 * ```
 */
export function readRegisterFile(
  path: string,
  label = path,
  segmentBytes = SEGMENT_BYTES,
): { readonly register: PreparedRegister; readonly info: RegisterFileInfo } {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw inputError(
      code === 'ENOENT' ? 'INPUT_NOT_FOUND' : 'INPUT_INVALID',
      `${label}: cannot read the file (${code === 'ENOENT' ? 'no such file' : String(code ?? e)})`,
    );
  }
  try {
    const size = fstatSync(fd).size;
    const prefix = Buffer.alloc(PREFIX);
    if (readFully(fd, prefix, 0) < PREFIX) refuse(label, 'truncated: no header');
    if (!REGISTER_MAGIC.every((b, i) => prefix[i] === b))
      refuse(label, 'it does not start with the register magic bytes');
    const format = prefix.readUInt32LE(8);
    if (format !== REGISTER_FORMAT_VERSION)
      refuse(
        label,
        `format version ${format}, this version of vn-reconcile reads ${REGISTER_FORMAT_VERSION}: prepare it again`,
      );
    const headerLength = prefix.readUInt32LE(12);
    const dataLength = prefix.readDoubleLE(24);
    if (!Number.isSafeInteger(dataLength) || dataLength < 0 || headerLength % 8 !== 0)
      refuse(label, 'the header is damaged');
    const expected = PREFIX + headerLength + dataLength;
    if (size < expected) refuse(label, `truncated: ${size} bytes of ${expected}`);
    if (size > expected) refuse(label, `${size - expected} unexpected bytes after the data`);
    const headerBytes = Buffer.alloc(headerLength);
    readFully(fd, headerBytes, PREFIX);
    if (crc32(headerBytes) !== prefix.readUInt32LE(16))
      refuse(label, 'the header checksum does not match: the file is damaged');
    let header: Header;
    try {
      header = JSON.parse(headerBytes.toString('utf8')) as Header;
    } catch {
      refuse(label, 'the header is damaged');
    }
    if (header.format !== format) refuse(label, 'the header is damaged');
    if (header.fingerprint !== fingerprint())
      refuse(
        label,
        'it was prepared by a version of vn-reconcile that prepares records differently: prepare it again',
      );
    // Shared buffers of at most SEGMENT_BYTES each (see there), cut at section starts, read and
    // checked in order in slices (a segment may be larger than one Uint8Array can span).
    const sections = Array.isArray(header.sections)
      ? header.sections.filter((x) => x !== null && typeof x === 'object')
      : [];
    const starts = segmentStarts(sections, dataLength, segmentBytes);
    const buffers: SharedArrayBuffer[] = [];
    let dataCrc = 0;
    for (let g = 0; g < starts.length; g++) {
      const from = starts[g]!;
      const to = starts[g + 1] ?? dataLength;
      const buffer = new SharedArrayBuffer(Math.max(8, to - from));
      buffers.push(buffer);
      let at = PREFIX + headerLength + from;
      for (const slice of byteSlices(buffer, 0, to - from)) {
        if (readFully(fd, slice, at) < slice.length) refuse(label, 'truncated');
        dataCrc = crc32(slice, dataCrc);
        at += slice.length;
      }
    }
    if (dataCrc !== prefix.readUInt32LE(20))
      refuse(label, 'the data checksum does not match: the file is damaged');
    let tree: {
      reference: ColumnarReference;
      dictionaries: Dictionaries;
      rightKeys: StringPool;
    };
    try {
      tree = unflatten(header.tree, header.sections, { starts, buffers }) as typeof tree;
    } catch (e) {
      refuse(label, `the section table is damaged: ${(e as Error).message}`);
    }
    const register: PreparedRegister = { ...tree, rowsRead: header.rowsRead };
    if (
      typeof register.reference?.size !== 'number' ||
      !Array.isArray(register.reference.columns) ||
      !Array.isArray(register.reference.blocks) ||
      register.rightKeys?.starts?.length !== register.reference.size + 1
    )
      refuse(label, 'its contents do not describe a register');
    return {
      register,
      info: {
        format,
        source: header.source,
        referenceDate: header.referenceDate,
        rowsRead: header.rowsRead,
        records: register.reference.size,
        bytes: size,
      },
    };
  } finally {
    closeSync(fd);
  }
}
