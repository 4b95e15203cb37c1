/**
 * Short values (identity numbers, phone numbers) packed into four 32-bit words a record, one
 * byte per character, so that a column needs no dictionary: equality is four integer tests, and
 * the register's columns are merged and shared without interning a million values that each
 * occur once.
 *
 * A value of 1 to 16 characters, each U+0001–U+00FF, is packed as it is (`w0` holds characters
 * 0–3, the first in the lowest byte, … `w3` characters 12–15, zero bytes after the end): packed
 * words are equal exactly when the values are. Any other value (longer, or with a character
 * outside that range) is kept as two independent 32-bit hashes in `w0` and `w1`, with `w2 = 0`
 * and `w3 = 1`, which no packed value has (a value reaching `w3` fills `w2`): two such values
 * are taken as equal when both hashes agree (a chance of about 2^-64 for two different values),
 * and their characters are not available (see {@link unpackValue}). A missing value (undefined,
 * null or empty) is four zero words. Every value the record cleaner produces (CCCD, CMND,
 * passport, phone) is packed.
 * @internal
 * @module
 */
import type { PreparedColumn } from '../comparison.js';
import { hashString } from '../interner.js';

/**
 * A column of packed values (see the module comment), one element a record in each word array.
 * @internal
 */
export interface PackedColumn extends PreparedColumn {
  readonly w0: Int32Array;
  readonly w1: Int32Array;
  readonly w2: Int32Array;
  readonly w3: Int32Array;
}

/** Most characters of a packed value. @internal */
export const PACKED_MAX = 16;

/** The second hash's seed (the first is {@link hashString}'s own). */
const SECOND_SEED = 0x2f6b_1a3d;

/**
 * Packs `values` into a column (undefined, null and empty values are missing).
 *
 * @example
 * ```ts
 * const c = packColumn(['079085001234', undefined]);
 * c.w0[0] === (0x30 | (0x37 << 8) | (0x39 << 16) | (0x30 << 24)); // true: '0790'
 * isMissingAt(c, 1); // true
 * ```
 * @internal
 */
export function packColumn(values: readonly (string | null | undefined)[]): PackedColumn {
  const n = values.length;
  const w0 = new Int32Array(n);
  const w1 = new Int32Array(n);
  const w2 = new Int32Array(n);
  const w3 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!v) continue;
    if (!packable(v)) {
      w0[i] = hashString(v);
      w1[i] = hashString(v, SECOND_SEED);
      w3[i] = 1;
      continue;
    }
    w0[i] = word(v, 0);
    w1[i] = word(v, 4);
    w2[i] = word(v, 8);
    w3[i] = word(v, 12);
  }
  return { size: n, w0, w1, w2, w3 };
}

/** Whether `v` (not empty) is packed as it is: at most 16 characters, each U+0001–U+00FF. */
function packable(v: string): boolean {
  if (v.length > PACKED_MAX) return false;
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    if (c === 0 || c > 0xff) return false;
  }
  return true;
}

/** Characters `from … from + 3` of `v` as one word, the first in the lowest byte (0 past the end). */
function word(v: string, from: number): number {
  let w = 0;
  for (let k = Math.min(v.length, from + 4) - 1; k >= from; k--) w = (w << 8) | v.charCodeAt(k);
  return w;
}

/**
 * Whether record `i` has no value.
 *
 * @example
 * ```ts
 * isMissingAt(packColumn(['', '1']), 0); // true
 * ```
 * @internal
 */
export function isMissingAt(c: PackedColumn, i: number): boolean {
  return c.w0[i] === 0 && c.w3[i] === 0;
}

/**
 * Whether record `i` of `a` and record `j` of `b` hold the same value (both present).
 *
 * @example
 * ```ts
 * const c = packColumn(['0381234567', '0381234567', undefined, undefined]);
 * samePackedValue(c, 0, c, 1); // true
 * samePackedValue(c, 2, c, 3); // false: missing is never equal
 * ```
 * @internal
 */
export function samePackedValue(a: PackedColumn, i: number, b: PackedColumn, j: number): boolean {
  const x = a.w0[i]!;
  return (
    x === b.w0[j] &&
    a.w3[i] === b.w3[j] &&
    a.w1[i] === b.w1[j] &&
    a.w2[i] === b.w2[j] &&
    (x !== 0 || a.w3[i] !== 0)
  );
}

/**
 * Writes record `i`'s characters (their codes) into `out` (16 elements) and returns how many;
 * 0 for a missing value, −1 for a value kept as a hash (its characters are not available).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(16);
 * unpackValue(packColumn(['B1234567']), 0, out); // 8, out = [66, 49, 50, …]
 * ```
 * @internal
 */
export function unpackValue(c: PackedColumn, i: number, out: Uint8Array): number {
  const w2 = c.w2[i]!;
  const w3 = c.w3[i]!;
  if (w2 === 0 && w3 !== 0) return -1;
  let n = unpackWord(c.w0[i]!, out, 0);
  if (n < 4) return n;
  n = unpackWord(c.w1[i]!, out, 4);
  if (n < 8) return n;
  n = unpackWord(w2, out, 8);
  if (n < 12) return n;
  return unpackWord(w3, out, 12);
}

/** Writes the characters of one word at `out[at …]`; returns the length so far. */
function unpackWord(w: number, out: Uint8Array, at: number): number {
  for (let k = 0; k < 4; k++) {
    const c = (w >>> (8 * k)) & 0xff;
    if (c === 0) return at + k;
    out[at + k] = c;
  }
  return at + 4;
}
