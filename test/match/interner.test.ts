import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnReconcileError } from '../../src/errors.js';
import {
  attachInterner,
  clearInterner,
  createInterner,
  hashString,
  type Interner,
  intern,
  internedValue,
  internerArrays,
  internerSize,
  internPrefixed,
  internPrefixedIds,
  internUnits,
} from '../../src/match/interner.js';

/** The reference: the Map interner the typed-array one replaced. */
function mapIds(values: readonly string[], frozenAfter = values.length): number[] {
  const ids = new Map<string, number>();
  return values.map((v, i) => {
    const id = ids.get(v);
    if (id !== undefined) return id;
    if (i >= frozenAfter) return ids.size;
    ids.set(v, ids.size);
    return ids.size - 1;
  });
}

function internAll(interner: Interner, values: readonly string[]): number[] {
  return values.map((v) => intern(interner, v));
}

/** Pairs of distinct 12-digit strings with the same 32-bit hash (found by a birthday search). */
function hashCollisions(count: number): [string, string][] {
  const seen = new Map<number, string>();
  const out: [string, string][] = [];
  for (let i = 0; out.length < count; i++) {
    const s = String(i * 7919).padStart(12, '0');
    const h = hashString(s);
    const other = seen.get(h);
    if (other !== undefined) out.push([other, s]);
    else seen.set(h, s);
  }
  return out;
}

/** Copies of the interner's arrays (views would change along with the interner). */
function snapshot(interner: Interner) {
  const a = internerArrays(interner);
  return { size: a.size, table: [...a.table], pool: [...a.pool], starts: [...a.starts] };
}

// Characters that make interning hard: '', NUL, astral pairs, lone surrogates, two-byte letters.
const unit = fc.oneof(
  fc.constantFrom('a', 'b', 'ă', 'Nguyễn', '\u0000', '😀', '\u{10FFFF}'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
);
const value = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit, minLength: 200, maxLength: 3000 }) },
);
/** Sequences with many repeats: values drawn from a small set, then interned in random order. */
const sequence = fc
  .array(value, { minLength: 1, maxLength: 60 })
  .chain((pool) =>
    fc.array(fc.constantFrom(...pool), { maxLength: 300 }).map((picks) => [...pool, ...picks]),
  )
  .chain((values) => fc.shuffledSubarray(values, { minLength: values.length }));

