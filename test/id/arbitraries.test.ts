import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnReconcileError } from '../../src/errors.js';
import {
  cccdArbitrary,
  cccdPartsArbitrary,
  cmndArbitrary,
  passportArbitrary,
} from '../../src/testing/id.js';
import { damageId, type IdDamage } from '../../src/testing/id-damage.js';

describe('damageId', () => {
  it.each<[string, IdDamage, string | number, boolean]>([
    ['001090012345', 'apostrophe', "'001090012345", true],
    ['001090012345', 'decimal-zero', '001090012345.0', true],
    ['001090012345', 'spaces', '001 090 012 345', true],
    ['001090012345', 'dots', '001.090.012.345', true],
    ['001090012345', 'dashes', '001-090-012-345', true],
    ['001090012345', 'nbsp', '001\u00a0090\u00a0012\u00a0345', true],
    ['001090012345', 'padding', ' 001090012345\t', true],
    ['012', 'full-width', '０１２', true],
    ['001090012345', 'lost-leading-zeros', '1090012345', true],
    ['038095012345', 'number', 38095012345, true],
    ['038095012345', 'float-text', '38095012345.0', true],
    ['038095012345', 'scientific', '3.80950E+10', false],
    ['012345678', 'number', 12345678, true],
    ['001234567', 'number', 1234567, false],
    ['B1234567', 'number', 'B1234567', true],
  ])('%s with %s → %j', (original, damage, damaged, recoverable) => {
    expect(damageId(original, damage)).toEqual({ original, damaged, damage, recoverable });
  });
});

describe('arbitraries', () => {
  it('generate the documented shapes', () => {
    fc.assert(
      fc.property(cccdArbitrary(), cmndArbitrary(), passportArbitrary(), (a, b, c) => {
        return /^0\d{11}$/.test(a) && /^\d{9}$/.test(b) && /^[A-Z]\d{7}$/.test(c);
      }),
      { numRuns: 200 },
    );
  });
  it('generate people born abroad with country codes 101–295', () => {
    fc.assert(
      fc.property(cccdPartsArbitrary({ placeOfBirth: 'abroad' }), (c) => {
        const code = Number(c.value.slice(0, 3));
        return code >= 101 && code <= 295 && c.countryCode === code && c.provinceCode === undefined;
      }),
      { numRuns: 200 },
    );
  });
  it('reject an option with no known province', () => {
    expect(() => cccdArbitrary({ province: '03' })).toThrow(VnReconcileError);
  });
});
