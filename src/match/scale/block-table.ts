import { hashKey } from './hash.js';

/** Allocates the memory of a typed array (e.g. `(n) => new SharedArrayBuffer(n)`). */
export type BufferAllocator = (bytes: number) => ArrayBufferLike;

/**
 * The default allocator: ordinary (unshared) memory.
 *
 * @example
 * ```ts
 * buildBlockTable(['a', 'b'], plainAllocator).members.buffer instanceof ArrayBuffer; // true
 * ```
 */
export const plainAllocator: BufferAllocator = (bytes) => new ArrayBuffer(bytes);

/**
 * The records of one side grouped by one blocking rule's key, without a `Map`: the distinct key
 * hashes sorted ascending, and for block `b` its record indexes
 * `members[starts[b] … starts[b + 1])` in ascending order. 12 bytes per distinct key plus 4 per
 * record that has a key; works for any number of records (no 2^24 `Map` limit).
 */
export interface BlockTable {
  readonly hashes: Float64Array;
  readonly starts: Int32Array;
  readonly members: Int32Array;
  /**
   * A directory of the sorted hashes by their top `directoryBits` bits: the hashes of bucket `x`
   * are `hashes[directory[x] … directory[x + 1])`. A lookup then binary-searches a few entries
   * instead of all of them: 2–3 cache misses instead of ~23 in a 10M-key table (≈ 1 byte per
   * distinct key).
   */
  readonly directory: Int32Array;
  readonly directoryBits: number;
}

/** Bits of a {@link hashKey} value (a non-negative integer below 2^53). */
const HASH_BITS = 53;

/** The directory bucket of hash `h` with `bits` bits. */
function bucketOf(h: number, bits: number): number {
  // The top 21 bits of a hash are `h / 2^32` (integer part); bits ≤ 21.
  return bits === 0 ? 0 : Math.floor(h / 4294967296) >>> (HASH_BITS - 32 - bits);
}

function float64(n: number, alloc: BufferAllocator): Float64Array {
  return new Float64Array(alloc(n * 8), 0, n);
}

function int32(n: number, alloc: BufferAllocator): Int32Array {
  return new Int32Array(alloc(n * 4), 0, n);
}

/**
 * Index of `h` in the sorted `hashes`, or −1 (binary search).
 *
 * @example
 * ```ts
 * findBlock(Float64Array.of(3, 8, 20), 8); // 1
 * ```
 */
export function findBlock(hashes: Float64Array, h: number): number {
  return findIn(hashes, h, 0, hashes.length - 1);
}

/** Binary search of `h` in `hashes[lo … hi]`. */
function findIn(hashes: Float64Array, h: number, lo: number, hi: number): number {
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = hashes[mid]!;
    if (v < h) lo = mid + 1;
    else if (v > h) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * Builds a {@link BlockTable} from one rule's keys (`null` = the record has no key for the rule).
 *
 * @example
 * ```ts
 * const t = buildBlockTable(['a', null, 'a', 'b']);
 * lookupBlock(t, 'a'); // Int32Array [0, 2]
 * ```
 */
export function buildBlockTable(
  keys: readonly (string | null | undefined)[],
  alloc: BufferAllocator = plainAllocator,
): BlockTable {
  return blockTableFromHashes(hashKeys(keys), alloc);
}

/**
 * The {@link hashKey} of each key, −1 for a record without one (what a worker thread sends
 * instead of the key strings: 8 bytes per record).
 *
 * @example
 * ```ts
 * hashKeys(['a', null])[1]; // -1
 * ```
 */
export function hashKeys(keys: readonly (string | null | undefined)[]): Float64Array {
  const h = new Float64Array(keys.length).fill(-1);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k) h[i] = hashKey(k);
  }
  return h;
}

/**
 * {@link buildBlockTable} from key hashes ({@link hashKeys}; −1 = no key).
 *
 * @example
 * ```ts
 * blockTableFromHashes(hashKeys(['a', null, 'a'])).members; // Int32Array [0, 2]
 * ```
 */
