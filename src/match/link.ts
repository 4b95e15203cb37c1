import type { Result } from '../result.js';
import {
  type BlockIndex,
  type BlockingCounts,
  type BlockingIssueCode,
  buildBlockIndex,
  type CappedBlocks,
  candidatesOf,
  cappedRows,
  cappedWarnings,
  checkBlocking,
  countCandidates,
  createCandidateBuffer,
  type ResolvedBlocks,
} from './blocking.js';
import {
  chooseThresholds,
  type Decision,
  decide,
  type ThresholdChoice,
  type ThresholdOptions,
} from './decide.js';
import {
  type FellegiSunterModel,
  modelMismatch,
  type Thresholds,
  weightToProbability,
} from './model.js';
import {
  type CompiledRules,
  compileRules,
  firstRule,
  isMatchRule,
  type MatchRule,
} from './rules.js';
import { createScorer, type Scorer, scorePair, type TermFrequencyOptions } from './scorer.js';
import { type LinkageSpec, type PreparedSide, prepareSide } from './spec.js';
import { type TrainOptions, trainModel } from './train.js';

/** Options shared by {@link linkWithSpec} and {@link dedupeWithSpec}. */
export interface MatchOptions extends TrainOptions, TermFrequencyOptions, ThresholdOptions {
  /** A trained model (skips training). */
  readonly model?: FellegiSunterModel;
  /** Fixed thresholds (otherwise the model's saved ones, otherwise chosen from estimated FDR). */
  readonly thresholds?: Thresholds;
  /** Deterministic pre-decision rules. */
  readonly rules?: readonly MatchRule[];
  /** Refuse a blocking rule producing more candidate pairs than this (default 200 × records + 1e6). */
  readonly maxPairsPerRule?: number;
  /**
   * A best candidate whose match weight is within this many bits of the second best (both at or
   * above the review threshold) is ambiguous and goes to review (default 3).
   */
  readonly ambiguityBits?: number;
}

/** Options of {@link linkWithSpec}. */
export interface LinkOptions extends MatchOptions {
  /** One-to-one: no reference record is taken by two left records (default many-to-one). */
  readonly oneToOne?: boolean;
}

/**
 * Why a left record got its decision; `capped`: review because a blocking key of the record fell
 * in a block over its rule's cap (`maxBlockSize`), so candidates may be missing.
 */
export type LinkReason = 'model' | 'rule' | 'ambiguous' | 'taken' | 'no_candidate' | 'capped';

/** The outcome for one left record (exactly one per left record, in left order). */
export interface LinkResult {
  readonly left: number;
  /** Index of the best reference record, −1 when there is no candidate. */
  readonly right: number;
  readonly decision: Decision;
  /** Match weight (log2 Bayes factor, prior included); −Infinity without a candidate. */
  readonly matchWeight: number;
  readonly probability: number;
  readonly reason: LinkReason;
  /** Name of the deterministic rule that decided the pair, when `reason` is `rule`. */
  readonly rule?: string;
  /** Candidate pairs compared for this record. */
  readonly candidates: number;
  /**
   * For a `review` decision: the other candidates that compete with the best one (a deterministic
   * rule fires for them too, or they reach the review threshold, or they are within the ambiguity
   * margin of the best), best first. Absent when there is none.
   */
  readonly competing?: readonly CompetingCandidate[];
}

/** A reference record that competes with the best candidate of a `review` result. */
export interface CompetingCandidate {
  /** Index of the reference record. */
  readonly right: number;
  /** Match weight (log2 Bayes factor, prior included). */
  readonly matchWeight: number;
  readonly probability: number;
}

/** Summary of a link or dedupe run. */
export interface MatchSummary {
  readonly blocking: BlockingCounts;
  /** Candidate pairs compared. */
  readonly pairsScored: number;
  /**
   * Of `pairsScored`, pairs compared on the match rules' gate comparison only, because a match
   * rule had already decided their left record (see {@link ScoreChunkOptions}).
   */
  readonly pairsSettled: number;
  readonly thresholds: ThresholdChoice;
  readonly counts: Readonly<Record<Decision, number>>;
  /** Blocking rules with blocks over their cap (never silent: see {@link CappedBlocks}). */
  readonly cappedBlocks: readonly CappedBlocks[];
  /** What the user should know (blocks over a cap: rule and sizes, never a key's value). */
  readonly warnings: readonly string[];
}

