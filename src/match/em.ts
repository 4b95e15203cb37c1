/**
 * Expectation–maximisation for the Fellegi–Sunter model over unique comparison patterns with
 * their counts (fastLink's trick: millions of pairs collapse to a few thousand patterns).
 * @module
 */

/** Comparison patterns: `levels[p * K + k]` is the level of comparison k in pattern p. */
export interface PatternCounts {
  readonly comparisons: number;
  readonly levels: Uint8Array;
  readonly counts: Float64Array;
  readonly size: number;
}

/** Options of {@link runEm}. */
export interface EmOptions {
  /** Stop when no parameter moves more than this (default 1e-4). */
  readonly tolerance?: number;
  /** Iteration limit (default 200). */
  readonly maxIterations?: number;
  /** Also re-estimate u (default false: u comes from random pairs). */
  readonly trainU?: boolean;
  /** Keep m fixed and estimate only λ (default false). */
  readonly fixM?: boolean;
  /**
   * Largest penalty, in bits, any level may carry: after each M-step m(l) is raised to at least
   * u(l) · 2^−floorBits and the distribution renormalised (default: no floor). A prior in the
   * spirit of fastLink's: without it, a level EM never saw among matches (a given name that
   * differs) gets m ≈ 0 and a weight of −20 bits, so that one disagreeing field outweighs
   * agreement on the ID, the date of birth and the place.
   */
  readonly floorBits?: number;
}

/** The result of {@link runEm}. */
export interface EmResult {
  /** `m[k][l]` for l = 0 … L_k (index 0, the null level, unused). */
  readonly m: Float64Array[];
  readonly u: Float64Array[];
  /** Share of the pairs that are matches. */
  readonly lambda: number;
  readonly iterations: number;
  readonly converged: boolean;
}

const EPS = 1e-6;

/**
 * Runs EM from the given starting parameters. Null levels (0) contribute no evidence and are
 * left out of the m (and u) denominators of their comparison, as in fastLink.
 *
 * @example
 * ```ts
 * const r = runEm(patterns, m0, u, 0.01);
 * r.lambda; // share of candidate pairs that match
 * ```
 */
export function runEm(
  patterns: PatternCounts,
  m0: readonly Float64Array[],
  u0: readonly Float64Array[],
  lambda0: number,
  options: EmOptions = {},
): EmResult {
  const tol = options.tolerance ?? 1e-4;
  const maxIt = options.maxIterations ?? 200;
  const K = patterns.comparisons;
  const { levels, counts, size } = patterns;
  let m = m0.map((x) => Float64Array.from(x));
  let u = u0.map((x) => Float64Array.from(x));
  let lambda = lambda0;
  let total = 0;
  for (let p = 0; p < size; p++) total += counts[p]!;
  if (!(total > 0)) return { m, u, lambda, iterations: 0, converged: false };
  const g = new Float64Array(size);
  let it = 0;
  let converged = false;
  while (it < maxIt) {
    it++;
    // E-step (in log space to avoid underflow).
    let sumG = 0;
    const lm0 = Math.log(Math.max(lambda, EPS));
    const lu0 = Math.log(Math.max(1 - lambda, EPS));
    for (let p = 0; p < size; p++) {
      let lm = lm0;
      let lu = lu0;
      for (let k = 0; k < K; k++) {
        const l = levels[p * K + k]!;
        if (l === 0) continue;
        lm += Math.log(Math.max(m[k]![l]!, EPS));
        lu += Math.log(Math.max(u[k]![l]!, EPS));
      }
      const gp = 1 / (1 + Math.exp(lu - lm));
      g[p] = gp;
      sumG += gp * counts[p]!;
    }
    // M-step.
    const newLambda = sumG / total;
    const mNew = m.map((x) => new Float64Array(x.length));
    const uNew = u.map((x) => new Float64Array(x.length));
    for (let p = 0; p < size; p++) {
      const c = counts[p]!;
      const gm = g[p]! * c;
      const gu = (1 - g[p]!) * c;
      for (let k = 0; k < K; k++) {
        const l = levels[p * K + k]!;
        if (l === 0) continue;
        mNew[k]![l]! += gm;
        uNew[k]![l]! += gu;
      }
    }
    let delta = Math.abs(newLambda - lambda);
    for (let k = 0; k < K; k++) {
      normalise(mNew[k]!);
      normalise(uNew[k]!);
      if (options.fixM) mNew[k] = m[k]!;
      if (!options.trainU) uNew[k] = u[k]!;
      if (options.floorBits !== undefined && !options.fixM)
        floorM(mNew[k]!, uNew[k]!, options.floorBits);
      for (let l = 1; l < mNew[k]!.length; l++) {
        delta = Math.max(
          delta,
          Math.abs(mNew[k]![l]! - m[k]![l]!),
          Math.abs(uNew[k]![l]! - u[k]![l]!),
        );
      }
    }
    m = mNew;
    u = uNew;
    lambda = newLambda;
    if (delta < tol) {
      converged = true;
      break;
    }
  }
  return { m, u, lambda, iterations: it, converged };
}

function normalise(x: Float64Array): void {
  let s = 0;
  for (let l = 1; l < x.length; l++) s += x[l]!;
  if (s <= 0) {
    // No evidence for this comparison: keep a flat distribution.
    for (let l = 1; l < x.length; l++) x[l] = 1 / (x.length - 1);
    return;
  }
  for (let l = 1; l < x.length; l++) x[l] = Math.max(x[l]! / s, EPS);
}

/**
 * Raises every m(l) to at least u(l) · 2^−bits and renormalises (repeated so that the
 * renormalisation cannot push a level back under its floor by more than a rounding error).
 *
 * @example
 * ```ts
 * const m = Float64Array.of(0, 0.999999, 0.000001);
 * floorM(m, Float64Array.of(0, 0.01, 0.99), 10);
 * Math.log2(m[2]! / 0.99) >= -10.01; // true
 * ```
 */
export function floorM(m: Float64Array, u: Float64Array, bits: number): void {
  const f = 2 ** -bits;
  for (let pass = 0; pass < 3; pass++) {
    let s = 0;
    let changed = false;
    for (let l = 1; l < m.length; l++) {
      const lo = u[l]! * f;
      if (m[l]! < lo) {
        m[l] = lo;
        changed = true;
      }
      s += m[l]!;
    }
    if (!changed) return;
    for (let l = 1; l < m.length; l++) m[l] = m[l]! / s;
  }
}
