import { addDays } from 'date-fns/addDays';
import { dataOrThrow } from '../errors.js';
import type { Issue, Result } from '../result.js';
import { frozenIssue, issue, NO_WARNINGS, type WarningList, warningAppender } from './issue.js';
import type { PartialDate } from './types.js';

/**
 * Codes that make a date of birth unusable (the parse fails).
 * - `DOB_MISSING`: empty or blank.
 * - `DOB_UNRECOGNISED`: not a date in any supported format.
 * - `DOB_IMPOSSIBLE`: a day or month that does not exist (31/02, month 13, Excel serial 60 = 29/02/1900).
 * - `DOB_IN_FUTURE`: after the reference date.
 * - `DOB_IMPLAUSIBLE_AGE`: older than `maxAge` at the reference date.
 */
export type DobErrorCode =
  | 'DOB_MISSING'
  | 'DOB_UNRECOGNISED'
  | 'DOB_IMPOSSIBLE'
  | 'DOB_IN_FUTURE'
  | 'DOB_IMPLAUSIBLE_AGE';

/**
 * Codes attached to a successful parse (the value is usable, but look at it).
 * - `DOB_CENTURY_GUESSED`: a two-digit year; the century comes from the pivot.
 * - `DOB_DAY_MONTH_AMBIGUOUS`: both day and month ≤ 12 and different; the configured order was used.
 * - `DOB_DAY_MONTH_SWAPPED`: the configured order gave a month > 12, the other order is valid and was used.
 * - `DOB_POSSIBLE_PLACEHOLDER`: 01/01/YYYY, often typed when only the year is known.
 * - `DOB_EXCEL_SERIAL`: an Excel serial day number was converted.
 * - `DOB_LEADING_ZERO_RESTORED`: a 7-digit `dmmyyyy` (a `ddmmyyyy` number that lost its leading 0).
 * - `DOB_UNKNOWN_PARTS`: day or month written as 00; kept as a partial date.
 * - `DOB_TEXT_IGNORED`: words other than ngày/tháng/năm were ignored.
 */
export type DobWarningCode =
  | 'DOB_CENTURY_GUESSED'
  | 'DOB_DAY_MONTH_AMBIGUOUS'
  | 'DOB_DAY_MONTH_SWAPPED'
  | 'DOB_POSSIBLE_PLACEHOLDER'
  | 'DOB_EXCEL_SERIAL'
  | 'DOB_LEADING_ZERO_RESTORED'
  | 'DOB_UNKNOWN_PARTS'
  | 'DOB_TEXT_IGNORED';

/** Every code `parseDateOfBirth` can produce. */
export type DobIssueCode = DobErrorCode | DobWarningCode;

/** Which written form the date was read from. */
export type DobFormat =
  | 'd/m/y'
  | 'm/d/y'
  | 'y-m-d'
  | 'd/m/yy'
  | 'ddmmyyyy'
  | 'yyyymmdd'
  | 'm/y'
  | 'y-m'
  | 'y'
  | 'excel-serial';

/** A parsed date of birth: the (possibly partial) date, the form it was read from, and warnings. */
export interface ParsedDateOfBirth {
  readonly value: PartialDate;
  readonly format: DobFormat;
  readonly warnings: readonly Issue<DobWarningCode>[];
}

/** Options of {@link parseDateOfBirth}. */
export interface DateOfBirthOptions {
  /** "Today" for future and age checks and for the default two-digit-year pivot (default: now). */
  readonly referenceDate?: Date;
  /** Order of day and month in `a/b/yyyy` forms: Vietnamese `dmy` (default) or `mdy`. */
  readonly order?: 'dmy' | 'mdy';
  /**
   * Two-digit years `yy ≤ pivot` are 20yy, others 19yy (default: the reference year's last two
   * digits, so nobody is born in the future). A `DOB_CENTURY_GUESSED` warning is always attached.
   */
  readonly twoDigitYearPivot?: number;
  /** Ages above this are `DOB_IMPLAUSIBLE_AGE` (default 120). */
  readonly maxAge?: number;
  /** Read 3–5 digit numbers (not a year) as Excel serial day numbers (default true). */
  readonly excelSerials?: boolean;
  /** Excel date system: 1900 (Windows, default, with its 29/02/1900 bug) or 1904 (old Mac). */
  readonly excelEpoch?: 1900 | 1904;
}

