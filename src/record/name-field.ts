import type { Issue } from '../result.js';
import { issue } from './issue.js';
import { titleCasePlace } from './place-name.js';

/**
 * Codes about the full name column.
 * - `NAME_MISSING`: empty or blank.
 * - `NAME_HAS_DIGITS` (warning): digits in a name, usually another column pasted in.
 */
export type NameIssueCode = 'NAME_MISSING' | 'NAME_HAS_DIGITS';

/** Tone mark placement of cleaned names: `hòa` (traditional, default) or `hoà` (modern). */
export type ToneStyle = 'traditional' | 'modern';

/** The cleaned name (absent when missing) with errors and warnings. */
export interface CleanedName {
  readonly value?: string;
  readonly error?: Issue<NameIssueCode>;
  readonly warning?: Issue<NameIssueCode>;
}

const MISSING: CleanedName = { error: issue('NAME_MISSING', 'No full name') };

/**
 * Cleans a full name (họ và tên).
 *
 * @example
 * ```ts
 * cleanFullName('  nguyễn  văn AN ', 'traditional').value; // 'Nguyễn Văn An'
 * ```
 */
export function cleanFullName(input: string | undefined, _toneStyle: ToneStyle): CleanedName {
  if (input === undefined) return MISSING;
  const value = titleCasePlace(input);
  if (value.length === 0) return MISSING;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      return {
        value,
        warning: issue('NAME_HAS_DIGITS', 'The name contains digits'),
      };
    }
  }
  return { value };
}
