import type { Result } from '../result.js';
import { candidatesOf, cappedRows, cappedWarnings, createCandidateBuffer } from './blocking.js';
import type { Decision } from './decide.js';
import { indexAndModel } from './index-and-model.js';
import type { MatchIssueCode, MatchOptions, MatchSummary } from './link-types.js';
import type { FellegiSunterModel } from './model.js';
import { compileRules, firstRule, isMatchRule } from './rules.js';
import { createScorer, type Scorer, scorePair } from './scorer.js';
import { type LinkageSpec, type PreparedSide, prepareSide } from './spec.js';
import { chooseThresholdsFor } from './thresholds-chosen.js';

/** Options of {@link dedupeWithSpec}. */
export interface DedupeOptions extends MatchOptions {
  /**
   * Chaining guard: two clusters joined by a strong pair are merged only if no pair across them
   * has a Bayes factor (match weight without the prior) below this many bits (default 0): A–B
   * strong and B–C strong do not make A–C one person when A and C contradict.
   */
  readonly chainGuardBits?: number;
  /** The guard checks at most this many cross pairs per merge (default 10 000). */
  readonly chainGuardMaxPairs?: number;
}

/** A scored pair inside one table. */
export interface DedupePair {
  readonly a: number;
  readonly b: number;
  readonly matchWeight: number;
  readonly probability: number;
  readonly decision: Decision;
  /** True when the chaining guard refused to merge the two clusters this pair would join. */
  readonly guarded: boolean;
}

/** The outcome of {@link dedupeWithSpec}. */
export interface DedupeOutcome<R> {
  /** `cluster[i]`: index of the first record of record i's cluster (i itself for a singleton). */
  readonly cluster: Int32Array;
  /** Pairs at or above the review threshold, strongest first. */
  readonly pairs: readonly DedupePair[];
  readonly model: FellegiSunterModel;
  readonly summary: MatchSummary & { readonly clusters: number; readonly guardedMerges: number };
  /**
   * Per record, 1 when it lost candidates to a blocking cap (one of its keys is shared by more
   * records than the rule's `maxBlockSize`) and is left alone in its cluster: it may well have
   * duplicates that were never compared, so it is for review, not unique.
   */
  readonly review: Uint8Array;
  readonly side: PreparedSide;
  readonly scorer: Scorer<R>;
}

/**
 * Finds duplicates inside one list: block, train (EM, unless a model is given), score each
 * candidate pair once, choose thresholds from the estimated FDR, and cluster: connected
 * components of the pairs at or above the match threshold, strongest first, with a guard against
 * chaining two different people through a middle record. Every record gets exactly one cluster.
 *
 * @example
 * ```ts
 * const r = dedupeWithSpec(list, vietnameseSpec());
 * if (r.success) r.data.cluster; // cluster representative per record
 * ```
 */
export function dedupeWithSpec<R>(
  records: readonly R[],
  spec: LinkageSpec<R>,
  options: DedupeOptions = {},
): Result<DedupeOutcome<R>, MatchIssueCode> {
  return dedupePrepared(prepareSide(records, spec), spec, options);
}

/**
 * {@link dedupeWithSpec} on a side prepared with {@link prepareSide}.
 *
 * @example
 * ```ts
 * dedupePrepared(prepareSide(list, spec), spec);
 * ```
 */
