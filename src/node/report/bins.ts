/**
 * Binning of match weights for the histogram: the report embeds bins, never the weights.
 * @module
 */

/** A fixed-width histogram of match weights. */
export interface WeightBins {
  /** Lower edge of the first bin (bits). */
  readonly start: number;
  /** Width of every bin (bits). */
  readonly width: number;
  /** Rows per bin; bin `i` covers `[start + i·width, start + (i+1)·width)`. */
  readonly counts: readonly number[];
  /** Finite weights binned. */
  readonly total: number;
  /** Rows without a candidate (weight −Infinity). */
  readonly noCandidate: number;
  /** NaN or +Infinity values, left out. */
  readonly invalid: number;
}

const NICE_WIDTHS = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 25, 50, 100, 250, 1000];

/**
 * Bins match weights into at most `maxBins` bins of a round width (0.25, 0.5, 1, 2 … bits), in
 * two passes over the values and constant memory: fine for millions of rows.
 *
 * @example
 * ```ts
 * const b = binWeights([-3.2, 0.1, 0.4, 12, Number.NEGATIVE_INFINITY]);
 * b.total; // 4
 * b.noCandidate; // 1
 * ```
 */
export function binWeights(weights: ArrayLike<number>, maxBins = 60): WeightBins {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let noCandidate = 0;
  let invalid = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w === Number.NEGATIVE_INFINITY) noCandidate++;
    else if (!Number.isFinite(w)) invalid++;
    else {
      if (w < min) min = w;
      if (w > max) max = w;
    }
  }
  if (min > max) return { start: 0, width: 1, counts: [], total: 0, noCandidate, invalid };
  const limit = Math.max(1, Math.floor(maxBins));
  let width = NICE_WIDTHS[NICE_WIDTHS.length - 1]!;
  for (const w of NICE_WIDTHS) {
    if (Math.floor(max / w) - Math.floor(min / w) + 1 <= limit) {
      width = w;
      break;
    }
  }
  while (Math.floor(max / width) - Math.floor(min / width) + 1 > limit) width *= 2;
  const first = Math.floor(min / width);
  const n = Math.floor(max / width) - first + 1;
  const counts = new Array<number>(n).fill(0);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!Number.isFinite(w)) continue;
    const b = Math.min(n - 1, Math.max(0, Math.floor(w / width) - first));
    counts[b]!++;
    total++;
  }
  return { start: first * width, width, counts, total, noCandidate, invalid };
}
