/**
 * `checkIdAgainstPerson`: does a CCCD agree with a record's date of birth and sex? This is the
 * "sai thông tin cá nhân" (wrong personal data) test of the cleaning workflow (Công văn
 * 2262/BYT-CNTT).
 * @module
 */
import { parseIdNumber } from './parse.js';
import type { ParsedId, ParseIdNumberOptions } from './types.js';

/** A date of birth that may be partial (structurally the same as the record part's `PartialDate`). */
export interface PartialDateLike {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** What a record says about the person. */
export interface PersonFacts {
  /** Ngày sinh: a partial date or a JS `Date`. */
  readonly dob?: PartialDateLike | Date | undefined;
  /** Giới tính. */
  readonly sex?: 'male' | 'female' | undefined;
}

/** Why a check could not be made. */
export type IdCheckSkipReason = 'INVALID_ID' | 'NOT_CCCD' | 'NO_DOB' | 'INVALID_DOB' | 'NO_SEX';

/** The outcome of one check. `expected` is what the ID says, `actual` what the record says. */
export type IdCheckOutcome<T> =
  | { readonly status: 'agree'; readonly value: T }
  | { readonly status: 'conflict'; readonly expected: T; readonly actual: T }
  | { readonly status: 'unchecked'; readonly reason: IdCheckSkipReason };

/** The three facts a CCCD encodes and that a record can contradict. */
export type IdPersonField = 'sex' | 'century' | 'birthYear';

/** The result of {@link checkIdAgainstPerson}. */
export interface IdPersonCheck {
  /** The century/sex digit's sex vs the record's sex. */
  readonly sex: IdCheckOutcome<'male' | 'female'>;
  /** The century/sex digit's century (1900, 2000, …) vs the century of the record's birth year. */
  readonly century: IdCheckOutcome<number>;
  /** The full birth year (century + YY) vs the record's birth year. */
  readonly birthYear: IdCheckOutcome<number>;
  /** Fields in conflict (empty when nothing contradicts the record). */
  readonly conflicts: readonly IdPersonField[];
  /** `true` when at least one check was made and none conflicts. */
  readonly consistent: boolean;
}

/** Options of {@link checkIdAgainstPerson}: passed to `parseIdNumber` when `id` is not parsed yet. */
export type CheckIdAgainstPersonOptions = ParseIdNumberOptions;

/**
 * Reads the birth year of a JS Date: its UTC year when it is exactly at UTC midnight (what
 * `new Date('2000-01-01')` makes), else its local year (what `new Date(2000, 0, 1)` makes).
 */
function dateYear(d: Date): number {
  const t = d.getTime();
  if (Number.isNaN(t)) return Number.NaN;
  return t % 86_400_000 === 0 ? d.getUTCFullYear() : d.getFullYear();
}

function unchecked(reason: IdCheckSkipReason) {
  return { status: 'unchecked', reason } as const;
}

function compare<T>(expected: T, actual: T): IdCheckOutcome<T> {
  return expected === actual
    ? { status: 'agree', value: expected }
    : { status: 'conflict', expected, actual };
}

/**
 * Checks a CCCD's century/sex digit and birth year against a record's date of birth and sex.
 * Accepts the raw number or an already parsed ID. Each check is `agree`, `conflict`, or
 * `unchecked` with a reason (the ID is invalid or not a 12-digit number, the record has no usable
 * date of birth or sex). Day and month are not encoded in a CCCD, so they cannot be checked.
 *
 * @example
 * ```ts
 * const r = checkIdAgainstPerson('001090012345', { dob: { year: 1990, month: 5 }, sex: 'female' });
 * r.birthYear.status; // 'agree'
 * r.sex; // { status: 'conflict', expected: 'male', actual: 'female' }
 * r.conflicts; // ['sex']
 * ```
 */
export function checkIdAgainstPerson(
  id: string | number | ParsedId,
  person: PersonFacts,
  options?: CheckIdAgainstPersonOptions,
): IdPersonCheck {
  let parsed: ParsedId | undefined;
  let idReason: IdCheckSkipReason | undefined;
  if (typeof id === 'object' && id !== null) {
    parsed = id;
  } else {
    const r = parseIdNumber(id, options);
    if (r.success) parsed = r.data;
    else idReason = 'INVALID_ID';
  }
  if (parsed !== undefined && parsed.kind !== 'cccd' && parsed.kind !== 'cmnd12') {
    idReason = 'NOT_CCCD';
  }
  const parts = parsed !== undefined && 'parts' in parsed ? parsed.parts : undefined;

  let sex: IdCheckOutcome<'male' | 'female'>;
  let century: IdCheckOutcome<number>;
  let birthYear: IdCheckOutcome<number>;
  if (parts === undefined) {
    const u = unchecked(idReason ?? 'NOT_CCCD');
    sex = u;
    century = u;
    birthYear = u;
  } else {
    sex =
      person.sex === 'male' || person.sex === 'female'
        ? compare(parts.sex, person.sex)
        : unchecked('NO_SEX');
    const dob = person.dob;
    const year =
      dob === undefined || dob === null
        ? undefined
        : dob instanceof Date
          ? dateYear(dob)
          : dob.year;
    if (year === undefined) {
      century = unchecked('NO_DOB');
      birthYear = century;
    } else if (!Number.isInteger(year) || year < 0) {
      century = unchecked('INVALID_DOB');
      birthYear = century;
    } else {
      century = compare(parts.century, year - (year % 100));
      birthYear = compare(parts.birthYear, year);
    }
  }
  const conflicts: IdPersonField[] = [];
  if (sex.status === 'conflict') conflicts.push('sex');
  if (century.status === 'conflict') conflicts.push('century');
  if (birthYear.status === 'conflict') conflicts.push('birthYear');
  const checked =
    sex.status !== 'unchecked' ||
    century.status !== 'unchecked' ||
    birthYear.status !== 'unchecked';
  return { sex, century, birthYear, conflicts, consistent: checked && conflicts.length === 0 };
}
