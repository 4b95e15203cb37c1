/**
 * How a link result is told: the output columns of LINK (DESIGN.md §5) and the explanation of a
 * pair (the waterfall of field weights as one line, the deciding rule first).
 */
import type { LinkResult } from './link-types.js';
import { explanationText, type Scorer } from './scorer.js';
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

/** Separates the best candidate's explanation from each competing candidate's. */
export const COMPETING_SEPARATOR = ' | competing ';

/**
 * The explanation of a result's pair (the waterfall as one line; the deciding rule first). A
 * `review` result with competing candidates (see {@link LinkResult.competing}) and a `rightId`
 * lookup gets one more part per competitor, read back by {@link parseCompetitors}:
 * ` | competing "P002" p=0.999946 w=14.20: given=exact+6.2;…` (the id as a JSON string, the match weight, the
 * competitor's own waterfall).
 *
 * @example
 * ```ts
 * explanationOf(scorer, left, right, result, (j) => ids[j]); // 'given=exact+6.2;dob=exact+8.8;…'
 * ```
 */
export function explanationOf<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  right: PreparedSide,
  result: LinkResult,
  rightId?: (right: number) => string,
): string {
  const text = bestExplanation(scorer, left, right, result);
  if (result.competing === undefined || rightId === undefined) return text;
  let out = text;
  for (const c of result.competing) {
    out += formatCompetitor({
      rightId: rightId(c.right),
      probability: c.probability,
      matchWeight: c.matchWeight,
      fields: explanationText(scorer, left, result.left, right, c.right),
    });
  }
  return out;
}

/**
 * One competing candidate as {@link explanationOf} appends it: the separator, the id as a JSON
 * string (with `|` escaped, so that no id can contain the separator), the probability, the
 * match weight and the waterfall.
 *
 * @example
 * ```ts
 * formatCompetitor({ rightId: 'P2', probability: 0.99, matchWeight: 6.6, fields: 'given=exact+6.2' });
 * // ' | competing "P2" p=0.990000 w=6.60: given=exact+6.2'
 * ```
 */
export function formatCompetitor(c: WrittenCompetitor): string {
  const id = JSON.stringify(c.rightId).replaceAll('|', '\\u007c');
  return `${COMPETING_SEPARATOR}${id} p=${c.probability.toFixed(6)} w=${c.matchWeight.toFixed(2)}: ${c.fields}`;
}

/** A competing candidate as written in an explanation (see {@link explanationOf}). */
export interface WrittenCompetitor {
  readonly rightId: string;
  readonly probability: number;
  readonly matchWeight: number;
  /** Its waterfall: `given=exact+6.2;dob=exact+8.8;…`. */
  readonly fields: string;
}

/**
 * Splits an explanation into the best candidate's part and its competing candidates.
 *
 * @example
 * ```ts
 * const e = 'ambiguous: second-best candidate too close;given=exact+6.2 | competing "P2" p=0.999827 w=12.50: given=exact+6.2';
 * parseCompetitors(e).competing[0]?.rightId; // 'P2'
 * parseCompetitors(e).best; // 'ambiguous: second-best candidate too close;given=exact+6.2'
 * ```
 */
export function parseCompetitors(explanation: string): {
  readonly best: string;
  readonly competing: readonly WrittenCompetitor[];
} {
  const parts = explanation.split(COMPETING_SEPARATOR);
  const competing: WrittenCompetitor[] = [];
  for (const part of parts.slice(1)) {
    const m = /^("(?:[^"\\]|\\.)*") p=(\d+(?:\.\d+)?) w=(-?\d+(?:\.\d+)?): (.*)$/s.exec(part);
    if (m === null) continue;
    let id: unknown;
    try {
      id = JSON.parse(m[1]!);
    } catch {
      continue;
    }
    if (typeof id !== 'string') continue;
    competing.push({
      rightId: id,
      probability: Number(m[2]),
      matchWeight: Number(m[3]),
      fields: m[4]!,
    });
  }
  return { best: parts[0] ?? '', competing };
}

function bestExplanation<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  right: PreparedSide,
  result: LinkResult,
): string {
  if (result.reason === 'capped' && result.right < 0)
    return 'blocking cap: a key of this row is shared by too many records to compare; no candidate from the other rules; check by hand';
  if (result.right < 0) return 'no candidate';
  const text = explanationText(scorer, left, result.left, right, result.right);
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
