/**
 * The slow path of `parseIdNumber`: one linear pass over a messy string that separates the
 * formatting noise (whitespace, `'` prefix, `.0` suffix, separators, full-width digits) from the
 * digits. Char codes only; no regex, no per-character allocation (the first 13 digits are accumulated as a number).
 * @module
 */

/** What one pass over the input found. */
export interface ScanResult {
  /** Up to the first 13 digits (ASCII), in order, after removing a decimal `.0` suffix. */
  readonly digits: string;
  /** Total number of digits (may exceed `digits.length`). */
  readonly digitCount: number;
  /** Leading ASCII letter (upper-cased) when the value starts with one (passport), else 0. */
  readonly letter: number;
  readonly letterWasLower: boolean;
  /** Position and code of the first character that is not allowed, or -1. */
  readonly badIndex: number;
  readonly badChar: number;
  readonly plusPrefix: boolean;
  readonly trimmed: boolean;
  readonly apostrophe: boolean;
  readonly decimalZero: boolean;
  readonly separators: boolean;
  readonly fullWidth: boolean;
  readonly scientific: boolean;
  /** Nothing but whitespace, separators and an apostrophe. */
  readonly empty: boolean;
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
  let trimmed = start > 0 || end < s.length;
  let apostrophe = false;
  if (start < end && isApostrophe(s.charCodeAt(start))) {
    apostrophe = true;
    start++;
    const afterApostrophe = start;
    while (start < end && isSpace(s.charCodeAt(start))) start++;
    if (start > afterApostrophe) trimmed = true;
  }
  let plusPrefix = false;
  if (start < end && s.charCodeAt(start) === 0x2b) {
    if (isScientific(s, start, end)) return scientificResult(trimmed, apostrophe);
    plusPrefix = true;
    start++;
  }
  let letter = 0;
  let letterWasLower = false;
  if (start < end) {
    const c = s.charCodeAt(start);
    if (c >= 0x41 && c <= 0x5a) {
      letter = c;
      start++;
    } else if (c >= 0x61 && c <= 0x7a) {
      letter = c - 32;
      letterWasLower = true;
      start++;
    }
  }

  // The first 13 digits as a number (< 2^53, exact); the string is built once at the end.
  let digitValue = 0;
  let digitCount = 0;
  let separators = false;
  let fullWidth = false;
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
      fullWidth = true;
      c -= 0xff10 - 48;
    }
    if (c >= 48 && c <= 57) {
      if (digitCount < 13) digitValue = digitValue * 10 + (c - 48);
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
      separators = true;
      if (pointCount > 0) onlyZerosAfterPoint = false;
    } else {
      if ((c === 0x45 || c === 0x65) && letter === 0 && isScientific(s, start, end)) {
        return scientificResult(trimmed, apostrophe);
      }
      badIndex = i;
      badChar = c;
      break;
    }
  }
  const decimalZero =
    badIndex < 0 &&
    pointCount === 1 &&
    onlyZerosAfterPoint &&
    zerosAfterPoint >= 1 &&
    zerosAfterPoint <= 2 &&
    digitsBeforePoint + zerosAfterPoint === digitCount &&
    letter === 0;
  let kept = Math.min(digitCount, 13);
  if (decimalZero) {
    if (digitsBeforePoint < kept) {
      digitValue = Math.floor(digitValue / 10 ** (kept - digitsBeforePoint));
      kept = digitsBeforePoint;
    }
    digitCount = digitsBeforePoint;
  } else if (pointCount > 0) {
    separators = true;
  }
  const digits = kept === 0 ? '' : String(digitValue).padStart(kept, '0');
  return {
    digits,
    digitCount,
    letter,
    letterWasLower,
    badIndex,
    badChar,
    plusPrefix,
    trimmed,
    apostrophe,
    decimalZero,
    separators,
    fullWidth,
    scientific: false,
    empty: badIndex < 0 && digitCount === 0 && letter === 0 && !plusPrefix,
  };
}

function scientificResult(trimmed: boolean, apostrophe: boolean): ScanResult {
  return {
    digits: '',
    digitCount: 0,
    letter: 0,
    letterWasLower: false,
    badIndex: -1,
    badChar: 0,
    plusPrefix: false,
    trimmed,
    apostrophe,
    decimalZero: false,
    separators: false,
    fullWidth: false,
    scientific: true,
    empty: false,
  };
}
