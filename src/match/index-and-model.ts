/**
 * The prelude of every link and dedupe: the block index, the blocking check, the model.
 * @module
 */

import type { Result } from '../result.js';
import {
  type BlockIndex,
  type BlockingCounts,
  buildBlockIndex,
  checkBlocking,
  countCandidates,
} from './blocking.js';
import type { MatchIssueCode, MatchOptions } from './link-types.js';
import { type FellegiSunterModel, modelMismatch } from './model.js';
import type { LinkageSpec, PreparedSide } from './spec.js';
import { trainModel } from './train.js';

/** @internal What {@link indexAndModel} gives the pair scorer. */
export interface IndexAndModel {
  readonly index: BlockIndex;
  readonly counts: BlockingCounts;
  readonly model: FellegiSunterModel;
}

/**
 * @internal The prelude shared by {@link linkPrepared} and `dedupePrepared`: indexes `right`
 * (or `left` alone for a dedupe), refuses too-broad blocking rules, checks a given model against
 * the spec, otherwise trains one.
 *
 * @example
 * ```ts
 * const r = indexAndModel(left, right, spec, options);
 * if (r.success) createScorer(r.data.model, right, spec, options);
 * ```
 */
export function indexAndModel<R>(
  left: PreparedSide,
  right: PreparedSide | undefined,
  spec: LinkageSpec<R>,
  options: MatchOptions,
): Result<IndexAndModel, MatchIssueCode> {
  const index = buildBlockIndex(right ?? left, spec);
  const counts = right
    ? countCandidates(index, left, spec)
    : countCandidates(index, undefined, spec);
  const size = right ? Math.max(left.size, right.size) : left.size;
  const checked = checkBlocking(counts, options.maxPairsPerRule ?? 200 * size + 1_000_000);
  if (!checked.success) return checked;
  if (options.model) {
    const mismatch = modelMismatch(options.model, spec);
    if (mismatch)
      return { success: false, issues: [{ code: 'MODEL_MISMATCH', message: mismatch }] };
  }
  const model = options.model ?? trainModel(left, right, index, spec, options);
  return { success: true, data: { index, counts, model } };
}
