/**
 * Records whose candidates a blocking cap may have hidden go to review.
 * @module
 */

import type { LinkResult } from './link-types.js';

/**
 * Sends to review the records that lost candidates to a blocking cap (`capped[i] = 1`) and would
 * otherwise be no_match (no candidate, or a best candidate below review): their person may be in
 * the block that was not compared. Returns the results and how many were sent.
 * @internal
 *
 * @example
 * ```ts
 * const { results, sent } = reviewCapped(resolveManyToOne(chunk, n, t, rules, 3), capped);
 * ```
 */
export function reviewCapped(
  results: LinkResult[],
  capped: Uint8Array | undefined,
): { results: LinkResult[]; sent: number } {
  let sent = 0;
  if (!capped) return { results, sent };
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (capped[r.left] !== 1 || r.decision !== 'no_match') continue;
    if (r.reason !== 'model' && r.reason !== 'no_candidate') continue;
    results[i] = { ...r, decision: 'review', reason: 'capped' };
    sent++;
  }
  return { results, sent };
}
