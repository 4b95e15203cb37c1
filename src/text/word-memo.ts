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
 * are allocated on the first store.
 */
export interface WordMemo<V> {
  keys: (string | undefined)[];
  values: (V | undefined)[];
  hashes: Int32Array;
  size: number;
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
  return { keys: [], values: [], hashes: new Int32Array(0), size: 0 };
}

/** The FNV-1a offset basis: the hash of the empty word (see {@link hashStep}). */
export const HASH_START = 0x811c9dc5 | 0;

/**
 * One FNV-1a step: the hash of a word is `hashStep` applied to {@link HASH_START} and each of its
 * code units in turn (what {@link memoGet} computes), so a scan can hash words as it finds them
 * and look them up with {@link memoGetHashed}.
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
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ codeAt(s, i), 0x01000193);
  return h;
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
  const h = hashOf(s, start, end);
  const len = end - start;
  let i = h & MASK;
  for (;;) {
    const k = memo.keys[i];
    if (k === undefined) return undefined;
    if ((memo.hashes[i] as number) === h && k.length === len) {
      let j = 0;
      while (j < len && codeAt(k, j) === codeAt(s, start + j)) j++;
      if (j === len) return memo.values[i];
    }
    i = (i + 1) & MASK;
  }
}

/**
 * {@link memoGet} with the word's hash already computed (with {@link hashStep}). The probe loop
 * is repeated in memoGet rather than shared: a call between the two cost phoneticKey about 7%.
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
  const len = end - start;
  let i = h & MASK;
  for (;;) {
    const k = memo.keys[i];
    if (k === undefined) return undefined;
    if ((memo.hashes[i] as number) === h && k.length === len) {
      let j = 0;
      while (j < len && codeAt(k, j) === codeAt(s, start + j)) j++;
      if (j === len) return memo.values[i];
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
  if (memo.keys.length === 0) {
    memo.keys = new Array<string | undefined>(CAPACITY).fill(undefined);
    memo.values = new Array<V | undefined>(CAPACITY).fill(undefined);
    memo.hashes = new Int32Array(CAPACITY);
  } else if (memo.size >= CAPACITY >> 1) {
    memo.keys.fill(undefined);
    memo.values.fill(undefined);
    memo.size = 0;
  }
  const h = hashOf(word, 0, word.length);
  let i = h & MASK;
  while (memo.keys[i] !== undefined) i = (i + 1) & MASK;
  memo.keys[i] = word;
  memo.values[i] = value;
  memo.hashes[i] = h;
  memo.size++;
}