interface DobSettings {
  readonly refYear: number;
  readonly refMonth: number;
  readonly refDay: number;
  readonly mdy: boolean;
  readonly pivot: number;
  readonly maxAge: number;
  readonly excel: boolean;
  readonly epoch1904: boolean;
}

const cache = new WeakMap<DateOfBirthOptions, DobSettings>();

function settingsOf(options: DateOfBirthOptions | undefined): DobSettings {
  if (options !== undefined) {
    const hit = cache.get(options);
    if (hit !== undefined) return hit;
  }
  const ref = options?.referenceDate ?? new Date();
  const refYear = ref.getFullYear();
  const s: DobSettings = {
    refYear,
    refMonth: ref.getMonth() + 1,
    refDay: ref.getDate(),
    mdy: options?.order === 'mdy',
    pivot: options?.twoDigitYearPivot ?? refYear % 100,
    maxAge: options?.maxAge ?? 120,
    excel: options?.excelSerials ?? true,
    epoch1904: options?.excelEpoch === 1904,
  };
  // Only cache when the reference date is pinned; "now" must stay fresh for long-lived options.
  if (options?.referenceDate !== undefined) cache.set(options, s);
  return s;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const KNOWN_WORDS = new Set(['ngày', 'ngay', 'tháng', 'thang', 'năm', 'nam', 't', 'th', 'sinh']);

// Scanner state, reused between calls (the parser is synchronous and not re-entrant).
const gVal = [0, 0, 0];
const gLen = [0, 0, 0];
let gCount = 0;
let textMonthAt = -1;
let ignoredText = false;
let trailingText = false;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127;
}

/** True when `s` from `i` looks like a time of day (`00:00:00`, `T00:00:00.000Z`, `0:00 AM`). */
function isTimeTail(s: string, i: number): boolean {
  let colon = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 58) colon = true;
    else if (!(isDigit(c) || TIME_CHARS.includes(s[i] ?? ''))) return false;
  }
  return colon;
}

const TIME_CHARS = ' .TZ+-APMapm';

/** Splits `s` into at most three digit groups; letters act as separators (month names become groups). */
function scan(s: string): boolean {
  gCount = 0;
  textMonthAt = -1;
  ignoredText = false;
  trailingText = false;
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (gCount === 3) {
        trailingText = !isTimeTail(s, i);
        return true;
      }
      let v = 0;
      const start = i;
      while (i < n && isDigit(s.charCodeAt(i))) {
        v = v * 10 + (s.charCodeAt(i) - 48);
        i++;
        if (i - start > 9) return false;
      }
      gVal[gCount] = v;
      gLen[gCount] = i - start;
      gCount++;
      continue;
    }
    if (isLetter(c)) {
      const start = i;
      if (gCount === 3) {
        trailingText = !isTimeTail(s, i);
        return true;
      }
      while (i < n && isLetter(s.charCodeAt(i))) i++;
      const word = s.slice(start, i).toLowerCase();
      const m = word.length >= 3 ? MONTHS.indexOf(word.slice(0, 3)) : -1;
      if (m >= 0 && textMonthAt < 0) {
        textMonthAt = gCount;
        gVal[gCount] = m + 1;
        gLen[gCount] = 2;
        gCount++;
      } else if (!KNOWN_WORDS.has(word)) {
        ignoredText = true;
      }
      continue;
    }
    // A time part (`12/05/1990 00:00`, `1990-05-12T00:00:00Z`) or anything after three groups.
    if (gCount === 3) {
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      trailingText = !isTimeTail(s, i);
      return true;
    }
    if (c === 46 && gCount === 1 && i + 1 < n && isDigit(s.charCodeAt(i + 1))) {
      // `33239.0`: a decimal part is only meaningful for Excel serials; recorded, checked later.
      let j = i + 1;
      let zeros = true;
      while (j < n && isDigit(s.charCodeAt(j))) {
        if (s.charCodeAt(j) !== 48) zeros = false;
        j++;
      }
      if (j === n && (zeros || gLen[0] === 5)) {
        return true;
      }
    }
    i++;
  }
  return gCount > 0;
}

