import type { IdKind } from '../id/index.js';
import type { Issue } from '../result.js';
import { issue } from './issue.js';
import type { RecordIssue } from './record-issue.js';
import type { PartialDate, Sex } from './types.js';

/** Codes about the ID number column (from the `id` part). */
export type IdFieldIssueCode = 'ID_MALFORMED';

/** A cleaned ID number with what it encodes. */
export interface CleanedId {
  readonly value?: string;
  readonly kind?: IdKind;
  readonly birthYear?: number;
  readonly sex?: Sex;
  readonly errors: readonly Issue<IdFieldIssueCode>[];
  readonly warnings: readonly Issue<IdFieldIssueCode>[];
}

/**
 * Cleans an ID number column value (non-empty).
 *
 * @example
 * ```ts
 * cleanIdNumber('001090012345').kind; // 'cccd'
 * ```
 */
export function cleanIdNumber(input: string): CleanedId {
  const d = input.replace(/\D/g, '');
  if (d.length === 12) return { value: d, kind: 'cccd', errors: [], warnings: [] };
  if (d.length === 9) return { value: d, kind: 'cmnd9', errors: [], warnings: [] };
  return { errors: [issue('ID_MALFORMED', 'Not an ID number')], warnings: [] };
}

/**
 * Compares what a CCCD encodes (birth year, sex) with the date of birth and sex columns.
 *
 * @example
 * ```ts
 * checkIdPerson(1990, 'male', { year: 1991 }, 'male'); // [ID_DOB_CONFLICT]
 * ```
 */
export function checkIdPerson(
  idYear: number | undefined,
  idSex: Sex | undefined,
  dob: PartialDate | undefined,
  sex: Sex | undefined,
): readonly RecordIssue[] {
  const out: RecordIssue[] = [];
  if (idYear !== undefined && dob !== undefined && idYear !== dob.year) {
    out.push({
      code: 'ID_DOB_CONFLICT',
      message: 'The birth year in the ID number differs from the date of birth',
      category: 'inconsistent-personal-data',
      severity: 'error',
      path: ['id_number'],
    });
  }
  if (idSex !== undefined && sex !== undefined && idSex !== sex) {
    out.push({
      code: 'ID_SEX_CONFLICT',
      message: 'The sex in the ID number differs from the sex column',
      category: 'inconsistent-personal-data',
      severity: 'error',
      path: ['id_number'],
    });
  }
  return out;
}