/** The outcome of {@link linkWithSpec}. */
export interface LinkOutcome<R> {
  readonly results: readonly LinkResult[];
  readonly model: FellegiSunterModel;
  readonly summary: MatchSummary;
  readonly left: PreparedSide;
  readonly right: PreparedSide;
  readonly scorer: Scorer<R>;
}

/** Codes of {@link linkWithSpec} / {@link dedupeWithSpec} failures. */
export type MatchIssueCode = BlockingIssueCode | 'MODEL_MISMATCH';

const TOP = 4;

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
 * const chunk = scoreChunk(scorer, prepareSide(spec, rows), right, index, compileRules(spec, []));
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

/**
 * Links a list (LEFT, e.g. vaccination subjects) to a reference (RIGHT, e.g. the register):
 * prepare both sides once, count and cap candidates per blocking rule, train the model (EM,
 * unless one is given), score, choose thresholds from the model's estimated FDR, decide, and
 * resolve many-to-one (default) or one-to-one. Exactly one result per left record, in order.
 *
 * @example
 * ```ts
 * const r = linkWithSpec(list, register, vietnameseSpec());
 * if (r.success) for (const x of r.data.results) console.log(x.left, x.right, x.decision);
 * ```
 */
export function linkWithSpec<R>(
  leftRecords: readonly R[],
  rightRecords: readonly R[],
  spec: LinkageSpec<R>,
  options: LinkOptions = {},
): Result<LinkOutcome<R>, MatchIssueCode> {
  const left = prepareSide(spec, leftRecords);
  const right = prepareSide(spec, rightRecords);
  return linkPrepared(spec, left, right, options);
}

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
 * const r = indexAndModel(spec, left, right, options);
 * if (r.success) createScorer(spec, r.data.model, right, options);
 * ```
 */
export function indexAndModel<R>(
  spec: LinkageSpec<R>,
  left: PreparedSide,
  right: PreparedSide | undefined,
  options: MatchOptions,
): Result<IndexAndModel, MatchIssueCode> {
  const index = buildBlockIndex(right ?? left, spec);
  const counts = right ? countCandidates(spec, index, left) : countCandidates(spec, index);
  const size = right ? Math.max(left.size, right.size) : left.size;
  const checked = checkBlocking(counts, options.maxPairsPerRule ?? 200 * size + 1_000_000);
  if (!checked.success) return checked;
  if (options.model) {
    const mismatch = modelMismatch(options.model, spec);
    if (mismatch)
      return { success: false, issues: [{ code: 'MODEL_MISMATCH', message: mismatch }] };
  }
  const model = options.model ?? trainModel(spec, left, right, index, options);
  return { success: true, data: { index, counts, model } };
}

/**
 * {@link linkWithSpec} on sides already prepared with {@link prepareSide}.
 *
 * @example
 * ```ts
 * const right = prepareSide(spec, register);
 * const r = linkPrepared(spec, prepareSide(spec, list), right);
 * ```
 */
export function linkPrepared<R>(
  spec: LinkageSpec<R>,
  left: PreparedSide,
  right: PreparedSide,
  options: LinkOptions = {},
): Result<LinkOutcome<R>, MatchIssueCode> {
  const prelude = indexAndModel(spec, left, right, options);
  if (!prelude.success) return prelude;
  const { index, counts, model } = prelude.data;
  const scorer = createScorer(spec, model, right, options);
  const rules = compileRules(spec, options.rules ?? []);
  const chunk = scoreChunk(scorer, left, right, index, rules, { settle: !options.oneToOne });
  const bestP = new Float64Array(left.size);
  for (let i = 0; i < left.size; i++) bestP[i] = weightToProbability(chunk.weight[i * TOP]!);
  const choice = chooseThresholdsFor(bestP, options.thresholds ?? model.thresholds, options);
  const resolved = options.oneToOne
    ? resolveOneToOne(chunk, left.size, choice, rules, options)
    : resolveManyToOne(chunk, left.size, choice, rules, options.ambiguityBits ?? 3);
  const capped = cappedRows(spec, index, right, left);
  const review = reviewCapped(resolved, capped.capped);
  const results = review.results;
  const tally: Record<Decision, number> = { match: 0, review: 0, no_match: 0, invalid: 0 };
  for (const r of results) tally[r.decision]++;
  return {
    success: true,
    data: {
      results,
      model: { ...model, thresholds: { match: choice.match, review: choice.review } },
      summary: {
        blocking: counts,
        pairsScored: chunk.pairs,
        pairsSettled: chunk.settled,
        thresholds: choice,
        counts: tally,
        cappedBlocks: capped.report,
        warnings: cappedWarnings(capped.report, review.sent),
      },
      left,
      right,
      scorer,
    },
  };
}

/**
 * Sends to review the records that lost candidates to a blocking cap (`capped[i] = 1`) and would
 * otherwise be no_match (no candidate, or a best candidate below review): their person may be in
 * the block that was not compared. Returns the results and how many were sent.
 * @internal
 *
 * @example
 * ```ts
 * const { results, sent } = reviewCapped(resolveManyToOne(chunk, n, t, rules, 3), capped);
 * ```
 */
export function reviewCapped(
  results: LinkResult[],
  capped: Uint8Array | undefined,
): { results: LinkResult[]; sent: number } {
  let sent = 0;
  if (!capped) return { results, sent };
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    if (capped[r.left] !== 1 || r.decision !== 'no_match') continue;
    if (r.reason !== 'model' && r.reason !== 'no_candidate') continue;
    results[i] = { ...r, decision: 'review', reason: 'capped' };
    sent++;
  }
  return { results, sent };
}

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

/**
 * The kept candidates after the best of left record `i` that compete with it: a rule fires for
 * them, or they reach the review threshold, or they are within `margin` bits of the best.
 */
function competitorsOf(
  chunk: ScoredChunk,
  i: number,
  t: Thresholds,
  margin: number,
): CompetingCandidate[] | undefined {
  const o = i * TOP;
  const best = chunk.weight[o]!;
  const out: CompetingCandidate[] = [];
  for (let q = 1; q < TOP; q++) {
    const j = chunk.best[o + q]!;
    if (j < 0) break;
    const w = chunk.weight[o + q]!;
    const p = weightToProbability(w);
    if (chunk.rule[o + q]! < 0 && p < t.review && best - w >= margin) continue;
    out.push({ right: j, matchWeight: w, probability: p });
  }
  return out.length > 0 ? out : undefined;
}

/** `res` with its competing candidates when it is a review. */
function withCompetitors(
  res: LinkResult,
  chunk: ScoredChunk,
  t: Thresholds,
  margin: number,
): LinkResult {
  if (res.decision !== 'review' || res.right < 0) return res;
  const competing = competitorsOf(chunk, res.left, t, margin);
  return competing === undefined ? res : { ...res, competing };
}

/**
 * Many-to-one decisions for the `n` left records of a scored chunk: each takes its best
 * candidate; a deterministic rule decides `match`; a best candidate within `margin` bits of the
 * second best (both at or above review) is ambiguous and goes to review. Shared by
 * {@link linkPrepared} and the streaming linker so both decide identically.
 * @internal
 *
 * @example
 * ```ts
 * const results = resolveManyToOne(chunk, left.size, thresholds, rules, 3);
 * ```
 */
export function resolveManyToOne(
  chunk: ScoredChunk,
  n: number,
  t: Thresholds,
  rules: CompiledRules,
  margin: number,
): LinkResult[] {
  const out: LinkResult[] = [];
  for (let i = 0; i < n; i++) {
    const o = i * TOP;
    const j = chunk.best[o]!;
    const candidates = chunk.candidates[i]!;
    if (j < 0) {
      out.push({
        left: i,
        right: -1,
        decision: 'no_match',
        matchWeight: Number.NEGATIVE_INFINITY,
        probability: 0,
        reason: 'no_candidate',
        candidates,
      });
      continue;
    }
    const w = chunk.weight[o]!;
    const p = weightToProbability(w);
    const r = chunk.rule[o]!;
    const j2 = chunk.best[o + 1]!;
    const w2 = chunk.weight[o + 1]!;
    const r2 = chunk.rule[o + 1]!;
    let decision = decide(p, t);
    let reason: LinkReason = 'model';
    if (r >= 0) {
      decision = 'match';
      reason = 'rule';
    }
    const ambiguous =
      j2 >= 0 &&
      (r >= 0
        ? r2 >= 0
        : r2 < 0 &&
          decision !== 'no_match' &&
          weightToProbability(w2) >= t.review &&
          w - w2 < margin);
    if (ambiguous) {
      decision = 'review';
      reason = 'ambiguous';
    }
    // A review rule (e.g. a name and a year of birth, nothing else) caps a model match at review.
    const rv = chunk.review[o]!;
    if (!ambiguous && r < 0 && rv >= 0 && decision === 'match') {
      const capped: LinkResult = {
        left: i,
        right: j,
        decision: 'review',
        matchWeight: w,
        probability: p,
        reason: 'rule',
        rule: rules.names[rv]!,
        candidates,
      };
      out.push(withCompetitors(capped, chunk, t, margin));
      continue;
    }
    const res: LinkResult = {
      left: i,
      right: j,
      decision,
      matchWeight: w,
      probability: p,
      reason,
      candidates,
    };
    out.push(
      withCompetitors(
        r >= 0 && reason === 'rule' ? { ...res, rule: rules.names[r]! } : res,
        chunk,
        t,
        margin,
      ),
    );
  }
  return out;
}

function resolveOneToOne(
  chunk: ScoredChunk,
  n: number,
  t: Thresholds,
  rules: CompiledRules,
  options: MatchOptions,
): LinkResult[] {
  // Greedy by descending rank over every kept candidate at or above the review threshold.
  const many = resolveManyToOne(chunk, n, t, rules, options.ambiguityBits ?? 3);
  const edges: number[] = [];
  for (let i = 0; i < n; i++)
    for (let q = 0; q < TOP; q++) {
      const o = i * TOP + q;
      if (chunk.best[o]! < 0) break;
      if (chunk.rule[o]! < 0 && weightToProbability(chunk.weight[o]!) < t.review) continue;
      edges.push(o);
    }
  edges.sort((a, b) => {
    const ra = chunk.rule[a]! >= 0 ? 1 : 0;
    const rb = chunk.rule[b]! >= 0 ? 1 : 0;
    if (ra !== rb) return rb - ra;
    const d = chunk.weight[b]! - chunk.weight[a]!;
    if (d !== 0) return d;
    return a - b;
  });
  const taken = new Set<number>();
  const assigned = new Int32Array(n).fill(-1);
  for (const o of edges) {
    const i = Math.floor(o / TOP);
    const j = chunk.best[o]!;
    if (assigned[i]! >= 0 || taken.has(j)) continue;
    assigned[i] = o;
    taken.add(j);
  }
  return many.map((res, i) => {
    const o = assigned[i]!;
    if (o < 0) {
      if (res.right >= 0 && res.decision !== 'no_match')
        return { ...res, decision: 'no_match' as const, reason: 'taken' as const };
      return res;
    }
    if (o === i * TOP) return res;
    const w = chunk.weight[o]!;
    const p = weightToProbability(w);
    const r = chunk.rule[o]!;
    const capped = r < 0 && chunk.review[o]! >= 0 && decide(p, t) === 'match';
    if (capped)
      return {
        left: i,
        right: chunk.best[o]!,
        decision: 'review' as const,
        matchWeight: w,
        probability: p,
        reason: 'rule' as const,
        rule: rules.names[chunk.review[o]!]!,
        candidates: res.candidates,
      };
    const base: LinkResult = {
      left: i,
      right: chunk.best[o]!,
      decision: r >= 0 ? 'match' : decide(p, t),
      matchWeight: w,
      probability: p,
      reason: r >= 0 ? 'rule' : 'model',
      candidates: res.candidates,
    };
    return r >= 0 ? { ...base, rule: rules.names[r]! } : base;
  });
}
