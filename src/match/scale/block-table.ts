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
  let lo = 0;
  let hi = hashes.length - 1;
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
  const starts = int32(distinct + 1, alloc);
  const block = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = h[i]!;
    if (v < 0) {
      block[i] = -1;
      continue;
    }
    const b = findBlock(hashes, v);
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
  return { hashes, starts, members };
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
  const b = findBlock(table.hashes, hashKey(key));
  if (b < 0) return table.members.subarray(0, 0);
  return table.members.subarray(table.starts[b]!, table.starts[b + 1]!);
}

/**
 * Bytes held by a block table.
 *
 * @example
 * ```ts
 * blockTableBytes(buildBlockTable(['a', 'a'])); // 8 + 8 + 8
 * ```
 */
export function blockTableBytes(t: BlockTable): number {
  return t.hashes.byteLength + t.starts.byteLength + t.members.byteLength;
}
