import type { FellegiSunterModel, Thresholds } from './model.js';

/**
 * The thresholds a caller gave (`--match-threshold` / `--review-threshold`), or undefined when neither
 * was given (the model's or the chosen ones apply). A missing match threshold comes from the saved
 * model (else 0.5); the review threshold never exceeds the match threshold.
 *
 * @example
 * ```ts
 * thresholdsFromFlags(0.9, undefined, undefined); // { match: 0.9, review: 0.9 }
 * ```
 */
export function thresholdsFromFlags(
  match: number | undefined,
  review: number | undefined,
  model: FellegiSunterModel | undefined,
): Thresholds | undefined {
  if (match === undefined && review === undefined) return undefined;
  return {
    match: match ?? model?.thresholds?.match ?? 0.5,
    review: Math.min(review ?? match ?? 0.5, match ?? 1),
  };
}
