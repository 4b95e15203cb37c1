/**
 * `cleanRecord` takes cells as readers and forms give them (issue 14): `null`, `undefined`,
 * numbers (xlsx number cells), booleans and `Date` objects, and reads a number as what the user saw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CellValue,
  type CleanResult,
  cleanRecord,
  cleanRecords,
  type RawRecordInput,
} from '../../src/record/index.js';

const referenceDate = new Date(Date.UTC(2026, 0, 15));
const opts = { referenceDate };

function codes(r: CleanResult): string[] {
  return r.issues.map((i) => i.code);
}

function withoutOriginal(r: CleanResult) {
  return { issues: r.issues, value: r.record.idNumber.value, kind: r.record.idKind };
}

describe('cleanRecord: number cells are what the user saw', () => {
  it('an ID number stored as a number is repaired like the CSV string', () => {
    const asNumber = cleanRecord({ id_number: 38095012345 }, opts);
    const asText = cleanRecord({ id_number: '38095012345' }, opts);
    expect(asNumber.record.idNumber).toEqual({ value: '038095012345', original: '38095012345' });
    expect(withoutOriginal(asNumber)).toEqual(withoutOriginal(asText));
    expect(codes(asNumber)).toContain('ID_RESTORED_LEADING_ZERO');
    // Hà Nội (001): two zeros lost.
    expect(cleanRecord({ id_number: 1090012345 }, opts).record.idNumber.value).toBe('001090012345');
    // A 9-digit CMND.
    expect(cleanRecord({ id_number: 123456789 }, opts).record.idNumber.value).toBe('123456789');
  });

  it('a phone stored as a number keeps its digits and gets its leading 0 back', () => {
    const r = cleanRecord({ phone: 912345678 }, opts);
    expect(r.record.phone).toEqual({ value: '0912345678', original: '912345678' });
    expect(codes(r)).toEqual(codes(cleanRecord({ phone: '912345678' }, opts)));
    expect(cleanRecord({ phone: 84912345678 }, opts).record.phone.value).toBe('0912345678');
  });

  it('a date of birth as an Excel serial, a serial with a time, a year, yyyymmdd', () => {
    expect(cleanRecord({ dob: 33000 }, opts).record.dob).toEqual({
      value: { year: 1990, month: 5, day: 7 },
      original: '33000',
    });
    expect(cleanRecord({ dob: 33000.75 }, opts).record.dob.value).toEqual({
      year: 1990,
      month: 5,
      day: 7,
    });
    expect(codes(cleanRecord({ dob: 33000 }, opts))).toContain('DOB_EXCEL_SERIAL');
    expect(cleanRecord({ dob: 1950 }, opts).record.dob.value).toEqual({ year: 1950 });
    expect(cleanRecord({ dob: 19900305 }, opts).record.dob.value).toEqual({
      year: 1990,
      month: 3,
      day: 5,
    });
  });

  it('numbers in text columns become their digits', () => {
    const r = cleanRecord({ commune: 7, address: 12, district: 3 }, opts);
    expect(r.record.address).toEqual({ value: '12', original: '12' });
    expect(r.record.commune.original).toBe('7');
    expect(r.record.district.original).toBe('3');
  });
});

describe('cleanRecord: Date cells', () => {
  it('a Date at UTC midnight (a form, most xlsx readers) is that calendar day', () => {
    const r = cleanRecord({ dob: new Date(Date.UTC(1990, 2, 5)) }, opts);
    expect(r.record.dob).toEqual({
      value: { year: 1990, month: 3, day: 5 },
      original: '1990-03-05',
    });
  });

  it.each(['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'])(
    'a Date at local midnight (other xlsx readers) is that calendar day (TZ %s)',
    (tz) => {
      const saved = process.env['TZ'];
      process.env['TZ'] = tz;
      try {
        const local = new Date(1990, 2, 5);
        if (tz !== 'UTC') expect(local.getUTCHours()).not.toBe(0); // the zone took effect
        expect(cleanRecord({ dob: local }, opts).record.dob.value).toEqual({
          year: 1990,
          month: 3,
          day: 5,
        });
        expect(cleanRecord({ dob: new Date(Date.UTC(1990, 2, 5)) }, opts).record.dob.value).toEqual(
          {
            year: 1990,
            month: 3,
            day: 5,
          },
        );
      } finally {
        if (saved === undefined) delete process.env['TZ'];
        else process.env['TZ'] = saved;
      }
    },
  );

  it('an invalid Date, and a Date in the ID or phone column, are FIELD_INVALID_TYPE', () => {
    const r = cleanRecord(
      { full_name: 'An', dob: new Date(Number.NaN), id_number: new Date(0), phone: new Date(0) },
      opts,
    );
    expect(codes(r).filter((c) => c === 'FIELD_INVALID_TYPE')).toHaveLength(3);
    expect(codes(r)).not.toContain('ID_MISSING');
    expect(codes(r)).not.toContain('DOB_MISSING');
    expect(r.issues.find((i) => i.path[0] === 'id_number')).toMatchObject({
      code: 'FIELD_INVALID_TYPE',
      category: 'malformed-id',
      severity: 'error',
      message: 'Expected text, a number or a date; the cell holds a date',
    });
  });
});

describe('cleanRecord: empty and odd cells', () => {
  it('null and undefined are empty cells', () => {
    const nulls = Object.fromEntries(
      [
        'full_name',
        'dob',
        'gender',
        'id_number',
        'phone',
        'province',
        'district',
        'commune',
        'address',
      ].map((c) => [c, null]),
    ) as RawRecordInput;
    const r = cleanRecord(nulls, opts);
    expect(codes(r)).toEqual(['ID_MISSING', 'NAME_MISSING', 'DOB_MISSING', 'SEX_MISSING']);
    expect(r).toEqual(cleanRecord({}, opts));
  });

  it('booleans read as Excel shows them', () => {
    const r = cleanRecord({ gender: true, full_name: false }, opts);
    expect(r.record.sex.original).toBe('TRUE');
    expect(r.record.fullName.original).toBe('FALSE');
    expect(codes(r)).toContain('SEX_UNRECOGNISED');
  });

  it('objects, lists, NaN are FIELD_INVALID_TYPE, in the column they are in', () => {
    const raw = { full_name: {}, gender: [1], phone: Number.NaN } as unknown as RawRecordInput;
    const r = cleanRecord(raw, opts);
    expect(r.issues.filter((i) => i.code === 'FIELD_INVALID_TYPE').map((i) => i.path[0])).toEqual([
      'full_name',
      'gender',
      'phone',
    ]);
    expect(codes(r)).not.toContain('NAME_MISSING');
    expect(codes(r)).not.toContain('SEX_MISSING');
  });

  it('extra columns holding numbers, booleans and dates are kept as text', () => {
    const raw = { stt: 12, ok: true, ngay_tiem: new Date(Date.UTC(2022, 4, 6)), x: null, y: {} };
    expect(cleanRecord(raw as RawRecordInput, opts).record.extra).toEqual({
      stt: '12',
      ok: 'TRUE',
      ngay_tiem: '2022-05-06',
    });
  });

  it('a number key column (an xlsx STT) is the key', () => {
    const rows = [{ stt: 1 }, { stt: 2 }] as unknown as RawRecordInput[];
    expect([...cleanRecords(rows, { keyColumn: 'stt', ...opts })].map((r) => r.record.key)).toEqual(
      ['1', '2'],
    );
  });

  it('a null row is an empty row', () => {
    expect(codes(cleanRecord(null as unknown as RawRecordInput, opts))).toEqual(
      codes(cleanRecord({}, opts)),
    );
  });

  it('property: a number cell gives the same record as its digits typed as text', () => {
    const column = fc.constantFrom('id_number', 'phone', 'dob', 'address', 'gender');
    fc.assert(
      fc.property(column, fc.integer({ min: 0, max: 999_999_999_999 }), (c, n) => {
        const asNumber = cleanRecord({ [c]: n as CellValue }, opts);
        const asText = cleanRecord({ [c]: String(n) }, opts);
        expect(asNumber).toEqual(asText);
      }),
    );
  });
});