function fail(code: DobErrorCode, message: string): Result<ParsedDateOfBirth, DobIssueCode> {
  return { success: false, issues: [issue(code, message)] };
}

function ok(
  value: PartialDate,
  format: DobFormat,
  warnings: Warnings,
  st: DobSettings,
): Result<ParsedDateOfBirth, DobIssueCode> {
  // Future and age checks on whatever part is known.
  const { year, month, day } = value;
  const afterRef =
    year > st.refYear ||
    (year === st.refYear &&
      month !== undefined &&
      (month > st.refMonth || (month === st.refMonth && day !== undefined && day > st.refDay)));
  if (afterRef) return fail('DOB_IN_FUTURE', 'The date of birth is after the reference date');
  let age = st.refYear - year;
  if (
    month !== undefined &&
    (month > st.refMonth || (month === st.refMonth && day !== undefined && day > st.refDay))
  ) {
    age--;
  }
  if (age > st.maxAge) {
    return fail('DOB_IMPLAUSIBLE_AGE', `Age ${age} is above the maximum of ${st.maxAge}`);
  }
  if (day === 1 && month === 1) warnings = warn(warnings, 'DOB_POSSIBLE_PLACEHOLDER');
  return { success: true, data: { value, format, warnings: warnings ?? NO_WARNINGS } };
}

/** One shared, frozen issue object per warning (messages are static, so nothing is allocated). */
const WARNING: Readonly<Record<DobWarningCode, Issue<DobWarningCode>>> = {
  DOB_CENTURY_GUESSED: frozenIssue(
    'DOB_CENTURY_GUESSED',
    'A two-digit year; the century was guessed',
  ),
  DOB_DAY_MONTH_AMBIGUOUS: frozenIssue(
    'DOB_DAY_MONTH_AMBIGUOUS',
    'Day and month are both 12 or less; the configured order (day/month by default) was used',
  ),
  DOB_DAY_MONTH_SWAPPED: frozenIssue(
    'DOB_DAY_MONTH_SWAPPED',
    'The month was above 12 in the configured order; the other order was used',
  ),
  DOB_POSSIBLE_PLACEHOLDER: frozenIssue(
    'DOB_POSSIBLE_PLACEHOLDER',
    '01/01 is often typed when only the year of birth is known',
  ),
  DOB_EXCEL_SERIAL: frozenIssue('DOB_EXCEL_SERIAL', 'An Excel serial day number was converted'),
  DOB_LEADING_ZERO_RESTORED: frozenIssue(
    'DOB_LEADING_ZERO_RESTORED',
    'A 7-digit ddmmyyyy number lost its leading 0',
  ),
  DOB_UNKNOWN_PARTS: frozenIssue(
    'DOB_UNKNOWN_PARTS',
    'Day or month written as 00; kept as a partial date',
  ),
  DOB_TEXT_IGNORED: frozenIssue('DOB_TEXT_IGNORED', 'Words around the date were ignored'),
};

type Warnings = WarningList<DobWarningCode>;

const warn = /*#__PURE__*/ warningAppender(WARNING);

/** Builds a full or partial date from day/month/year numbers, checking that it exists. */
function build(
  day: number,
  month: number,
  year: number,
  format: DobFormat,
  warnings: Warnings,
  st: DobSettings,
  swappable: boolean,
): Result<ParsedDateOfBirth, DobIssueCode> {
  if (month === 0) return monthYear(0, year, format, warnings, st);
  if (month > 12) {
    if (swappable && day >= 1 && day <= 12 && month <= 31) {
      warnings = warn(warnings, 'DOB_DAY_MONTH_SWAPPED');
      const t = day;
      day = month;
      month = t;
    } else {
      return fail('DOB_IMPOSSIBLE', `Month ${month} does not exist`);
    }
  }
  if (day === 0) {
    return ok({ year, month }, format, warn(warnings, 'DOB_UNKNOWN_PARTS'), st);
  }
  if (day > daysInMonth(year, month)) {
    return fail('DOB_IMPOSSIBLE', `Day ${day} does not exist in month ${month} of ${year}`);
  }
  return ok({ year, month, day }, format, warnings, st);
}

