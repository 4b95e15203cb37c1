/**
 * Data types of a parsed ID number and the options of `parseIdNumber`.
 * @module
 */
import type { IdKind } from './kind.js';
import type { NewProvinceCandidates, OldProvince } from './provinces.js';
import type { IdRepair, IdRepairCode } from './repairs.js';

/** The parts every CCCD encodes: `PPP G YY RRRRRR`. */
export interface CccdCommonParts {
  /** `PPP`: the three-digit place-of-birth code, e.g. `'001'` or `'201'`. */
  readonly placeCode: string;
  /** From the century/sex digit `G`: even = male (nam), odd = female (nữ). */
  readonly sex: 'male' | 'female';
  /** First year of the birth century from `G` (1900, 2000, 2100, 2200 or 2300). */
  readonly century: number;
  /** `YY`: the last two digits of the birth year (0–99). */
  readonly twoDigitYear: number;
  /** `century + twoDigitYear`. */
  readonly birthYear: number;
  /** `RRRRRR`: the six-digit random serial. */
  readonly serial: string;
}

/** A CCCD of a person whose birth was registered in Vietnam (`PPP` = `0` + province code). */
export interface CccdDomesticParts extends CccdCommonParts {
  readonly bornAbroad: false;
  /** The pre-2025 province of birth registration. */
  readonly province: OldProvince;
  /** The post-2025 province(s) that territory belongs to now (two for Tiền Giang). */
  readonly newProvinces: NewProvinceCandidates;
  /** Absent: only people born abroad have a country code. */
  readonly countryCode?: undefined;
}

/**
 * A CCCD of a person born abroad (`PPP` 101–295 = country of birth). No public table of these
 * country codes is used, so only the number is reported.
 */
export interface CccdAbroadParts extends CccdCommonParts {
  readonly bornAbroad: true;
  /** The numeric country-of-birth code (101–295). */
  readonly countryCode: number;
  /** Absent (lets `parts.province?.name` work without narrowing). */
  readonly province?: undefined;
  /** Absent. */
  readonly newProvinces?: undefined;
}

/** What a 12-digit number says, discriminated on `bornAbroad`. */
export type CccdParts = CccdDomesticParts | CccdAbroadParts;

/** A valid 12-digit number: a CCCD (or a 12-digit CMND, which has the same structure and number). */
export interface ParsedCccd {
  readonly kind: 'cccd' | 'cmnd12';
  /** Canonical value: 12 ASCII digits. */
  readonly value: string;
  /** Repairs made to reach `value` (empty when the input was already canonical). */
  readonly repairs: readonly IdRepair[];
  /** The decoded parts. */
  readonly parts: CccdParts;
}

/** A valid 9-digit CMND (chứng minh nhân dân). Its prefix (issuing police) is not decoded. */
export interface ParsedCmnd9 {
  readonly kind: 'cmnd9';
  /** Canonical value: 9 ASCII digits. */
  readonly value: string;
  readonly repairs: readonly IdRepair[];
}

/** A valid passport number (số hộ chiếu): one capital letter + 7 digits. */
export interface ParsedPassport {
  readonly kind: 'passport';
  /** Canonical value, e.g. `'B1234567'`. */
  readonly value: string;
  readonly repairs: readonly IdRepair[];
}

/**
 * The result data of `parseIdNumber`, discriminated on `kind`.
 * `parts` exists only for 12-digit numbers.
 */
export type ParsedId = ParsedCccd | ParsedCmnd9 | ParsedPassport;

/** Options of `parseIdNumber`. */
export interface ParseIdNumberOptions {
  /**
   * Which repairs are allowed: `true` (default: all), `false` (none: the input must already be
   * canonical), or per repair code (unlisted codes stay allowed), e.g.
   * `{ RESTORED_LEADING_ZERO: false, RESTORED_TWO_LEADING_ZEROS: false }`.
   * A value that would be valid after a forbidden repair fails with `ID_REPAIR_FORBIDDEN`.
   */
  readonly repairs?: boolean | { readonly [K in IdRepairCode]?: boolean };
  /**
   * Birth years after this date's year (Vietnam time, UTC+7) are `CCCD_FUTURE_BIRTH_YEAR`.
   * Default: the current time (the only place the `id` part reads the clock), read only for birth
   * years of 2025 or later (earlier ones cannot be in the future of a running clock).
   */
  readonly referenceDate?: Date;
  /**
   * The `kind` reported for a valid 12-digit number. A 12-digit CMND (2012–2016) has the same
   * structure as a CCCD and became its number, so the digits cannot tell them apart: default
   * `'cccd'`; pass `'cmnd12'` when the source says the number came from a CMND.
   */
  readonly twelveDigitKind?: 'cccd' | 'cmnd12';
  /** Kinds to accept (default: all). A valid number of another kind fails with `ID_KIND_NOT_ACCEPTED`. */
  readonly kinds?: readonly IdKind[];
}
