import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoize } from '../src/memo.js';

describe('memoize', () => {
  it('gives what the function gives, for any sequence of inputs and any limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'dd', '', 'Phường 5', 'phường 5'), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 5 }),
        (inputs, limit) => {
          const fn = (s: string) => (s.length % 2 === 0 ? undefined : { upper: s.toUpperCase() });
          const m = memoize(fn, limit);
          for (const s of inputs) expect(m(s)).toEqual(fn(s));
        },
      ),
    );
  });

  it('computes a repeated input once, even past the limit, and a new one again', () => {
    const calls: string[] = [];
    const m = memoize((s: string) => {
      calls.push(s);
      return s.length;
    }, 2);
    // Equal strings that are not the same object (as cells parsed from a file are).
    const x = 'Xã Tân Lập'.slice(0);
    const y = ['Xã', 'Tân', 'Lập'].join(' ');
    expect([m(x), m(y), m(x)]).toEqual([10, 10, 10]);
    expect(calls).toEqual(['Xã Tân Lập']);
    for (const s of ['a', 'b', 'c']) m(s);
    expect(m('c')).toBe(1);
    expect(calls).toEqual(['Xã Tân Lập', 'a', 'b', 'c']);
    // Evicted by the limit: computed again.
    expect(m(x)).toBe(10);
    expect(calls).toEqual(['Xã Tân Lập', 'a', 'b', 'c', 'Xã Tân Lập']);
  });
});
