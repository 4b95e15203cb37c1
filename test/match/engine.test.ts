import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildBlockIndex,
  checkBlocking,
  chooseThresholds,
  chunkBlockIndex,
  countCandidates,
  dedupeWithSpec,
  exactComparison,
  explainPair,
  type LinkageSpec,
  linkWithSpec,
  modelSchema,
  type PatternCounts,
  parseModel,
  prepareSide,
  runEm,
  stringComparison,
  toColumnarReference,
  weightToProbability,
} from '../../src/match/index.js';

interface P {
  readonly name: string;
  readonly year: string;
  readonly town: string;
}

function spec(): LinkageSpec<P> {
  return {
    comparisons: [
      stringComparison({ name: 'name', get: (r) => r.name, tf: true }),
      exactComparison({ name: 'year', get: (r) => r.year }),
      exactComparison({ name: 'town', get: (r) => r.town }),
    ],
    blocking: [
      { name: 'name', fields: ['name'], key: (r) => r.name },
      {
        name: 'year+town',
        fields: ['year', 'town'],
        key: (r) => (r.year && r.town ? `${r.year}|${r.town}` : null),
      },
    ],
  };
}

const person = fc.record({
  name: fc.constantFrom('', 'lan', 'lan', 'lam', 'hung', 'hùng', 'mai', 'an', 'anh'),
  year: fc.constantFrom('', '1980', '1981', '1990'),
  town: fc.constantFrom('', 'a', 'b', 'c'),
});
const people = fc.array(person, { maxLength: 40 });

