import type { Issue } from '../result.js';
import type { AdminUnitIssueCode } from './admin-unit.js';
import type { CanonicalColumn } from './columns.js';
import type { DobIssueCode } from './dob.js';
import type { IdFieldIssueCode } from './id-field.js';
import type { NameIssueCode } from './name-field.js';
import type { PhoneIssueCode } from './phone.js';
import type { ProvinceIssueCode } from './province.js';
import type { SexIssueCode } from './sex.js';

/**
 * The error categories of the cleaning workflow (Công văn 2262/BYT-CNTT), plus `field` for
 * field-level problems outside them (phone, province, commune, parse warnings).
 * - `missing-id`: no CCCD/CMND number.
 * - `malformed-id`: a number that is not a valid CCCD/CMND/passport, or one that had to be repaired.
 * - `inconsistent-personal-data`: the ID contradicts the date of birth or sex, or the date of birth
 *   is impossible, in the future or implausible.
 */
export type RecordIssueCategory =
  | 'missing-id'
  | 'malformed-id'
  | 'inconsistent-personal-data'
  | 'field';

/** `error`: the field value is unusable or contradicts another; `warning`: usable, but look. */
export type RecordIssueSeverity = 'error' | 'warning';

/**
 * Record-level codes produced by `cleanRecord` itself.
 * - `ID_MISSING`: the `id_number` column is empty or absent.
 * - `ID_DOB_CONFLICT`: the birth year (or century) encoded in the CCCD disagrees with the date of birth.
 * - `ID_SEX_CONFLICT`: the sex encoded in the CCCD disagrees with the sex column.
 * - `FIELD_INVALID_TYPE`: the cell holds something no reader gives for a cell (an object, an
 *   array, a function, `NaN`, an invalid `Date`); the field is treated as unusable.
 */
export type RecordCheckCode =
  | 'ID_MISSING'
  | 'ID_DOB_CONFLICT'
  | 'ID_SEX_CONFLICT'
  | 'FIELD_INVALID_TYPE';

/** Every code a `RecordIssue` can carry. */
export type RecordIssueCode =
  | RecordCheckCode
  | IdFieldIssueCode
  | NameIssueCode
  | DobIssueCode
  | SexIssueCode
  | PhoneIssueCode
  | ProvinceIssueCode
  | AdminUnitIssueCode;

/** One problem of a cleaned record, with its workflow category, severity and column. */
export interface RecordIssue extends Issue<RecordIssueCode> {
  readonly category: RecordIssueCategory;
  readonly severity: RecordIssueSeverity;
  /** The canonical column the issue is about (`['dob']`). */
  readonly path: readonly [CanonicalColumn];
}

const INCONSISTENT: ReadonlySet<string> = new Set([
  'ID_DOB_CONFLICT',
  'ID_SEX_CONFLICT',
  'DOB_IMPOSSIBLE',
  'DOB_IN_FUTURE',
  'DOB_IMPLAUSIBLE_AGE',
]);

/**
 * The workflow category of an issue code found in column `column`.
 *
 * @example
 * ```ts
 * categoryOf('DOB_IMPOSSIBLE', 'dob'); // 'inconsistent-personal-data'
 * categoryOf('PHONE_WRONG_LENGTH', 'phone'); // 'field'
 * ```
 */
export function categoryOf(code: string, column: CanonicalColumn): RecordIssueCategory {
  if (code === 'ID_MISSING') return 'missing-id';
  if (INCONSISTENT.has(code)) return 'inconsistent-personal-data';
  if (column === 'id_number') return 'malformed-id';
  return 'field';
}

/**
 * Wraps a parser issue as a record issue (category from the code and column).
 *
 * @example
 * ```ts
 * toRecordIssue({ code: 'SEX_MISSING', message: 'No sex given' }, 'gender', 'error');
 * ```
 */
export function toRecordIssue(
  source: Issue<RecordIssueCode>,
  column: CanonicalColumn,
  severity: RecordIssueSeverity,
): RecordIssue {
  // Parsers share frozen issue objects for their common warnings: share the record issue too.
  const hit = SHARED.get(source);
  if (hit !== undefined && hit.path[0] === column && hit.severity === severity) return hit;
  const made = build(source, column, severity);
  if (Object.isFrozen(source)) SHARED.set(source, made);
  return made;
}

const SHARED = new WeakMap<Issue<RecordIssueCode>, RecordIssue>();

function build(
  source: Issue<RecordIssueCode>,
  column: CanonicalColumn,
  severity: RecordIssueSeverity,
): RecordIssue {
  return {
    code: source.code,
    message: source.message,
    category: categoryOf(source.code, column),
    severity,
    path: [column],
  };
}
