import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '../../src/text/index.js';
import { DIACRITIC_LETTERS_LOWER, DIACRITIC_LETTERS_UPPER } from '../../src/text/letters.js';

describe('foldDiacritics', () => {
  it.each([
    ['Nguyễn Thị Đào', 'Nguyen Thi Dao'],
    ['ĐẶNG VĂN ƯỚC', 'DANG VAN UOC'],
    ['Nguye\u0302\u0303n', 'Nguyen'],
    ['Müller Straße', 'Muller Strasse'],
    ['Ørsted Zoë', 'Orsted Zoe'],
    ['Lê\u00a0An', 'Le An'],
    ['plain ascii', 'plain ascii'],
    ['王 An', ' An'],
  ])('%j → %j', (input, expected) => {
    expect(foldDiacritics(input)).toBe(expected);
  });

  it('folds every Vietnamese letter to one ASCII letter with the same case', () => {
    for (const ch of DIACRITIC_LETTERS_LOWER) expect(foldDiacritics(ch)).toMatch(/^[a-z]$/);
    for (const ch of DIACRITIC_LETTERS_UPPER) expect(foldDiacritics(ch)).toMatch(/^[A-Z]$/);
    expect(DIACRITIC_LETTERS_LOWER).toHaveLength(67);
    expect(DIACRITIC_LETTERS_UPPER).toHaveLength(67);
  });

  fcTest.prop([fc.string({ unit: 'binary' })], { numRuns: 300 })('output is ASCII', (s) => {
    const out = foldDiacritics(s);
    expect(/^[\x00-\x7f]*$/.test(out)).toBe(true);
    expect(foldDiacritics(out)).toBe(out);
  });
});
