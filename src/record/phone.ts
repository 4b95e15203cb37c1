import { dataOrThrow } from '../errors.js';
import type { Issue, Result } from '../result.js';
import { frozenIssue, issue, NO_WARNINGS, type WarningList, warningAppender } from './issue.js';
import {
  LANDLINE_AREAS,
  MOBILE_MIGRATION_2018,
  MOBILE_PREFIXES,
  type MobileCarrier,
} from './phone-tables.js';

/**
 * Codes that make a phone number unusable.
 * - `PHONE_MISSING`: empty or blank.
 * - `PHONE_SCIENTIFIC_NOTATION`: `9.12345E+08`: digits were lost by a spreadsheet; never guessed.
 * - `PHONE_NOT_VIETNAMESE`: an international number with another country code.
 * - `PHONE_WRONG_LENGTH`: too few or too many digits for any Vietnamese number.
 * - `PHONE_UNKNOWN_PREFIX`: the right length but no mobile prefix or area code matches.
 * - `PHONE_UNRECOGNISED`: no digits.
 */
export type PhoneErrorCode =
  | 'PHONE_MISSING'
  | 'PHONE_SCIENTIFIC_NOTATION'
  | 'PHONE_NOT_VIETNAMESE'
  | 'PHONE_WRONG_LENGTH'
  | 'PHONE_UNKNOWN_PREFIX'
  | 'PHONE_UNRECOGNISED';

/**
 * Codes attached to a usable number that was repaired.
 * - `PHONE_LEADING_ZERO_RESTORED`: a number column dropped the leading 0 (`912345678`).
 * - `PHONE_MIGRATED_2018`: an 11-digit mobile number moved to its 10-digit form.
 * - `PHONE_LANDLINE_MIGRATED_2017`: an old landline area code moved to its 2017 code.
 * - `PHONE_MULTIPLE_NUMBERS`: the cell held more than one number; the first is used.
 */
export type PhoneWarningCode =
  | 'PHONE_LEADING_ZERO_RESTORED'
  | 'PHONE_MIGRATED_2018'
  | 'PHONE_LANDLINE_MIGRATED_2017'
  | 'PHONE_MULTIPLE_NUMBERS';

/** Every code `parsePhone` can produce. */
export type PhoneIssueCode = PhoneErrorCode | PhoneWarningCode;

/** A parsed Vietnamese phone number (số điện thoại). */
export interface ParsedPhone {
  /** National form: 10 digits for mobiles (`0912345678`), 11 for landlines (`02438251234`). */
  readonly value: string;
  readonly kind: 'mobile' | 'landline';
  /** Mobiles: the carrier the prefix was assigned to (ported numbers keep their prefix). */
  readonly carrier?: MobileCarrier;
  /** Landlines: the 2017 area code without the leading 0 (`24` Hà Nội, `236` Đà Nẵng). */
  readonly areaCode?: string;
  /** Landlines: the pre-2025 province code of the area (`01`, `48`). */
  readonly provinceCode?: string;
  readonly warnings: readonly Issue<PhoneWarningCode>[];
}

/** Options of {@link parsePhone} (none yet; reserved so the signature stays stable). */
export type PhoneOptions = Readonly<Record<string, never>>;

interface Area {
  readonly code: string;
  readonly provinceCode: string;
}

const NEW_AREAS = new Map<string, Area>();
const OLD_AREAS = new Map<string, Area>();
for (const [code, old, provinceCode] of LANDLINE_AREAS) {
  NEW_AREAS.set(code, { code, provinceCode });
  OLD_AREAS.set(old, { code, provinceCode });
}

