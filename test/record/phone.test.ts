import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LANDLINE_AREAS,
  MOBILE_MIGRATION_2018,
  MOBILE_PREFIXES,
  parsePhone,
  parsePhoneOrThrow,
} from '../../src/record/index.js';
import { phoneArbitrary } from '../../src/testing/record.js';

describe('parsePhone: values', () => {
  it.each([
    ['0912345678', '0912345678', 'mobile', []],
    ['0912 345 678', '0912345678', 'mobile', []],
    ['0912.345.678', '0912345678', 'mobile', []],
    ['0912-345-678', '0912345678', 'mobile', []],
    ['+84 912 345 678', '0912345678', 'mobile', []],
    ['+84 (0) 912 345 678', '0912345678', 'mobile', []],
    ['84912345678', '0912345678', 'mobile', []],
    ['0084912345678', '0912345678', 'mobile', []],
    ["'0912345678", '0912345678', 'mobile', []],
    ['ĐT: 0912345678', '0912345678', 'mobile', []],
    ['912345678', '0912345678', 'mobile', ['PHONE_LEADING_ZERO_RESTORED']],
    ['912345678.0', '0912345678', 'mobile', ['PHONE_LEADING_ZERO_RESTORED']],
    ['01681234567', '0381234567', 'mobile', ['PHONE_MIGRATED_2018']],
    ['0168 123 4567', '0381234567', 'mobile', ['PHONE_MIGRATED_2018']],
    ['+84 168 123 4567', '0381234567', 'mobile', ['PHONE_MIGRATED_2018']],
    ['01201234567', '0701234567', 'mobile', ['PHONE_MIGRATED_2018']],
    ['01991234567', '0591234567', 'mobile', ['PHONE_MIGRATED_2018']],
    ['1681234567', '0381234567', 'mobile', ['PHONE_LEADING_ZERO_RESTORED', 'PHONE_MIGRATED_2018']],
    ['024 3825 1234', '02438251234', 'landline', []],
    ['(028) 3829 1234', '02838291234', 'landline', []],
    ['0236 3821 234', '02363821234', 'landline', []],
    ['(04) 3825 1234', '02438251234', 'landline', ['PHONE_LANDLINE_MIGRATED_2017']],
    ['08 0829 1234', '02808291234', 'landline', ['PHONE_LANDLINE_MIGRATED_2017']],
    ['08 3829 1234', '0838291234', 'mobile', []],
    ['0511 3821 234', '02363821234', 'landline', ['PHONE_LANDLINE_MIGRATED_2017']],
    ['062 3821 234', '02523821234', 'landline', ['PHONE_LANDLINE_MIGRATED_2017']],
    ['0383123456', '0383123456', 'mobile', []],
    ['0912345678 / 0987654321', '0912345678', 'mobile', ['PHONE_MULTIPLE_NUMBERS']],
    ['0912345678 - 0987654321', '0912345678', 'mobile', ['PHONE_MULTIPLE_NUMBERS']],
    ['0912345678; 0987654321', '0912345678', 'mobile', ['PHONE_MULTIPLE_NUMBERS']],
  ])('%j → %s %s %j', (input, value, kind, warnings) => {
    const r = parsePhone(input);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.value).toBe(value);
    expect(r.data.kind).toBe(kind);
    expect(r.data.warnings.map((w) => w.code)).toEqual(warnings);
  });

  it('says the carrier of mobiles and the area and province of landlines', () => {
    const m = parsePhone('0981234567');
    expect(m.success && m.data.carrier).toBe('Viettel');
    expect(parsePhone('0901234567').success && parsePhoneOrThrow('0901234567')).toBe('0901234567');
    const l = parsePhone('02363821234');
    expect(l.success && [l.data.areaCode, l.data.provinceCode]).toEqual(['236', '48']);
  });
});

describe('parsePhone: issue codes', () => {
  it.each([
    ['', 'PHONE_MISSING'],
    ['   ', 'PHONE_MISSING'],
    ['không có', 'PHONE_UNRECOGNISED'],
    ['9.12345E+08', 'PHONE_SCIENTIFIC_NOTATION'],
    ['9,12345E+08', 'PHONE_SCIENTIFIC_NOTATION'],
    ['+1 415 555 1234', 'PHONE_NOT_VIETNAMESE'],
    ['0033 1 23 45 67 89', 'PHONE_NOT_VIETNAMESE'],
    ['12345', 'PHONE_WRONG_LENGTH'],
    ['091234567890', 'PHONE_WRONG_LENGTH'],
    ['01301234567', 'PHONE_UNKNOWN_PREFIX'],
    ['0111234567', 'PHONE_UNKNOWN_PREFIX'],
  ])('%j → %s', (input, code) => {
    const r = parsePhone(input);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([code]);
  });
});

describe('phone tables', () => {
  it('has the 63 landline areas with distinct new and old codes', () => {
    expect(LANDLINE_AREAS).toHaveLength(63);
    expect(new Set(LANDLINE_AREAS.map((a) => a[0])).size).toBe(63);
    expect(new Set(LANDLINE_AREAS.map((a) => a[1])).size).toBe(63);
    expect(new Set(LANDLINE_AREAS.map((a) => a[2])).size).toBe(63);
  });
  it('migrates every 2018 prefix to a known carrier prefix', () => {
    for (const p of Object.values(MOBILE_MIGRATION_2018)) expect(MOBILE_PREFIXES[p]).toBeDefined();
    expect(Object.keys(MOBILE_MIGRATION_2018)).toHaveLength(21);
  });
});

describe('parsePhone: properties', () => {
  it('every written form parses to its national number', () => {
    fc.assert(
      fc.property(phoneArbitrary(), (p) => {
        const r = parsePhone(p.text);
        expect(r.success && r.data.value).toBe(p.value);
        expect(r.success && r.data.kind).toBe(p.kind);
      }),
      { numRuns: 2000 },
    );
  });
  it('never throws; successes are 10-digit mobiles or 11-digit landlines', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[+0-9 .()-]{0,20}$/)), (s) => {
        const r = parsePhone(s);
        if (r.success) {
          expect(r.data.value).toMatch(r.data.kind === 'mobile' ? /^0\d{9}$/ : /^02\d{9}$/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
