/**
 * Decoding of a 12-digit CCCD number `PPP G YY RRRRRR` (NĐ 137/2015 Điều 13; TT 07/2016/TT-BCA;
 * TT 59/2021/TT-BCA). There is no check digit: none is computed or invented.
 * @module
 */
import type { Failure } from '../result.js';
import { failure, frozenFailure } from './failure.js';
import type { IdIssueCode } from './issues.js';
import { newProvincesForOldNumber, oldProvinceByNumber } from './provinces.js';
import { referenceMs, yearInVietnam, yearStartMs } from './time.js';
import type { CccdParts } from './types.js';

/** First and last country-of-birth codes for people born abroad (DESIGN.md §6). */
const FIRST_COUNTRY_CODE = 101;
const LAST_COUNTRY_CODE = 295;

/**
 * Without a `referenceDate`, birth years before this one are never compared with the clock: this
 * code was written in 2025, so a running clock cannot be earlier, and skipping the clock read keeps
 * the common case fast and deterministic. Later years are always checked against the clock.
 */
const CLOCK_FLOOR_YEAR = 2025;

// Shared single-issue failures, indexed by the two province digits / the century digit.
const BAD_PROVINCE: readonly Failure<IdIssueCode>[] = Array.from({ length: 100 }, (_, n) =>
  frozenFailure(
    'CCCD_BAD_PROVINCE',
    `Unknown province code 0${String(n).padStart(2, '0')} (place of birth registration)`,
  ),
);
const BAD_COUNTRY: Failure<IdIssueCode> = frozenFailure(
  'CCCD_BAD_COUNTRY',
  'The place code (first 3 digits) is neither a province (001–096) nor a country of birth (101–295)',
);
const IMPOSSIBLE_CENTURY: readonly Failure<IdIssueCode>[] = Array.from({ length: 10 }, (_, g) => {
  const century = 1900 + (g >> 1) * 100;
  return frozenFailure(
    'CCCD_IMPOSSIBLE_CENTURY',
    `Century/sex digit ${g} means born in ${century}–${century + 99}, a century that has not begun`,
  );
});

/** `CCCD_IMPOSSIBLE_CENTURY` or `CCCD_FUTURE_BIRTH_YEAR` when the reference instant is before them. */
function futureFailure(
  g: number,
  century: number,
  birthYear: number,
  ref: number,
): Failure<IdIssueCode> | undefined {
  if (ref < yearStartMs(century)) return IMPOSSIBLE_CENTURY[g];
  if (ref < yearStartMs(birthYear)) {
    return failure(
      'CCCD_FUTURE_BIRTH_YEAR',
      `Birth year ${birthYear} is after the reference year ${yearInVietnam(ref)}`,
    );
  }
  return undefined;
}

/**
 * Decodes 12 ASCII digits (the caller guarantees it) into parts, or returns the failure (frozen
 * and shared for the common single-issue cases). Reads the clock only when `referenceDate` is
 * absent and the birth year is 2025 or later.
 *
 * @example
 * ```ts
 * const r = decodeCccd('001090012345', undefined);
 * 'success' in r ? r.issues : r.birthYear; // 1990
 * ```
 */
export function decodeCccd(
  d: string,
  referenceDate: Date | undefined,
): CccdParts | Failure<IdIssueCode> {
  const p0 = d.charCodeAt(0) - 48;
  const p12 = (d.charCodeAt(1) - 48) * 10 + (d.charCodeAt(2) - 48);
  const g = d.charCodeAt(3) - 48;
  const yy = (d.charCodeAt(4) - 48) * 10 + (d.charCodeAt(5) - 48);
  const century = 1900 + (g >> 1) * 100;
  const birthYear = century + yy;

  const province = p0 === 0 ? oldProvinceByNumber(p12) : undefined;
  const countryCode = p0 * 100 + p12;
  const placeFailure =
    p0 === 0
      ? province === undefined
        ? BAD_PROVINCE[p12]
        : undefined
      : countryCode < FIRST_COUNTRY_CODE || countryCode > LAST_COUNTRY_CODE
        ? BAD_COUNTRY
        : undefined;
  const timeFailure =
    referenceDate === undefined && birthYear < CLOCK_FLOOR_YEAR
      ? undefined
      : futureFailure(g, century, birthYear, referenceMs(referenceDate));
  if (placeFailure !== undefined || timeFailure !== undefined) {
    if (placeFailure === undefined) return timeFailure as Failure<IdIssueCode>;
    if (timeFailure === undefined) return placeFailure;
    return { success: false, issues: [...placeFailure.issues, ...timeFailure.issues] };
  }

  const sex = (g & 1) === 0 ? 'male' : 'female';
  const serial = d.slice(6);
  if (province !== undefined) {
    const placeCode = province.cccdPrefix;
    const newProvinces = newProvincesForOldNumber(p12);
    if (newProvinces !== undefined) {
      return {
        placeCode,
        bornAbroad: false,
        province,
        newProvinces,
        sex,
        century,
        twoDigitYear: yy,
        birthYear,
        serial,
      };
    }
  }
  return {
    placeCode: d.slice(0, 3),
    bornAbroad: true,
    countryCode,
    sex,
    century,
    twoDigitYear: yy,
    birthYear,
    serial,
  };
}
