import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VnReconcileError } from '../../src/errors.js';
import {
  formatPartialDate,
  parseDateOfBirth,
  parseDateOfBirthOrThrow,
} from '../../src/record/index.js';
import { dobArbitrary } from '../../src/testing/record.js';

const ref = new Date(2026, 0, 15);
const opts = { referenceDate: ref };

function codes(input: string, options = opts) {
  const r = parseDateOfBirth(input, options);
  return r.success ? r.data.warnings.map((w) => w.code) : r.issues.map((i) => i.code);
}

describe('parseDateOfBirth: formats', () => {
  it.each([
    ['15/03/1990', '1990-03-15', 'd/m/y'],
    ['5/3/1990', '1990-03-05', 'd/m/y'],
    ['15-03-1990', '1990-03-15', 'd/m/y'],
    ['15.03.1990', '1990-03-15', 'd/m/y'],
    ['1990-03-15', '1990-03-15', 'y-m-d'],
    ['1990/3/15', '1990-03-15', 'y-m-d'],
    ['19900315', '1990-03-15', 'yyyymmdd'],
    ['15031990', '1990-03-15', 'ddmmyyyy'],
    ['5121990', '1990-12-05', 'ddmmyyyy'],
    ['15/03/90', '1990-03-15', 'd/m/yy'],
    ['15/03/05', '2005-03-15', 'd/m/yy'],
    ['32947', '1990-03-15', 'excel-serial'],
    ['32947.0', '1990-03-15', 'excel-serial'],
    ['59', undefined, undefined],
    ['61', undefined, undefined],
    ['03/1990', '1990-03', 'm/y'],
    ['1990-03', '1990-03', 'y-m'],
    ['1990', '1990', 'y'],
    ['1990.0', '1990', 'y'],
    ['15-Mar-1990', '1990-03-15', 'd/m/y'],
    ['Mar 15, 1990', '1990-03-15', 'd/m/y'],
    ['ngày 15 tháng 3 năm 1990', '1990-03-15', 'd/m/y'],
    ['1990-03-15T00:00:00.000Z', '1990-03-15', 'y-m-d'],
    ['15/03/1990 0:00', '1990-03-15', 'd/m/y'],
    ['00/00/1950', '1950', 'd/m/y'],
    ['00/07/1950', '1950-07', 'd/m/y'],
  ])('%s → %s (%s)', (input, iso, format) => {
    const r = parseDateOfBirth(input, opts);
    if (iso === undefined) {
      expect(r.success).toBe(false);
      return;
    }
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(formatPartialDate(r.data.value)).toBe(iso);
    expect(r.data.format).toBe(format);
  });

  it('reads Excel serials with the 1900 leap-year bug and the 1904 system', () => {
    const old = { ...opts, maxAge: 200 };
    expect(parseDateOfBirthOrThrow('100', old)).toEqual({ year: 1900, month: 4, day: 9 });
    expect(parseDateOfBirthOrThrow('366', old)).toEqual({ year: 1900, month: 12, day: 31 });
    expect(parseDateOfBirthOrThrow('32947', { ...opts, excelEpoch: 1904 })).toEqual({
      year: 1994,
      month: 3,
      day: 16,
    });
  });
});

describe('parseDateOfBirth: issue codes', () => {
  it.each([
    ['', ['DOB_MISSING']],
    ['   ', ['DOB_MISSING']],
    ['không rõ', ['DOB_UNRECOGNISED']],
    ['12/05', ['DOB_UNRECOGNISED']],
    ['123456', ['DOB_UNRECOGNISED']],
    ['31/02/1990', ['DOB_IMPOSSIBLE']],
    ['29/02/1900', ['DOB_IMPOSSIBLE']],
    ['29/02/2000', []],
    ['05/15/1990', ['DOB_DAY_MONTH_SWAPPED']],
    ['15/13/1990', ['DOB_IMPOSSIBLE']],
    ['13/25/1990', ['DOB_IMPOSSIBLE']],
    ['13/1990', ['DOB_IMPOSSIBLE']],
    ['16/01/2026', ['DOB_IN_FUTURE']],
    ['02/2026', ['DOB_IN_FUTURE']],
    ['2027', ['DOB_IN_FUTURE']],
    ['01/01/1900', ['DOB_IMPLAUSIBLE_AGE']],
    ['05/03/1990', ['DOB_DAY_MONTH_AMBIGUOUS']],
    ['05/05/1990', []],
    ['01/01/1990', ['DOB_POSSIBLE_PLACEHOLDER']],
    ['1990-01-01', ['DOB_POSSIBLE_PLACEHOLDER']],
    ['15/03/90', ['DOB_CENTURY_GUESSED']],
    ['05/03/90', ['DOB_CENTURY_GUESSED', 'DOB_DAY_MONTH_AMBIGUOUS']],
    ['32947', ['DOB_EXCEL_SERIAL']],
    ['5121990', ['DOB_LEADING_ZERO_RESTORED']],
    ['00/00/1950', ['DOB_UNKNOWN_PARTS']],
    ['sinh khoảng 1950', ['DOB_TEXT_IGNORED']],
    ['15/03/1990 (theo CMND)', ['DOB_TEXT_IGNORED']],
  ])('%j → %j', (input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it('reads month/day order when told', () => {
    const r = parseDateOfBirth('03/15/1990', { ...opts, order: 'mdy' });
    expect(r.success && formatPartialDate(r.data.value)).toBe('1990-03-15');
    const a = parseDateOfBirth('03/05/1990', { ...opts, order: 'mdy' });
    expect(a.success && formatPartialDate(a.data.value)).toBe('1990-03-05');
  });

  it('uses the two-digit-year pivot', () => {
    const r = parseDateOfBirth('15/03/30', { ...opts, twoDigitYearPivot: 30 });
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual(['DOB_IN_FUTURE']);
    const s = parseDateOfBirth('15/03/20', { ...opts, twoDigitYearPivot: 10 });
    expect(s.success && s.data.value.year).toBe(1920);
  });

  it('honours maxAge and excelSerials: false', () => {
    expect(codes('1950', { ...opts, maxAge: 60 } as typeof opts)).toEqual(['DOB_IMPLAUSIBLE_AGE']);
    expect(codes('32947', { ...opts, excelSerials: false } as typeof opts)).toEqual([
      'DOB_UNRECOGNISED',
    ]);
  });

  it('parseDateOfBirthOrThrow throws with the codes', () => {
    expect(() => parseDateOfBirthOrThrow('31/02/1990', opts)).toThrow(/DOB_IMPOSSIBLE/);
    expect(() => parseDateOfBirthOrThrow('31/02/1990', opts)).toThrow(VnReconcileError);
  });
});

describe('parseDateOfBirth: properties', () => {
  it('any date written in any supported form parses back to itself', () => {
    fc.assert(
      fc.property(dobArbitrary({ referenceDate: ref }), (d) => {
        const r = parseDateOfBirth(d.text, opts);
        expect(r.success).toBe(true);
        if (r.success) {
          expect(formatPartialDate(r.data.value)).toBe(formatPartialDate(d.value));
          expect(r.data.format).toBe(d.format);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws, and a success is never in the future', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[0-9]{1,9}([./ -][0-9]{1,4}){0,3}$/),
          fc.constantFrom('', ' ', '.', '00/00/0000', '99999999999'),
        ),
        (s) => {
          const r = parseDateOfBirth(s, opts);
          if (r.success) {
            const v = r.data.value;
            expect(v.year).toBeLessThanOrEqual(2026);
            if (v.day !== undefined) expect(v.month).toBeDefined();
          } else {
            expect(r.issues.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
