import fc from 'fast-check';
import { distance as fastestLevenshtein } from 'fastest-levenshtein';
import jaroWinklerPeer from 'jaro-winkler';
import { describe, expect, it } from 'vitest';
import {
  codesOf,
  jaro,
  jaroWinkler,
  levenshtein,
  osaDistance,
  withinOneEdit,
} from '../../src/match/index.js';
import { refJaro, refJaroWinkler, refLevenshtein, refOsa } from './reference.js';

// Small alphabets make collisions (matches, transpositions) frequent; long strings reach the
// multi-word fallbacks (> 32 code units).
const alphabet = fc.constantFrom('a', 'b', 'c', 'ă', 'ễ', 'N', 'g', ' ');
const str = (max: number) => fc.string({ unit: alphabet, maxLength: max });
const pair = fc.oneof(
  fc.tuple(str(12), str(12)),
  fc.tuple(str(40), str(40)),
  fc.tuple(str(70), str(30)),
  fc.tuple(str(30), str(70)),
);

describe('string kernels equal the textbook definitions', () => {
  it.each([
    ['', '', 0, 0, 1],
    ['abc', '', 3, 3, 0],
    ['kitten', 'sitting', 3, 3, 0.746031746031746],
    ['ca', 'abc', 3, 3, 0],
    ['Nguyễn', 'Nguyen', 1, 1, 0.9333333333333333],
    ['MARTHA', 'MARHTA', 2, 1, 0.9611111111111111],
    ['DWAYNE', 'DUANE', 2, 2, 0.84],
    ['Hoàng', 'Huỳnh', 3, 3, 0.6],
  ])('%s ~ %s: lev %i, osa %i, jw %f', (a, b, lev, osa, jw) => {
    expect(levenshtein(a, b)).toBe(lev);
    expect(osaDistance(a, b)).toBe(osa);
    expect(jaroWinkler(a, b)).toBeCloseTo(jw, 12);
  });

  it('Levenshtein = DP reference', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => levenshtein(a, b) === refLevenshtein(a, b)),
      { numRuns: 600 },
    );
  });
  it('OSA = DP reference', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => osaDistance(a, b) === refOsa(a, b)),
      { numRuns: 600 },
    );
  });
  it('Jaro and Jaro–Winkler = reference (bit-exact)', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        expect(jaro(a, b)).toBe(refJaro(a, b));
        expect(jaroWinkler(a, b)).toBe(refJaroWinkler(a, b));
      }),
      { numRuns: 600 },
    );
  });
  it('Jaro–Winkler agrees with the jaro-winkler package on non-empty strings', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        fc.pre(a.length > 0 && b.length > 0);
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinklerPeer(a, b), 12);
      }),
      { numRuns: 300 },
    );
  });
});

describe('withinOneEdit', () => {
  it('equals osa ≤ 1', () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = codesOf(a);
        const y = codesOf(b);
        expect(withinOneEdit(x, 0, x.length, y, 0, y.length)).toBe(refOsa(a, b) <= 1);
      }),
      { numRuns: 600 },
    );
    for (const [a, b] of [
      ['ab', 'ba'],
      ['abc', 'acb'],
      ['abcd', 'abdc'],
      ['abc', 'abd'],
      ['abc', 'bc'],
      ['abc', 'abcd'],
      ['abcd', 'badc'],
      ['aab', 'aba'],
    ] as const) {
      const x = codesOf(a);
      const y = codesOf(b);
      expect(withinOneEdit(x, 0, x.length, y, 0, y.length)).toBe(refOsa(a, b) <= 1);
    }
  });
});

describe('string functions on surrogate pairs, empty and long strings', () => {
  // Astral characters are two code units (the functions count code units, like the peers); lone
  // surrogates and combining marks must not confuse the reused buffer.
  const wide = fc.constantFrom('a', 'b', 'ễ', '😀', '😁', '\uD83D', '\uDE00', '\u0301', ' ', '');
  const wideStr = (max: number) => fc.string({ unit: wide, maxLength: max });
  const widePair = fc.oneof(
    fc.tuple(wideStr(10), wideStr(10)),
    fc.tuple(fc.constant(''), wideStr(20)),
    fc.tuple(wideStr(20), fc.constant('')),
    fc.tuple(wideStr(300), wideStr(300)),
    fc.tuple(wideStr(200), wideStr(20)),
  );
  it('equal the references for every pair, in any call order', () => {
    fc.assert(
      fc.property(widePair, ([a, b]) => {
        expect(levenshtein(a, b)).toBe(refLevenshtein(a, b));
        expect(osaDistance(a, b)).toBe(refOsa(a, b));
        expect(jaro(a, b)).toBe(refJaro(a, b));
        expect(jaroWinkler(a, b)).toBe(refJaroWinkler(a, b));
        expect(levenshtein(a, b)).toBe(fastestLevenshtein(a, b));
      }),
      { numRuns: 300 },
    );
  });
  it('count an astral character as two code units', () => {
    expect(levenshtein('😀', '😁')).toBe(1);
    expect(levenshtein('😀', '')).toBe(2);
    expect(osaDistance('a😀', '😀a')).toBe(2);
    expect(jaroWinkler('', '')).toBe(1);
  });
});
