/**
 * Identity and phone numbers packed into one exact integer each (a `Float64Array` element), so
 * that their columns need no dictionary: equality is one comparison, and a register's columns
 * are merged and shared without interning a million values that each occur once.
 *
 * The codes, all integers below 2^53 (exact in a double), in ranges that do not overlap:
 *
 * - 0: no value (undefined, null or empty);
 * - 1 to 15 digits `d…`: the number `1d…` (the leading 1 keeps leading zeros): 10 … 2·10^15;
 * - a capital letter then 0 to 13 digits (a passport, `B1234567`): −((L × 16 + m) × 10^13 + d),
 *   L the letter's place in the alphabet (1–26), m the number of digits, d their value;
 * - anything else: 3·10^15 + a 52-bit hash of the value (two independent 32-bit hashes), so two
 *   such values are equal with a chance of about 2^-52 when they differ, and their characters
 *   are not available ({@link unpackCode} says so).
 *
 * Every number the record cleaner produces (CCCD, CMND, passport, phone) is packed exactly.
 * @internal
 * @module
 */
import { mapInto } from '../comparison.js';
import { hashString } from '../interner.js';

/** Most digits of a digits-only code (`1` + 15 digits < 2^53). */
const MAX_DIGITS = 15;
/** Most digits after a passport's letter. */
const MAX_LETTER_DIGITS = 13;
const LETTER_SCALE = 1e13;
/** 10^n, n = 0 … 15 (literals: exact). */
const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
] as const;
/** First code of a hashed value. */
const HASHED = 3e15;
/** The second hash's seed (the first is {@link hashString}'s own). */
const SECOND_SEED = 0x2f6b_1a3d;

/**
 * The code of one value (see the module comment).
 *
 * @example
 * ```ts
 * packValue('079085001234'); // 1079085001234
 * packValue(''); // 0
 * packValue('B1234567') < 0; // true
 * ```
 * @internal
 */
export function packValue(v: string | null | undefined): number {
  if (!v) return 0;
  const n = v.length;
  const first = v.charCodeAt(0);
  if (n <= MAX_DIGITS && first >= 48 && first <= 57) {
    const d = digitsValue(v, 0);
    if (d >= 0) return POW10[n]! + d;
  } else if (n - 1 <= MAX_LETTER_DIGITS && first >= 65 && first <= 90) {
    const d = digitsValue(v, 1);
    if (d >= 0) return -(((first - 64) * 16 + (n - 1)) * LETTER_SCALE + d);
  }
  const high = hashString(v) >>> 0;
  const low = hashString(v, SECOND_SEED) >>> 12;
  return HASHED + high * 2 ** 20 + low;
}

/** The value of `v`'s characters from `from` on as a decimal number, −1 if one is not a digit. */
function digitsValue(v: string, from: number): number {
  let d = 0;
  for (let k = from; k < v.length; k++) {
    const c = v.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return -1;
    d = d * 10 + c;
  }
  return d;
}

/**
 * The codes of `values`, in order.
 *
 * @example
 * ```ts
 * packColumn(['0381234567', undefined]); // Float64Array [10381234567, 0]
 * ```
 * @internal
 */
export function packColumn(values: readonly (string | null | undefined)[]): Float64Array {
  return mapInto(values, packValue, new Float64Array(values.length));
}

/**
 * Writes the characters (their codes) of the value behind `code` into `out` (16 elements) and
 * returns how many: 0 for no value, −1 for a hashed value (its characters are not available).
 *
 * @example
 * ```ts
 * const out = new Uint8Array(16);
 * unpackCode(packValue('B0123'), out); // 5, out = [66, 48, 49, 50, 51, …]
 * ```
 * @internal
 */
export function unpackCode(code: number, out: Uint8Array): number {
  if (code === 0) return 0;
  if (code >= HASHED) return -1;
  if (code > 0) {
    const n = digitCount(code) - 1;
    writeDigits(code, out, 0, n);
    return n;
  }
  const a = -code;
  const d = a % LETTER_SCALE;
  const t = (a - d) / LETTER_SCALE;
  const m = t % 16;
  out[0] = 64 + (t - m) / 16;
  writeDigits(d, out, 1, m);
  return m + 1;
}

/** The number of decimal digits of a positive integer below 2^53. */
function digitCount(x: number): number {
  let n = 1;
  for (let p = 10; p <= x; p *= 10) n++;
  return n;
}

/** Writes the last `n` decimal digits of `x` (zero-padded) as character codes at `out[at …]`. */
function writeDigits(x: number, out: Uint8Array, at: number, n: number): void {
  for (let k = at + n - 1; k >= at; k--) {
    const r = x % 10;
    out[k] = 48 + r;
    x = (x - r) / 10;
  }
}

/**
 * Whether `code` packs a digits-only value (1 to 15 digits).
 *
 * @example
 * ```ts
 * isDigitsCode(packValue('0381234567')); // true
 * isDigitsCode(packValue('B1234567')); // false
 * ```
 * @internal
 */
export function isDigitsCode(code: number): boolean {
  return code >= 10 && code < HASHED;
}

/**
 * The last seven digits of a digits-only value as a number, −1 when it has fewer or is not all
 * digits.
 *
 * @example
 * ```ts
 * lastSevenDigits(packValue('01681234567')); // 1234567
 * lastSevenDigits(packValue('123456')); // -1
 * ```
 * @internal
 */
export function lastSevenDigits(code: number): number {
  return code >= 1e7 && code < HASHED ? code % 1e7 : -1;
}
