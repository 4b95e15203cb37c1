import type { Comparison } from './comparison.js';
import { type FellegiSunterModel, levelWeights, priorWeight } from './model.js';
import type { LinkageSpec, PreparedSide } from './spec.js';

/** Term-frequency adjustment limits (bits). */
export interface TermFrequencyOptions {
  /** Largest upward adjustment of a rare value's exact agreement (default 6 bits). */
  readonly maxBits?: number;
  /** Largest downward adjustment of a common value (Nguyễn, Thị, Văn) (default −6 bits). */
  readonly minBits?: number;
}

/**
 * Everything needed to score pairs quickly: a weight table per comparison and, for
 * term-frequency-adjusted comparisons, an adjustment per value id computed on the reference.
 * @internal
 */
export interface Scorer<R> {
  readonly comparisons: readonly Comparison<R>[];
  readonly priorBits: number;
  readonly weights: readonly Float64Array[];
  readonly tfLevel: Int32Array;
  readonly tfAdjust: readonly (Float64Array | null)[];
  /** Per comparison, its {@link Comparison.fuzzyTfLevel} (0 for none). */
  readonly fuzzyTfLevel: Int32Array;
  readonly fuzzyTfAdjust: readonly (Float64Array | null)[];
  /** Levels of the last scored pair. */
  readonly levels: Uint8Array;
}

/**
 * Builds a scorer for `model`, with term frequencies counted on `reference` (the register, or
 * the table itself for a dedupe). tf(v) is floored at 1/N; the adjustment log2(u / tf(v)) is
 * clamped to [minBits, maxBits].
 *
 * @example
 * ```ts
 * const scorer = createScorer(model, right, spec);
 * const w = scorePair(scorer, left, 0, right, 3);
 * ```
 */
export function createScorer<R>(
  model: FellegiSunterModel,
  reference: PreparedSide,
  spec: LinkageSpec<R>,
  options: TermFrequencyOptions = {},
): Scorer<R> {
  const maxBits = options.maxBits ?? 6;
  const minBits = options.minBits ?? -6;
  const comparisons = spec.comparisons;
  const weights = model.comparisons.map(levelWeights);
  const clamp = (a: number) => Math.min(maxBits, Math.max(minBits, a));
  const tfLevel = Int32Array.from(comparisons, (c) => c.tfLevel);
  const tfAdjust = comparisons.map((c, k) => {
    const ids = reference.columns[k]?.tfIds;
    if (c.tfLevel <= 0 || !ids) return null;
    const u = Math.max(model.comparisons[k]!.levels[c.tfLevel - 1]!.u, 1e-12);
    const { tf } = frequencies(ids);
    return tf.map((f) => clamp(Math.log2(u / f)));
  });
  const fuzzyTfLevel = Int32Array.from(comparisons, (c) => c.fuzzyTfLevel ?? 0);
  const fuzzyTfAdjust = comparisons.map((c, k) => {
    const ids = reference.columns[k]?.fuzzyTfIds;
    if ((c.fuzzyTfLevel ?? 0) <= 0 || !ids) return null;
    const { tf, sumOfSquares } = frequencies(ids);
    return tf.map((f) => clamp(Math.log2(sumOfSquares / f)));
  });
  return {
    comparisons,
    priorBits: priorWeight(model.prior),
    weights,
    tfLevel,
    tfAdjust,
    fuzzyTfLevel,
    fuzzyTfAdjust,
    levels: new Uint8Array(comparisons.length),
  };
}

/**
 * The relative frequency of each id among the non-missing `ids` (floored at 1/n, so that a value
 * seen once is never rarer than one in the reference) and the sum of their squares.
 */
function frequencies(ids: Int32Array): { tf: Float64Array; sumOfSquares: number } {
  let max = -1;
  let n = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id > max) max = id;
    if (id >= 0) n++;
  }
  const counts = new Float64Array(max + 1);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    if (id >= 0) counts[id]! += 1;
  }
  const floor = n > 0 ? 1 / n : 1;
  let sumOfSquares = 0;
  const tf = new Float64Array(max + 1);
  for (let id = 0; id <= max; id++) {
    const f = counts[id]! / Math.max(n, 1);
    sumOfSquares += f * f;
    tf[id] = Math.max(f, floor);
  }
  return { tf, sumOfSquares: Math.max(sumOfSquares, 1e-12) };
}

/**
 * The term-frequency adjustment (bits) of level `l` of comparison `k` for reference record `j`:
 * the exact level's by the value's frequency, the fuzzy level's by {@link Comparison.fuzzyTfLevel}.
 */
function adjustment<R>(
  scorer: Scorer<R>,
  k: number,
  l: number,
  right: PreparedSide,
  j: number,
): number {
  if (l === 0) return 0;
  if (l === scorer.tfLevel[k]) {
    const adj = scorer.tfAdjust[k];
    const id = right.columns[k]!.tfIds![j]!;
    return adj && id >= 0 && id < adj.length ? adj[id]! : 0;
  }
  if (l === scorer.fuzzyTfLevel[k]) {
    const adj = scorer.fuzzyTfAdjust[k];
    const id = right.columns[k]!.fuzzyTfIds![j]!;
    return adj && id >= 0 && id < adj.length ? adj[id]! : 0;
  }
  return 0;
}

