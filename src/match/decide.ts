import type { Thresholds } from './model.js';

/** The decision for a record or pair. */
export type Decision = 'match' | 'review' | 'no_match' | 'invalid';

/** Options of {@link chooseThresholds}. */
export interface ThresholdOptions {
  /** Largest estimated false-discovery rate of the `match` decisions (default 0.001). */
  readonly targetFdr?: number;
  /**
   * Largest estimated share of true matches left below the review band (default 0.0005): the
   * review threshold is set so that the probability mass under it stays within this share.
   */
  readonly targetFnr?: number;
  /** The match threshold never goes below this probability (default 0.5). */
  readonly minMatch?: number;
}

/** Thresholds with the error rates the model itself estimates for them. */
export interface ThresholdChoice extends Thresholds {
  /** Σ(1 − p) / count over the pairs at or above `match`. */
  readonly estimatedFdr: number;
  /** Σ p below `review` / Σ p over all pairs. */
  readonly estimatedFnr: number;
}

/**
 * Chooses the match and review thresholds from the model's own probabilities (as fastLink
 * reports error rates without labels): `match` is the lowest probability (≥ `minMatch`) at which
 * the estimated false-discovery rate of everything above stays ≤ `targetFdr`; `review` is the
 * highest probability under which the estimated missed matches stay ≤ `targetFnr`.
 *
 * @example
 * ```ts
 * chooseThresholds(Float64Array.of(0.999, 0.99, 0.6, 0.01)).match; // 0.99
 * ```
 */
export function chooseThresholds(
  probabilities: Float64Array,
  options: ThresholdOptions = {},
): ThresholdChoice {
  const targetFdr = options.targetFdr ?? 0.001;
  const targetFnr = options.targetFnr ?? 0.0005;
  const minMatch = options.minMatch ?? 0.5;
  const p = Float64Array.from(probabilities).sort().reverse();
  let total = 0;
  for (const x of p) total += x;
  let match = 1;
  let fdrSum = 0;
  let estimatedFdr = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    if (x < minMatch) break;
    const next = (fdrSum + (1 - x)) / (i + 1);
    if (next > targetFdr) break;
    fdrSum += 1 - x;
    estimatedFdr = next;
    match = x;
  }
  // Walk up from the bottom while the mass left below stays within the target.
  let below = 0;
  let review = 0;
  for (let i = p.length - 1; i >= 0; i--) {
    const x = p[i]!;
    if (x >= match) break;
    if (below + x > targetFnr * total) break;
    below += x;
    review = x;
  }
  review = Math.min(review === 0 ? 0 : nextUp(review), match);
  return { match, review, estimatedFdr, estimatedFnr: total > 0 ? below / total : 0 };
}

function nextUp(x: number): number {
  return x + Math.max(Number.EPSILON * x, 1e-300);
}

/**
 * The decision for a probability under the thresholds.
 *
 * @example
 * ```ts
 * decide(0.97, { match: 0.99, review: 0.2 }); // 'review'
 * ```
 */
export function decide(probability: number, t: Thresholds): Decision {
  if (probability >= t.match) return 'match';
  if (probability >= t.review) return 'review';
  return 'no_match';
}
