/**
 * Spreadsheet formula injection (CSV injection): a cell that begins with `=`, `+`, `-`, `@`, a tab
 * or a carriage return may be run as a formula by Excel, LibreOffice or Google Sheets when an
 * official opens an output file (`=HYPERLINK(…)`, DDE payloads such as `-2+3+cmd|' /C calc'!A0`).
 * Following the OWASP CSV-injection guidance, such a value is written with a leading `'`, which
 * spreadsheets treat as "this cell is text" and do not display.
 *
 * Decisions, so that no valid data is altered in a way a reader cannot undo:
 * - A plain number (`-5`, `+84912345678`, `-3.2e-4`) is left as it is: a number literal runs
 *   nothing, and a match weight or a phone number stays machine-readable.
 * - Neutralising is idempotent (a neutralised value starts with `'`, which triggers nothing), so
 *   cleaning and a writer can both apply it without stacking quotes.
 * - {@link unneutralizeFormula} removes the `'`: `unneutralizeFormula(neutralizeFormula(x)) === x`
 *   for every `x` except one that already began with `'` and a trigger (`'=1`), which a
 *   spreadsheet shows as the same text as a neutralised `=1` anyway.
 *
 * Pure and browser-safe: the CSV and xlsx writers of `vn-reconcile/node` call it per cell.
 *
 * @module
 */

/**
 * The characters that make a spreadsheet cell start a formula (OWASP): `=`, `+`, `-`, `@`, tab,
 * carriage return.
 *
 * @example
 * ```ts
 * FORMULA_TRIGGERS.includes('='); // true
 * ```
 */
export const FORMULA_TRIGGERS: readonly string[] = Object.freeze(['=', '+', '-', '@', '\t', '\r']);

function isTrigger(c: number): boolean {
  // = + - @ tab CR
  return c === 61 || c === 43 || c === 45 || c === 64 || c === 9 || c === 13;
}

/** A plain decimal number literal, optionally signed, with an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Whether a spreadsheet could run `value` as a formula: it begins with one of the
 * {@link FORMULA_TRIGGERS} and is not a plain number.
 *
 * @example
 * ```ts
 * startsLikeFormula('=HYPERLINK("http://x")'); // true
 * startsLikeFormula('\t=cmd'); // true
 * startsLikeFormula('-5'); // false (a plain number)
 * startsLikeFormula('Nguyễn Văn An'); // false
 * ```
 */
export function startsLikeFormula(value: string): boolean {
  if (typeof value !== 'string' || value.length === 0) return false;
  if (!isTrigger(value.charCodeAt(0))) return false;
  return !PLAIN_NUMBER.test(value);
}

/**
 * Neutralises a cell for a spreadsheet (OWASP CSV-injection guidance): a value that begins with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` (which spreadsheets hide);
 * plain numbers (`-5`, `+84912345678`) and everything else are returned unchanged. The result
 * never {@link startsLikeFormula}, and neutralising twice is neutralising once. Undo with
 * {@link unneutralizeFormula}.
 *
 * @example
 * ```ts
 * neutralizeFormula('=HYPERLINK("http://x","y")'); // '\'=HYPERLINK("http://x","y")'
 * neutralizeFormula('@SUM(A1)'); // "'@SUM(A1)"
 * neutralizeFormula('-5'); // '-5'
 * neutralizeFormula('Nguyễn Văn An'); // 'Nguyễn Văn An'
 * ```
 */
export function neutralizeFormula(value: string): string {
  if (typeof value !== 'string') return value;
  return startsLikeFormula(value) ? `'${value}` : value;
}

/**
 * The inverse of {@link neutralizeFormula}, for a reader of a file written with neutralisation:
 * removes a `'` followed by a value that starts like a formula, and nothing else.
 *
 * @example
 * ```ts
 * unneutralizeFormula("'=1+1"); // '=1+1'
 * unneutralizeFormula("'Tom"); // "'Tom" (not added by neutralizeFormula)
 * unneutralizeFormula(neutralizeFormula('-5')); // '-5'
 * ```
 */
export function unneutralizeFormula(value: string): string {
  if (typeof value !== 'string') return value;
  return value.charCodeAt(0) === 39 && startsLikeFormula(value.slice(1)) ? value.slice(1) : value;
}
