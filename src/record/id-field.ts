import {
  checkIdAgainstPerson,
  type IdIssueCode,
  type IdKind,
  type IdRepairCode,
  parseIdNumber,
} from '../id/index.js';
import type { Issue } from '../result.js';
import { issue } from './issue.js';
import type { RecordIssue } from './record-issue.js';
import type { PartialDate, Sex } from './types.js';

/**
 * Codes about the ID number column: the `id` part's issue codes (the number is rejected), and
 * `ID_` + its repair code for repairs that changed digits (`ID_RESTORED_LEADING_ZERO`): the number
 * is usable but was stored wrongly, which the workflow counts as malformed. Formatting-only
 * repairs (spaces, `'`, `.0`) are not reported.
 */
export type IdFieldIssueCode = IdIssueCode | `ID_${IdRepairCode}`;

/** A cleaned ID number with what it encodes. */
export interface CleanedId {
  readonly value?: string;
  readonly kind?: IdKind;
  readonly errors: readonly Issue<IdFieldIssueCode>[];
  readonly warnings: readonly Issue<IdFieldIssueCode>[];
  /** Conflicts with the person (only for 12-digit numbers with a usable dob or sex). */
  readonly conflicts: readonly RecordIssue[];
}

const NONE: readonly never[] = Object.freeze([]);

const DOB_CONFLICT: RecordIssue = Object.freeze({
  code: 'ID_DOB_CONFLICT',
  message: 'The birth year (or century) in the CCCD differs from the date of birth',
  category: 'inconsistent-personal-data',
  severity: 'error',
  path: ['id_number'],
} as const);

const SEX_CONFLICT: RecordIssue = Object.freeze({
  code: 'ID_SEX_CONFLICT',
  message: 'The sex encoded in the CCCD differs from the sex column',
  category: 'inconsistent-personal-data',
  severity: 'error',
  path: ['id_number'],
} as const);

/**
 * Parses a non-empty ID number column value with the `id` part and checks a CCCD against the
 * record's date of birth and sex.
 *
 * @example
 * ```ts
 * cleanIdNumber('1090012345', { year: 1990 }, 'male', new Date()).value; // '001090012345'
 * ```
 */
export function cleanIdNumber(
  input: string | number,
  dob: PartialDate | undefined,
  sex: Sex | undefined,
  referenceDate: Date | undefined,
): CleanedId {
  const r = parseIdNumber(input, referenceDate === undefined ? undefined : { referenceDate });
  if (!r.success) return { errors: r.issues, warnings: NONE, conflicts: NONE };
  const data = r.data;
  let warnings: Issue<IdFieldIssueCode>[] | undefined;
  for (const repair of data.repairs) {
    if (repair.confidence === 'certain') continue;
    warnings = warnings ?? [];
    warnings.push(
      issue(
        `ID_${repair.code}` as const,
        `The number was repaired (${repair.code}, confidence ${repair.confidence})`,
      ),
    );
  }
  let conflicts: RecordIssue[] | undefined;
  if (data.kind === 'cccd' || data.kind === 'cmnd12') {
    if (dob !== undefined || sex !== undefined) {
      const check = checkIdAgainstPerson(data, { dob, sex });
      if (check.conflicts.length > 0) {
        conflicts = [];
        if (check.conflicts.includes('century') || check.conflicts.includes('birthYear')) {
          conflicts.push(DOB_CONFLICT);
        }
        if (check.conflicts.includes('sex')) conflicts.push(SEX_CONFLICT);
      }
    }
  }
  return {
    value: data.value,
    kind: data.kind,
    errors: NONE,
    warnings: warnings ?? NONE,
    conflicts: conflicts ?? NONE,
  };
}
