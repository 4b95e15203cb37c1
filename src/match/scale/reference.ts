import { VnReconcileError } from '../../errors.js';
import type { BlockIndex, CappedBlocks, ResolvedBlocks } from '../blocking.js';
import type { PreparedColumn } from '../comparison.js';
import type { LinkageSpec, PreparedSide } from '../spec.js';
import {
  type BlockTable,
  type BufferAllocator,
  blockEnd,
  blockStart,
  blockTableBytes,
  blockTableFromHashes,
  buildBlockTable,
  findBlock,
  hashKeys,
  plainAllocator,
} from './block-table.js';
import { concatColumns } from './concat.js';
import type { Dictionaries } from './dictionary.js';
import { isTypedArray, type TypedArray } from './typed-arrays.js';

/**
 * The reference side (the register) in its national-scale form: the engine's prepared columns
 * with every typed array moved into memory from `allocate` (a `SharedArrayBuffer` lets worker
 * threads read one copy), and one sorted {@link BlockTable} per blocking rule instead of string
 * keys. No per-record object anywhere; the blocking key strings are dropped.
 */
export interface ColumnarReference {
  readonly size: number;
  readonly columns: readonly PreparedColumn[];
  readonly blocks: readonly BlockTable[];
}

/** Options of {@link toColumnarReference}. */
export interface ColumnarReferenceOptions {
  /** Where typed arrays live (default: ordinary `ArrayBuffer`s). */
  readonly allocate?: BufferAllocator;
  /**
   * Blocking key hashes per rule ({@link hashKeys}), when the key strings were hashed elsewhere
   * (e.g. by the worker threads that cleaned the records); `side.keys` is then ignored.
   */
  readonly keyHashes?: readonly Float64Array[];
}

function moveArray<T extends TypedArray>(a: T, alloc: BufferAllocator): T {
  const Ctor = a.constructor as new (buffer: ArrayBufferLike, offset: number, length: number) => T;
  const out = new Ctor(alloc(a.byteLength), 0, a.length);
  (out as unknown as { set(x: ArrayLike<number>): void }).set(a);
  return out;
}

/**
 * Copies a prepared column with its typed arrays moved to `alloc` memory, nested plain objects
 * (e.g. a column's string sub-column) included; the same typed array referenced twice (e.g. `ids`
 * and `tfIds`) stays one array. A column holding a function cannot cross a thread: refused.
 */
function moveColumn(col: PreparedColumn, alloc: BufferAllocator): PreparedColumn {
  const moved = new Map<unknown, unknown>();
  const move = (value: unknown, path: string): unknown => {
    if (isTypedArray(value)) {
      let m = moved.get(value);
      if (m === undefined) {
        m = moveArray(value, alloc);
        moved.set(value, m);
      }
      return m;
    }
    if (typeof value === 'function')
      throw new TypeError(`Prepared column field '${path}' is a function: it cannot be shared`);
    if (Array.isArray(value)) return value.map((v, i) => move(v, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [name, v] of Object.entries(value)) out[name] = move(v, `${path}.${name}`);
      return out;
    }
    return value;
  };
  return move(col, 'column') as PreparedColumn;
}

function eachTypedArray(value: unknown, f: (a: TypedArray) => void): void {
  if (isTypedArray(value)) f(value);
  else if (Array.isArray(value)) for (const v of value) eachTypedArray(v, f);
  else if (value !== null && typeof value === 'object')
    for (const v of Object.values(value)) eachTypedArray(v, f);
}

/**
 * Turns a prepared side (the engine's {@link prepareSide}) into a {@link ColumnarReference}:
 * typed arrays moved to `allocate` memory, blocking keys hashed into sorted block tables.
 *
 * @example
 * ```ts
 * const ref = toColumnarReference(prepareSide(register, spec), {
 *   allocate: (n) => new SharedArrayBuffer(n),
 * });
 * ref.blocks.length === spec.blocking.length; // true
 * ```
 */
export function toColumnarReference(
  side: PreparedSide,
  options: ColumnarReferenceOptions = {},
): ColumnarReference {
  const alloc = options.allocate ?? plainAllocator;
  return {
    size: side.size,
    columns: side.columns.map((c) => moveColumn(c, alloc)),
    blocks: options.keyHashes
      ? options.keyHashes.map((h) => blockTableFromHashes(h, alloc))
      : side.keys.map((keys) => buildBlockTable(keys, alloc)),
  };
}

/**
 * Builds a {@link ColumnarReference} from consecutive pieces of the reference side, each
 * prepared with the same spec instance in order (so the interned ids agree): the columns are
 * concatenated ({@link concatColumns}) straight into `allocate` memory, and the block tables are
 * built over all pieces. The result equals {@link toColumnarReference} of one `prepareSide` over
 * all the records, but only one piece's records need to exist at a time.
 *
 * @example
 * ```ts
 * const pieces = chunksOfRegister.map((rows) => prepareSide(rows, spec)); // same spec, in order
 * const ref = columnarReferenceFromPieces(pieces, { allocate: (n) => new SharedArrayBuffer(n) });
 * ```
 */
