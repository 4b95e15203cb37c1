import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSex } from '../../src/record/index.js';

describe('parseSex', () => {
  it.each([
    ['Nam', 'male'],
    ['nam', 'male'],
    [' NAM ', 'male'],
    ['M', 'male'],
    ['male', 'male'],
    ['Male', 'male'],
    ['Nữ', 'female'],
    ['nữ', 'female'],
    ['NỮ', 'female'],
    ['Nu', 'female'],
    ['nu\u031b\u0303', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['N÷', 'female'],
    ['Nöõ', 'female'],
    ['nữ giới', 'female'],
  ])('%j → %s', (input, sex) => {
    expect(parseSex(input)).toEqual({ success: true, data: sex });
  });

  it.each([
    ['', 'SEX_MISSING'],
    ['  ', 'SEX_MISSING'],
    ['1', 'SEX_NUMERIC_CODE'],
    ['0', 'SEX_NUMERIC_CODE'],
    ['2', 'SEX_NUMERIC_CODE'],
    ['khác', 'SEX_UNRECOGNISED'],
    ['x', 'SEX_UNRECOGNISED'],
  ])('%j → %s', (input, code) => {
    const r = parseSex(input);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([code]);
  });

  it('reads digit codes only with numericCodes', () => {
    const numericCodes = { '1': 'male', '0': 'female' } as const;
    expect(parseSex('1', { numericCodes })).toEqual({ success: true, data: 'male' });
    expect(parseSex('0', { numericCodes })).toEqual({ success: true, data: 'female' });
    const r = parseSex('2', { numericCodes });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual(['SEX_NUMERIC_CODE']);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const r = parseSex(s);
        expect(r.success || r.issues.length === 1).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
