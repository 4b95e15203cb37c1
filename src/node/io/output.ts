/**
 * The LINK output rows (DESIGN.md §5): `left_id, right_id, decision, probability, match_weight,
 * explanation`, RFC 4180 quoting, CRLF line ends, built as one string per chunk.
 */

import type { LinkResult } from '../../match/index.js';
import { neutralizeFormula } from '../../record/index.js';

const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
 *
 * @example
 * ```ts
 * csvCell('a,b'); // '"a,b"'
 * ```
 */
export function csvCell(value: string, guard = true): string {
  const v = guard ? neutralizeFormula(value) : value;
  return NEEDS_QUOTES.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * The probability as written in the output (6 decimals, trailing zeros kept).
 *
 * @example
 * ```ts
 * formatProbability(0.5); // '0.500000'
 * ```
 */
export function formatProbability(p: number): string {
  return p.toFixed(6);
}

/**
 * The match weight as written in the output (2 decimals; empty without a candidate).
 *
 * @example
 * ```ts
 * formatWeight(Number.NEGATIVE_INFINITY); // ''
 * ```
 */
export function formatWeight(w: number): string {
  return Number.isFinite(w) ? w.toFixed(2) : '';
}

/** A right-side key lookup (the register's record keys). */
export type RightKeys = (index: number) => string;

/**
 * One output line (CRLF-terminated) for a left record's result; `prefix` (e.g. the row number in
 * shard mode) goes first.
 *
 * @example
 * ```ts
 * linkLine('L1', undefined, '', 'invalid', undefined, 'bad row'); // 'L1,,invalid,,,bad row\r\n'
 * ```
 */
export function linkLine(
  leftId: string,
  prefix: string | undefined,
  rightId: string,
  decision: string,
  result: LinkResult | undefined,
  explanation = '',
  guard = true,
): string {
  const head = prefix === undefined ? '' : `${prefix},`;
  if (result === undefined)
    return `${head}${csvCell(leftId, guard)},,${decision},,,${csvCell(explanation)}\r\n`;
  const found = result.right >= 0;
  const p = found ? formatProbability(result.probability) : '';
  const w = found ? formatWeight(result.matchWeight) : '';
  return `${head}${csvCell(leftId, guard)},${csvCell(rightId, guard)},${decision},${p},${w},${csvCell(explanation)}\r\n`;
}
