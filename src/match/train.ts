import type { BlockIndex } from './blocking.js';
import type { PreparedColumn } from './comparison.js';
import { floorM, type PatternCounts, runEm } from './em.js';
import type { FellegiSunterModel, TrainingReport } from './model.js';
import { createRandom } from './random.js';
import type { LinkageSpec, PreparedSide } from './spec.js';
import { patternCollector, roundPatterns } from './train-patterns.js';

/** Default of {@link TrainOptions.floorBits}. */
export const DEFAULT_FLOOR_BITS = 12;

/** Options of {@link trainModel}. */
export interface TrainOptions {
  /** Random pairs sampled to estimate u (default 1 000 000, fewer when there are fewer pairs). */
  readonly randomPairs?: number;
  /** Seed of every random choice (default 42): training is deterministic. */
  readonly seed?: number;
  /** Candidate pairs per EM round above which left records are sampled (default 500 000). */
  readonly maxPairsPerRound?: number;
  /** EM tolerance (default 1e-4). */
  readonly tolerance?: number;
  /** EM iteration limit (default 200). */
  readonly maxIterations?: number;
  /**
   * Largest penalty in bits of any comparison level, log2(m/u) ≥ −floorBits (default 12; see
   * `EmOptions.floorBits`): with an ID, a date of birth and a place that agree (≈ 40 bits), no
   * single disagreeing field can turn a pair into a non-match.
   */
  readonly floorBits?: number;
}

/**
 * Counts comparison patterns over pairs. `emit` is called with a function to add one pair.
 * @internal
 */
export function collectPatterns(
  K: number,
  levelsOfPairs: (add: (levels: Uint8Array) => void) => void,
): PatternCounts {
  const collector = patternCollector(K);
  levelsOfPairs(collector.add);
  return collector.done();
}

/**
 * Estimates u for every comparison level from random pairs (almost all are non-matches).
 * Counts get add-one smoothing so rare levels keep a finite weight.
 *
 * @example
 * ```ts
 * const u = estimateU(left, right, spec, { randomPairs: 1e6 });
 * ```
 */
export function estimateU<R>(
  left: PreparedSide,
  right: PreparedSide | undefined,
  spec: LinkageSpec<R>,
  options: TrainOptions = {},
): { u: Float64Array[]; pairs: number } {
  const other = right ?? left;
  const rand = createRandom((options.seed ?? 42) ^ 0x5bd1e995);
  const possible = right ? left.size * right.size : (left.size * (left.size - 1)) / 2;
  const n = Math.max(0, Math.min(options.randomPairs ?? 1_000_000, possible));
  // The pairs first, then one comparison at a time over all of them: one column of each side
  // is read at a time (2.4× faster than every comparison per pair at 200 000 pairs against a
  // 100 000-row register: the random rows' columns stay in cache). The same pairs and counts.
  const is = new Int32Array(n);
  const js = new Int32Array(n);
  let done = 0;
  while (done < n) {
    const i = Math.floor(rand() * left.size);
    const j = Math.floor(rand() * other.size);
    if (!right && i === j) continue;
    is[done] = i;
    js[done] = j;
    done++;
  }
  const counts = spec.comparisons.map((c, k) =>
    countLevels(c, left.columns[k]!, other.columns[k]!, is, js),
  );
  const u = counts.map((c) => {
    const out = new Float64Array(c.length);
    let s = 0;
    for (let l = 1; l < c.length; l++) s += c[l]! + 1;
    for (let l = 1; l < c.length; l++) out[l] = (c[l]! + 1) / s;
    return out;
  });
  return { u, pairs: n };
}

/** Counts of `c`'s levels (index = level) over the pairs `(is[p], js[p])` of columns `a`, `b`. */
function countLevels<R>(
  c: LinkageSpec<R>['comparisons'][number],
  a: PreparedColumn,
  b: PreparedColumn,
  is: Int32Array,
  js: Int32Array,
): Float64Array {
  const counts = new Float64Array(c.levels.length + 1);
  for (let p = 0; p < is.length; p++) counts[c.compare(a, is[p]!, b, js[p]!)]! += 1;
  return counts;
}

