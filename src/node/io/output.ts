/**
 * The LINK output rows (DESIGN.md §5): `left_id, right_id, decision, probability, match_weight,
 * explanation`, CSV-quoted as csv-stringify does, CRLF line ends, built as one string per chunk.
 */

import {
  explainPair,
  formatExplanation,
  type LinkResult,
  type PreparedSide,
  type Scorer,
} from '../../match/index.js';
import { guardFormula } from './csv.js';

/** Columns of the `link` output, in order (DESIGN.md §5). */
export const LINK_COLUMNS = [
  'left_id',
  'right_id',
  'decision',
  'probability',
  'match_weight',
  'explanation',
] as const;

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
  const v = guard ? guardFormula(value) : value;
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

/** The explanation written for an invalid row. */
export const INVALID_EXPLANATION = 'malformed row or nothing to match on';

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

/**
 * The explanation of a result's pair (the waterfall as one line; the deciding rule first).
 *
 * @example
 * ```ts
 * explanationOf(scorer, left, right, result); // 'given=exact+6.2;dob=exact+8.8;…'
 * ```
 */
export function explanationOf<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  right: PreparedSide,
  result: LinkResult,
): string {
  if (result.reason === 'capped' && result.right < 0)
    return 'blocking cap: a key of this row is shared by too many records to compare; no candidate from the other rules; check by hand';
  if (result.right < 0) return 'no candidate';
  const text = formatExplanation(explainPair(scorer, left, result.left, right, result.right));
  const prefix =
    result.reason === 'rule'
      ? `rule: ${result.rule};`
      : result.reason === 'ambiguous'
        ? 'ambiguous: second-best candidate too close;'
        : result.reason === 'taken'
          ? 'one-to-one: candidate taken by a stronger link;'
          : result.reason === 'capped'
            ? 'blocking cap: a key of this row is shared by too many records to compare, the best other candidate is weak; check by hand;'
            : '';
  return prefix + text;
}