export function blockTableFromHashes(
  h: Float64Array,
  alloc: BufferAllocator = plainAllocator,
): BlockTable {
  const n = h.length;
  let present = 0;
  for (let i = 0; i < n; i++) if (h[i]! >= 0) present++;
  // Records by the top bits of their hash (a counting sort: stable, so ascending within a
  // bucket), then each bucket (a few records on average) by hash: no global sort and no search.
  const sortBits = bitsFor(present);
  const buckets = 2 ** sortBits;
  const bucketStart = new Int32Array(buckets + 1);
  for (let i = 0; i < n; i++) {
    const v = h[i]!;
    if (v >= 0) bucketStart[bucketOf(v, sortBits) + 1]!++;
  }
  for (let x = 0; x < buckets; x++) bucketStart[x + 1]! += bucketStart[x]!;
  const members = int32(present, alloc);
  // The hashes travel with their records, so the bucket sorts read memory in order.
  const sorted = new Float64Array(present);
  const fill = bucketStart.slice(0, buckets);
  for (let i = 0; i < n; i++) {
    const v = h[i]!;
    if (v < 0) continue;
    const at = fill[bucketOf(v, sortBits)]!++;
    members[at] = i;
    sorted[at] = v;
  }
  let distinct = 0;
  for (let x = 0; x < buckets; x++) {
    const from = bucketStart[x]!;
    const to = bucketStart[x + 1]!;
    if (to - from > 1) sortByHash(members, sorted, from, to);
    for (let k = from; k < to; k++) if (k === from || sorted[k] !== sorted[k - 1]) distinct++;
  }
  const hashes = float64(distinct, alloc);
  const starts = int32(distinct + 1, alloc);
  let d = -1;
  for (let k = 0; k < present; k++) {
    const v = sorted[k]!;
    if (d < 0 || v !== hashes[d]) {
      hashes[++d] = v;
      starts[d] = k;
    }
  }
  starts[distinct] = present;
  // About four keys per directory bucket, at most 2^21 buckets (the hash's top part).
  const directoryBits = bitsFor(distinct);
  const dirBuckets = 2 ** directoryBits;
  const directory = int32(dirBuckets + 1, alloc);
  for (let b = 0, x = 0; x <= dirBuckets; x++) {
    while (b < distinct && bucketOf(hashes[b]!, directoryBits) < x) b++;
    directory[x] = b;
  }
  return { hashes, starts, members, directory, directoryBits };
}

/** Directory bits for `count` keys: about four keys per bucket, at most 21 bits. */
function bitsFor(count: number): number {
  let bits = 0;
  while (bits < HASH_BITS - 32 && 2 ** (bits + 2) < count) bits++;
  return bits;
}

/**
 * Sorts `members[from..to)` (record indexes, ascending) and their hashes `sorted[from..to)` by
 * hash, keeping ascending indexes among equal hashes: insertion sort for the usual few records,
 * a comparison sort for a large block.
 */
function sortByHash(members: Int32Array, sorted: Float64Array, from: number, to: number): void {
  if (to - from > 32) {
    const order = Array.from({ length: to - from }, (_, k) => from + k);
    order.sort((a, b) => sorted[a]! - sorted[b]! || members[a]! - members[b]!);
    const m = order.map((k) => members[k]!);
    const v = order.map((k) => sorted[k]!);
    members.set(m, from);
    sorted.set(v, from);
    return;
  }
  for (let k = from + 1; k < to; k++) {
    const m = members[k]!;
    const v = sorted[k]!;
    let q = k - 1;
    while (q >= from && sorted[q]! > v) {
      members[q + 1] = members[q]!;
      sorted[q + 1] = sorted[q]!;
      q--;
    }
    members[q + 1] = m;
    sorted[q + 1] = v;
  }
}

/**
 * The number of the block holding `key` (its members span `starts[b]` to `starts[b + 1]`), or −1.
 *
 * @example
 * ```ts
 * blockNumber(buildBlockTable(['b', 'a', 'b']), 'b'); // 0 or 1 (blocks are ordered by hash)
 * ```
 */
export function blockNumber(table: BlockTable, key: string): number {
  const h = hashKey(key);
  const x = bucketOf(h, table.directoryBits);
  return findIn(table.hashes, h, table.directory[x]!, table.directory[x + 1]! - 1);
}

/**
 * The records of the block holding `key` (ascending indexes; empty when none), as a view.
 *
 * @example
 * ```ts
 * lookupBlock(buildBlockTable(['a', null, 'a']), 'a'); // Int32Array [0, 2]
 * ```
 */
export function lookupBlock(table: BlockTable, key: string): Int32Array {
  const b = blockNumber(table, key);
  if (b < 0) return table.members.subarray(0, 0);
  return table.members.subarray(table.starts[b]!, table.starts[b + 1]!);
}

export function blockTableBytes(t: BlockTable): number {
  return t.hashes.byteLength + t.starts.byteLength + t.members.byteLength + t.directory.byteLength;
}
