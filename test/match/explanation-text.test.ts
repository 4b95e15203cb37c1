/**
 * `explanationText` (the link's per-row explanation, its parts kept per level and weight) says
 * exactly what `formatExplanation(explainPair(…))` says, term-frequency weights included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  explainPair,
  formatExplanation,
  linkWithSpec,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../src/match/index.js';
import { explanationText } from '../../src/match/scorer.js';
import { syntheticData } from './synthetic.js';

describe('explanationText', () => {
  const data = syntheticData(7, 600, 400);
  const r = linkWithSpec(data.list, data.register, vietnameseSpec(), {
    rules: VIETNAMESE_RULES,
    randomPairs: 20_000,
  });
  if (!r.success) throw new Error('link failed');
  const { scorer, left, right, results } = r.data;
  const plain = (i: number, j: number) => formatExplanation(explainPair(scorer, left, i, right, j));

  it('equals the waterfall formatted, for every linked pair, twice (from its memo)', () => {
    for (let round = 0; round < 2; round++)
      for (const res of results)
        if (res.right >= 0)
          expect(explanationText(scorer, left, res.left, right, res.right)).toBe(
            plain(res.left, res.right),
          );
  });

  it('equals it for any pair', () => {
    fc.assert(
      fc.property(fc.nat(left.size - 1), fc.nat(right.size - 1), (i, j) => {
        expect(explanationText(scorer, left, i, right, j)).toBe(plain(i, j));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives term-frequency weights their own text', () => {
    const texts = new Set(
      results
        .filter((x) => x.right >= 0)
        .map((x) => explanationText(scorer, left, x.left, right, x.right)),
    );
    const given = new Set([...texts].map((t) => /given=exact[+-][\d.]+/.exec(t)?.[0]));
    expect(given.size).toBeGreaterThan(3);
  });
});
