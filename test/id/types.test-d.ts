import { describe, expectTypeOf, it } from 'vitest';
import {
  type CccdParts,
  checkIdAgainstPerson,
  type IdIssueCode,
  type IdKind,
  type OldProvince,
  type ParsedId,
  parseIdNumber,
} from '../../src/id/index.js';
import type { PartialDate } from '../../src/record/index.js';

describe('id types', () => {
  it('discriminates the result and the parsed kinds', () => {
    const r = parseIdNumber('001090012345');
    if (r.success) {
      expectTypeOf(r.data).toEqualTypeOf<ParsedId>();
      expectTypeOf(r.data.kind).toEqualTypeOf<IdKind>();
      if (r.data.kind === 'cccd' || r.data.kind === 'cmnd12') {
        expectTypeOf(r.data.parts).toEqualTypeOf<CccdParts>();
        expectTypeOf(r.data.parts.province).toEqualTypeOf<OldProvince | undefined>();
        if (!r.data.parts.bornAbroad)
          expectTypeOf(r.data.parts.province).toEqualTypeOf<OldProvince>();
        else expectTypeOf(r.data.parts.countryCode).toEqualTypeOf<number>();
      } else {
        expectTypeOf(r.data).not.toHaveProperty('parts');
      }
    } else {
      expectTypeOf(r.issues[0].code).toEqualTypeOf<IdIssueCode>();
    }
  });

  it('accepts the record part’s PartialDate without importing it', () => {
    const dob: PartialDate = { year: 1990, month: 5 };
    expectTypeOf(checkIdAgainstPerson).toBeCallableWith('001090012345', { dob, sex: 'male' });
    expectTypeOf(checkIdAgainstPerson).toBeCallableWith(38095012345, { dob: new Date() });
    // @ts-expect-error sex is 'male' | 'female'
    checkIdAgainstPerson('001090012345', { sex: 'nam' });
  });

  it('rejects unknown repair codes in options', () => {
    // @ts-expect-error not a repair code
    parseIdNumber('1', { repairs: { NOT_A_REPAIR: false } });
    parseIdNumber('1', { repairs: { RESTORED_LEADING_ZERO: false }, kinds: ['cccd'] });
  });
});
