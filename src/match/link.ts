/**
 * Linking a list to a reference: `linkWithSpec` on records, `linkPrepared` on prepared sides.
 * @module
 */

import type { Result } from '../result.js';
import { cappedRows, cappedWarnings } from './blocking.js';
import type { Decision } from './decide.js';
import { indexAndModel } from './index-and-model.js';
import type { LinkOptions, LinkOutcome, MatchIssueCode } from './link-types.js';
import { weightToProbability } from './model.js';
import { resolveManyToOne, resolveOneToOne } from './resolve.js';
import { reviewCapped } from './review-capped.js';
import { compileRules } from './rules.js';
import { scoreChunk, TOP } from './score-chunk.js';
import { createScorer } from './scorer.js';
import { type LinkageSpec, type PreparedSide, prepareSide } from './spec.js';
import { chooseThresholdsFor } from './thresholds-chosen.js';

/**
 * Links a list (LEFT, e.g. vaccination subjects) to a reference (RIGHT, e.g. the register):
 * prepare both sides once, count and cap candidates per blocking rule, train the model (EM,
 * unless one is given), score, choose thresholds from the model's estimated FDR, decide, and
 * resolve many-to-one (default) or one-to-one. Exactly one result per left record, in order.
 *
 * @example
 * ```ts
 * const r = linkWithSpec(list, register, vietnameseSpec());
 * if (r.success) for (const x of r.data.results) console.log(x.left, x.right, x.decision);
 * ```
 */
export function linkWithSpec<R>(
  leftRecords: readonly R[],
  rightRecords: readonly R[],
  spec: LinkageSpec<R>,
  options: LinkOptions = {},
): Result<LinkOutcome<R>, MatchIssueCode> {
  const left = prepareSide(leftRecords, spec);
  const right = prepareSide(rightRecords, spec);
  return linkPrepared(left, right, spec, options);
}

/**
 * {@link linkWithSpec} on sides already prepared with {@link prepareSide}: data first, like every
 * function of the package (the spec-first order of earlier versions still works, deprecated).
 *
 * @example
 * ```ts
 * const right = prepareSide(register, spec);
 * const r = linkPrepared(prepareSide(list, spec), right, spec);
 * ```
 */
export function linkPrepared<R>(
  left: PreparedSide,
  right: PreparedSide,
  spec: LinkageSpec<R>,
  options?: LinkOptions,
): Result<LinkOutcome<R>, MatchIssueCode>;
/**
 * @deprecated Spec first: use `linkPrepared(left, right, spec, options)`.
 *
 * @example
 * ```ts
 * linkPrepared(spec, left, right); // same as linkPrepared(left, right, spec)
 * ```
 */
export function linkPrepared<R>(
  spec: LinkageSpec<R>,
  left: PreparedSide,
  right: PreparedSide,
  options?: LinkOptions,
): Result<LinkOutcome<R>, MatchIssueCode>;
export function linkPrepared<R>(
  a: PreparedSide | LinkageSpec<R>,
  b: PreparedSide,
  c: LinkageSpec<R> | PreparedSide,
  options: LinkOptions = {},
): Result<LinkOutcome<R>, MatchIssueCode> {
  return 'comparisons' in a
    ? linkSides(b, c as PreparedSide, a, options)
    : linkSides(a, b, c as LinkageSpec<R>, options);
}

function linkSides<R>(
  left: PreparedSide,
  right: PreparedSide,
  spec: LinkageSpec<R>,
  options: LinkOptions,
): Result<LinkOutcome<R>, MatchIssueCode> {
  const prelude = indexAndModel(left, right, spec, options);
  if (!prelude.success) return prelude;
  const { index, counts, model } = prelude.data;
  const scorer = createScorer(model, right, spec, options);
  const rules = compileRules(options.rules ?? [], spec);
  const chunk = scoreChunk(scorer, left, right, index, rules, { settle: !options.oneToOne });
  const bestP = new Float64Array(left.size);
  for (let i = 0; i < left.size; i++) bestP[i] = weightToProbability(chunk.weight[i * TOP]!);
  const choice = chooseThresholdsFor(bestP, options.thresholds ?? model.thresholds, options);
  const resolved = options.oneToOne
    ? resolveOneToOne(chunk, left.size, choice, rules, options)
    : resolveManyToOne(chunk, left.size, choice, rules, options.ambiguityBits ?? 3);
  const capped = cappedRows(index, right, left, spec);
  const review = reviewCapped(resolved, capped.capped);
  const results = review.results;
  const tally: Record<Decision, number> = { match: 0, review: 0, no_match: 0, invalid: 0 };
  for (const r of results) tally[r.decision]++;
  return {
    success: true,
    data: {
      results,
      model: { ...model, thresholds: { match: choice.match, review: choice.review } },
      summary: {
        blocking: counts,
        pairsScored: chunk.pairs,
        pairsSettled: chunk.settled,
        thresholds: choice,
        counts: tally,
        cappedBlocks: capped.report,
        warnings: cappedWarnings(capped.report, review.sent),
      },
      left,
      right,
      scorer,
    },
  };
}

// The streaming linker in `scale/` (branch scale) imports these from here; they live in their
// own files now.
export type { LinkResult, MatchOptions } from './link-types.js';
export { resolveManyToOne } from './resolve.js';
export { reviewCapped } from './review-capped.js';
export { scoreChunk } from './score-chunk.js';
export { chooseThresholdsFor } from './thresholds-chosen.js';
