import { chooseThresholds, type ThresholdChoice, type ThresholdOptions } from './decide.js';
import type { Thresholds } from './model.js';

/** Thresholds given, or chosen from the probabilities, with the model's error estimates. @internal */
export function chooseThresholdsFor(
  p: Float64Array,
  fixed: Thresholds | undefined,
  options: ThresholdOptions,
): ThresholdChoice {
  const chosen = chooseThresholds(p, options);
  if (!fixed) return chosen;
  let fdr = 0;
  let nMatch = 0;
  let below = 0;
  let total = 0;
  for (const x of p) {
    total += x;
    if (x >= fixed.match) {
      fdr += 1 - x;
      nMatch++;
    } else if (x < fixed.review) below += x;
  }
  return {
    match: fixed.match,
    review: fixed.review,
    estimatedFdr: nMatch > 0 ? fdr / nMatch : 0,
    estimatedFnr: total > 0 ? below / total : 0,
  };
}
