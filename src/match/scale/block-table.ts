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
  const sorted = h.slice().sort();
  // Distinct hashes (−1 marks records without a key and sorts first).
  let distinct = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (v >= 0 && (i === 0 || v !== sorted[i - 1])) distinct++;
  }
  const hashes = float64(distinct, alloc);
  let d = 0;
  for (let i = 0; i < n; i++) {
    const v = sorted[i]!;
    if (v >= 0 && (i === 0 || v !== sorted[i - 1])) hashes[d++] = v;
  }
  // About four keys per bucket, at most 2^21 buckets (the hash's top part).
  let directoryBits = 0;
  while (directoryBits < HASH_BITS - 32 && 2 ** (directoryBits + 2) < distinct) directoryBits++;
  const buckets = 2 ** directoryBits;
  const directory = int32(buckets + 1, alloc);
  for (let b = 0, x = 0; x <= buckets; x++) {
    while (b < distinct && bucketOf(hashes[b]!, directoryBits) < x) b++;
    directory[x] = b;
  }
  const starts = int32(distinct + 1, alloc);
  const block = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = h[i]!;
    if (v < 0) {
      block[i] = -1;
      continue;
    }
    const b = findIn(
      hashes,
      v,
      directory[bucketOf(v, directoryBits)]!,
      directory[bucketOf(v, directoryBits) + 1]! - 1,
    );
    block[i] = b;
    starts[b + 1]!++;
  }
  for (let b = 0; b < distinct; b++) starts[b + 1]! += starts[b]!;
  const members = int32(present, alloc);
  const fill = starts.slice(0, distinct);
  for (let i = 0; i < n; i++) {
    const b = block[i]!;
    if (b >= 0) members[fill[b]!++] = i;
  }
  return { hashes, starts, members, directory, directoryBits };
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
