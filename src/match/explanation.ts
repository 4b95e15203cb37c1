/**
 * How a link result is told: the output columns of LINK (DESIGN.md §5) and the explanation of a
 * pair (the waterfall of field weights as one line, the deciding rule first).
 */
import type { LinkResult } from './link.js';
import { explainPair, formatExplanation, type Scorer } from './scorer.js';
import type { PreparedSide } from './spec.js';

/** Columns of the `link` output, in order (DESIGN.md §5). */
export const LINK_COLUMNS = [
  'left_id',
  'right_id',
  'decision',
  'probability',
  'match_weight',
  'explanation',
] as const;

/** The explanation of a row that could not be matched (malformed, or nothing to match on). */
export const EXPLANATION_INVALID = 'malformed row or nothing to match on';

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
