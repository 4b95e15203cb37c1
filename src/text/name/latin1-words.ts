/**
 * What the canonical-name check asks about a word of letters below U+0100: of a word with a
 * Latin-1 letter, whether it is a syllable and what decoding could gain on it; of an ASCII word,
 * whether it may hold Telex/VNI keystrokes ({@link mayHoldKeystrokes}). Memoised in one typed array keyed by the word itself: a
 * word of at most {@link MAX_UNITS} code units below U+0100 packs into two 32-bit integers, so a
 * lookup compares two integers and reads the answer from the same slot, with no object loaded.
 * Longer words are asked of the word facts ({@link factsOf}) each time.
 *
 * @module
 */
import { codeAt } from '../chars.js';
import {
  FIRST_SLOTS,
  memoSizing,
  SIZING_ALLOCATE,
  SIZING_DOUBLE,
  SIZING_EMPTY,
} from '../word-memo.js';
import { factsOf, gainsOf, mayHoldKeystrokes } from './one-scan.js';

/** Longest word kept (four code units below U+0100 per integer, two integers; a syllable has at most seven letters). */
const MAX_UNITS = 8;

/** {@link latin1Word}'s answer: the word is a Vietnamese syllable. */
export const L1_SYLLABLE = 16;
/** The gains are filled (from bit 7, packed as `WordFacts.gains`). */
const L1_GAINS = 32;
/** {@link latin1Word}'s answer for an ASCII word: it may hold keystrokes. */
export const L1_KEYS = 64;

/** Integers per slot: the two packed integers of the word, then its answer (0: empty slot). */
const SLOT = 3;
/** Most slots of the table (the sizing is every text memo's: `memoSizing`). */
const CAPACITY = 1 << 14;

let table = new Int32Array(0);
let mask = -1;
let size = 0;

/**
 * The answer for the word `s.slice(start, end)` (letters below U+0100), packed by the
 * caller's scan into `k0` and `k1` (each unit shifted in from the right, eight bits each, the last eight units kept): its length in bits 0–3 (0 for
 * a word too long to be kept); for a word with a Latin-1 letter {@link L1_SYLLABLE}, and with
 * `gains` what decoding could gain on it as `WordFacts.gains` packs it, from bit 7 (read with
 * {@link latin1Gain}); for an ASCII word {@link L1_KEYS}.
 *
 * @example
 * ```ts
 * (latin1Word('Lê', 0, 2, (0x4c << 8) | 0xea, 0, false) & L1_SYLLABLE) !== 0; // true
 * ```
 */
export function latin1Word(
  s: string,
  start: number,
  end: number,
  k0: number,
  k1: number,
  gains: boolean,
): number {
  const len = end - start;
  if (len > MAX_UNITS) return answerOf(s, start, end, gains) & ~15;
  if (size === 0) {
    const v = answerOf(s, start, end, gains);
    store(k0, k1, v);
    return v;
  }
  let i = slotOf(k0, k1, len);
  for (;;) {
    const b = i * SLOT;
    const v = table[b + 2] as number;
    if (v === 0) break;
    if ((v & 15) === len && table[b] === k0 && table[b + 1] === k1) {
      if (!gains || (v & L1_GAINS) !== 0) return v;
      const filled = answerOf(s, start, end, true);
      table[b + 2] = filled;
      return filled;
    }
    i = (i + 1) & mask;
  }
  const v = answerOf(s, start, end, gains);
  store(k0, k1, v);
  return v;
}

/**
 * The doubled gain of decoding a word at the first place, a middle place or the last place (or
 * alone) of a name, from a {@link latin1Word} answer asked with gains (see `gainsOf`).
 */
export function latin1Gain(v: number, first: boolean, last: boolean): number {
  const g = v >> 7;
  return last ? (g >> 10) & 31 : first ? g & 31 : (g >> 5) & 31;
}

/** The answer for the word, from its facts (or for an ASCII word, its keystroke test). */
function answerOf(s: string, start: number, end: number, gains: boolean): number {
  let v = (end - start) & 15;
  let ascii = true;
  for (let i = start; i < end; i++) if (codeAt(s, i) >= 0x80) ascii = false;
  if (ascii) return mayHoldKeystrokes(s, start, end) ? v | L1_KEYS : v;
  const f = factsOf(s, start, end);
  if (f.syllable) v |= L1_SYLLABLE;
  if (gains) v |= L1_GAINS | (packedGains(f) << 7);
  return v;
}

/** All three gains of `f` as `WordFacts.gains` packs them. */
function packedGains(f: Parameters<typeof gainsOf>[0]): number {
  return (
    gainsOf(f, true, false) | (gainsOf(f, false, false) << 5) | (gainsOf(f, false, true) << 10)
  );
}

/** Stores an answer (the word not stored yet); a table half full doubles, or at the most is emptied. */
function store(k0: number, k1: number, v: number): void {
  const step = memoSizing(mask + 1, size, CAPACITY);
  if (step === SIZING_ALLOCATE) allocate(FIRST_SLOTS);
  else if (step === SIZING_DOUBLE) {
    const old = table;
    allocate((mask + 1) * 2);
    for (let b = 0; b < old.length; b += SLOT) {
      const w = old[b + 2] as number;
      if (w !== 0) put(old[b] as number, old[b + 1] as number, w);
    }
  } else if (step === SIZING_EMPTY) {
    table.fill(0);
    size = 0;
  }
  put(k0, k1, v);
  size++;
}

/** The first slot probed for a packed word of `len` code units. */
function slotOf(k0: number, k1: number, len: number): number {
  const h = Math.imul(k0 ^ Math.imul(k1 ^ len, 0x9e3779b1), 0x01000193);
  return (h ^ (h >>> 15)) & mask;
}

function allocate(slots: number): void {
  table = new Int32Array(slots * SLOT);
  mask = slots - 1;
}

function put(k0: number, k1: number, v: number): void {
  let i = slotOf(k0, k1, v & 15);
  while (table[i * SLOT + 2] !== 0) i = (i + 1) & mask;
  const b = i * SLOT;
  table[b] = k0;
  table[b + 1] = k1;
  table[b + 2] = v;
}