function fromSerial(
  serial: number,
  st: DobSettings,
  warnings: Warnings,
): Result<ParsedDateOfBirth, DobIssueCode> {
  let date: Date;
  if (st.epoch1904) {
    date = addDays(new Date(1904, 0, 1), serial);
  } else {
    // Excel (after Lotus 1-2-3) counts a 29 February 1900 that never existed: serial 60.
    if (serial === 60) {
      return fail('DOB_IMPOSSIBLE', 'Excel serial 60 is 29/02/1900, a day that never existed');
    }
    date = addDays(new Date(1899, 11, serial < 60 ? 31 : 30), serial);
  }
  warnings = warn(warnings, 'DOB_EXCEL_SERIAL');
  return ok(
    { year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() },
    'excel-serial',
    warnings,
    st,
  );
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in `month` (1–12) of `year` in the proleptic Gregorian calendar (29/02/1900 does not exist). */
function daysInMonth(year: number, month: number): number {
  if (month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) return 29;
  return DAYS[month - 1] ?? 0;
}

function isYear(v: number): boolean {
  return v >= 1800 && v <= 2200;
}

/**
 * Parses a date of birth (ngày sinh) written in any of the forms found in Vietnamese records:
 * `dd/mm/yyyy`, `d/m/yyyy`, `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyy-mm-dd`, `yyyymmdd`, `ddmmyyyy`
 * (CCCD QR code), `dd/mm/yy`, Excel serial numbers, `mm/yyyy`, `yyyy-mm`, `yyyy`, `12-May-1990` and
 * `ngày 12 tháng 5 năm 1990`; a trailing time (`00:00:00`) is ignored. Partial dates stay partial.
 * Day/month order is Vietnamese (`dmy`) unless `order: 'mdy'` is given.
 *
 * @example
 * ```ts
 * parseDateOfBirth('05/03/1990'); // { success: true, data: { value: { year: 1990, month: 3, day: 5 }, format: 'd/m/y', warnings: [DOB_DAY_MONTH_AMBIGUOUS] } }
 * parseDateOfBirth('1950');       // value { year: 1950 }
 * parseDateOfBirth('31/02/1990'); // { success: false, issues: [{ code: 'DOB_IMPOSSIBLE', ... }] }
 * ```
 */
export function parseDateOfBirth(
  input: string,
  options?: DateOfBirthOptions,
): Result<ParsedDateOfBirth, DobIssueCode> {
  if (typeof input !== 'string') return fail('DOB_MISSING', 'No date of birth');
  const st = settingsOf(options);
  if (!scan(input)) {
    let blank = true;
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) {
        blank = false;
        break;
      }
    }
    return blank
      ? fail('DOB_MISSING', 'No date of birth')
      : fail('DOB_UNRECOGNISED', 'Not a date in a supported format');
  }
  let warnings: Warnings;
  if (ignoredText || trailingText) {
    warnings = warn(warnings, 'DOB_TEXT_IGNORED');
  }
  const a = gVal[0] ?? 0;
  const la = gLen[0] ?? 0;
  if (gCount === 1) {
    if (textMonthAt >= 0) return fail('DOB_UNRECOGNISED', 'A month name without a year');
    if (la === 4 && isYear(a)) return ok({ year: a }, 'y', warnings, st);
    if (la === 8) {
      const y1 = Math.floor(a / 10000);
      const m1 = Math.floor(a / 100) % 100;
      const d1 = a % 100;
      if (isYear(y1) && m1 <= 12) return build(d1, m1, y1, 'yyyymmdd', warnings, st, false);
      return ddmmyyyy(a, warnings, st);
    }
    if (la === 7 && isYear(a % 10000)) {
      return ddmmyyyy(a, warn(warnings, 'DOB_LEADING_ZERO_RESTORED'), st);
    }
    if (st.excel && la >= 3 && la <= 5 && a > 0) return fromSerial(a, st, warnings);
    return fail('DOB_UNRECOGNISED', 'Not a date in a supported format');
  }
  const b = gVal[1] ?? 0;
  const lb = gLen[1] ?? 0;
  if (gCount === 2) {
    let month: number;
    let year: number;
    let format: DobFormat;
    if (lb === 4 && la <= 2 && isYear(b)) {
      month = a;
      year = b;
      format = 'm/y';
    } else if (la === 4 && lb <= 2 && isYear(a)) {
      month = b;
      year = a;
      format = 'y-m';
    } else {
      return fail('DOB_UNRECOGNISED', 'Not a date in a supported format');
    }
    if (month > 12) return fail('DOB_IMPOSSIBLE', `Month ${month} does not exist`);
    return monthYear(month, year, format, warnings, st);
  }
  const c = gVal[2] ?? 0;
  const lc = gLen[2] ?? 0;
  if (la === 4 && lb <= 2 && lc <= 2 && textMonthAt < 0) {
    return build(c, b, a, 'y-m-d', warnings, st, false);
  }
  if (la > 2 || lb > 2) return fail('DOB_UNRECOGNISED', 'Not a date in a supported format');
  let year: number;
  let format: DobFormat;
  if (lc === 4) {
    if (!isYear(c)) return fail('DOB_UNRECOGNISED', `Year ${c} is out of range`);
    year = c;
    format = st.mdy ? 'm/d/y' : 'd/m/y';
  } else if (lc === 2) {
    year = c <= st.pivot ? 2000 + c : 1900 + c;
    format = 'd/m/yy';
    warnings = warn(warnings, 'DOB_CENTURY_GUESSED');
  } else {
    return fail('DOB_UNRECOGNISED', 'Not a date in a supported format');
  }
  if (textMonthAt === 1) return build(a, b, year, format, warnings, st, false);
  if (textMonthAt === 0) return build(b, a, year, format, warnings, st, false);
  const day = st.mdy ? b : a;
  const month = st.mdy ? a : b;
  if (day >= 1 && day <= 12 && month >= 1 && month <= 12 && day !== month) {
    warnings = warn(warnings, 'DOB_DAY_MONTH_AMBIGUOUS');
  }
  return build(day, month, year, format, warnings, st, true);
}