export function columnarReferenceFromPieces(
  pieces: readonly PreparedSide[],
  options: ColumnarReferenceOptions = {},
): ColumnarReference {
  const alloc = options.allocate ?? plainAllocator;
  const first = pieces[0];
  if (!first) throw new RangeError('columnarReferenceFromPieces needs at least one piece');
  let size = 0;
  for (const p of pieces) size += p.size;
  const columns = first.columns.map((_, k) =>
    concatColumns(
      pieces.map((p) => p.columns[k]!),
      alloc,
    ),
  );
  const blocks = options.keyHashes
    ? options.keyHashes.map((h) => {
        if (h.length !== size)
          throw new RangeError(`${h.length} key hashes for ${size} reference records`);
        return blockTableFromHashes(h, alloc);
      })
    : first.keys.map((_, r) =>
        buildBlockTable(
          pieces.flatMap((p) => p.keys[r] ?? []),
          alloc,
        ),
      );
  return { size, columns, blocks };
}

/**
 * Bytes held by a columnar reference's typed arrays (columns and block tables; shared arrays
 * counted once). Divide by `size` for bytes per record. With `dictionaries`, the arrays the
 * reference shares with them (the pools its string columns read, see
 * {@link compactReference}) are not counted: they are the dictionaries' bytes.
 *
 * @example
 * ```ts
 * referenceBytes(ref) / ref.size; // e.g. 120
 * ```
 */
export function referenceBytes(ref: ColumnarReference, dictionaries?: Dictionaries): number {
  const mark = firstSight();
  for (const d of dictionaries ?? []) if (d) eachTypedArray(d, mark);
  let total = 0;
  const add = (a: TypedArray) => {
    if (mark(a)) total += a.byteLength;
  };
  for (const c of ref.columns) eachTypedArray(c, add);
  for (const t of ref.blocks) total += blockTableBytes(t);
  return total;
}

/**
 * Bytes held by the dictionaries' typed arrays (each array counted once): with
 * {@link referenceBytes} (given the same dictionaries), everything a prepared register holds in
 * shared memory. Divide by the reference's `size` for bytes per record.
 *
 * @example
 * ```ts
 * const perRecord = (referenceBytes(ref, dicts) + dictionaryBytes(dicts)) / ref.size;
 * ```
 */
export function dictionaryBytes(dictionaries: Dictionaries): number {
  const mark = firstSight();
  let total = 0;
  for (const d of dictionaries)
    if (d)
      eachTypedArray(d, (a) => {
        if (mark(a)) total += a.byteLength;
      });
  return total;
}

/**
 * A test that is true the first time it sees an array's bytes (and for every empty array): the
 * same array referenced twice (`tfIds` is often `ids`) counts once, and arrays that are views of
 * one large buffer (a loaded register file) count their own bytes, not the buffer's.
 */
function firstSight(): (a: TypedArray) => boolean {
  const seen = new Map<ArrayBufferLike, Set<number>>();
  return (a) => {
    // An empty array holds no bytes, and may start where a section of the same buffer starts.
    if (a.byteLength === 0) return true;
    let offsets = seen.get(a.buffer);
    if (!offsets) {
      offsets = new Set();
      seen.set(a.buffer, offsets);
    }
    if (offsets.has(a.byteOffset)) return false;
    offsets.add(a.byteOffset);
    return true;
  };
}

/**
 * The reference as the engine's {@link PreparedSide} (columns only; blocking goes through
 * {@link chunkBlockIndex}), for the engine's scorer and comparisons.
 *
 * @example
 * ```ts
 * const scorer = createScorer(model, referenceSide(ref), spec);
 * ```
 */
export function referenceSide(ref: ColumnarReference): PreparedSide {
  return { size: ref.size, columns: ref.columns, keys: ref.blocks.map(() => []) };
}

/**
 * The engine's {@link BlockIndex} restricted to the keys of one chunk of left records: each key
 * the chunk holds maps to a view of its reference block (no copy); with the spec, blocks larger
 * than their rule's `maxBlockSize` are left out, as {@link buildBlockIndex} does. The engine's candidate
 * generation then yields exactly the candidates a full index would, for these records only.
 *
 * @example
 * ```ts
 * const index = chunkBlockIndex(ref, prepareSide(rows, spec), spec);
 * ```
 */
