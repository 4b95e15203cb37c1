/**
 * A bounded memo keyed by a word given as a range of a text, so that hot paths look words up
 * without slicing them out first (a `Map` needs each word as its own string: an allocation, a
 * hash of a fresh string and a probe).
 *
 * Each slot holds its word packed (length, then code units two by two in 32-bit integers), so a
 * lookup compares a few integers in one cache line instead of reading the stored string back
 * character by character; only the units past the {@link PACKED_UNITS}th of a longer word are
 * compared as text. The answer is exact. A scan that reads a word anyway packs and hashes it as
 * it goes ({@link keyStep}) and looks it up with {@link memoGetKeyed}; {@link memoGet} does both
 * from a range.
 *
 * @module
 */
import { codeAt } from './chars.js';

/**
 * Most slots in a memo (a power of two; {@link memoSizing}). A memo sized to the words it holds
 * keeps its probes in fewer cache lines than the full table.
 */
const CAPACITY = 1 << 15;
/** Slots of the first table of every text memo ({@link memoSizing}). */
export const FIRST_SLOTS = 1 << 10;
/** {@link memoSizing}: store in the table as it is. */
export const SIZING_KEEP = 0;
/** {@link memoSizing}: allocate the first table, of {@link FIRST_SLOTS} slots. */
export const SIZING_ALLOCATE = 1;
/** {@link memoSizing}: move the entries to a table twice as large. */
export const SIZING_DOUBLE = 2;
/** {@link memoSizing}: empty the table (it is at its capacity). */
export const SIZING_EMPTY = 3;

/**
 * The sizing policy of the text engine's open-addressing memos (this one, and the canonical
 * check's Latin-1 words in `name/latin1-words.ts`), for a table of `slots` slots (0 before the
 * first store) that holds `size` entries and is about to store one more: the first table has
 * {@link FIRST_SLOTS} slots; a table half full doubles, up to `capacity` slots, where it is
 * emptied instead, so a memo stays bounded whatever it is fed.
 *
 * @example
 * ```ts
 * memoSizing(0, 0, 1 << 15); // SIZING_ALLOCATE
 * memoSizing(1024, 512, 1 << 15); // SIZING_DOUBLE
 * memoSizing(1 << 15, 1 << 14, 1 << 15); // SIZING_EMPTY
 * ```
 */
export function memoSizing(slots: number, size: number, capacity: number): number {
  if (slots === 0) return SIZING_ALLOCATE;
  if (size < slots >> 1) return SIZING_KEEP;
  return slots < capacity ? SIZING_DOUBLE : SIZING_EMPTY;
}
/** Integers per slot: the length + 1 (0: an empty slot), then the packed pairs of code units. */
const SLOT = 8;
/** Code units packed in a slot (the rest of a longer word is compared with its stored string). */
const PACKED_UNITS = 2 * (SLOT - 1);

/**
 * An open-addressing table from words to values (module-private state of its owner); the slots
 * are allocated on the first store.
 */
export interface WordMemo<V> {
  /** {@link SLOT} integers per slot: the packed key. */
  table: Int32Array;
  /** The number of slots - 1 (slots are allocated on the first store). */
  mask: number;
  keys: (string | undefined)[];
  values: (V | undefined)[];
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
  return { table: new Int32Array(0), mask: 0, keys: [], values: [], size: 0 };
}

/** The packed pairs of the word being looked up, from index 1 (scratch; index 0 unused). */
const KEY = new Int32Array(SLOT);

/** The FNV-1a offset basis: the hash of the empty word (see {@link keyStep}). */
export const HASH_START = 0x811c9dc5 | 0;

/**
 * One step of a word's key: packs the code unit `c` at index `j` of the word and returns the hash
 * `h` updated with it (FNV-1a). A scan hashes a word by applying it to {@link HASH_START} and
 * each of its code units in turn, then looks the word up with {@link memoGetKeyed} before the next
 * word's first step.
 *
 * @example
 * ```ts
 * const h = keyStep(keyStep(HASH_START, 0, 0x4c), 1, 0xea); // 'Lê', ready for memoGetKeyed
 * ```
 */
export function keyStep(h: number, j: number, c: number): number {
  if (j < PACKED_UNITS) {
    const q = 1 + (j >> 1);
    KEY[q] = (j & 1) === 0 ? c << 16 : (KEY[q] as number) | c;
  }
  return Math.imul(h ^ c, 0x01000193);
}

/**
 * Stores the packed pair `pair` (code units `2q - 2` and `2q - 1` of the word, the first in the
 * high half; an odd word's last unit alone, in the high half) as pair `q` of the word being looked
 * up: for a scan that packs in local variables instead of calling {@link keyStep} per unit. The
 * hash is then {@link keyStep}'s, computed by the scan.
 *
 * @example
 * ```ts
 * keyPut(1, (0x4c << 16) | 0xea); // 'Lê', with its hash, ready for memoGetKeyed
 * ```
 */