/**
 * Compares record `i` of `left` with record `j` of `right`, leaves the levels in
 * `scorer.levels`, and returns the match weight (prior included, log2 Bayes factor). The
 * low-level step under {@link linkPrepared}; use {@link explainPair} for the per-field waterfall.
 *
 * @example
 * ```ts
 * const scorer = createScorer(model, right, spec);
 * const weight = scorePair(scorer, left, 0, right, 3);
 * weightToProbability(weight); // e.g. 0.9998
 * ```
 */
export function scorePair<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  i: number,
  right: PreparedSide,
  j: number,
): number {
  const cs = scorer.comparisons;
  const levels = scorer.levels;
  let w = scorer.priorBits;
  for (let k = 0; k < cs.length; k++) {
    const l = cs[k]!.compare(left.columns[k]!, i, right.columns[k]!, j);
    levels[k] = l;
    w += scorer.weights[k]![l]! + adjustment(scorer, k, l, right, j);
  }
  return w;
}

/** One comparison's part of a match weight (one bar of the waterfall). */
export interface Contribution {
  readonly comparison: string;
  /** Level label (`null` when a value is missing). */
  readonly level: string;
  /** log2(m/u) of the level, in bits (0 for null). */
  readonly weight: number;
  /** Term-frequency adjustment in bits (0 when none). */
  readonly tfAdjustment: number;
}

/** A scored pair with its waterfall. */
export interface PairExplanation {
  readonly priorWeight: number;
  readonly contributions: readonly Contribution[];
  readonly matchWeight: number;
  readonly probability: number;
}

/**
 * The full explanation of one pair: prior, then each comparison's level, weight and
 * term-frequency adjustment; they add up to the match weight.
 *
 * @example
 * ```ts
 * explainPair(scorer, left, 0, right, 3).contributions.map((c) => `${c.comparison}=${c.level}`);
 * ```
 */
export function explainPair<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  i: number,
  right: PreparedSide,
  j: number,
): PairExplanation {
  const matchWeight = scorePair(scorer, left, i, right, j);
  const contributions = scorer.comparisons.map((c, k) => {
    const l = scorer.levels[k]!;
    return {
      comparison: c.name,
      level: levelLabel(c, l),
      weight: scorer.weights[k]![l]!,
      tfAdjustment: adjustment(scorer, k, l, right, j),
    };
  });
  return {
    priorWeight: scorer.priorBits,
    contributions,
    matchWeight,
    probability: 1 / (1 + 2 ** -matchWeight),
  };
}

/**
 * {@link formatExplanation} of {@link explainPair}, without the objects in between: each
 * comparison's part of the line is kept per level and weight (a link writes one explanation a
 * row, and their parts repeat: a level's weight varies only with a value's frequency).
 *
 * @example
 * ```ts
 * explanationText(scorer, left, 0, right, 3) === formatExplanation(explainPair(scorer, left, 0, right, 3)); // true
 * ```
 * @internal
 */
export function explanationText<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  i: number,
  right: PreparedSide,
  j: number,
): string {
  scorePair(scorer, left, i, right, j);
  let parts = segmentMemo.get(scorer);
  if (parts === undefined) {
    parts = scorer.weights.map((w) => Array.from(w, () => new Map<number, string>()));
    segmentMemo.set(scorer, parts);
  }
  let out = '';
  for (let k = 0; k < scorer.comparisons.length; k++) {
    const l = scorer.levels[k]!;
    const c = scorer.comparisons[k]!;
    const w = scorer.weights[k]![l]! + adjustment(scorer, k, l, right, j);
    const memo = parts[k]![l]!;
    let part = memo.get(w);
    if (part === undefined) {
      part = explanationPart(c.name, levelLabel(c, l), w);
      if (memo.size >= SEGMENT_MEMO_LIMIT) memo.clear();
      memo.set(w, part);
    }
    out += k === 0 ? part : `;${part}`;
  }
  return out;
}

/** Per scorer, per comparison and level, the explanation's part by weight. */
const segmentMemo = new WeakMap<object, Map<number, string>[][]>();
/** Distinct weights kept per level (one per value frequency: a few thousand). */
const SEGMENT_MEMO_LIMIT = 4096;

/**
 * A compact one-line explanation: `name=exact+7.9;dob=exact+9.1;id=null` (weights in bits,
 * term-frequency adjustment included).
 *
 * @example
 * ```ts
 * formatExplanation(explainPair(scorer, left, 0, right, 3)); // 'given=exact+6.2;dob=exact+8.8;…'
 * ```
 */
export function formatExplanation(e: PairExplanation): string {
  return e.contributions
    .map((c) => explanationPart(c.comparison, c.level, c.weight + c.tfAdjustment))
    .join(';');
}

/** A comparison's level label: `null` for a missing value, `else` past the comparison's labels. */
function levelLabel<R>(c: Comparison<R>, l: number): string {
  return l === 0 ? 'null' : (c.levels[l - 1] ?? 'else');
}

/** One comparison's part of an explanation line: `given=exact+6.2`, or `id=null`. */
function explanationPart(comparison: string, level: string, weight: number): string {
  if (level === 'null') return `${comparison}=null`;
  return `${comparison}=${level}${weight >= 0 ? '+' : ''}${weight.toFixed(1)}`;
}