export function dedupePrepared<R>(
  side: PreparedSide,
  spec: LinkageSpec<R>,
  options: DedupeOptions = {},
): Result<DedupeOutcome<R>, MatchIssueCode> {
  const n = side.size;
  const prelude = indexAndModel(side, undefined, spec, options);
  if (!prelude.success) return prelude;
  const { index, counts, model } = prelude.data;
  const scorer = createScorer(model, side, spec, options);
  const rules = compileRules(options.rules ?? [], spec);
  const buf = createCandidateBuffer(n);
  let pA = new Int32Array(1024);
  let pB = new Int32Array(1024);
  let pW = new Float64Array(1024);
  let pR = new Int8Array(1024);
  let np = 0;
  for (let i = 0; i < n; i++) {
    const c = candidatesOf(index, side, i, buf, true);
    for (let t = 0; t < c; t++) {
      const j = buf.out[t]!;
      const w = scorePair(scorer, side, i, side, j);
      const rule = rules.names.length > 0 ? firstRule(rules, scorer.levels) : -1;
      // A no_match rule removes the pair; a review rule keeps it out of the clusters (a name and
      // a year of birth alone do not make two rows one person).
      if (rule >= 0 && (rules.noMatch[rule] === 1 || rules.review[rule] === 1)) continue;
      if (np === pA.length) {
        const grow = <T extends Int32Array | Float64Array | Int8Array>(x: T, y: T): T => {
          y.set(x);
          return y;
        };
        pA = grow(pA, new Int32Array(np * 2));
        pB = grow(pB, new Int32Array(np * 2));
        pW = grow(pW, new Float64Array(np * 2));
        pR = grow(pR, new Int8Array(np * 2));
      }
      pA[np] = i;
      pB[np] = j;
      pW[np] = w;
      pR[np] = isMatchRule(rules, rule) ? 1 : 0;
      np++;
    }
  }
  const probs = new Float64Array(np);
  for (let q = 0; q < np; q++) probs[q] = 1 / (1 + 2 ** -pW[q]!);
  const choice = chooseThresholdsFor(probs, options.thresholds ?? model.thresholds, options);
  const order: number[] = [];
  for (let q = 0; q < np; q++) if (pR[q] === 1 || probs[q]! >= choice.review) order.push(q);
  order.sort((x, y) => pR[y]! - pR[x]! || pW[y]! - pW[x]! || pA[x]! - pA[y]! || pB[x]! - pB[y]!);

  // Union–find with member lists, merging strongest pairs first.
  const parent = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = Array.from({ length: n }, (_, i) => [i]);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const guardBits = options.chainGuardBits ?? 0;
  const guardMax = options.chainGuardMaxPairs ?? 10_000;
  let guardedMerges = 0;
  const pairs: DedupePair[] = [];
  for (const q of order) {
    const a = pA[q]!;
    const b = pB[q]!;
    const p = probs[q]!;
    const isMatch = pR[q] === 1 || p >= choice.match;
    let guarded = false;
    if (isMatch) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) {
        const A = members[ra]!;
        const B = members[rb]!;
        if (pR[q] !== 1 && A.length * B.length <= guardMax && A.length * B.length > 1) {
          outer: for (const x of A)
            for (const y of B) {
              const lo = x < y ? x : y;
              const hi = x < y ? y : x;
              if (scorePair(scorer, side, lo, side, hi) - scorer.priorBits < guardBits) {
                guarded = true;
                break outer;
              }
            }
        }
        if (guarded) guardedMerges++;
        else {
          const [big, small] = A.length >= B.length ? [ra, rb] : [rb, ra];
          parent[small] = big;
          for (const x of members[small]!) members[big]!.push(x);
          members[small] = [];
        }
      }
    }
    pairs.push({
      a,
      b,
      matchWeight: pW[q]!,
      probability: p,
      decision: isMatch && !guarded ? 'match' : 'review',
      guarded,
    });
  }
  const cluster = new Int32Array(n);
  const first = new Int32Array(n).fill(-1);
  let clusters = 0;
  for (let i = 0; i < n; i++) {
    const r = find(i);
    if (first[r] === -1) {
      first[r] = i;
      clusters++;
    }
    cluster[i] = first[r]!;
  }
  const tally: Record<Decision, number> = { match: 0, review: 0, no_match: 0, invalid: 0 };
  for (const p of pairs) tally[p.decision]++;
  tally.no_match = np - pairs.length;
  const capped = cappedRows(index, side, side, spec);
  const clusterSize = new Int32Array(n);
  for (let i = 0; i < n; i++) clusterSize[cluster[i]!]!++;
  const review = new Uint8Array(n);
  let sent = 0;
  for (let i = 0; i < n; i++)
    if (capped.capped[i] === 1 && clusterSize[cluster[i]!] === 1) {
      review[i] = 1;
      sent++;
    }
  return {
    success: true,
    data: {
      cluster,
      pairs,
      model: { ...model, thresholds: { match: choice.match, review: choice.review } },
      summary: {
        blocking: counts,
        pairsScored: np,
        pairsSettled: 0,
        thresholds: choice,
        counts: tally,
        clusters,
        guardedMerges,
        cappedBlocks: capped.report,
        warnings: cappedWarnings(capped.report, sent, 'unique'),
      },
      review,
      side,
      scorer,
    },
  };
}

/** What a record's row says after de-duplication. */
export type DedupeDecision = 'duplicate' | 'unique' | 'review';

/**
 * The decision and cluster size of every record of a de-duplication: `duplicate` in a cluster of
 * two or more; alone, `review` when a review-level pair links it to another cluster or a blocking
 * cap cut its candidates, else `unique`.
 *
 * @example
 * ```ts
 * const { decisionOf, sizeOf } = clusterDecisions(outcome);
 * decisionOf(0); // 'duplicate'
 * ```
 */
export function clusterDecisions<R>(
  outcome: Pick<DedupeOutcome<R>, 'cluster' | 'pairs' | 'review'>,
): {
  readonly sizeOf: (record: number) => number;
  readonly decisionOf: (record: number) => DedupeDecision;
} {
  const { cluster, pairs, review } = outcome;
  const size = new Int32Array(cluster.length);
  for (const c of cluster) size[c]! += 1;
  const inReview = new Uint8Array(cluster.length);
  for (const p of pairs)
    if (p.decision === 'review' && cluster[p.a] !== cluster[p.b]) {
      inReview[p.a] = 1;
      inReview[p.b] = 1;
    }
  const sizeOf = (r: number) => size[cluster[r]!]!;
  return {
    sizeOf,
    decisionOf: (r) =>
      sizeOf(r) > 1 ? 'duplicate' : inReview[r] || review[r] === 1 ? 'review' : 'unique',
  };
}