/** Reads the number `ddmmyyyy` (or `dmmyyyy`). */
function ddmmyyyy(
  n: number,
  warnings: Warnings,
  st: DobSettings,
): Result<ParsedDateOfBirth, DobIssueCode> {
  return build(
    Math.floor(n / 1e6),
    Math.floor(n / 10000) % 100,
    n % 10000,
    'ddmmyyyy',
    warnings,
    st,
    false,
  );
}

function monthYear(
  month: number,
  year: number,
  format: DobFormat,
  warnings: Warnings,
  st: DobSettings,
): Result<ParsedDateOfBirth, DobIssueCode> {
  if (month === 0) return ok({ year }, format, warn(warnings, 'DOB_UNKNOWN_PARTS'), st);
  return ok({ year, month }, format, warnings, st);
}

/**
 * Like {@link parseDateOfBirth} but returns the partial date or throws a `VnReconcileError` (the
 * first issue's code, all the issues).
 *
 * @example
 * ```ts
 * parseDateOfBirthOrThrow('1990-05-12'); // { year: 1990, month: 5, day: 12 }
 * ```
 */
export function parseDateOfBirthOrThrow(input: string, options?: DateOfBirthOptions): PartialDate {
  return dataOrThrow(parseDateOfBirth(input, options), 'Invalid date of birth').value;
}

/**
 * Formats a partial date as `YYYY-MM-DD`, `YYYY-MM` or `YYYY` (the `dob_clean` CSV column).
 *
 * @example
 * ```ts
 * formatPartialDate({ year: 1990, month: 5 }); // '1990-05'
 * ```
 */
export function formatPartialDate(date: PartialDate): string {
  const y = String(date.year).padStart(4, '0');
  if (date.month === undefined) return y;
  const m = date.month < 10 ? `0${date.month}` : String(date.month);
  if (date.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${date.day < 10 ? `0${date.day}` : String(date.day)}`;
}