describe('intern', () => {
  it.each([
    [
      ['hung', 'lan', 'hung', 'mai', 'lan'],
      [0, 1, 0, 2, 1],
    ],
    [
      ['', 'a', ''],
      [0, 1, 0],
    ],
    [
      ['\u0000', '', '\u0000\u0000'],
      [0, 1, 2],
    ],
    [
      ['😀', '\ud83d', '\ude00', '\ud83d\ude00'],
      [0, 1, 2, 0],
    ],
    [
      ['Nguyễn', 'Nguyên', 'Nguyễn'],
      [0, 1, 0],
    ],
  ])('interns %j as %j', (values, ids) => {
    const interner = createInterner();
    expect(internAll(interner, values)).toEqual(ids);
    expect(internerSize(interner)).toBe(Math.max(...ids) + 1);
  });

  fcTest.prop([sequence, fc.constantFrom(1, 2, 8, 1000)], { numRuns: 150 })(
    'assigns the ids a Map assigns, whatever the starting capacity',
    (values, capacity) => {
      const interner = createInterner({ capacity });
      expect(internAll(interner, values)).toEqual(mapIds(values));
      const distinct = [...new Set(values)];
      expect(internerSize(interner)).toBe(distinct.length);
      expect(distinct.map((_, id) => internedValue(interner, id))).toEqual(distinct);
    },
  );

  fcTest.prop([sequence, fc.constantFrom(1, 8)], { numRuns: 100 })(
    'internUnits over a pool of code units gives the ids intern gives the strings',
    (values, capacity) => {
      // The values back to back behind some other code units, as a piece's dictionary pool.
      const pool = new Uint16Array(3 + values.reduce((n, v) => n + v.length, 0));
      const starts: number[] = [3];
      for (const v of values) {
        const at = starts[starts.length - 1]!;
        for (let k = 0; k < v.length; k++) pool[at + k] = v.charCodeAt(k);
        starts.push(at + v.length);
      }
      const a = createInterner({ capacity });
      const b = createInterner({ capacity });
      const units = values.map((_, i) => internUnits(b, pool, starts[i]!, starts[i + 1]!));
      expect(units).toEqual(internAll(a, values));
      expect(internerArrays(b)).toEqual(internerArrays(a));
      b.frozen = true;
      const odd = '\ud800\u0000\ud800';
      const expected = values.includes(odd) ? intern(a, odd) : internerSize(b);
      expect(internUnits(b, Uint16Array.of(0xd800, 0, 0xd800), 0, 3)).toBe(expected);
    },
  );

  it('tells apart values whose full 32-bit hashes collide', () => {
    const pairs = hashCollisions(3);
    for (const [x, y] of pairs) {
      expect(x).not.toBe(y);
      expect(hashString(x)).toBe(hashString(y));
    }
    const values = pairs.flat();
    const interner = createInterner({ capacity: 1 });
    expect(internAll(interner, values)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(internAll(interner, [...values].reverse())).toEqual([5, 4, 3, 2, 1, 0]);
    interner.frozen = true;
    expect(intern(interner, '999999999999')).toBe(6);
  });

  it('keeps 100 000 values through many growths from a capacity of 1', () => {
    const values = Array.from({ length: 100_000 }, (_, i) => String(i * 7919).padStart(12, '0'));
    const interner = createInterner({ capacity: 1 });
    expect(internAll(interner, values)).toEqual(values.map((_, i) => i));
    expect(internAll(interner, values)).toEqual(values.map((_, i) => i));
    const { table, pool, starts } = internerArrays(interner);
    expect(table.length).toBe(2 * 262_144); // 2^17 slots would be loaded above 0.7
    expect(pool.length).toBe(1_200_000);
    expect(starts.length).toBe(100_001);
    expect(internedValue(interner, 99_999)).toBe(values[99_999]);
  });

  it.each([-1, 2, 0.5, Number.NaN])('refuses to rebuild the value of the id %d', (id) => {
    const interner = createInterner();
    internAll(interner, ['a', 'b']);
    expect(() => internedValue(interner, id)).toThrow(VnReconcileError);
  });
});

describe('a frozen interner', () => {
  fcTest.prop([sequence, fc.nat()], { numRuns: 100 })(
    'looks values up, gives every unseen value the id size, and never grows',
    (values, cut) => {
      const k = cut % (values.length + 1);
      const interner = createInterner({ capacity: 2 });
      internAll(interner, values.slice(0, k));
      const size = internerSize(interner);
      const before = snapshot(interner);
      interner.frozen = true;
      expect(internAll(interner, values)).toEqual(mapIds(values, k));
      expect(internerSize(interner)).toBe(size);
      expect(snapshot(interner)).toEqual(before);
    },
  );

  it('grows again once unfrozen', () => {
    const interner = createInterner();
    internAll(interner, ['a', 'b']);
    interner.frozen = true;
    expect(intern(interner, 'c')).toBe(2);
    expect(intern(interner, 'd')).toBe(2);
    interner.frozen = false;
    expect(internAll(interner, ['d', 'c', 'a'])).toEqual([2, 3, 0]);
  });
});

describe('attachInterner', () => {
  const values = ['Nguyễn', 'Văn', 'An', '', '001090012345', '😀', '\ud800'];

  it('looks values up in the attached arrays without copying them', () => {
    const theirs = createInterner();
    internAll(theirs, values);
    const shared = internerArrays(theirs);
    const mine = createInterner();
    attachInterner(mine, shared);
    expect(mine.frozen).toBe(true);
    expect(mine.table).toBe(shared.table);
    expect(mine.pool).toBe(shared.pool);
    expect(internAll(mine, values)).toEqual(values.map((_, i) => i));
    expect(intern(mine, 'unseen')).toBe(values.length);
    expect(internerSize(mine)).toBe(values.length);
    expect(internedValue(mine, 0)).toBe('Nguyễn');
  });

  it('copies the shared arrays before its first write once unfrozen', () => {
    const theirs = createInterner();
    internAll(theirs, values);
    const shared = internerArrays(theirs);
    const before = snapshot(theirs);
    const mine = createInterner();
    attachInterner(mine, shared);
    mine.frozen = false;
    expect(intern(mine, 'new')).toBe(values.length);
    expect(intern(mine, 'An')).toBe(2);
    expect(internedValue(mine, values.length)).toBe('new');
    expect(mine.table).not.toBe(shared.table);
    expect(snapshot(theirs)).toEqual(before);
    expect([...shared.table]).toEqual(before.table);
  });

  it('refuses an interner that already holds values', () => {
    const theirs = createInterner();
    intern(theirs, 'a');
    const mine = createInterner();
    intern(mine, 'b');
    expect(() => attachInterner(mine, internerArrays(theirs))).toThrow(/already holds/);
  });

  it.each([
    ['a table that is not a power of two', { table: new Int32Array(6) }],
    ['a full table', { table: new Int32Array(4), size: 2 }],
    ['too few starts', { starts: new Uint32Array(1) }],
    ['a short pool', { pool: new Uint16Array(1) }],
  ])('refuses %s', (_label, change) => {
    const theirs = createInterner();
    internAll(theirs, ['ab', 'c']);
    const arrays = { ...internerArrays(theirs), ...change };
    expect(() => attachInterner(createInterner(), arrays)).toThrow(/Inconsistent/);
  });
});

describe('clearInterner', () => {
  fcTest.prop([sequence, sequence], { numRuns: 100 })(
    'gives the next values the ids a fresh interner gives them',
    (first, second) => {
      const reused = createInterner();
      internAll(reused, first);
      clearInterner(reused);
      expect(internerSize(reused)).toBe(0);
      const fresh = createInterner();
      expect(internAll(reused, second)).toEqual(internAll(fresh, second));
      expect(internerArrays(reused).pool).toEqual(internerArrays(fresh).pool);
      expect(internerArrays(reused).starts).toEqual(internerArrays(fresh).starts);
      const distinct = [...new Set(second)];
      expect(distinct.map((_, id) => internedValue(reused, id))).toEqual(distinct);
    },
  );

  it('lets go of borrowed arrays without writing to them', () => {
    const theirs = createInterner();
    internAll(theirs, ['Nguyễn', 'Văn']);
    const before = snapshot(theirs);
    const mine = createInterner();
    attachInterner(mine, internerArrays(theirs));
    clearInterner(mine);
    expect(mine.frozen).toBe(false);
    expect(mine.borrowed).toBe(false);
    expect(internAll(mine, ['Lan', 'Nguyễn'])).toEqual([0, 1]);
    expect(snapshot(theirs)).toEqual(before);
  });
});

describe('internPrefixed', () => {
  fcTest.prop(
    [fc.array(fc.tuple(fc.constantFrom('~', '%', 'p:', 'c:', ''), value)), fc.constantFrom(1, 8)],
    {
      numRuns: 100,
    },
  )('gives the ids intern gives the concatenated strings', (pairs, capacity) => {
    const prefixed = createInterner({ capacity });
    const joined = createInterner({ capacity });
    expect(pairs.map(([p, v]) => internPrefixed(prefixed, p, v))).toEqual(
      pairs.map(([p, v]) => intern(joined, `${p}${v}`)),
    );
    expect(snapshot(prefixed)).toEqual(snapshot(joined));
  });

  it('internPrefixedIds: −1 for a missing value, the prefix alone for an empty one', () => {
    const interner = createInterner();
    expect([...internPrefixedIds(['hung', undefined, '', 'hung'], '~', interner)]).toEqual([
      0, -1, 1, 0,
    ]);
    expect(internedValue(interner, 1)).toBe('~');
  });
});
