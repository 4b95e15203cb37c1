import type { BlockingRule, LinkageSpec } from '../spec.js';
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
 * `members[starts[b] … starts[b + 1])` in ascending order. 8 bytes per distinct key plus 4 per
 * record that has a key (plus ≈ 1 byte per key of directory); works for any number of records
 * (no 2^24 `Map` limit).
 *
 * A key's 53-bit {@link hashKey} is stored in two parts: its top `directoryBits` bits are the
 * directory bucket, and only the next 32 bits are kept in `hashes` (a `Uint32Array`), so a
 * table tells keys apart by `directoryBits + 32` bits of their hash (about 2 + log2 of its
 * distinct keys, up to the full 53). Two keys that agree on those bits share a block: more
 * candidates scored, none lost — the same contract as a collision of the full hash.
 */
export interface BlockTable {
  /**
   * Per block, the 32 bits of its key's hash after the top `directoryBits` (see {@link keyBits});
   * in a table without `starts`, per member (each block a run of equal values).
   */
  readonly hashes: Uint32Array;
  /**
   * Block `b`'s members are `members[starts[b] … starts[b + 1])`. Absent in a *flat* table
   * (mostly blocks of one: 8 bytes per member instead of 8 per block + 4 per member): block `b`
   * is then the run of members from `b` whose `hashes` equal `hashes[b]` (see {@link blockEnd}).
   */
  readonly starts?: Int32Array | undefined;
  readonly members: Int32Array;
  /**
   * A directory of the blocks by the top `directoryBits` bits of their hash: the blocks (in a flat
   * table, the members) of bucket `x` are `directory[x] … directory[x + 1] − 1`. A lookup then
   * binary-searches a few entries instead of all of them: 2–3 cache misses instead of ~23 in a
   * 10M-key table (≈ 1 byte per distinct key).
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

/**
 * The 32 bits of hash `h` that follow its top `bits` bits (what a table with `bits` directory
 * bits stores per block). For hashes in ascending order these are ascending within a bucket.
 */
export function keyBits(h: number, bits: number): number {
  return Math.floor(h / 2 ** (HASH_BITS - 32 - bits)) >>> 0;
}

function uint32(n: number, alloc: BufferAllocator): Uint32Array {
  return new Uint32Array(alloc(n * 4), 0, n);
}

function int32(n: number, alloc: BufferAllocator): Int32Array {
  return new Int32Array(alloc(n * 4), 0, n);
}

/**
 * The block of hash `h` (a {@link hashKey} value) in `table`, or −1: its directory bucket, then a
 * binary search of its 32 stored bits among the bucket's few blocks.
 *
 * @example
 * ```ts
 * const t = buildBlockTable(['a', 'b']);
 * findBlock(t, hashKey('a')) >= 0; // true
 * ```
 */
export function findBlock(table: BlockTable, h: number): number {
  const bits = table.directoryBits;
  const x = bucketOf(h, bits);
  return findIn(table.hashes, keyBits(h, bits), table.directory[x]!, table.directory[x + 1]!);
}

/** The first `k` in `[from, to)` with `hashes[k] === v` (binary search), or −1. */
function findIn(hashes: Uint32Array, v: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (hashes[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo < to && hashes[lo] === v ? lo : -1;
}

/**
 * Where block `b`'s members start in `table.members` (`b` itself in a flat table).
 *
 * @example
 * ```ts
 * const t = buildBlockTable(['a', 'a']);
 * blockStart(t, findBlock(t, hashKey('a'))); // 0
 * ```
 */
export function blockStart(table: BlockTable, b: number): number {
  return table.starts ? table.starts[b]! : b;
}

/**
 * Where block `b`'s members end in `table.members` — in a flat table, after at most `limit`
 * members (enough to tell a block over its cap without reading all of it).
 *
 * @example
 * ```ts
 * const t = buildBlockTable(['a', 'a', 'b']);
 * const b = findBlock(t, hashKey('a'));
 * blockEnd(t, b) - blockStart(t, b); // 2
 * ```
 */
export function blockEnd(table: BlockTable, b: number, limit = Number.POSITIVE_INFINITY): number {
  if (table.starts) return table.starts[b + 1]!;
  const { hashes } = table;
  const v = hashes[b];
  const end = Math.min(hashes.length, b + limit);
  let k = b + 1;
  while (k < end && hashes[k] === v) k++;
  return k;
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
 * `hashKeys` of every rule's `blockingKeys`, record by record: a rule's `keyHash` when it has
 * one (no key string at all), else each key string is hashed as soon as it is made, so it dies
 * young instead of surviving, with every other key of a chunk, the collections that run while
 * the chunk's keys are computed. The same hashes as `blockingKeys(records, spec).map(hashKeys)`.
 *
 * @example
 * ```ts
 * blockingKeyHashes(records, spec)[0][0] === hashKey(spec.blocking[0].key(records[0])); // when it has a key
 * ```
 */
export function blockingKeyHashes<R>(records: readonly R[], spec: LinkageSpec<R>): Float64Array[] {
  const hashers = spec.blocking.map(keyHasher);
  const out = hashers.map(() => new Float64Array(records.length));
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    for (let k = 0; k < hashers.length; k++) out[k]![i] = hashers[k]!(r);
  }
  return out;
}

/** A rule's `keyHash`, or `hashKey` of its `key` (−1 for none) when it has none. */
function keyHasher<R>(rule: BlockingRule<R>): (record: R) => number {
  if (rule.keyHash) return rule.keyHash;
  return (r) => {
    const key = rule.key(r);
    return key ? hashKey(key) : -1;
  };
}

/**
 * {@link buildBlockTable} from key hashes ({@link hashKeys}; −1 = no key), in one array or in
 * consecutive parts of one.
 *
 * @example
 * ```ts
 * blockTableFromHashes(hashKeys(['a', null, 'a'])).members; // Int32Array [0, 2]
 * ```
 */
export function blockTableFromHashes(
  h: Float64Array | readonly Float64Array[],
  alloc: BufferAllocator = plainAllocator,
): BlockTable {
  // One array, or the consecutive parts of one (record i of part p is record i + the lengths
  // of the parts before: what the pipeline has without concatenating them).
  const parts = ArrayBuffer.isView(h) ? [h] : h;
  let present = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) if (part[i]! >= 0) present++;
  // Records by the top bits of their hash (a counting sort: stable, so ascending within a
  // bucket), then each bucket (a few records on average) by hash: no global sort and no search.
  const sortBits = bitsFor(present);
  const buckets = 2 ** sortBits;
  const bucketStart = new Int32Array(buckets + 1);
  for (const part of parts)
    for (let i = 0; i < part.length; i++) {
      const v = part[i]!;
      if (v >= 0) bucketStart[bucketOf(v, sortBits) + 1]!++;
    }
  for (let x = 0; x < buckets; x++) bucketStart[x + 1]! += bucketStart[x]!;
  const members = int32(present, alloc);
  // The hashes travel with their records, so the bucket sorts read memory in order.
  const sorted = new Float64Array(present);
  const fill = bucketStart.slice(0, buckets);
  let base = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const v = part[i]!;
      if (v < 0) continue;
      const at = fill[bucketOf(v, sortBits)]!++;
      members[at] = base + i;
      sorted[at] = v;
    }
    base += part.length;
  }
  let full = 0;
  for (let x = 0; x < buckets; x++) {
    const from = bucketStart[x]!;
    const to = bucketStart[x + 1]!;
    if (to - from > 1) sortByHash(members, sorted, from, to);
    for (let k = from; k < to; k++) if (k === from || sorted[k] !== sorted[k - 1]) full++;
  }
  // About four keys per directory bucket, at most 2^21 buckets (the hash's top part); each block
  // keeps the 32 bits after its bucket's. Sorted hashes are sorted by these prefixes too, so
  // hashes that agree on them (a rare collision) are neighbours and make one block.
  const directoryBits = bitsFor(full);
  const unit = 2 ** (HASH_BITS - 32 - directoryBits);
  let distinct = 0;
  for (let k = 0, last = -1; k < present; k++) {
    const p = Math.floor(sorted[k]! / unit);
    if (p !== last) distinct++;
    last = p;
  }
  // Flat when it is smaller: 4 bytes of hash per member instead of 8 (hash and start) per block.
  const flat = 2 * distinct > present;
  const hashes = uint32(flat ? present : distinct, alloc);
  const starts = flat ? undefined : int32(distinct + 1, alloc);
  const dirBuckets = 2 ** directoryBits;
  const directory = int32(dirBuckets + 1, alloc);
  let d = -1;
  let merged = false;
  for (let k = 0, last = -1; k < present; k++) {
    const v = sorted[k]!;
    const p = Math.floor(v / unit);
    if (flat) {
      hashes[k] = p >>> 0;
      directory[bucketOf(v, directoryBits) + 1]!++;
      if (p === last && v !== sorted[k - 1]) merged = true;
      last = p;
    } else if (p !== last) {
      hashes[++d] = p >>> 0;
      starts![d] = k;
      directory[bucketOf(v, directoryBits) + 1]!++;
      last = p;
    } else if (v !== sorted[k - 1]) merged = true;
  }
  if (starts) starts[distinct] = present;
  for (let x = 0; x < dirBuckets; x++) directory[x + 1]! += directory[x]!;
  const table = { hashes, starts, members, directory, directoryBits };
  // A block made of two hashes holds two ascending runs of records: one ascending run again.
  if (merged)
    for (let b = 0, from = 0; from < present; b++) {
      const to = blockEnd(table, starts ? b : from);
      if (to - from > 1 && sorted[from] !== sorted[to - 1]) members.subarray(from, to).sort();
      from = to;
    }
  return table;
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
 * The number of the block holding `key` (its members span {@link blockStart} to {@link blockEnd}),
 * or −1.
 *
 * @example
 * ```ts
 * blockNumber(buildBlockTable(['b', 'a', 'b']), 'b'); // 0 or 1 (blocks are ordered by hash)
 * ```
 */
export function blockNumber(table: BlockTable, key: string): number {
  return findBlock(table, hashKey(key));
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
  return table.members.subarray(blockStart(table, b), blockEnd(table, b));
}

export function blockTableBytes(t: BlockTable): number {
  return (
    t.hashes.byteLength +
    (t.starts?.byteLength ?? 0) +
    t.members.byteLength +
    t.directory.byteLength
  );
}
