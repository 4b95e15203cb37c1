/**
 * roundPatterns: every EM round's patterns from one pass equal those of a pass per round (the
 * code trainModel used before), pattern for pattern and count for count, in the same order.
 */
import { describe, expect, it } from 'vitest';
import { buildBlockIndex, candidatesOf, createCandidateBuffer } from '../../src/match/blocking.js';
import type { PatternCounts } from '../../src/match/em.js';
import { prepareSide } from '../../src/match/spec.js';
import { collectPatterns } from '../../src/match/train.js';
import { type PatternRound, roundPatterns } from '../../src/match/train-patterns.js';
import { vietnameseSpec } from '../../src/match/vietnamese.js';
import { syntheticData } from './synthetic.js';

function separatePass(
  round: PatternRound,
  run: (i: number, buf: ReturnType<typeof createCandidateBuffer>) => number,
  compare: (i: number, j: number, k: number) => number,
  K: number,
): { patterns: PatternCounts; pairs: number } {
  const buf = createCandidateBuffer();
  const lv = new Uint8Array(K);
  let pairs = 0;
  const patterns = collectPatterns(K, (add) => {
    for (const i of round.records) {
      const n = run(i, buf);
      for (let t = 0; t < n; t++) {
        for (let k = 0; k < K; k++) lv[k] = round.masked?.[k] ? 0 : compare(i, buf.out[t]!, k);
        add(lv);
        pairs++;
      }
    }
  });
  return { patterns, pairs };
}

const used = (p: PatternCounts) => ({
  size: p.size,
  levels: Array.from(p.levels.subarray(0, p.size * p.comparisons)),
  counts: Array.from(p.counts.subarray(0, p.size)),
});

describe('roundPatterns', () => {
  it.each([false, true])('equals one pass per round (dedupe %s)', (dedupe) => {
    const data = syntheticData(7, 1500, 600);
    const spec = vietnameseSpec();
    // Dedupe: the list and the register as one side (their people repeat across the two).
    const right = prepareSide(dedupe ? [...data.register, ...data.list] : data.register, spec);
    const left = dedupe ? right : prepareSide(data.list, spec);
    const index = buildBlockIndex(right, spec);
    const K = spec.comparisons.length;
    // Rounds of one rule each (every other record, or all), a masked one, and the union.
    const every = Int32Array.from({ length: left.size }, (_, i) => i);
    const odd = every.filter((i) => i % 2 === 1);
    const rounds: PatternRound[] = [
      ...spec.blocking.map((rule, r) => ({
        records: r % 2 === 0 ? every : odd,
        rules: [r],
        masked: Uint8Array.from(spec.comparisons, (c) => (rule.fields?.includes(c.name) ? 1 : 0)),
      })),
      { records: odd, rules: [0, 2] },
      { records: every },
    ];
    const one = roundPatterns(index, left, right, spec, dedupe, rounds);
    let pairs = 0;
    rounds.forEach((round, q) => {
      const want = separatePass(
        round,
        (i, buf) => candidatesOf(index, left, i, buf, dedupe, round.rules),
        (i, j, k) => spec.comparisons[k]!.compare(left.columns[k]!, i, right.columns[k]!, j),
        K,
      );
      expect(one[q]!.pairs).toBe(want.pairs);
      expect(used(one[q]!.patterns)).toEqual(used(want.patterns));
      pairs += want.pairs;
    });
    expect(pairs).toBeGreaterThan(1000);
  });
});