function initialM(levels: number): Float64Array {
  const m = new Float64Array(levels + 1);
  let s = 0;
  for (let l = 1; l <= levels; l++) {
    m[l] = 0.15 ** (l - 1);
    s += m[l]!;
  }
  for (let l = 1; l <= levels; l++) m[l] = m[l]! / s;
  return m;
}

/**
 * Trains a Fellegi–Sunter model without labels: u from random pairs; m by EM on unique
 * comparison patterns, one round per blocking rule (a rule's own fields always agree in its
 * blocks, so each round only learns the other fields; estimates are averaged); then λ by EM over
 * the union of candidates with m and u fixed. `right` undefined means dedupe of `left`.
 *
 * @example
 * ```ts
 * const model = trainModel(left, right, buildBlockIndex(right), spec);
 * model.prior; // probability that two random records match
 * ```
 */
export function trainModel<R>(
  left: PreparedSide,
  right: PreparedSide | undefined,
  index: BlockIndex,
  spec: LinkageSpec<R>,
  options: TrainOptions = {},
): FellegiSunterModel {
  const cs = spec.comparisons;
  const K = cs.length;
  const other = right ?? left;
  const dedupe = right === undefined;
  const { u, pairs: randomPairs } = estimateU(left, right, spec, options);
  const maxPairs = options.maxPairsPerRound ?? 500_000;
  const floorBits = options.floorBits ?? DEFAULT_FLOOR_BITS;
  const emOptions = {
    tolerance: options.tolerance ?? 1e-4,
    maxIterations: options.maxIterations ?? 200,
    floorBits,
  };
  const rand = createRandom(options.seed ?? 42);

  // Expected pairs per left record for each rule, to pick a sampling rate before generating.
  const sampleFor = (rules: readonly number[]): { rate: number; records: Int32Array } => {
    let total = 0;
    for (const r of rules) {
      const blocks = index.rules[r]!;
      const keys = left.keys[r]!;
      for (let i = 0; i < left.size; i++) {
        const k = keys[i];
        if (k === null || k === undefined) continue;
        total += (blocks.get(k)?.length ?? 0) / (dedupe ? 2 : 1);
      }
    }
    const rate = total > maxPairs ? maxPairs / total : 1;
    const picked: number[] = [];
    for (let i = 0; i < left.size; i++) if (rate >= 1 || rand() < rate) picked.push(i);
    return { rate: picked.length / Math.max(1, left.size), records: Int32Array.from(picked) };
  };
  // Every round's records first, drawn in the order the rounds use them (one random stream),
  // then every round's patterns in one pass: a pair found by several rules is compared once.
  // Comparisons a rule forces to agree are set to the null level in its round: no evidence.
  const ruleRounds: { rule: (typeof spec.blocking)[number]; records: Int32Array; r: number }[] = [];
  spec.blocking.forEach((rule, r) => {
    if (rule.train !== false) ruleRounds.push({ rule, r, records: sampleFor([r]).records });
  });
  const all = sampleFor(spec.blocking.map((_, r) => r));
  const collected = roundPatterns(index, left, other, spec, dedupe, [
    ...ruleRounds.map(({ rule, r, records }) => ({
      records,
      rules: [r],
      masked: Uint8Array.from(cs, (c) => (rule.fields?.includes(c.name) ? 1 : 0)),
    })),
    { records: all.records },
  ]);

  const mSum = cs.map((c) => new Float64Array(c.levels.length + 1));
  const mRounds = new Float64Array(K);
  const rounds: { rule: string; pairs: number; iterations: number; converged: boolean }[] = [];
  ruleRounds.forEach(({ rule }, q) => {
    const { patterns, pairs } = collected[q]!;
    if (pairs === 0) return;
    const res = runEm(
      patterns,
      cs.map((c) => initialM(c.levels.length)),
      u,
      0.1,
      // Inside a block the non-matches are not random pairs (relatives share an address, a phone,
      // sometimes an ID): let this round learn its own u, and keep only its m.
      { ...emOptions, trainU: true },
    );
    rounds.push({ rule: rule.name, pairs, iterations: res.iterations, converged: res.converged });
    const nonNull = nonNullMatches(patterns, res.m, res.u, res.lambda);
    // Weight each round's estimate by the matches it saw with a value for that comparison.
    for (let k = 0; k < K; k++) {
      if (rule.fields?.includes(cs[k]!.name)) continue;
      const weight = nonNull[k]!;
      if (weight < 10) continue;
      for (let l = 1; l < mSum[k]!.length; l++) mSum[k]![l]! += weight * res.m[k]![l]!;
      mRounds[k]! += weight;
    }
  });

  // Union of all rules: the fallback m for comparisons no round could learn, then λ.
  const union = collected[ruleRounds.length]!;
  const m0 = cs.map((c) => initialM(c.levels.length));
  const unionFit = runEm(union.patterns, m0, u, 0.1, emOptions);
  const m = cs.map((c, k) => {
    if (mRounds[k]! === 0) return unionFit.m[k]!;
    const out = new Float64Array(c.levels.length + 1);
    for (let l = 1; l < out.length; l++) out[l] = mSum[k]![l]! / mRounds[k]!;
    // Each round's m was floored against that round's own u; the model scores with the
    // random-pair u, so the floor is applied again against it.
    floorM(out, u[k]!, floorBits);
    return out;
  });
  const lambdaFit = runEm(union.patterns, m, u, unionFit.lambda, { ...emOptions, fixM: true });
  const candidatePairs = union.pairs / Math.max(all.rate, 1e-12);
  const possible = dedupe ? (left.size * (left.size - 1)) / 2 : left.size * other.size;
  // Without any candidate pair there is nothing to learn λ from: assume one match per left record.
  const expectedMatches =
    union.pairs > 0 ? lambdaFit.lambda * candidatePairs : Math.min(left.size, other.size);
  const prior = Math.min(0.5, Math.max(expectedMatches / Math.max(possible, 1), 1e-12));
  rounds.push({
    rule: '(union)',
    pairs: union.pairs,
    iterations: lambdaFit.iterations,
    converged: lambdaFit.converged,
  });
  const training: TrainingReport = {
    randomPairs,
    candidatePairs: Math.round(candidatePairs),
    patterns: union.patterns.size,
    rounds,
    candidateMatchShare: lambdaFit.lambda,
  };
  return {
    format: 'vn-reconcile/fellegi-sunter',
    version: 1,
    prior,
    comparisons: cs.map((c, k) => ({
      name: c.name,
      levels: c.levels.map((label, l) => ({ label, m: m[k]![l + 1]!, u: u[k]![l + 1]! })),
    })),
    training,
  };
}

/** Expected number of matching pairs with a non-null level, per comparison. */
function nonNullMatches(
  patterns: PatternCounts,
  m: readonly Float64Array[],
  u: readonly Float64Array[],
  lambda: number,
): Float64Array {
  const K = patterns.comparisons;
  const out = new Float64Array(K);
  for (let p = 0; p < patterns.size; p++) {
    let lm = Math.log(Math.max(lambda, 1e-12));
    let lu = Math.log(Math.max(1 - lambda, 1e-12));
    for (let k = 0; k < K; k++) {
      const l = patterns.levels[p * K + k]!;
      if (l === 0) continue;
      lm += Math.log(Math.max(m[k]![l]!, 1e-6));
      lu += Math.log(Math.max(u[k]![l]!, 1e-6));
    }
    const g = (1 / (1 + Math.exp(lu - lm))) * patterns.counts[p]!;
    for (let k = 0; k < K; k++) if (patterns.levels[p * K + k]! !== 0) out[k]! += g;
  }
  return out;
}