export function chunkBlockIndex<R>(
  ref: ColumnarReference,
  left: PreparedSide,
  spec?: LinkageSpec<R>,
): BlockIndex {
  if (left.keys.length < (left.hashes?.length ?? 0))
    throw new VnReconcileError(
      'SIDE_KEYS_HASHED',
      'chunkBlockIndex: the side carries key hashes only; prepare it with its keys (prepareSide)',
    );
  // The blocks resolveBlocks finds (caps applied there), as views keyed by the records' keys.
  const rules = resolveBlocks(ref, left, spec).resolved.map(({ members, starts, block }, r) => {
    const map = new Map<string, Int32Array>();
    const keys = left.keys[r] ?? [];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      const b = block[i]!;
      if (b < 0 || !k || map.has(k)) continue;
      map.set(k, members.subarray(starts[b]!, starts[b + 1]!));
    }
    return map;
  });
  return { rules };
}

/**
 * The blocks of a chunk of left records, looked up once per record and rule in the reference's
 * block tables: what {@link chunkBlockIndex} gives, as block numbers instead of a map of views
 * (blocks over their rule's `maxBlockSize` are left out too). The engine's candidate generation
 * yields exactly the same candidates from either.
 *
 * @example
 * ```ts
 * const blocks = resolveBlocks(ref, prepareSide(rows, spec), spec);
 * const chunk = scoreChunk(scorer, left, referenceSide(ref), blocks, rules);
 * ```
 */
export function resolveBlocks<R>(
  ref: ColumnarReference,
  left: PreparedSide,
  spec?: LinkageSpec<R>,
): ResolvedBlocks {
  let capped: Uint8Array | undefined;
  const resolved = ref.blocks.map((table, r) => {
    const cap = spec?.blocking[r]?.maxBlockSize ?? Number.POSITIVE_INFINITY;
    const { members } = table;
    // A flat table has no block starts: each record's range goes in a chunk-local pair of
    // starts (record i's block is 2i: members[starts[2i] … starts[2i + 1])).
    const starts = table.starts ?? new Int32Array(2 * left.size);
    const block = new Int32Array(left.size).fill(-1);
    // Hashed as a worker's chunk was cleaned, or here from the keys (−1: no key).
    const hashes = left.hashes?.[r] ?? hashKeys(left.keys[r] ?? []);
    let cappedRows = 0;
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      if (h < 0) continue;
      const b = findBlock(table, h);
      if (b < 0) continue;
      const from = blockStart(table, b);
      const to = blockEnd(table, b, cap + 1);
      if (to - from <= cap) {
        if (table.starts) block[i] = b;
        else {
          block[i] = 2 * i;
          starts[2 * i] = from;
          starts[2 * i + 1] = to;
        }
      } else {
        capped ??= new Uint8Array(left.size);
        capped[i] = 1;
        cappedRows++;
      }
    }
    return { members, starts, block, cappedRows };
  });
  return capped ? { resolved, capped } : { resolved };
}

/**
 * The blocks of a reference over their rule's cap (`maxBlockSize`), per rule (rules without any
 * are left out): what a run's summary reports, with rule names and sizes only (`rows` is 0: the
 * left rows that hit them are counted while linking, see {@link linkChunk}'s `cappedByRule`).
 *
 * @example
 * ```ts
 * cappedBlocksOf(ref, spec).map((c) => `${c.rule}: ${c.blocks} blocks over ${c.cap}`);
 * ```
 */
export function cappedBlocksOf<R>(ref: ColumnarReference, spec: LinkageSpec<R>): CappedBlocks[] {
  const out: CappedBlocks[] = [];
  ref.blocks.forEach((table, r) => {
    const rule = spec.blocking[r];
    const cap = rule?.maxBlockSize;
    if (!rule || cap === undefined) return;
    let blocks = 0;
    let records = 0;
    let largestBlock = 0;
    for (let b = 0, from = 0; from < table.members.length; b++) {
      const at = table.starts ? b : from;
      const to = blockEnd(table, at);
      const n = to - from;
      from = to;
      if (n <= cap) continue;
      blocks++;
      records += n;
      if (n > largestBlock) largestBlock = n;
    }
    if (blocks > 0) out.push({ rule: rule.name, cap, blocks, records, largestBlock, rows: 0 });
  });
  return out;
}

/**
 * Checks that a reference was built for `spec` (one block table per rule, one column per
 * comparison); returns a message when not.
 * @internal
 */
export function referenceMismatch<R>(
  spec: LinkageSpec<R>,
  ref: ColumnarReference,
): string | undefined {
  if (ref.blocks.length !== spec.blocking.length)
    return `Reference has ${ref.blocks.length} blocking tables, the configuration ${spec.blocking.length} rules`;
  if (ref.columns.length !== spec.comparisons.length)
    return `Reference has ${ref.columns.length} columns, the configuration ${spec.comparisons.length} comparisons`;
  return undefined;
}
