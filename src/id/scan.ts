/**
 * The slow path of `parseIdNumber`: one linear pass over a messy string that separates the
 * formatting noise (whitespace, `'` prefix, `.0` suffix, separators, full-width digits) from the
 * digits. Char codes only; no regex, no per-character allocation (the first 13 digits are accumulated as a number).
 * @module
 */

/** Flag bits of {@link ScanResult.flags}. */
export const SCAN_TRIMMED = 1;
export const SCAN_APOSTROPHE = 2;
export const SCAN_DECIMAL_ZERO = 4;
export const SCAN_SEPARATORS = 8;
export const SCAN_FULL_WIDTH = 16;
export const SCAN_LOWER_LETTER = 32;
export const SCAN_PLUS = 64;
export const SCAN_SCIENTIFIC = 128;
export const SCAN_EMPTY = 256;
/** The flags that are repairs (everything the parser lists in `repairs`). */
export const SCAN_REPAIRS =
  SCAN_TRIMMED |
  SCAN_APOSTROPHE |
  SCAN_DECIMAL_ZERO |
  SCAN_SEPARATORS |
  SCAN_FULL_WIDTH |
  SCAN_LOWER_LETTER;

/** What one pass over the input found (kept small: it is allocated once per messy input). */
export interface ScanResult {
  /** Up to the first 13 digits (ASCII), in order, after removing a decimal `.0` suffix. */
  readonly digits: string;
  /** Total number of digits (may exceed `digits.length`). */
  readonly digitCount: number;
  /** `SCAN_*` bits: what formatting was found. */
  readonly flags: number;
  /** Leading ASCII letter (upper-cased) when the value starts with one (passport), else 0. */
  readonly letter: number;
  /** Position of the first character that is not allowed, or -1; `badChar` is its code. */
  readonly badIndex: number;
  readonly badChar: number;
}

/** Whitespace trimmed at the ends (JS `trim()` set plus zero-width space). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Inner separators: whitespace, `-` and Unicode dashes/minus, `_`, `/` is NOT one. */
function isSeparator(c: number): boolean {
  return (
    isSpace(c) ||
    c === 0x2d || // -
    (c >= 0x2010 && c <= 0x2015) || // ‐ ‑ ‒ – — ―
    c === 0x2212 || // −
    c === 0xfe63 ||
    c === 0xff0d || // full-width hyphen-minus
    c === 0x5f // _
  );
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2018 || c === 0x2019 || c === 0x60;
}

/**
 * Whether `s[start, end)` is in scientific notation: `[+-]?digits([.,]digits*)?[eE][+-]?digits`.
 *
 * @example
 * ```ts
 * isScientific('1.23457E+11', 0, 11); // true
 * ```
 */
export function isScientific(s: string, start: number, end: number): boolean {
  let i = start;
  let c = s.charCodeAt(i);
  if (c === 0x2b || c === 0x2d) c = s.charCodeAt(++i);
  const intStart = i;
  while (i < end && c >= 48 && c <= 57) c = s.charCodeAt(++i);
  if (i === intStart) return false;
  if (c === 0x2e || c === 0x2c) {
    c = s.charCodeAt(++i);
    while (i < end && c >= 48 && c <= 57) c = s.charCodeAt(++i);
  }
  if (i >= end || (c !== 0x45 && c !== 0x65)) return false;
  c = s.charCodeAt(++i);
  if (c === 0x2b || c === 0x2d) c = s.charCodeAt(++i);
  const expStart = i;
  while (i < end && c >= 48 && c <= 57) c = s.charCodeAt(++i);
  return i === end && i > expStart;
}

/**
 * Scans `s` once and reports its digits and the formatting noise around them.
 *
 * @example
 * ```ts
 * scanIdString("'001 090 012 345").digits; // '001090012345'
 * ```
 */