describe('linkWithSpec', () => {
  it('accounts for every left record exactly once, in order', () => {
    fc.assert(
      fc.property(people, people, fc.boolean(), (left, right, oneToOne) => {
        const r = linkWithSpec(left, right, spec(), { randomPairs: 2000, oneToOne });
        expect(r.success).toBe(true);
        if (!r.success) return;
        const res = r.data.results;
        expect(res.length).toBe(left.length);
        res.forEach((x, i) => {
          expect(x.left).toBe(i);
          expect(x.right).toBeGreaterThanOrEqual(-1);
          expect(x.right).toBeLessThan(right.length);
          expect(['match', 'review', 'no_match']).toContain(x.decision);
          if (x.right < 0) expect(x.decision).toBe('no_match');
        });
        const c = r.data.summary.counts;
        expect(c.match + c.review + c.no_match + c.invalid).toBe(left.length);
        if (oneToOne) {
          const taken = res.filter((x) => x.decision !== 'no_match').map((x) => x.right);
          expect(new Set(taken).size).toBe(taken.length);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic', () => {
    const left = [
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'hung', year: '1990', town: 'b' },
    ];
    const right = [
      ...left,
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'mai', year: '1981', town: 'c' },
    ];
    const a = linkWithSpec(left, right, spec(), { randomPairs: 500 });
    const b = linkWithSpec(left, right, spec(), { randomPairs: 500 });
    expect(a.success && b.success).toBe(true);
    if (a.success && b.success) {
      expect(a.data.results).toEqual(b.data.results);
      // Two identical reference records: the tie goes to the lower index, and it is ambiguous.
      expect(a.data.results[0]).toMatchObject({
        right: 0,
        decision: 'review',
        reason: 'ambiguous',
      });
    }
  });

  it('explains every pair: contributions add up to the match weight', () => {
    const left = [{ name: 'lan', year: '1980', town: 'a' }];
    const right = [{ name: 'lam', year: '1980', town: '' }];
    const r = linkWithSpec(left, right, spec(), { randomPairs: 100 });
    if (!r.success) throw new Error('link failed');
    const e = explainPair(r.data.scorer, r.data.left, 0, r.data.right, 0);
    const sum = e.priorWeight + e.contributions.reduce((s, c) => s + c.weight + c.tfAdjustment, 0);
    expect(sum).toBeCloseTo(e.matchWeight, 10);
    expect(e.probability).toBeCloseTo(weightToProbability(e.matchWeight), 12);
    expect(e.contributions.map((c) => `${c.comparison}=${c.level}`)).toEqual([
      'name=jw>=0.8',
      'year=exact',
      'town=null',
    ]);
    expect(e.contributions[2]!.weight).toBe(0);
  });
});

describe('deterministic rules', () => {
  it('a match rule pre-decides a pair; a no_match rule removes it', () => {
    const left = [
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'mai', year: '1990', town: 'b' },
    ];
    const right = [
      { name: 'lan', year: '1985', town: 'c' },
      { name: 'mai', year: '1990', town: 'b' },
    ];
    const r = linkWithSpec(left, right, spec(), {
      randomPairs: 200,
      rules: [
        { name: 'same name', require: { name: ['exact'] } },
        { name: 'other town', decision: 'no_match', require: { town: ['else', 'null'] } },
      ],
    });
    if (!r.success) throw new Error('link failed');
    expect(r.data.results[0]).toMatchObject({
      right: 0,
      decision: 'match',
      reason: 'rule',
      rule: 'same name',
    });
    const r2 = linkWithSpec(left, right, spec(), {
      randomPairs: 200,
      rules: [{ name: 'other town', decision: 'no_match', require: { town: ['else', 'null'] } }],
    });
    if (!r2.success) throw new Error('link failed');
    expect(r2.data.results[0]).toMatchObject({
      right: -1,
      decision: 'no_match',
      reason: 'no_candidate',
    });
    expect(r2.data.results[1]).toMatchObject({ right: 1 });
    expect(() =>
      linkWithSpec(left, right, spec(), { rules: [{ name: 'x', require: { name: ['nope'] } }] }),
    ).toThrow(/has no level 'nope'/);
  });
});

describe('dedupeWithSpec', () => {
  it('gives every record exactly one cluster; clusters are closed', () => {
    fc.assert(
      fc.property(people, (rows) => {
        const r = dedupeWithSpec(rows, spec(), { randomPairs: 2000 });
        expect(r.success).toBe(true);
        if (!r.success) return;
        const c = r.data.cluster;
        expect(c.length).toBe(rows.length);
        c.forEach((rep, i) => {
          expect(rep).toBeLessThanOrEqual(i);
          expect(c[rep]).toBe(rep);
        });
        expect(new Set(c).size).toBe(r.data.summary.clusters);
      }),
      { numRuns: 60 },
    );
  });
});

describe('blocking', () => {
  it('counts candidate pairs before generating them, and caps a broad rule', () => {
    const s = spec();
    const right = prepareSide(
      [
        { name: 'lan', year: '1980', town: 'a' },
        { name: 'lan', year: '1981', town: 'a' },
        { name: 'mai', year: '1980', town: 'a' },
      ],
      s,
    );
    const left = prepareSide([{ name: 'lan', year: '1980', town: 'a' }], s);
    const counts = countCandidates(buildBlockIndex(right), left, s);
    expect(counts.perRule).toEqual([
      { rule: 'name', pairs: 2, largestBlock: 2 },
      { rule: 'year+town', pairs: 2, largestBlock: 2 },
    ]);
    expect(
      countCandidates(buildBlockIndex(right), undefined, s).perRule.map((r) => r.pairs),
    ).toEqual([1, 1]);
    const capped = checkBlocking(counts, 1);
    expect(capped.success).toBe(false);
    if (!capped.success) {
      expect(capped.issues.map((i) => i.code)).toEqual([
        'BLOCKING_RULE_TOO_BROAD',
        'BLOCKING_RULE_TOO_BROAD',
      ]);
      expect(capped.issues[0]!.message).not.toContain('lan');
    }
    const r = linkWithSpec(
      [{ name: 'lan', year: '1980', town: 'a' }],
      [...Array(5)].map(() => ({ name: 'lan', year: '', town: '' })),
      s,
      {
        maxPairsPerRule: 3,
      },
    );
    expect(r.success).toBe(false);
  });

  it('leaves out blocks larger than a rule’s maxBlockSize (in memory and in the columnar reference)', () => {
    const base = spec();
    const s: LinkageSpec<P> = {
      ...base,
      blocking: [{ ...base.blocking[0]!, maxBlockSize: 2 }, base.blocking[1]!],
    };
    const register = [
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'lan', year: '1981', town: 'b' },
      { name: 'lan', year: '1982', town: 'c' },
      { name: 'mai', year: '1983', town: 'a' },
      { name: 'mai', year: '1984', town: 'b' },
    ];
    const right = prepareSide(register, s);
    const left = prepareSide(
      [
        { name: 'lan', year: '1990', town: 'a' },
        { name: 'mai', year: '1990', town: 'a' },
      ],
      s,
    );
    const index = buildBlockIndex(right, s);
    expect(index.rules[0]!.has('lan')).toBe(false);
    expect([...index.rules[0]!.get('mai')!]).toEqual([3, 4]);
    expect(countCandidates(index, left, s).perRule[0]).toEqual({
      rule: 'name',
      pairs: 2,
      largestBlock: 2,
    });
    const ref = toColumnarReference(right);
    const chunk = chunkBlockIndex(ref, left, s);
    expect(chunk.rules[0]!.has('lan')).toBe(false);
    expect([...chunk.rules[0]!.get('mai')!]).toEqual([3, 4]);
    // Without the spec, nothing is left out.
    expect(buildBlockIndex(right).rules[0]!.get('lan')!.length).toBe(3);
    const linked = linkWithSpec([{ name: 'lan', year: '1990', town: 'z' }], register, s);
    expect(linked.success && linked.data.summary.pairsScored).toBe(0);
  });
});

