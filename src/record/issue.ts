import type { Issue } from '../result.js';

/**
 * Builds an issue object. Kept in one place so every parser of this part produces the same shape
 * (no raw personal data in the message: only the code and a description).
 *
 * @example
 * ```ts
 * issue('DOB_IMPOSSIBLE', 'Day 31 does not exist in month 2');
 * ```
 */
export function issue<Code extends string>(code: Code, message: string): Issue<Code> {
  return { code, message };
}

/**
 * A frozen issue, for the constant warnings a parser shares between calls.
 *
 * @example
 * ```ts
 * const W = frozenIssue('DOB_EXCEL_SERIAL', 'An Excel serial day number was converted');
 * ```
 */
export function frozenIssue<Code extends string>(code: Code, message: string): Issue<Code> {
  return Object.freeze({ code, message });
}

/** A frozen empty list, shared by every successful parse without warnings (no allocation). */
export const NO_WARNINGS: readonly never[] = Object.freeze([]);
