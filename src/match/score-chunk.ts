import {
  type BlockIndex,
  candidatesOf,
  createCandidateBuffer,
  type ResolvedBlocks,
} from './blocking.js';
import { type CompiledRules, firstRule, isMatchRule } from './rules.js';
import { type Scorer, scorePair } from './scorer.js';
import type { PreparedSide } from './spec.js';

/** @internal How many best candidates a scored chunk keeps per left record. */
export const TOP = 4;

/** Per-left best candidates from scoring a chunk. @internal */
export interface ScoredChunk {
  /** `best[i * TOP + t]`: t-th best right index (−1 none), by rule first then weight. */
  readonly best: Int32Array;
  readonly weight: Float64Array;
  readonly rule: Int32Array;
  /** `review[i * TOP + t]`: the `review` rule the pair fires, −1 none. */
  readonly review: Int32Array;
  readonly candidates: Int32Array;
  /** Candidate pairs (each compared at least on the rules' gate comparison). */
  pairs: number;
  /**
   * Of {@link ScoredChunk.pairs}, those compared on the gate comparison only: their record was
   * already settled by a `match` rule, which they could not fire (see {@link ScoreChunkOptions}).
   */
  settled: number;
}

/** Options of {@link scoreChunk}. */
export interface ScoreChunkOptions {
  /**
   * Skip the full scoring of candidates that cannot change a many-to-one result (default false):
   * once a `match` rule has decided a record (same CCCD, consistent name and date of birth), a
   * candidate whose level on the rules' gate comparison (`CompiledRules.gate`, e.g. the ID) lets
   * it fire no `match` rule can neither outrank that pair nor make it ambiguous. The best pair,
   * the decision and the reason stay exactly the same; the lower places of the top list may
   * differ, so one-to-one resolution, which uses them, must not set this.
   */
  readonly settle?: boolean;
}

/**
 * Scores every left record of `left` against its candidates in the prepared reference and keeps
 * the four best per record (a pre-decided rule pair ranks first; ties go to the lower reference
 * index, so results do not depend on the order pairs are found). Works on any chunk of left
 * records prepared with the same spec, so a large left file can be streamed.
 *
 * @example
 * ```ts
 * const chunk = scoreChunk(scorer, prepareSide(rows, spec), right, index, compileRules([], spec));
 * ```
 */
export function scoreChunk<R>(
  scorer: Scorer<R>,
  left: PreparedSide,
  right: PreparedSide,
  index: BlockIndex | ResolvedBlocks,
  rules: CompiledRules,
  options: ScoreChunkOptions = {},
): ScoredChunk {
  const n = left.size;
  const top: TopList = {
    best: new Int32Array(n * TOP).fill(-1),
    weight: new Float64Array(n * TOP).fill(Number.NEGATIVE_INFINITY),
    rule: new Int32Array(n * TOP).fill(-1),
    review: new Int32Array(n * TOP).fill(-1),
  };
  const candidates = new Int32Array(n);
  const buf = createCandidateBuffer(right.size);
  let deferred = new Int32Array(64);
  let pairs = 0;
  let settled = 0;
  const g = options.settle === true ? rules.gate : -1;
  const gate = g >= 0 ? scorer.comparisons[g] : undefined;
  const gateLeft = g >= 0 ? left.columns[g] : undefined;
  const gateRight = g >= 0 ? right.columns[g] : undefined;
  for (let i = 0; i < n; i++) {
    const c = candidatesOf(index, left, i, buf, false);
    candidates[i] = c;
    pairs += c;
    const out = buf.out;
    if (gate === undefined || c < 2) {
      for (let t = 0; t < c; t++) consider(scorer, rules, top, left, i, right, out[t]!);
      continue;
    }
    // Candidates that may fire a match rule first; the others only if none did.
    if (deferred.length < c) deferred = new Int32Array(Math.max(c, deferred.length * 2));
    let m = 0;
    let decided = false;
    for (let t = 0; t < c; t++) {
      const j = out[t]!;
      const may = gate.levelIn
        ? gate.levelIn(gateLeft!, i, gateRight!, j, rules.gateMask)
        : (rules.gateMask & (1 << gate.compare(gateLeft!, i, gateRight!, j))) !== 0;
      if (!may) {
        deferred[m++] = j;
        continue;
      }
      const r = consider(scorer, rules, top, left, i, right, j);
      if (isMatchRule(rules, r)) decided = true;
    }
    if (decided) settled += m;
    else for (let t = 0; t < m; t++) consider(scorer, rules, top, left, i, right, deferred[t]!);
  }
  return { ...top, candidates, pairs, settled };
}

/** The top lists of a chunk (see {@link ScoredChunk}). */
interface TopList {
  readonly best: Int32Array;
  readonly weight: Float64Array;
  readonly rule: Int32Array;
  readonly review: Int32Array;
}

/**
 * Scores the pair (i, j) and inserts it into i's top list: rule pairs first, then by weight,
 * ties to the lower right index (so the order pairs are scored in does not matter). Returns the
 * rule the pair fires (−1 none); a `no_match` rule pair is dropped.
 */
function consider<R>(
  scorer: Scorer<R>,
  rules: CompiledRules,
  top: TopList,
  left: PreparedSide,
  i: number,
  right: PreparedSide,
  j: number,
): number {
  const { best, weight, rule, review } = top;
  const w = scorePair(scorer, left, i, right, j);
  const fired = rules.names.length > 0 ? firstRule(rules, scorer.levels) : -1;
  if (fired >= 0 && rules.noMatch[fired] === 1) return fired;
  // A review rule does not rank the pair (the model does); it is remembered with it.
  const rv = fired >= 0 && rules.review[fired] === 1 ? fired : -1;
  const r = rv >= 0 ? -1 : fired;
  const o = i * TOP;
  let pos = TOP;
  while (pos > 0) {
    const q = o + pos - 1;
    const b = best[q]!;
    if (b < 0) {
      pos--;
      continue;
    }
    const hasRule = rule[q]! >= 0;
    const better =
      (r >= 0 && !hasRule) ||
      (r >= 0 === hasRule && (w > weight[q]! || (w === weight[q]! && j < b)));
    if (!better) break;
    pos--;
  }
  if (pos >= TOP) return fired;
  for (let q = o + TOP - 1; q > o + pos; q--) {
    best[q] = best[q - 1]!;
    weight[q] = weight[q - 1]!;
    rule[q] = rule[q - 1]!;
    review[q] = review[q - 1]!;
  }
  best[o + pos] = j;
  weight[o + pos] = w;
  rule[o + pos] = r;
  review[o + pos] = rv;
  return fired;
}
