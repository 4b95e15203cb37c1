import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIdAgainstPerson,
  type IdPersonField,
  type PersonFacts,
  parseIdNumber,
} from '../../src/id/index.js';
import { cccdPartsArbitrary } from '../../src/testing/id.js';

const options = { referenceDate: new Date('2026-06-01T00:00:00Z') };
// 001 Hà Nội, G=1 (1900s, female), YY=90 → a woman born in 1990.
const ID = '001190012345';

describe('checkIdAgainstPerson', () => {
  it.each<[string, PersonFacts, readonly IdPersonField[], boolean]>([
    ['agrees on everything', { dob: { year: 1990, month: 5, day: 1 }, sex: 'female' }, [], true],
    ['year only', { dob: { year: 1990 } }, [], true],
    ['sex only', { sex: 'female' }, [], true],
    ['wrong sex', { dob: { year: 1990 }, sex: 'male' }, ['sex'], false],
    ['wrong year', { dob: { year: 1991 }, sex: 'female' }, ['birthYear'], false],
    ['wrong century', { dob: { year: 2090 } }, ['century', 'birthYear'], false],
    [
      'everything wrong',
      { dob: { year: 2091 }, sex: 'male' },
      ['sex', 'century', 'birthYear'],
      false,
    ],
    ['nothing to check', {}, [], false],
  ])('%s', (_label, person, conflicts, consistent) => {
    const r = checkIdAgainstPerson(ID, person, options);
    expect(r.conflicts).toEqual(conflicts);
    expect(r.consistent).toBe(consistent);
  });

  it('reports expected (from the ID) and actual (from the record)', () => {
    const r = checkIdAgainstPerson(ID, { dob: { year: 1909 }, sex: 'male' }, options);
    expect(r.sex).toEqual({ status: 'conflict', expected: 'female', actual: 'male' });
    expect(r.century).toEqual({ status: 'agree', value: 1900 });
    expect(r.birthYear).toEqual({ status: 'conflict', expected: 1990, actual: 1909 });
  });

  it.each<[string | number, PersonFacts, string]>([
    ['003190012345', { sex: 'female' }, 'INVALID_ID'],
    ['', { sex: 'female' }, 'INVALID_ID'],
    ['012345678', { sex: 'female' }, 'NOT_CCCD'],
    ['B1234567', { sex: 'female' }, 'NOT_CCCD'],
  ])('cannot check %j: %s', (id, person, reason) => {
    const r = checkIdAgainstPerson(id, person, options);
    for (const o of [r.sex, r.century, r.birthYear])
      expect(o).toEqual({ status: 'unchecked', reason });
    expect(r.consistent).toBe(false);
  });

  it('says which record fields are missing or unusable', () => {
    expect(checkIdAgainstPerson(ID, { dob: { year: 1990 } }, options).sex).toEqual({
      status: 'unchecked',
      reason: 'NO_SEX',
    });
    expect(checkIdAgainstPerson(ID, { sex: 'female' }, options).birthYear).toEqual({
      status: 'unchecked',
      reason: 'NO_DOB',
    });
    expect(
      checkIdAgainstPerson(ID, { dob: new Date(Number.NaN), sex: 'female' }, options).century,
    ).toEqual({ status: 'unchecked', reason: 'INVALID_DOB' });
    expect(checkIdAgainstPerson(ID, { dob: { year: 1990.5 } }, options).birthYear.status).toBe(
      'unchecked',
    );
  });

  it('accepts JS Dates at UTC midnight and at local midnight', () => {
    for (const dob of [new Date('1990-01-01'), new Date(1990, 0, 1), new Date('1990-12-31')]) {
      expect(checkIdAgainstPerson(ID, { dob }, options).birthYear.status).toBe('agree');
    }
  });

  it('accepts a parsed ID and numbers that lost their zeros', () => {
    const parsed = parseIdNumber(ID, options);
    if (!parsed.success) throw new Error('expected a valid ID');
    expect(checkIdAgainstPerson(parsed.data, { sex: 'female' }).consistent).toBe(true);
    expect(checkIdAgainstPerson(1190012345, { dob: { year: 1990 } }, options).consistent).toBe(
      true,
    );
  });

  it('a record built from the ID always agrees; changing sex always conflicts', () => {
    fc.assert(
      fc.property(cccdPartsArbitrary(), (c) => {
        const same = checkIdAgainstPerson(
          c.value,
          { dob: { year: c.birthYear }, sex: c.sex },
          options,
        );
        const other = c.sex === 'male' ? 'female' : 'male';
        const flipped = checkIdAgainstPerson(c.value, { sex: other }, options);
        return same.consistent && same.conflicts.length === 0 && flipped.conflicts[0] === 'sex';
      }),
      { numRuns: 200 },
    );
  });
});
