import { decide } from './decide.js';
import type { CompetingCandidate, LinkReason, LinkResult, MatchOptions } from './link-types.js';
import { type Thresholds, weightToProbability } from './model.js';
import type { CompiledRules } from './rules.js';
import { type ScoredChunk, TOP } from './score-chunk.js';

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

/**
 * @internal One-to-one decisions: greedy by descending rank over every kept candidate at or
 * above the review threshold, so no reference record is taken twice.
 *
 * @example
 * ```ts
 * const results = resolveOneToOne(chunk, left.size, thresholds, rules, options);
 * ```
 */
export function resolveOneToOne(
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
