/**
 * `parseIdNumber`: validate, decode and repair a CCCD / CMND / passport number.
 * @module
 */
import { dataOrThrow, VnReconcileError } from '../errors.js';
import type { Failure, Issue, Result } from '../result.js';
import { decodeCccd } from './cccd.js';
import { failure, frozenFailure } from './failure.js';
import type { IdIssueCode } from './issues.js';
import type { IdKind } from './kind.js';
import { type IdRepair, type IdRepairCode, REPAIR } from './repairs.js';
import {
  digitString,
  SCAN_APOSTROPHE,
  SCAN_DECIMAL_ZERO,
  SCAN_EMPTY,
  SCAN_FULL_WIDTH,
  SCAN_LOWER_LETTER,
  SCAN_PLUS,
  SCAN_REPAIRS,
  SCAN_SCIENTIFIC,
  SCAN_SEPARATORS,
  SCAN_TRIMMED,
  scanIdString,
} from './scan.js';
import type { ParsedId, ParseIdNumberOptions } from './types.js';

const NO_REPAIRS: readonly IdRepair[] = Object.freeze([]);
const EMPTY_OPTIONS: ParseIdNumberOptions = Object.freeze({});

// Failures whose message never changes: built once, frozen, shared.
const EMPTY = frozenFailure('ID_EMPTY', 'No ID number');
const SCIENTIFIC = frozenFailure(
  'ID_SCIENTIFIC_NOTATION',
  'Scientific notation (e.g. 1.23457E+11): the spreadsheet rounded away digits; re-export the column as text',
);
const INVALID_NUMBER = frozenFailure(
  'ID_INVALID_NUMBER',
  'A number that is negative, fractional, NaN or infinite',
);
const PRECISION_LOST = frozenFailure(
  'ID_PRECISION_LOST',
  'A number beyond 2^53: its last digits were rounded and cannot be recovered',
);
const PLUS_PHONE = frozenFailure(
  'ID_LOOKS_LIKE_PHONE',
  'A phone number in international form (+84…)',
);
const PLUS_NON_DIGIT = frozenFailure('ID_NON_DIGIT', 'A leading + is not part of an ID number');
const LANDLINE_84 = frozenFailure(
  'ID_LOOKS_LIKE_PHONE',
  'A landline phone number with country code 84',
);
const LANDLINE_11 = frozenFailure('ID_LOOKS_LIKE_PHONE', 'An 11-digit landline phone number (02…)');
const MOBILE_10 = frozenFailure('ID_LOOKS_LIKE_PHONE', 'A 10-digit mobile phone number');
const ZERO_11 = frozenFailure('ID_WRONG_LENGTH', '11 digits starting with 0: a digit is missing');
const ZERO_10 = frozenFailure('ID_WRONG_LENGTH', '10 digits starting with 0: not an ID number');
const ZERO_8 = frozenFailure('ID_WRONG_LENGTH', '8 digits starting with 0: not an ID number');
/** [ambiguous, phone]: the outcomes when restored digits also read as a phone number. */
type PhoneReading = readonly [Failure<IdIssueCode>, Failure<IdIssueCode>];
const MOBILE_84: PhoneReading = [
  frozenFailure(
    'ID_AMBIGUOUS_REPAIR',
    '11 digits: a CCCD that lost its leading 0, or a mobile phone number with country code 84',
  ),
  frozenFailure('ID_LOOKS_LIKE_PHONE', '11 digits: a mobile phone number with country code 84'),
];
const LANDLINE_LOST_0: PhoneReading = [
  frozenFailure(
    'ID_AMBIGUOUS_REPAIR',
    '10 digits: a CCCD (code 002) that lost two zeros, or a landline phone number that lost its 0',
  ),
  frozenFailure('ID_LOOKS_LIKE_PHONE', '10 digits: a landline phone number that lost its 0'),
];
const WRONG_LENGTH: readonly Failure<IdIssueCode>[] = Array.from({ length: 41 }, (_, n) =>
  frozenFailure('ID_WRONG_LENGTH', wrongLengthMessage(n)),
);

const PASSPORT_BAD_FORMAT: readonly Failure<IdIssueCode>[] = Array.from({ length: 41 }, (_, n) =>
  frozenFailure('PASSPORT_BAD_FORMAT', passportMessage(n)),
);

function passportMessage(digits: number): string {
  return `A passport number is 1 letter + 7 digits; this has ${digits} digits`;
}

