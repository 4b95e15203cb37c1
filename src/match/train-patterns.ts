/**
 * The comparison patterns EM learns from: unique comparison vectors of candidate pairs, with
 * their counts, collected for every round of training in one pass over the left records.
 */
import { type BlockIndex, candidatesOf, createCandidateBuffer } from './blocking.js';
import type { PatternCounts } from './em.js';
import type { LinkageSpec, PreparedSide } from './spec.js';

/** Counts the patterns of pairs added one by one. @internal */
export interface PatternCollector {
  /** Counts one pair's levels (one per comparison; the array is not kept). */
  add(levels: Uint8Array): void;
  /** The patterns counted so far. */
  done(): PatternCounts;
}

/**
 * A pattern collector for `K` comparisons.
 * @internal
 *
 * @example
 * ```ts
 * const c = patternCollector(2);
 * c.add(Uint8Array.of(1, 2));
 * c.done().size; // 1
 * ```
 */
export function patternCollector(K: number): PatternCollector {
  // A pattern is packed into one number, 4 bits per comparison (exact up to 13 comparisons);
  // wider specs, or a level above 15, fall back to a string key.
  const index = new Map<number | string, number>();
  const packed = K <= 13;
  let levels = new Uint8Array(K * 256);
  let counts = new Float64Array(256);
  let size = 0;
  return {
    add(lv) {
      let key: number | string = 0;
      for (let k = 0; k < K && packed; k++) {
        const l = lv[k]!;
        if (l > 15) {
          key = lv.join(',');
          break;
        }
        key = (key as number) * 16 + l;
      }
      if (!packed) key = lv.join(',');
      let p = index.get(key);
      if (p === undefined) {
        p = size++;
        index.set(key, p);
        if (p >= counts.length) {
          const c2 = new Float64Array(counts.length * 2);
          c2.set(counts);
          counts = c2;
          const l2 = new Uint8Array(levels.length * 2);
          l2.set(levels);
          levels = l2;
        }
        levels.set(lv, p * K);
      }
      counts[p]! += 1;
    },
    done: () => ({ comparisons: K, levels, counts, size }),
  };
}

/** One EM round's pairs. @internal */
export interface PatternRound {
  /** The left records the round draws, ascending. */
  readonly records: Int32Array;
  /** The blocking rules whose candidates it compares (all when undefined). */
  readonly rules?: readonly number[] | undefined;
  /** Comparisons set to the null level (0) in this round (1 = masked). */
  readonly masked?: Uint8Array | undefined;
}

/**
 * The patterns and pair counts of several EM rounds in one pass over the left records: a
 * record's candidates under every rule are compared once, and each round counts the levels of
 * its own candidates (its masked comparisons at level 0) in the order a pass of its own would
 * add them (records ascending, candidates ascending). A pair found by several rules is compared
 * once instead of once per round; the patterns and counts are those of separate passes.
 * @internal
 *
 * @example
 * ```ts
 * const [perRule, union] = roundPatterns(index, left, right, spec, false, [
 *   { records, rules: [0], masked },
 *   { records },
 * ]);
 * ```
 */
export function roundPatterns<R>(
  index: BlockIndex,
  left: PreparedSide,
  other: PreparedSide,
  spec: LinkageSpec<R>,
  dedupe: boolean,
  rounds: readonly PatternRound[],
): { patterns: PatternCounts; pairs: number }[] {
  const cs = spec.comparisons;
  const K = cs.length;
  const collectors = rounds.map(() => patternCollector(K));
  const pairs = rounds.map(() => 0);
  const cursor = new Int32Array(rounds.length);
  const drawn = new Uint8Array(rounds.length);
  const all = createCandidateBuffer();
  const own = createCandidateBuffer();
  const lv = new Uint8Array(K);
  let vectors = new Uint8Array(64 * K);
  for (let i = 0; i < left.size; i++) {
    let any = false;
    for (let q = 0; q < rounds.length; q++) {
      const records = rounds[q]!.records;
      let c = cursor[q]!;
      while (c < records.length && records[c]! < i) c++;
      cursor[q] = c;
      drawn[q] = c < records.length && records[c] === i ? 1 : 0;
      if (drawn[q]) any = true;
    }
    if (!any) continue;
    const n = candidatesOf(index, left, i, all, dedupe);
    if (vectors.length < n * K) vectors = new Uint8Array(n * K * 2);
    for (let t = 0; t < n; t++) {
      const j = all.out[t]!;
      for (let k = 0; k < K; k++)
        vectors[t * K + k] = cs[k]!.compare(left.columns[k]!, i, other.columns[k]!, j);
    }
    for (let q = 0; q < rounds.length; q++) {
      if (!drawn[q]) continue;
      const { rules, masked } = rounds[q]!;
      const m = rules === undefined ? n : candidatesOf(index, left, i, own, dedupe, rules);
      const list = rules === undefined ? all.out : own.out;
      let u = 0;
      for (let t = 0; t < m; t++) {
        const j = list[t]!;
        while (u < n && all.out[u]! < j) u++;
        const known = u < n && all.out[u] === j;
        for (let k = 0; k < K; k++) {
          if (masked?.[k]) lv[k] = 0;
          else if (known) lv[k] = vectors[u * K + k]!;
          else lv[k] = cs[k]!.compare(left.columns[k]!, i, other.columns[k]!, j);
        }
        collectors[q]!.add(lv);
        pairs[q]!++;
      }
    }
  }
  return collectors.map((c, q) => ({ patterns: c.done(), pairs: pairs[q]! }));
}
