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

/** A parser's warnings so far: `undefined` while there are none. */
export type WarningList<Code extends string> = readonly Issue<Code>[] | undefined;

/**
 * The function that adds a warning from a parser's table of frozen warnings to its list: the first
 * warning is a shared frozen one-element list (most values get at most one, so no allocation),
 * a later one copies the list.
 *
 * @example
 * ```ts
 * const warn = warningAppender({ DOB_EXCEL_SERIAL: frozenIssue('DOB_EXCEL_SERIAL', 'Converted') });
 * warn(undefined, 'DOB_EXCEL_SERIAL'); // [{ code: 'DOB_EXCEL_SERIAL', message: 'Converted' }]
 * ```
 */
export function warningAppender<Code extends string>(
  table: Readonly<Record<Code, Issue<Code>>>,
): (list: WarningList<Code>, code: Code) => readonly Issue<Code>[] {
  const single = Object.fromEntries(
    Object.entries(table).map(([k, v]) => [k, Object.freeze([v])]),
  ) as unknown as Readonly<Record<Code, readonly Issue<Code>[]>>;
  return (list, code) => (list === undefined ? single[code] : [...list, table[code]]);
}
