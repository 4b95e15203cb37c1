import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { walkMemo } from '../../src/match/walk-memo.js';

describe('walkMemo', () => {
  it('gives what the function gives, for any walks over any objects', () => {
    const objects = Array.from({ length: 6 }, (_, i) => ({ i }));
    fc.assert(
      fc.property(
        // Walks: each a list of object indexes (repeats of a previous walk are likely).
        fc.array(fc.array(fc.nat({ max: 5 }), { maxLength: 8 }), { maxLength: 8 }),
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 9 }),
        (walks, repeatOf, replays, limit) => {
          const compute = (o: { i: number }) => `v${o.i}`;
          const m = walkMemo(compute, { replays, limit });
          // The walks, each followed by some repeats of an earlier one.
          for (const [k, w] of walks.entries()) {
            for (const x of w) expect(m(objects[x]!)).toBe(compute(objects[x]!));
            const again = walks[repeatOf[k % repeatOf.length]! % (k + 1)]!;
            for (const x of again) expect(m(objects[x]!)).toBe(compute(objects[x]!));
          }
        },
      ),
    );
  });

  it('computes a walk once, reads its repeats back, and lets go after the last one', () => {
    const records = Array.from({ length: 5 }, (_, i) => ({ i }));
    const calls: number[] = [];
    const m = walkMemo(
      (r: { i: number }) => {
        calls.push(r.i);
        return r.i * 10;
      },
      { replays: 2 },
    );
    expect(records.map(m)).toEqual([0, 10, 20, 30, 40]);
    expect(records.map(m)).toEqual([0, 10, 20, 30, 40]);
    expect(records.map(m)).toEqual([0, 10, 20, 30, 40]);
    expect(calls).toEqual([0, 1, 2, 3, 4]);
    // Forgotten after two repeats: a fourth walk computes again.
    expect(records.map(m)).toEqual([0, 10, 20, 30, 40]);
    expect(calls).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4]);
    // Another chunk's records after a repeat: a new first walk, repeated.
    records.map(m);
    const other = [{ i: 7 }, { i: 8 }];
    expect(other.map(m)).toEqual([70, 80]);
    expect(other.map(m)).toEqual([70, 80]);
    expect(calls).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 7, 8]);
    // New objects during a first walk extend it (up to the limit): still the right values.
    expect([{ i: 9 }].map(m)).toEqual([90]);
    expect(other.map(m)).toEqual([70, 80]);
  });
});