function wrongLengthMessage(count: number): string {
  return `${count} digits: a CCCD has 12, a CMND 9 (or 12), a passport 1 letter + 7 digits`;
}

/** `s` is exactly `n` ASCII digits. */
function isAsciiDigits(s: string, n: number): boolean {
  if (s.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** `s` is a capital ASCII letter followed by 7 ASCII digits. */
function isCleanPassport(s: string): boolean {
  if (s.length !== 8) return false;
  const c = s.charCodeAt(0);
  if (c < 65 || c > 90) return false;
  for (let i = 1; i < 8; i++) {
    const d = s.charCodeAt(i);
    if (d < 48 || d > 57) return false;
  }
  return true;
}

function kindAccepted(kind: IdKind, options: ParseIdNumberOptions): boolean {
  return options.kinds === undefined || options.kinds.includes(kind);
}

function repairAllowed(code: IdRepairCode, options: ParseIdNumberOptions): boolean {
  const r = options.repairs;
  if (r === undefined || r === true) return true;
  if (r === false) return false;
  return r[code] !== false;
}

/** Checks the kind and the repairs of a candidate that is otherwise valid. */
function accept(data: ParsedId, options: ParseIdNumberOptions): Result<ParsedId, IdIssueCode> {
  if (!kindAccepted(data.kind, options)) {
    return failure(
      'ID_KIND_NOT_ACCEPTED',
      `A valid ${data.kind} number, but only ${(options.kinds ?? []).join(', ') || 'no kinds'} are accepted`,
    );
  }
  if (data.repairs.length > 0 && options.repairs !== undefined && options.repairs !== true) {
    const forbidden = data.repairs.filter((r) => !repairAllowed(r.code, options));
    if (forbidden.length > 0) {
      return failure(
        'ID_REPAIR_FORBIDDEN',
        `Valid only after repairs the options forbid: ${forbidden.map((r) => r.code).join(', ')}`,
      );
    }
  }
  return { success: true, data };
}

function twelveDigits(
  d: string,
  repairs: readonly IdRepair[],
  options: ParseIdNumberOptions,
): Result<ParsedId, IdIssueCode> {
  const parts = decodeCccd(d, options.referenceDate);
  if ('success' in parts) {
    // `842…` is a landline written with the country code 84 (84 + 2xx…), not a CCCD.
    if (d.charCodeAt(0) === 56 && d.charCodeAt(1) === 52 && d.charCodeAt(2) === 50) {
      return LANDLINE_84;
    }
    return parts;
  }
  return accept({ kind: options.twelveDigitKind ?? 'cccd', value: d, repairs, parts }, options);
}

/** `[REPAIR[code]]` for each code, shared: a value with one repair allocates no array. */
const ALONE: Readonly<Record<IdRepairCode, readonly IdRepair[]>> = Object.freeze(
  Object.fromEntries(Object.values(REPAIR).map((r) => [r.code, Object.freeze([r])])) as Record<
    IdRepairCode,
    readonly IdRepair[]
  >,
);

function withRepair(repairs: readonly IdRepair[], code: IdRepairCode): readonly IdRepair[] {
  return repairs.length === 0 ? ALONE[code] : [...repairs, REPAIR[code]];
}

const isMobileLead = (c: number) => c === 51 || c === 53 || c === 55 || c === 56 || c === 57; // 3 5 7 8 9

/**
 * Dispatches on the digit count once the formatting noise is gone. `d` holds every digit when
 * `count <= 13`.
 */
function fromDigits(
  d: string,
  count: number,
  repairs: readonly IdRepair[],
  options: ParseIdNumberOptions,
): Result<ParsedId, IdIssueCode> {
  const first = d.charCodeAt(0);
  switch (count) {
    case 12:
      return twelveDigits(d, repairs, options);
    case 9:
      return accept({ kind: 'cmnd9', value: d, repairs }, options);
    case 11: {
      if (first === 48) {
        return d.charCodeAt(1) === 50 ? LANDLINE_11 : ZERO_11;
      }
      const r = twelveDigits(`0${d}`, withRepair(repairs, 'RESTORED_LEADING_ZERO'), options);
      // 84 + 3/5/7/8/9…: also a mobile number written with the country code.
      const phone = first === 56 && d.charCodeAt(1) === 52 && isMobileLead(d.charCodeAt(2));
      return restored(r, 11, phone ? MOBILE_84 : undefined);
    }
    case 10: {
      if (first === 48) {
        return isMobileLead(d.charCodeAt(1)) ? MOBILE_10 : ZERO_10;
      }
      const r = twelveDigits(`00${d}`, withRepair(repairs, 'RESTORED_TWO_LEADING_ZEROS'), options);
      // 2…: also a landline (02…, 11 digits) that lost its 0.
      return restored(r, 10, first === 50 ? LANDLINE_LOST_0 : undefined);
    }
    case 8:
      if (first === 48) return ZERO_8;
      return accept(
        {
          kind: 'cmnd9',
          value: `0${d}`,
          repairs: withRepair(repairs, 'RESTORED_CMND_LEADING_ZERO'),
        },
        options,
      );
    default:
      return WRONG_LENGTH[count] ?? failure('ID_WRONG_LENGTH', wrongLengthMessage(count));
  }
}

/**
 * The outcome of restoring lost zeros: the restored CCCD, or `ID_WRONG_LENGTH` when it does not
 * decode; when the digits also read as a phone number, `ID_AMBIGUOUS_REPAIR` (the CCCD is valid
 * too) or `ID_LOOKS_LIKE_PHONE` (it is not).
 */
function restored(
  r: Result<ParsedId, IdIssueCode>,
  count: number,
  phone: PhoneReading | undefined,
): Result<ParsedId, IdIssueCode> {
  const cccdValid = r.success || isPolicyIssue(r.issues);
  if (phone === undefined) return cccdValid ? r : wrongLengthAfter(count, r.issues);
  return cccdValid ? phone[0] : phone[1];
}

/** Issues that come from the options (kind, repairs), not from the digits. */
function isPolicyIssue(issues: readonly Issue<IdIssueCode>[]): boolean {
  const c = issues[0]?.code;
  return c === 'ID_KIND_NOT_ACCEPTED' || c === 'ID_REPAIR_FORBIDDEN';
}

function wrongLengthAfter(
  count: number,
  issues: readonly Issue<IdIssueCode>[],
): Result<ParsedId, IdIssueCode> {
  const why = issues.map((i) => i.code).join(', ');
  return failure(
    'ID_WRONG_LENGTH',
    `${count} digits, and restoring the leading zeros a spreadsheet drops does not give a valid CCCD (${why})`,
  );
}

/** The formatting repairs, in their documented order; shared arrays for the common single ones. */
function formattingRepairs(flags: number): readonly IdRepair[] {
  switch (flags & SCAN_REPAIRS) {
    case 0:
      return NO_REPAIRS;
    case SCAN_TRIMMED:
      return ALONE.TRIMMED_WHITESPACE;
    case SCAN_APOSTROPHE:
      return ALONE.STRIPPED_APOSTROPHE;
    case SCAN_SEPARATORS:
      return ALONE.REMOVED_SEPARATORS;
  }
  const out: IdRepair[] = [];
  if (flags & SCAN_TRIMMED) out.push(REPAIR.TRIMMED_WHITESPACE);
  if (flags & SCAN_APOSTROPHE) out.push(REPAIR.STRIPPED_APOSTROPHE);
  if (flags & SCAN_DECIMAL_ZERO) out.push(REPAIR.STRIPPED_DECIMAL_ZERO);
  if (flags & SCAN_SEPARATORS) out.push(REPAIR.REMOVED_SEPARATORS);
  if (flags & SCAN_FULL_WIDTH) out.push(REPAIR.CONVERTED_FULLWIDTH_DIGITS);
  if (flags & SCAN_LOWER_LETTER) out.push(REPAIR.UPPERCASED_LETTER);
  return out;
}

function parseString(s: string, options: ParseIdNumberOptions): Result<ParsedId, IdIssueCode> {
  const scan = scanIdString(s);
  if (scan.flags & SCAN_SCIENTIFIC) {
    return SCIENTIFIC;
  }
  if (scan.flags & SCAN_EMPTY) return EMPTY;
  if (scan.badIndex >= 0) {
    const hex = scan.badChar.toString(16).toUpperCase().padStart(4, '0');
    return failure(
      'ID_NON_DIGIT',
      `Character U+${hex} at position ${scan.badIndex} is not a digit or separator`,
    );
  }
  if (scan.flags & SCAN_PLUS) {
    return scan.digits.startsWith('84') ? PLUS_PHONE : PLUS_NON_DIGIT;
  }
  const repairs = formattingRepairs(scan.flags);
  if (scan.letter !== 0) {
    if (scan.digitCount !== 7) {
      return (
        PASSPORT_BAD_FORMAT[scan.digitCount] ??
        failure('PASSPORT_BAD_FORMAT', passportMessage(scan.digitCount))
      );
    }
    return accept(
      { kind: 'passport', value: String.fromCharCode(scan.letter) + scan.digits, repairs },
      options,
    );
  }
  return fromDigits(scan.digits, scan.digitCount, repairs, options);
}

function parseNumber(n: number, options: ParseIdNumberOptions): Result<ParsedId, IdIssueCode> {
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) {
    return INVALID_NUMBER;
  }
  if (n > Number.MAX_SAFE_INTEGER) {
    return PRECISION_LOST;
  }
  let count = 1;
  for (let p = 10; n >= p; p *= 10) count++;
  // More than 13 digits is the wrong length whatever they are: no string needed.
  return fromDigits(count > 13 ? '' : digitString(n, count), count, NO_REPAIRS, options);
}

/**
 * Parses an ID number from a form, a spreadsheet cell or a QR code: a CCCD (căn cước công dân,
 * 12 digits), a CMND (chứng minh nhân dân, 9 or 12 digits) or a passport (hộ chiếu, letter + 7
 * digits). Decodes a CCCD (province or country of birth, sex, birth year), repairs spreadsheet
 * damage (listed in `repairs` with a confidence) and never throws on bad data.
 *
 * @example
 * ```ts
 * const r = parseIdNumber("'38095012345");
 * if (r.success && r.data.kind === 'cccd') {
 *   r.data.value; // '038095012345'
 *   r.data.parts.birthYear; // 1995
 *   r.data.repairs.map((x) => x.code); // ['STRIPPED_APOSTROPHE', 'RESTORED_LEADING_ZERO']
 * }
 * ```
 */
export function parseIdNumber(
  input: string | number,
  options: ParseIdNumberOptions = EMPTY_OPTIONS,
): Result<ParsedId, IdIssueCode> {
  // Untyped callers: `null` (or any non-object) options are no options.
  if (options === null || typeof options !== 'object') options = EMPTY_OPTIONS;
  if (typeof input === 'string') {
    // Fast paths: clean 12-digit, 9-digit and passport strings (char codes only).
    if (isAsciiDigits(input, 12)) return twelveDigits(input, NO_REPAIRS, options);
    if (isAsciiDigits(input, 9)) return fromDigits(input, 9, NO_REPAIRS, options);
    if (isCleanPassport(input))
      return accept({ kind: 'passport', value: input, repairs: NO_REPAIRS }, options);
    return parseString(input, options);
  }
  if (typeof input === 'number') return parseNumber(input, options);
  // Untyped callers: never throw.
  const unknownInput: unknown = input;
  if (typeof unknownInput === 'bigint') return parseString(unknownInput.toString(), options);
  if (unknownInput === null || unknownInput === undefined) return EMPTY;
  return failure('ID_INVALID_TYPE', `Expected a string or a number, got ${typeof unknownInput}`);
}

/**
 * @deprecated Use {@link VnReconcileError}: `parseIdNumberOrThrow` throws it (with the issues),
 * like every `*OrThrow` function. Kept as an alias so `instanceof IdNumberError` still works.
 *
 * @example
 * ```ts
 * try { parseIdNumberOrThrow('003090012345'); } catch (e) {
 *   if (e instanceof VnReconcileError) e.code; // 'CCCD_BAD_PROVINCE'
 * }
 * ```
 */
export const IdNumberError = VnReconcileError;
/** @deprecated Use {@link VnReconcileError}. */
export type IdNumberError = VnReconcileError;

/**
 * Like {@link parseIdNumber} but returns the data or throws a {@link VnReconcileError} whose
 * `code` is the first issue's code and whose `issues` are the issues (its message never contains
 * the raw number).
 *
 * @example
 * ```ts
 * parseIdNumberOrThrow('B1234567').kind; // 'passport'
 * ```
 */
export function parseIdNumberOrThrow(
  input: string | number,
  options?: ParseIdNumberOptions,
): ParsedId {
  return dataOrThrow(parseIdNumber(input, options), 'Invalid ID number');
}
