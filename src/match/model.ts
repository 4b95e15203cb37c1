import type { LinkageSpec } from './spec.js';

/** m and u of one comparison level. */
export interface LevelParameters {
  readonly label: string;
  /** P(level | same person). */
  readonly m: number;
  /** P(level | different people). */
  readonly u: number;
}

/** The parameters of one comparison (levels 1 … k; the null level carries no evidence). */
export interface ComparisonParameters {
  readonly name: string;
  readonly levels: readonly LevelParameters[];
}

/** Decision thresholds on the match probability. */
export interface Thresholds {
  /** At or above: `match`. */
  readonly match: number;
  /** At or above (and below `match`): `review`. */
  readonly review: number;
}

/** How a model was trained (reported, not needed for scoring). */
export interface TrainingReport {
  readonly randomPairs: number;
  readonly candidatePairs: number;
  readonly patterns: number;
  readonly rounds: readonly {
    readonly rule: string;
    readonly pairs: number;
    readonly iterations: number;
    readonly converged: boolean;
  }[];
  /** Share of blocked candidate pairs EM thinks are matches. */
  readonly candidateMatchShare: number;
}

/**
 * A Fellegi–Sunter model: the prior λ (probability that two random records match) and m, u per
 * level of each comparison. Plain JSON; load with {@link parseModel}.
 */
export interface FellegiSunterModel {
  readonly format: 'vn-reconcile/fellegi-sunter';
  readonly version: 1;
  readonly prior: number;
  readonly comparisons: readonly ComparisonParameters[];
  readonly thresholds?: Thresholds;
  readonly training?: TrainingReport;
}

/**
 * A message when `model` does not fit `spec` (other comparisons or level labels), else undefined.
 *
 * @example
 * ```ts
 * modelMismatch(savedModel, vietnameseSpec()); // undefined when the model fits
 * ```
 */
export function modelMismatch<R>(
  model: FellegiSunterModel,
  spec: LinkageSpec<R>,
): string | undefined {
  if (model.comparisons.length !== spec.comparisons.length)
    return `Model has ${model.comparisons.length} comparisons, the configuration ${spec.comparisons.length}`;
  for (let k = 0; k < spec.comparisons.length; k++) {
    const c = spec.comparisons[k]!;
    const p = model.comparisons[k]!;
    if (p.name !== c.name) return `Comparison ${k} is '${p.name}' in the model, '${c.name}' here`;
    const labels = p.levels.map((l) => l.label).join(',');
    if (labels !== c.levels.join(','))
      return `Comparison '${c.name}' has levels [${labels}] in the model, [${c.levels.join(',')}] here`;
  }
  return undefined;
}

/** Smallest m or u used in a weight (keeps weights finite). */
export const MIN_PROBABILITY = 1e-6;

/**
 * The match weight of each level (log2 m/u), level 0 (null) first with weight 0.
 *
 * @example
 * ```ts
 * levelWeights({ name: 'sex', levels: [{ label: 'exact', m: 0.98, u: 0.5 }, { label: 'else', m: 0.02, u: 0.5 }] });
 * // Float64Array [0, 0.971, -4.64]
 * ```
 */
export function levelWeights(p: ComparisonParameters): Float64Array {
  const w = new Float64Array(p.levels.length + 1);
  for (let l = 0; l < p.levels.length; l++) {
    const lv = p.levels[l]!;
    w[l + 1] = Math.log2(Math.max(lv.m, MIN_PROBABILITY) / Math.max(lv.u, MIN_PROBABILITY));
  }
  return w;
}

/**
 * log2 of the prior odds λ / (1 − λ).
 *
 * @example
 * ```ts
 * priorWeight(1 / 1025); // -10
 * ```
 */
export function priorWeight(prior: number): number {
  return Math.log2(prior / (1 - prior));
}

/**
 * The probability of a match weight: 2^W / (1 + 2^W).
 *
 * @example
 * ```ts
 * weightToProbability(0); // 0.5
 * ```
 */
export function weightToProbability(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}
