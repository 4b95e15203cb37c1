/**
 * A bounded memo keyed by a word given as a range of a text, so that hot paths look words up
 * without slicing them out first (a `Map` needs each word as its own string: an allocation, a
 * hash of a fresh string and a probe, about four times the cost of this table's lookup).
 *
 * @module
 */
import { codeAt } from './chars.js';

/** Slots in a memo (a power of two); it is emptied when half full, so it stays bounded. */
const CAPACITY = 1 << 15;
const MASK = CAPACITY - 1;

/**
 * An open-addressing table from words to values (module-private state of its owner); the slots
 * are allocated on the first store. A probe reads `hashes` first (0 marks an empty slot; a word
 * whose hash is 0 is stored as 1) and then the key and value, side by side in `entries` (key at
 * `2 * slot`, value after it), so that a lookup touches few cache lines.
 */
export interface WordMemo<V> {
  entries: (string | V | undefined)[];
  hashes: Int32Array;
  size: number;
  /** Slots in the table (0 before the first store). */
  capacity: number;
}

/**
 * An empty memo.
 *
 * @example
 * ```ts
 * const memo = createWordMemo<number>();
 * ```
 */
export function createWordMemo<V>(): WordMemo<V> {
  return { entries: [], hashes: new Int32Array(0), size: 0, capacity: 0 };
}

/** The FNV-1a offset basis: the hash of the empty word (see {@link hashStep}). */
export const HASH_START = 0x811c9dc5 | 0;

/**
 * One FNV-1a step: the hash of a word is `hashStep` applied to {@link HASH_START} and each of its
 * code units in turn, so a scan can hash words as it finds them ({@link memoGetHashed}).
 *
 * @example
 * ```ts
 * const h = hashStep(hashStep(HASH_START, 0x4c), 0xea); // the hash of 'Lê'
 * ```
 */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a over the code units of `s` from `start` to `end`. */
function hashOf(s: string, start: number, end: number): number {
  let h = HASH_START;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codeAt(s, i), 0x01000193);
  return h === 0 ? 1 : h;
}

/**
 * The value stored for the word `s.slice(start, end)`, or `undefined`.
 *
 * @example
 * ```ts
 * memoGet(memo, 'Lê Văn', 3, 6); // the value stored for 'Văn'
 * ```
 */
export function memoGet<V>(
  memo: WordMemo<V>,
  s: string,
  start: number,
  end: number,
): V | undefined {
  if (memo.size === 0) return undefined;
  return memoGetHashed(memo, s, start, end, hashOf(s, start, end));
}

/**
 * {@link memoGet} with the word's hash already computed (with {@link hashStep}).
 *
 * @example
 * ```ts
 * memoGetHashed(memo, 'Lê Văn', 3, 6, hashOfVan); // the value stored for 'Văn'
 * ```
 */
export function memoGetHashed<V>(
  memo: WordMemo<V>,
  s: string,
  start: number,
  end: number,
  h: number,
): V | undefined {
  if (memo.size === 0) return undefined;
  const hash = h === 0 ? 1 : h;
  const len = end - start;
  let i = hash & MASK;
  for (;;) {
    const stored = memo.hashes[i] as number;
    if (stored === 0) return undefined;
    if (stored === hash) {
      const k = memo.entries[2 * i] as string;
      if (k.length === len) {
        let j = 0;
        while (j < len && codeAt(k, j) === codeAt(s, start + j)) j++;
        if (j === len) return memo.entries[2 * i + 1] as V;
      }
    }
    i = (i + 1) & MASK;
  }
}

/**
 * Stores `value` for `word` (which must not be stored yet), emptying the memo first when it is
 * half full.
 *
 * @example
 * ```ts
 * memoSet(memo, 'Văn', 1);
 * ```
 */
export function memoSet<V>(memo: WordMemo<V>, word: string, value: V): void {
  if (memo.capacity === 0) {
    memo.entries = new Array<string | V | undefined>(2 * CAPACITY).fill(undefined);
    memo.hashes = new Int32Array(CAPACITY);
    memo.capacity = CAPACITY;
  } else if (memo.size >= CAPACITY >> 1) {
    memo.entries.fill(undefined);
    memo.hashes.fill(0);
    memo.size = 0;
  }
  const h = hashOf(word, 0, word.length);
  let i = h & MASK;
  while ((memo.hashes[i] as number) !== 0) i = (i + 1) & MASK;
  memo.entries[2 * i] = word;
  memo.entries[2 * i + 1] = value;
  memo.hashes[i] = h;
  memo.size++;
}
