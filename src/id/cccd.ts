/**
 * Decoding of a 12-digit CCCD number `PPP G YY RRRRRR` (NĐ 137/2015 Điều 13; TT 07/2016/TT-BCA;
 * TT 59/2021/TT-BCA). There is no check digit: none is computed or invented.
 * @module
 */
import type { Issue } from '../result.js';
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

/** `CCCD_IMPOSSIBLE_CENTURY` or `CCCD_FUTURE_BIRTH_YEAR` when the reference instant is before them. */
function futureIssue(
  g: number,
  century: number,
  birthYear: number,
  ref: number,
): Issue<IdIssueCode> | undefined {
  if (ref < yearStartMs(century)) {
    return {
      code: 'CCCD_IMPOSSIBLE_CENTURY',
      message: `Century/sex digit ${g} means born in ${century}–${century + 99}, after the reference year ${yearInVietnam(ref)}`,
    };
  }
  if (ref < yearStartMs(birthYear)) {
    return {
      code: 'CCCD_FUTURE_BIRTH_YEAR',
      message: `Birth year ${birthYear} is after the reference year ${yearInVietnam(ref)}`,
    };
  }
  return undefined;
}

/**
 * Decodes 12 ASCII digits (the caller guarantees it) into parts, or returns the issues found.
 * Reads the clock only when `referenceDate` is absent and the birth year is 2025 or later.
 *
 * @example
 * ```ts
 * const r = decodeCccd('001090012345', undefined);
 * Array.isArray(r) ? r : r.birthYear; // 1990
 * ```
 */
export function decodeCccd(
  d: string,
  referenceDate: Date | undefined,
): CccdParts | Issue<IdIssueCode>[] {
  const p0 = d.charCodeAt(0) - 48;
  const p12 = (d.charCodeAt(1) - 48) * 10 + (d.charCodeAt(2) - 48);
  const g = d.charCodeAt(3) - 48;
  const yy = (d.charCodeAt(4) - 48) * 10 + (d.charCodeAt(5) - 48);
  const century = 1900 + (g >> 1) * 100;
  const birthYear = century + yy;

  let issues: Issue<IdIssueCode>[] | undefined;
  const province = p0 === 0 ? oldProvinceByNumber(p12) : undefined;
  const countryCode = p0 * 100 + p12;
  if (p0 === 0) {
    if (province === undefined) {
      issues = [
        {
          code: 'CCCD_BAD_PROVINCE',
          message: `Unknown province code ${d.slice(0, 3)} (place of birth registration)`,
        },
      ];
    }
  } else if (countryCode < FIRST_COUNTRY_CODE || countryCode > LAST_COUNTRY_CODE) {
    issues = [
      {
        code: 'CCCD_BAD_COUNTRY',
        message: `Place code ${d.slice(0, 3)} is neither a province (001–096) nor a country of birth (101–295)`,
      },
    ];
  }

  const timeIssue =
    referenceDate === undefined && birthYear < CLOCK_FLOOR_YEAR
      ? undefined
      : futureIssue(g, century, birthYear, referenceMs(referenceDate));
  if (timeIssue !== undefined) {
    if (issues === undefined) issues = [timeIssue];
    else issues.push(timeIssue);
  }
  if (issues !== undefined) return issues;

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