function fail(code: PhoneErrorCode, message: string): Result<ParsedPhone, PhoneIssueCode> {
  return { success: false, issues: [issue(code, message)] };
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters that separate two numbers written in one cell. */
function isListSeparator(c: number): boolean {
  return c === 47 || c === 44 || c === 59 || c === 124 || c === 10 || c === 13;
}

// Scanner output (the parser is synchronous and not re-entrant).
let plus = false;
let scientific = false;
let multiple = false;

/** Collects the digits of the first number in `s` (separators and labels such as `ĐT:` skipped). */
function digitsOf(s: string): string {
  plus = false;
  scientific = false;
  multiple = false;
  const n = s.length;
  let end = n;
  // Excel number formats end in `.0`.
  if (
    n > 2 &&
    s.charCodeAt(n - 1) === 48 &&
    s.charCodeAt(n - 2) === 46 &&
    isDigit(s.charCodeAt(n - 3))
  ) {
    end = n - 2;
  }
  let out = '';
  let runStart = -1;
  let groupsDigits = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      if (runStart < 0) runStart = i;
      continue;
    }
    if (runStart >= 0) {
      const run = s.slice(runStart, i);
      // `0912 345 678 - 0987 654 321`: a second full number after the first one.
      if (groupsDigits >= 9 && groupsDigits + run.length > 12) {
        multiple = true;
        return out;
      }
      out += run;
      groupsDigits += run.length;
      runStart = -1;
    }
    if (c === 43 && out.length === 0) plus = true;
    else if ((c === 69 || c === 101) && out.length > 0 && i + 1 < end) {
      const next = s.charCodeAt(i + 1);
      if (next === 43 || isDigit(next)) scientific = true;
    } else if (isListSeparator(c) && out.length >= 9) {
      for (let j = i + 1; j < end; j++) {
        if (isDigit(s.charCodeAt(j))) {
          multiple = true;
          break;
        }
      }
      return out;
    }
  }
  if (runStart >= 0) {
    const run = s.slice(runStart, end);
    if (groupsDigits >= 9 && groupsDigits + run.length > 12) {
      multiple = true;
      return out;
    }
    out = out.length === 0 && runStart === 0 && end === n ? s : out + run;
  }
  return out;
}

/** One shared, frozen issue object per warning (nothing allocated per number). */
const WARNING: Readonly<Record<PhoneWarningCode, Issue<PhoneWarningCode>>> = {
  PHONE_LEADING_ZERO_RESTORED: frozenIssue(
    'PHONE_LEADING_ZERO_RESTORED',
    'The leading 0 was lost (a number column) and was restored',
  ),
  PHONE_MIGRATED_2018: frozenIssue(
    'PHONE_MIGRATED_2018',
    'An 11-digit mobile number was moved to its 2018 10-digit form',
  ),
  PHONE_LANDLINE_MIGRATED_2017: frozenIssue(
    'PHONE_LANDLINE_MIGRATED_2017',
    'An area code from before 2017 was moved to its new code',
  ),
  PHONE_MULTIPLE_NUMBERS: frozenIssue(
    'PHONE_MULTIPLE_NUMBERS',
    'More than one number in the cell; the first one is used',
  ),
};

type Warnings = WarningList<PhoneWarningCode>;

const warnList = /*#__PURE__*/ warningAppender(WARNING);

/**
 * Parses a Vietnamese phone number written any common way: `0912 345 678`, `0912.345.678`,
 * `+84 912 345 678`, `84912345678`, `0084…`, `912345678` (leading 0 lost in a number column),
 * 11-digit mobile numbers from before 2018 (`01689…` → `03989…`), and landlines with old
 * (`04 3825 1234`) or 2017 area codes (`024 3825 1234`). Says mobile or landline, and the carrier
 * or area. A modern mobile prefix wins over an old area code that used the same digits (`038…`).
 *
 * @example
 * ```ts
 * parsePhone('+84 168 123 4567'); // { success: true, data: { value: '0381234567', kind: 'mobile', carrier: 'Viettel', warnings: [PHONE_MIGRATED_2018] } }
 * parsePhone('(04) 3825 1234');   // data.value '02438251234', kind 'landline', areaCode '24', provinceCode '01'
 * ```
 */
