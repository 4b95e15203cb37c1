import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  type CleanRecord,
  cleanRecord,
  FORMULA_TRIGGERS,
  neutralizeFormula,
  type RawRecordInput,
  startsLikeFormula,
  unneutralizeFormula,
} from '../../src/record/index.js';

/** Strings that begin the way injection payloads and damaged cells do. */
const risky = fc
  .tuple(
    fc.constantFrom('', ' ', '  ', '\t', '\r', '\n', '\u00a0', ' \t', '\r\n', "'"),
    fc.constantFrom('=', '+', '-', '@', '', '＝'),
    fc.string({ maxLength: 12 }),
  )
  .map(([a, b, c]) => `${a}${b}${c}`);

const anyText = fc.oneof(risky, fc.string(), fc.string({ unit: 'grapheme' }));

describe('neutralizeFormula', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'],
    ['=1+1', "'=1+1"],
    ['+1+cmd', "'+1+cmd"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=cmd', "'\t=cmd"],
    ['\r=cmd', "'\r=cmd"],
    ['-', "'-"],
    ['+84 912 345 678', "'+84 912 345 678"],
  ])('neutralises %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
    expect(startsLikeFormula(input)).toBe(true);
  });

  it.each([
    '-5',
    '+84912345678',
    '-3.25',
    '-.5',
    '+1e10',
    '-3.2e-4',
    'Nguyễn Văn An',
    '',
    ' =1',
    "'=1",
    '0912345678',
  ])('leaves %j alone', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });

  it('covers the OWASP list exactly', () => {
    expect([...FORMULA_TRIGGERS].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
    for (const t of FORMULA_TRIGGERS) expect(neutralizeFormula(`${t}x`)).toBe(`'${t}x`);
  });

  it('property: the result never starts like a formula, and only a leading quote is added', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = neutralizeFormula(s);
        expect(startsLikeFormula(n)).toBe(false);
        expect(n === s || n === `'${s}`).toBe(true);
        expect(n !== s).toBe(startsLikeFormula(s));
      }),
    );
  });

  it('property: idempotent, and undone by unneutralizeFormula', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const n = neutralizeFormula(s);
        expect(neutralizeFormula(n)).toBe(n);
        // The one documented exception: a value that already began with ' and a trigger.
        if (!(s.startsWith("'") && startsLikeFormula(s.slice(1)))) {
          expect(unneutralizeFormula(n)).toBe(s);
        }
      }),
    );
  });
});

const CLEAN_TEXT: readonly (keyof CleanRecord)[] = [
  'fullName',
  'dob',
  'sex',
  'idNumber',
  'phone',
  'provinceCode',
  'district',
  'commune',
  'address',
];

/** Every string value cleaning produced (not the originals, which are kept as they came). */
function cleanedStrings(r: CleanRecord): string[] {
  const out: string[] = [];
  for (const k of CLEAN_TEXT) {
    const v = (r[k] as { value?: unknown }).value;
    if (typeof v === 'string') out.push(v);
  }
  return out;
}

describe('cleaning never turns an inert value into a live formula', () => {
  it('issue 14: the leading tab of \\t=cmd, the space of " =1+1"', () => {
    const r = cleanRecord({
      full_name: '\t=cmd',
      address: ' =1+1',
      district: '\t@SUM(A1)',
      commune: ' +1+cmd',
    });
    expect(r.record.fullName).toEqual({ value: "'=cmd", original: '\t=cmd' });
    expect(r.record.address).toEqual({ value: "'=1+1", original: ' =1+1' });
    expect(r.record.district.value?.startsWith("'@")).toBe(true);
    expect(r.record.commune.value?.startsWith("'+")).toBe(true);
  });

  it('ordinary values are not changed', () => {
    const r = cleanRecord({
      full_name: ' nguyễn văn  an ',
      address: ' Số 1, ngõ 2 ',
      commune: 'Phường 7',
    });
    expect(r.record.fullName.value).toBe('Nguyễn Văn An');
    expect(r.record.address.value).toBe('Số 1, ngõ 2');
    expect(r.record.commune.value).toBe('Phường 7');
  });

  it('property: no cleaned value of any column starts like a formula', () => {
    const row = fc.record(Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, anyText])), {
      requiredKeys: [],
    });
    fc.assert(
      fc.property(row, (raw) => {
        const r = cleanRecord(raw as RawRecordInput);
        for (const v of cleanedStrings(r.record)) expect(startsLikeFormula(v), v).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});
