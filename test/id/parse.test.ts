import { describe, expect, it, vi } from 'vitest';
import { VnReconcileError } from '../../src/errors.js';
import {
  ID_ISSUE_CODES,
  ID_ISSUE_LABELS_VI,
  ID_REPAIR_CODES,
  ID_REPAIR_LABELS_VI,
  type IdIssueCode,
  IdNumberError,
  type IdRepairCode,
  type ParseIdNumberOptions,
  parseIdNumber,
  parseIdNumberOrThrow,
} from '../../src/id/index.js';

const referenceDate = new Date('2026-06-01T00:00:00Z');
const opts: ParseIdNumberOptions = { referenceDate };

const codes = (input: unknown, o: ParseIdNumberOptions = opts) => {
  const r = parseIdNumber(input as string, o);
  return r.success ? [] : r.issues.map((i) => i.code);
};

describe('parseIdNumber: valid numbers', () => {
  it.each<[string | number, string, string, readonly IdRepairCode[]]>([
    ['001090012345', 'cccd', '001090012345', []],
    ['079203001234', 'cccd', '079203001234', []],
    ['201090012345', 'cccd', '201090012345', []],
    ['012345678', 'cmnd9', '012345678', []],
    ['B1234567', 'passport', 'B1234567', []],
    ['b1234567', 'passport', 'B1234567', ['UPPERCASED_LETTER']],
    [' B 123 4567 ', 'passport', 'B1234567', ['TRIMMED_WHITESPACE', 'REMOVED_SEPARATORS']],
    ["'001090012345", 'cccd', '001090012345', ['STRIPPED_APOSTROPHE']],
    ["' 001090012345", 'cccd', '001090012345', ['TRIMMED_WHITESPACE', 'STRIPPED_APOSTROPHE']],
    ['’001090012345', 'cccd', '001090012345', ['STRIPPED_APOSTROPHE']],
    ['001090012345.0', 'cccd', '001090012345', ['STRIPPED_DECIMAL_ZERO']],
    ['001090012345,00', 'cccd', '001090012345', ['STRIPPED_DECIMAL_ZERO']],
    ['001 090 012 345', 'cccd', '001090012345', ['REMOVED_SEPARATORS']],
    ['001.090.012.345', 'cccd', '001090012345', ['REMOVED_SEPARATORS']],
    ['001-090-012-345', 'cccd', '001090012345', ['REMOVED_SEPARATORS']],
    ['001\u00a0090\u00a0012\u00a0345', 'cccd', '001090012345', ['REMOVED_SEPARATORS']],
    ['001–090–012–345', 'cccd', '001090012345', ['REMOVED_SEPARATORS']],
    ['001090012.000', 'cccd', '001090012000', ['REMOVED_SEPARATORS']],
    ['  001090012345\n', 'cccd', '001090012345', ['TRIMMED_WHITESPACE']],
    ['\ufeff001090012345', 'cccd', '001090012345', ['TRIMMED_WHITESPACE']],
    ['００１０９００１２３４５', 'cccd', '001090012345', ['CONVERTED_FULLWIDTH_DIGITS']],
    ['38095012345', 'cccd', '038095012345', ['RESTORED_LEADING_ZERO']],
    [38095012345, 'cccd', '038095012345', ['RESTORED_LEADING_ZERO']],
    ['1090012345', 'cccd', '001090012345', ['RESTORED_TWO_LEADING_ZEROS']],
    [1090012345, 'cccd', '001090012345', ['RESTORED_TWO_LEADING_ZEROS']],
    ['12345678', 'cmnd9', '012345678', ['RESTORED_CMND_LEADING_ZERO']],
    [12345678, 'cmnd9', '012345678', ['RESTORED_CMND_LEADING_ZERO']],
    [123456789, 'cmnd9', '123456789', []],
    [201090012345, 'cccd', '201090012345', []],
    [
      "'38095012345.0",
      'cccd',
      '038095012345',
      ['STRIPPED_APOSTROPHE', 'STRIPPED_DECIMAL_ZERO', 'RESTORED_LEADING_ZERO'],
    ],
  ])('%j → %s %s %j', (input, kind, value, repairs) => {
    const r = parseIdNumber(input, opts);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.kind).toBe(kind);
    expect(r.data.value).toBe(value);
    expect(r.data.repairs.map((x) => x.code)).toEqual(repairs);
  });

  it('decodes a domestic CCCD completely', () => {
    const r = parseIdNumber('038195012345', opts);
    expect(r.success && r.data.kind === 'cccd' && r.data.parts).toMatchObject({
      placeCode: '038',
      bornAbroad: false,
      province: { code: '38', name: 'Thanh Hóa', kind: 'province' },
      newProvinces: { ambiguous: false, candidates: [{ code: '38', name: 'Thanh Hóa' }] },
      sex: 'female',
      century: 1900,
      twoDigitYear: 95,
      birthYear: 1995,
      serial: '012345',
    });
  });

  it('reports both post-2025 provinces for Tiền Giang', () => {
    const r = parseIdNumber('082300012345', opts);
    if (!r.success || !('parts' in r.data) || r.data.parts.bornAbroad) throw new Error('expected');
    expect(r.data.parts.sex).toBe('female');
    expect(r.data.parts.birthYear).toBe(2000);
    expect(r.data.parts.province.name).toBe('Tiền Giang');
    expect(r.data.parts.newProvinces.ambiguous).toBe(true);
    expect(r.data.parts.newProvinces.candidates.map((p) => p.name)).toEqual([
      'Tây Ninh',
      'Đồng Tháp',
    ]);
  });

  it('reports the country code of a person born abroad', () => {
    const r = parseIdNumber('295111012345', opts);
    expect(r.success && 'parts' in r.data && r.data.parts).toEqual({
      placeCode: '295',
      bornAbroad: true,
      countryCode: 295,
      sex: 'female',
      century: 1900,
      twoDigitYear: 11,
      birthYear: 1911,
      serial: '012345',
    });
  });

  it.each([
    [0, 'male', 1900],
    [1, 'female', 1900],
    [2, 'male', 2000],
    [3, 'female', 2000],
  ])('century/sex digit %i → %s, %i', (g, sex, century) => {
    const r = parseIdNumber(`001${g}05012345`, opts);
    expect(r.success && 'parts' in r.data && r.data.parts).toMatchObject({
      sex,
      century,
      birthYear: century + 5,
    });
  });

  it.each([
    [4, 'male', 2100],
    [5, 'female', 2100],
    [6, 'male', 2200],
    [7, 'female', 2200],
    [8, 'male', 2300],
    [9, 'female', 2300],
  ])('decodes future centuries (digit %i) when the reference date allows', (g, sex, century) => {
    const r = parseIdNumber(`001${g}00012345`, { referenceDate: new Date('2400-01-01T00:00:00Z') });
    expect(r.success && 'parts' in r.data && r.data.parts).toMatchObject({ sex, century });
  });

  it('reports a 12-digit number as cmnd12 when asked', () => {
    const r = parseIdNumber('001090012345', { ...opts, twelveDigitKind: 'cmnd12' });
    expect(r.success && r.data.kind).toBe('cmnd12');
  });

  it('accepts the current year and rejects the next one (Vietnam time)', () => {
    expect(codes('001226012345')).toEqual([]);
    expect(codes('001227012345')).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
    // 31 Dec 2026 18:00 UTC is already 1 Jan 2027 in Hà Nội.
    const newYearInHanoi = { referenceDate: new Date('2026-12-31T18:00:00Z') };
    expect(codes('001227012345', newYearInHanoi)).toEqual([]);
    const stillOldYear = { referenceDate: new Date('2026-12-31T16:00:00Z') };
    expect(codes('001227012345', stillOldYear)).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
  });

  it('compares only birth years from 2025 on with the clock', () => {
    vi.useFakeTimers({ now: new Date('2010-06-01T00:00:00Z') });
    try {
      expect(codes('001290012345', {})).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
      expect(codes('001225012345', {})).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
      // 2015 is "future" for a clock set to 2010, but no clock running this code reads 2010.
      expect(codes('001215012345', {})).toEqual([]);
      expect(codes('001215012345', { referenceDate: new Date() })).toEqual([
        'CCCD_FUTURE_BIRTH_YEAR',
      ]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reads the clock when no reference date is given', () => {
    const year = new Date().getUTCFullYear();
    const nextYear = String((year + 2) % 100).padStart(2, '0');
    expect(codes(`0012${nextYear}012345`, {})).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
    expect(codes('001290012345', {})).toEqual(['CCCD_FUTURE_BIRTH_YEAR']);
    expect(codes('001090012345', {})).toEqual([]);
  });
});

describe('parseIdNumber: issues', () => {
  it.each<[unknown, readonly IdIssueCode[]]>([
    ['', ['ID_EMPTY']],
    ['   ', ['ID_EMPTY']],
    ["'", ['ID_EMPTY']],
    ['-', ['ID_EMPTY']],
    [null, ['ID_EMPTY']],
    [undefined, ['ID_EMPTY']],
    [{}, ['ID_INVALID_TYPE']],
    [true, ['ID_INVALID_TYPE']],
    ['001O90012345', ['ID_NON_DIGIT']],
    ['CCCD 001090012345', ['ID_NON_DIGIT']],
    ['001090012345a', ['ID_NON_DIGIT']],
    ['001/090/012345', ['ID_NON_DIGIT']],
    ['+001090012345', ['ID_NON_DIGIT']],
    ['1234567', ['ID_WRONG_LENGTH']],
    ['0123456789012', ['ID_WRONG_LENGTH']],
    ['01234567', ['ID_WRONG_LENGTH']],
    ['01090012345', ['ID_WRONG_LENGTH']],
    ['0010900123', ['ID_WRONG_LENGTH']],
    ['0'.repeat(20), ['ID_WRONG_LENGTH']],
    ['1.23457E+11', ['ID_SCIENTIFIC_NOTATION']],
    ['1,23457E+11', ['ID_SCIENTIFIC_NOTATION']],
    ['3.8095e10', ['ID_SCIENTIFIC_NOTATION']],
    [" '1.23457E+11 ", ['ID_SCIENTIFIC_NOTATION']],
    ['+1.2E+11', ['ID_SCIENTIFIC_NOTATION']],
    ['1E11', ['ID_SCIENTIFIC_NOTATION']],
    [1e21, ['ID_PRECISION_LOST']],
    [1234567890123456, ['ID_WRONG_LENGTH']],
    [0, ['ID_WRONG_LENGTH']],
    [9999999, ['ID_WRONG_LENGTH']],
    [2 ** 53 + 2, ['ID_PRECISION_LOST']],
    [1.5, ['ID_INVALID_NUMBER']],
    [-38095012345, ['ID_INVALID_NUMBER']],
    [Number.NaN, ['ID_INVALID_NUMBER']],
    [Number.POSITIVE_INFINITY, ['ID_INVALID_NUMBER']],
    ['0912345678', ['ID_LOOKS_LIKE_PHONE']],
    ['0387 123 456', ['ID_LOOKS_LIKE_PHONE']],
    ['02812345678', ['ID_LOOKS_LIKE_PHONE']],
    ['+84912345678', ['ID_LOOKS_LIKE_PHONE']],
    ['84912345678', ['ID_LOOKS_LIKE_PHONE']],
    ['842812345678', ['ID_LOOKS_LIKE_PHONE']],
    ['2812345678', ['ID_LOOKS_LIKE_PHONE']],
    ['84312345678', ['ID_AMBIGUOUS_REPAIR']],
    [84312345678, ['ID_AMBIGUOUS_REPAIR']],
    ['2090012345', ['ID_AMBIGUOUS_REPAIR']],
    ['003090012345', ['CCCD_BAD_PROVINCE']],
    ['000090012345', ['CCCD_BAD_PROVINCE']],
    ['097090012345', ['CCCD_BAD_PROVINCE']],
    ['100090012345', ['CCCD_BAD_COUNTRY']],
    ['296090012345', ['CCCD_BAD_COUNTRY']],
    ['999090012345', ['CCCD_BAD_COUNTRY']],
    ['999990012345', ['CCCD_BAD_COUNTRY', 'CCCD_IMPOSSIBLE_CENTURY']],
    ['001490012345', ['CCCD_IMPOSSIBLE_CENTURY']],
    ['001900012345', ['CCCD_IMPOSSIBLE_CENTURY']],
    ['001290012345', ['CCCD_FUTURE_BIRTH_YEAR']],
    ['003290012345', ['CCCD_BAD_PROVINCE', 'CCCD_FUTURE_BIRTH_YEAR']],
    ['3090012345', ['ID_WRONG_LENGTH']],
    ['97090012345', ['ID_WRONG_LENGTH']],
    ['1490012345', ['ID_WRONG_LENGTH']],
    ['B123456', ['PASSPORT_BAD_FORMAT']],
    ['B12345678', ['PASSPORT_BAD_FORMAT']],
    ['B', ['PASSPORT_BAD_FORMAT']],
    ['AB1234567', ['ID_NON_DIGIT']],
  ])('%j → %j', (input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('counts the digits of a number', () => {
    const r = parseIdNumber(1234567890123456, opts);
    expect(!r.success && r.issues[0]?.message).toMatch(/^16 digits/);
  });

  it('explains a failed zero restoration', () => {
    const r = parseIdNumber('97090012345', opts);
    expect(!r.success && r.issues[0]?.message).toContain('CCCD_BAD_PROVINCE');
  });

  it('never puts the raw number in a message', () => {
    for (const v of ['003090012345', '001290012345', '84312345678', '97090012345', '0912345678']) {
      const r = parseIdNumber(v, opts);
      expect(r.success).toBe(false);
      if (!r.success) for (const i of r.issues) expect(i.message).not.toContain(v);
    }
  });
});

describe('parseIdNumber: options', () => {
  it.each<[string | number, ParseIdNumberOptions['repairs'], readonly IdIssueCode[]]>([
    ['38095012345', false, ['ID_REPAIR_FORBIDDEN']],
    ['001090012345', false, []],
    [' 001090012345', false, ['ID_REPAIR_FORBIDDEN']],
    ['b1234567', false, ['ID_REPAIR_FORBIDDEN']],
    ['38095012345', { RESTORED_LEADING_ZERO: false }, ['ID_REPAIR_FORBIDDEN']],
    ['38095012345', { REMOVED_SEPARATORS: false }, []],
    ['001 090 012 345', { REMOVED_SEPARATORS: false }, ['ID_REPAIR_FORBIDDEN']],
    ['1090012345', { RESTORED_TWO_LEADING_ZEROS: false }, ['ID_REPAIR_FORBIDDEN']],
    ['12345678', { RESTORED_CMND_LEADING_ZERO: false }, ['ID_REPAIR_FORBIDDEN']],
    ['84312345678', false, ['ID_AMBIGUOUS_REPAIR']],
    ['003090012345', false, ['CCCD_BAD_PROVINCE']],
    ['38095012345', true, []],
  ])('%j with repairs %j → %j', (input, repairs, expected) => {
    expect(codes(input, repairs === undefined ? opts : { ...opts, repairs })).toEqual(expected);
  });

  it.each<[string, ParseIdNumberOptions['kinds'], readonly IdIssueCode[]]>([
    ['001090012345', ['cccd'], []],
    ['012345678', ['cccd'], ['ID_KIND_NOT_ACCEPTED']],
    ['B1234567', ['cccd', 'cmnd9'], ['ID_KIND_NOT_ACCEPTED']],
    ['001090012345', ['cmnd9'], ['ID_KIND_NOT_ACCEPTED']],
    ['38095012345', ['cccd'], []],
  ])('%j with kinds %j → %j', (input, kinds, expected) => {
    expect(codes(input, kinds === undefined ? opts : { ...opts, kinds })).toEqual(expected);
  });
});

describe('parseIdNumberOrThrow', () => {
  it('returns the data', () => {
    expect(parseIdNumberOrThrow('B1234567').value).toBe('B1234567');
  });
  it('throws a VnReconcileError with the issues (IdNumberError is a deprecated alias)', () => {
    let caught: unknown;
    try {
      parseIdNumberOrThrow('003090012345', opts);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(VnReconcileError);
    expect(caught).toBeInstanceOf(IdNumberError);
    const error = caught as VnReconcileError;
    expect(error.code).toBe('CCCD_BAD_PROVINCE');
    expect(error.issues.map((i) => i.code)).toEqual(['CCCD_BAD_PROVINCE']);
    expect(error.message).toContain('CCCD_BAD_PROVINCE');
  });
});

describe('code lists and labels', () => {
  it('labels every issue and repair code in Vietnamese', () => {
    expect(Object.keys(ID_ISSUE_LABELS_VI).sort()).toEqual([...ID_ISSUE_CODES].sort());
    expect(Object.keys(ID_REPAIR_LABELS_VI).sort()).toEqual([...ID_REPAIR_CODES].sort());
    for (const label of Object.values(ID_ISSUE_LABELS_VI)) expect(label.length).toBeGreaterThan(5);
  });
  it('has unique codes', () => {
    expect(new Set(ID_ISSUE_CODES).size).toBe(ID_ISSUE_CODES.length);
    expect(new Set(ID_REPAIR_CODES).size).toBe(ID_REPAIR_CODES.length);
  });
});