export function parsePhone(
  input: string,
  _options?: PhoneOptions,
): Result<ParsedPhone, PhoneIssueCode> {
  if (typeof input !== 'string') return fail('PHONE_MISSING', 'No phone number');
  let d = digitsOf(input);
  if (scientific) {
    return fail(
      'PHONE_SCIENTIFIC_NOTATION',
      'The number was stored in scientific notation and lost digits; it cannot be recovered',
    );
  }
  if (d.length === 0) {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) {
        return fail('PHONE_UNRECOGNISED', 'No digits in the phone number');
      }
    }
    return fail('PHONE_MISSING', 'No phone number');
  }
  let warnings: Warnings;
  if (multiple) {
    warnings = warnList(warnings, 'PHONE_MULTIPLE_NUMBERS');
  }
  if (d.startsWith('00')) {
    if (!d.startsWith('0084')) return fail('PHONE_NOT_VIETNAMESE', 'Not a Vietnamese number');
    d = `0${d.slice(4)}`;
  } else if (plus) {
    if (!d.startsWith('84')) return fail('PHONE_NOT_VIETNAMESE', 'Not a Vietnamese number');
    d = `0${d.slice(2)}`;
  } else if (d.charCodeAt(0) !== 48) {
    if (d.startsWith('84') && (d.length === 11 || d.length === 12)) {
      d = `0${d.slice(2)}`;
    } else if (d.length === 9 || d.length === 10) {
      d = `0${d}`;
      warnings = warnList(warnings, 'PHONE_LEADING_ZERO_RESTORED');
    }
  }
  // `+84 (0) 912…` and `84 0912…`: a trunk 0 kept after the country code.
  if (d.length === 11 && d.charCodeAt(1) === 48) d = d.slice(1);
  if (d.charCodeAt(0) !== 48 || d.length < 10 || d.length > 11) {
    return fail('PHONE_WRONG_LENGTH', `${d.length} digits is not a Vietnamese phone number`);
  }
  const second = d.charCodeAt(1);
  if (d.length === 10) {
    const carrier = MOBILE_PREFIXES[d.slice(0, 3)];
    if (carrier !== undefined) {
      return {
        success: true,
        data: { value: d, kind: 'mobile', carrier, warnings: warnings ?? NO_WARNINGS },
      };
    }
  } else if (second === 49) {
    const migrated = MOBILE_MIGRATION_2018[d.slice(0, 4)];
    if (migrated === undefined) {
      return fail('PHONE_UNKNOWN_PREFIX', 'An 11-digit mobile prefix that was never in use');
    }
    const value = migrated + d.slice(4);
    warnings = warnList(warnings, 'PHONE_MIGRATED_2018');
    return {
      success: true,
      data: { value, kind: 'mobile', carrier: MOBILE_PREFIXES[migrated] ?? 'Viettel', warnings },
    };
  } else if (second === 50) {
    const area = NEW_AREAS.get(d.slice(1, 3)) ?? NEW_AREAS.get(d.slice(1, 4));
    if (area !== undefined) {
      return {
        success: true,
        data: {
          value: d,
          kind: 'landline',
          areaCode: area.code,
          provinceCode: area.provinceCode,
          warnings: warnings ?? NO_WARNINGS,
        },
      };
    }
  }
  // An area code from before 2017: 04/08 + 8 digits, 0xx + 7, 0xxx + 7.
  for (let len = 1; len <= 3; len++) {
    if (1 + len + (len === 1 ? 8 : 7) !== d.length) continue;
    const area = OLD_AREAS.get(d.slice(1, 1 + len));
    if (area === undefined) continue;
    warnings = warnList(warnings, 'PHONE_LANDLINE_MIGRATED_2017');
    return {
      success: true,
      data: {
        value: `0${area.code}${d.slice(1 + len)}`,
        kind: 'landline',
        areaCode: area.code,
        provinceCode: area.provinceCode,
        warnings,
      },
    };
  }
  return fail('PHONE_UNKNOWN_PREFIX', 'No mobile prefix or landline area code matches');
}

/**
 * Like {@link parsePhone} but returns the national form or throws a `VnReconcileError` (the
 * first issue's code, all the issues).
 *
 * @example
 * ```ts
 * parsePhoneOrThrow('84912345678'); // '0912345678'
 * ```
 */
export function parsePhoneOrThrow(input: string, options?: PhoneOptions): string {
  return dataOrThrow(parsePhone(input, options), 'Invalid phone number').value;
}