export function scanIdString(s: string): ScanResult {
  let start = 0;
  let end = s.length;
  while (start < end && isSpace(s.charCodeAt(start))) start++;
  while (end > start && isSpace(s.charCodeAt(end - 1))) end--;
  let flags = start > 0 || end < s.length ? SCAN_TRIMMED : 0;
  if (start < end && isApostrophe(s.charCodeAt(start))) {
    flags |= SCAN_APOSTROPHE;
    start++;
    const afterApostrophe = start;
    while (start < end && isSpace(s.charCodeAt(start))) start++;
    if (start > afterApostrophe) flags |= SCAN_TRIMMED;
  }
  if (start < end && s.charCodeAt(start) === 0x2b) {
    if (isScientific(s, start, end)) return scientific(flags);
    flags |= SCAN_PLUS;
    start++;
  }
  let letter = 0;
  if (start < end) {
    const c = s.charCodeAt(start);
    if (c >= 0x41 && c <= 0x5a) {
      letter = c;
      start++;
    } else if (c >= 0x61 && c <= 0x7a) {
      letter = c - 32;
      flags |= SCAN_LOWER_LETTER;
      start++;
    }
  }

  // The first 13 digits as a number (< 2^53, exact); the string is built once at the end.
  let digitValue = 0;
  let digitCount = 0;
  let firstDigit = -1;
  let badIndex = -1;
  let badChar = 0;
  // The decimal-suffix rule: exactly one `.`/`,`, followed by 1–2 zeros and nothing else.
  let pointCount = 0;
  let zerosAfterPoint = 0;
  let onlyZerosAfterPoint = true;
  let digitsBeforePoint = 0;
  for (let i = start; i < end; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xff10 && c <= 0xff19) {
      flags |= SCAN_FULL_WIDTH;
      c -= 0xff10 - 48;
    }
    if (c >= 48 && c <= 57) {
      if (digitCount < 13) digitValue = digitValue * 10 + (c - 48);
      if (firstDigit < 0) firstDigit = i;
      digitCount++;
      if (pointCount > 0) {
        if (c === 48) zerosAfterPoint++;
        else onlyZerosAfterPoint = false;
      }
    } else if (c === 0x2e || c === 0x2c || c === 0xff0e) {
      pointCount++;
      digitsBeforePoint = digitCount;
      zerosAfterPoint = 0;
      onlyZerosAfterPoint = true;
    } else if (isSeparator(c)) {
      flags |= SCAN_SEPARATORS;
      if (pointCount > 0) onlyZerosAfterPoint = false;
    } else {
      if ((c === 0x45 || c === 0x65) && letter === 0 && isScientific(s, start, end)) {
        return scientific(flags);
      }
      badIndex = i;
      badChar = c;
      break;
    }
  }
  let kept = Math.min(digitCount, 13);
  if (
    badIndex < 0 &&
    pointCount === 1 &&
    onlyZerosAfterPoint &&
    zerosAfterPoint >= 1 &&
    zerosAfterPoint <= 2 &&
    digitsBeforePoint + zerosAfterPoint === digitCount &&
    letter === 0
  ) {
    flags |= SCAN_DECIMAL_ZERO;
    if (digitsBeforePoint < kept) {
      digitValue = Math.floor(digitValue / 10 ** (kept - digitsBeforePoint));
      kept = digitsBeforePoint;
    }
    digitCount = digitsBeforePoint;
  } else if (pointCount > 0) {
    flags |= SCAN_SEPARATORS;
  }
  if (badIndex < 0 && digitCount === 0 && letter === 0 && (flags & SCAN_PLUS) === 0) {
    flags |= SCAN_EMPTY;
  }
  let digits = '';
  if (kept > 0) {
    // ASCII digits in one run (an apostrophe, padding or a suffix around them): slice them.
    const contiguous = (flags & (SCAN_SEPARATORS | SCAN_FULL_WIDTH)) === 0 && pointCount === 0;
    digits = contiguous ? s.slice(firstDigit, firstDigit + kept) : digitString(digitValue, kept);
  }
  return { digits, digitCount, flags, letter, badIndex, badChar };
}

/**
 * `value` (a non-negative integer below 10^14) as exactly `width` digits, leading zeros kept.
 * Converted as two halves below 10^7: small integers take V8's fast (cached) path, doubles above
 * 2^31 do not.
 *
 * @example
 * ```ts
 * digitString(38095012345, 12); // '038095012345'
 * ```
 */
export function digitString(value: number, width: number): string {
  if (width <= 7) return String(value).padStart(width, '0');
  const high = Math.floor(value / 1e7);
  return String(high).padStart(width - 7, '0') + String(value - high * 1e7).padStart(7, '0');
}

function scientific(flags: number): ScanResult {
  return {
    digits: '',
    digitCount: 0,
    flags: flags | SCAN_SCIENTIFIC,
    letter: 0,
    badIndex: -1,
    badChar: 0,
  };
}