export function keyPut(q: number, pair: number): void {
  KEY[q] = pair;
}

/** The number of code units of a word packed in the key (the rest is compared as text). */
export const KEY_UNITS = PACKED_UNITS;

/** Packs and hashes `s.slice(start, end)` ({@link keyStep} on each unit). */
function keyOf(s: string, start: number, end: number): number {
  let h = HASH_START;
  let pair = 0;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i);
    const j = i - start;
    if (j < PACKED_UNITS) {
      if ((j & 1) === 0) pair = c << 16;
      else KEY[1 + (j >> 1)] = pair | c;
    }
    h = Math.imul(h ^ c, 0x01000193);
  }
  const len = end - start;
  if ((len & 1) === 1 && len < PACKED_UNITS) KEY[1 + (len >> 1)] = pair;
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
  return memoGetKeyed(memo, s, start, end, keyOf(s, start, end));
}

/**
 * {@link memoGet} for the word just keyed with {@link keyStep} (hash `h`), without reading it
 * again.
 *
 * @example
 * ```ts
 * memoGetKeyed(memo, 'Lê Văn', 0, 2, h); // the value stored for 'Lê' (h from keyStep)
 * ```
 */
export function memoGetKeyed<V>(
  memo: WordMemo<V>,
  s: string,
  start: number,
  end: number,
  h: number,
): V | undefined {
  if (memo.size === 0) return undefined;
  const table = memo.table;
  const len = end - start;
  const pairs = len < PACKED_UNITS ? (len + 1) >> 1 : SLOT - 1;
  const mask = memo.mask;
  // The key as a local: a module binding is loaded and checked on every use in the loop.
  const key = KEY;
  let i = h & mask;
  for (;;) {
    const b = i * SLOT;
    const l = table[b] as number;
    if (l === 0) return undefined;
    if (l === len + 1) {
      let q = 1;
      while (q <= pairs && table[b + q] === key[q]) q++;
      if (q > pairs && (len <= PACKED_UNITS || sameTail(memo.keys[i] as string, s, start, len))) {
        return memo.values[i];
      }
    }
    i = (i + 1) & mask;
  }
}

/** Whether the units past {@link PACKED_UNITS} of `key` and of the word at `start` agree. */
function sameTail(key: string, s: string, start: number, len: number): boolean {
  for (let j = PACKED_UNITS; j < len; j++)
    if (codeAt(key, j) !== codeAt(s, start + j)) return false;
  return true;
}

/**
 * Stores `value` for `word` (which must not be stored yet); a memo half full first moves to a
 * table twice as large, or at {@link CAPACITY} slots is emptied.
 *
 * @example
 * ```ts
 * memoSet(memo, 'Văn', 1);
 * ```
 */
export function memoSet<V>(memo: WordMemo<V>, word: string, value: V): void {
  const step = memoSizing(memo.keys.length, memo.size, CAPACITY);
  if (step === SIZING_ALLOCATE) allocate(memo, FIRST_SLOTS);
  else if (step === SIZING_DOUBLE) grow(memo);
  else if (step === SIZING_EMPTY) {
    memo.table.fill(0);
    memo.keys.fill(undefined);
    memo.values.fill(undefined);
    memo.size = 0;
  }
  put(memo, word, value, keyOf(word, 0, word.length));
  memo.size++;
}

/** Gives `memo` an empty table of `slots` slots. */
function allocate<V>(memo: WordMemo<V>, slots: number): void {
  memo.table = new Int32Array(slots * SLOT);
  memo.mask = slots - 1;
  memo.keys = new Array<string | undefined>(slots).fill(undefined);
  memo.values = new Array<V | undefined>(slots).fill(undefined);
}

/** Moves the entries of `memo` to a table twice as large. */
function grow<V>(memo: WordMemo<V>): void {
  const keys = memo.keys;
  const values = memo.values;
  allocate(memo, keys.length * 2);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== undefined) put(memo, key, values[i] as V, keyOf(key, 0, key.length));
  }
}

/** Stores `value` for `word` (packed in {@link KEY}, hash `h`) in the first free slot. */
function put<V>(memo: WordMemo<V>, word: string, value: V, h: number): void {
  const table = memo.table;
  const mask = memo.mask;
  const len = word.length;
  let i = h & mask;
  while (table[i * SLOT] !== 0) i = (i + 1) & mask;
  const b = i * SLOT;
  table[b] = len + 1;
  const pairs = len < PACKED_UNITS ? (len + 1) >> 1 : SLOT - 1;
  for (let q = 1; q <= pairs; q++) table[b + q] = KEY[q] as number;
  memo.keys[i] = word;
  memo.values[i] = value;
}