describe('model', () => {
  it('round-trips through JSON and is validated by zod', () => {
    const rows = [
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'lan', year: '1980', town: 'a' },
      { name: 'mai', year: '1990', town: 'b' },
    ];
    const r = linkWithSpec(rows, rows, spec(), { randomPairs: 100 });
    if (!r.success) throw new Error('link failed');
    const json = JSON.parse(JSON.stringify(r.data.model));
    expect(modelSchema.safeParse(json).success).toBe(true);
    const back = parseModel(json, spec());
    expect(back.success).toBe(true);
    const other: LinkageSpec<P> = { ...spec(), comparisons: spec().comparisons.slice(0, 2) };
    const mismatch = parseModel(json, other);
    expect(mismatch.success ? [] : mismatch.issues.map((i) => i.code)).toEqual(['MODEL_MISMATCH']);
    const bad = parseModel({ ...json, prior: 2 });
    expect(bad.success ? [] : bad.issues.map((i) => i.code)).toEqual(['MODEL_INVALID']);
  });
});

describe('EM', () => {
  it('recovers m and λ from simulated patterns (u known, missing values ignored)', () => {
    // Two comparisons with levels 1 (agree) and 2 (disagree); 0 = missing.
    const m = [0.9, 0.1];
    const u = [0.05, 0.95];
    const lambda = 0.2;
    const counts = new Map<string, number>();
    let seed = 1;
    const rand = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    for (let n = 0; n < 200_000; n++) {
      const isMatch = rand() < lambda;
      const lv = [0, 1, 2].map((k) => {
        if (k === 2 && rand() < 0.3) return 0;
        const p = isMatch ? m[0]! : u[0]!;
        return rand() < p ? 1 : 2;
      });
      const key = lv.join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys = [...counts.keys()];
    const patterns: PatternCounts = {
      comparisons: 3,
      size: keys.length,
      levels: Uint8Array.from(keys.flatMap((k) => k.split(',').map(Number))),
      counts: Float64Array.from(keys.map((k) => counts.get(k)!)),
    };
    const flat = (a: number, b: number) => Float64Array.of(0, a, b);
    const res = runEm(
      patterns,
      [flat(0.6, 0.4), flat(0.6, 0.4), flat(0.6, 0.4)],
      [flat(0.05, 0.95), flat(0.05, 0.95), flat(0.05, 0.95)],
      0.5,
    );
    expect(res.converged).toBe(true);
    expect(res.lambda).toBeCloseTo(lambda, 2);
    for (const mk of res.m) expect(mk[1]).toBeCloseTo(0.9, 2);
  });
});

describe('chooseThresholds', () => {
  it('picks the lowest match threshold whose estimated FDR stays under the target', () => {
    const t = chooseThresholds(Float64Array.of(0.9999, 0.999, 0.99, 0.6, 0.01), {
      targetFdr: 0.001,
    });
    expect(t.match).toBe(0.999);
    expect(t.estimatedFdr).toBeCloseTo((0.0001 + 0.001) / 2, 12);
    expect(t.review).toBeLessThanOrEqual(t.match);
  });
});
