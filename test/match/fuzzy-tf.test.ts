/**
 * The surname-typo level is weighted by the surname's frequency in the reference: one typo in a
 * rare surname (Quách → Quáck) is stronger evidence than one in Nguyễn (Nguễn).
 */
import { describe, expect, it } from 'vitest';
import {
  createScorer,
  explainPair,
  FAMILY_NAME_LEVELS,
  type FellegiSunterModel,
  familyNameComparison,
  type LinkageSpec,
  prepareSide,
} from '../../src/index.js';

type R = { readonly name: string };

function spec(): LinkageSpec<R> {
  return {
    comparisons: [familyNameComparison<R>({ name: 'family', get: (r) => r.name })],
    blocking: [],
  };
}

const model: FellegiSunterModel = {
  format: 'vn-reconcile/fellegi-sunter',
  version: 1,
  prior: 0.01,
  comparisons: [
    {
      name: 'family',
      levels: FAMILY_NAME_LEVELS.map((label) => ({
        label,
        m: label === 'exact' ? 0.8 : 0.02,
        u: label === 'else' ? 0.9 : 0.01,
      })),
    },
  ],
};

describe('surname_typo weighted by surname frequency', () => {
  // A reference where Nguyễn is 40% of surnames and Quách one in a hundred.
  const surnames = [
    ...Array.from({ length: 40 }, () => 'Nguyễn'),
    ...Array.from({ length: 59 }, (_, i) => ['Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ'][i % 5]!),
    'Quách',
  ];
  const right = surnames.map((s, i) => ({ name: `${s} Văn ${['An', 'Bình', 'Cường'][i % 3]}` }));
  const left = [{ name: 'Nguễn Thị Lan' }, { name: 'Quáck Thị Lan' }];
  const s = spec();
  const r = prepareSide(right, s);
  const l = prepareSide(left, s);
  const scorer = createScorer(model, r, s);
  const nguyen = explainPair(scorer, l, 0, r, 0).contributions[0]!;
  const quach = explainPair(scorer, l, 1, r, 99).contributions[0]!;

  it('both pairs are at the surname_typo level with the same base weight', () => {
    expect(nguyen.level).toBe('surname_typo');
    expect(quach.level).toBe('surname_typo');
    expect(nguyen.weight).toBe(quach.weight);
  });

  it('the rare surname gains, the common one loses, as log2(Σtf² / tf)', () => {
    const tf = new Map<string, number>();
    for (const x of surnames) tf.set(x, (tf.get(x) ?? 0) + 1 / surnames.length);
    let sumSq = 0;
    for (const f of tf.values()) sumSq += f * f;
    expect(nguyen.tfAdjustment).toBeCloseTo(Math.log2(sumSq / 0.4), 10);
    expect(quach.tfAdjustment).toBeCloseTo(Math.log2(sumSq / 0.01), 10);
    expect(quach.tfAdjustment).toBeGreaterThan(0);
    expect(nguyen.tfAdjustment).toBeLessThan(0);
  });

  it('is off with tf: false', () => {
    const off: LinkageSpec<R> = {
      comparisons: [familyNameComparison<R>({ name: 'family', get: (x) => x.name, tf: false })],
      blocking: [],
    };
    const sc = createScorer(model, prepareSide(right, off), off);
    const e = explainPair(sc, prepareSide(left, off), 1, prepareSide(right, off), 99);
    expect(e.contributions[0]!.tfAdjustment).toBe(0);
  });
});
