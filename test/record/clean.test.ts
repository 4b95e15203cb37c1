import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANONICAL_COLUMNS,
  type CleanRecord,
  type CleanResult,
  cleanRecord,
  cleanRecordSchema,
  cleanRecords,
  formatPartialDate,
  type RawRecord,
  rawRecordSchema,
} from '../../src/record/index.js';
import { rawRecordArbitrary } from '../../src/testing/record.js';

const referenceDate = new Date(2026, 0, 15);
const opts = { referenceDate };

function codes(r: CleanResult) {
  return r.issues.map((i) => i.code);
}

const FIELD_OF: Record<(typeof CANONICAL_COLUMNS)[number], keyof CleanRecord> = {
  full_name: 'fullName',
  dob: 'dob',
  gender: 'sex',
  id_number: 'idNumber',
  phone: 'phone',
  province: 'provinceCode',
  district: 'district',
  commune: 'commune',
  address: 'address',
};

describe('cleanRecord', () => {
  it('cleans a typical row', () => {
    const r = cleanRecord(
      {
        full_name: '  nguyễn  văn HOÀ ',
        dob: '05/03/1990',
        gender: 'Nam',
        id_number: '1090012345',
        phone: '+84 168 123 4567',
        province: 'TP.HCM',
        district: 'Q.1',
        commune: 'P.05',
        address: ' 12  Lê Lợi ',
        ma_ho: 'H12',
      },
      { ...opts, key: 'r1' },
    );
    expect(r.record).toMatchObject({
      key: 'r1',
      fullName: { value: 'Nguyễn Văn Hòa', original: '  nguyễn  văn HOÀ ' },
      dob: { value: { year: 1990, month: 3, day: 5 }, original: '05/03/1990' },
      sex: { value: 'male', original: 'Nam' },
      idNumber: { value: '001090012345', original: '1090012345' },
      idKind: 'cccd',
      phone: { value: '0381234567' },
      provinceCode: { value: '79', original: 'TP.HCM' },
      district: { value: 'Quận 1' },
      commune: { value: 'Phường 5' },
      address: { value: '12 Lê Lợi' },
      extra: { ma_ho: 'H12' },
    });
    expect(codes(r)).toEqual([
      'ID_RESTORED_TWO_LEADING_ZEROS',
      'DOB_DAY_MONTH_AMBIGUOUS',
      'PHONE_MIGRATED_2018',
    ]);
    expect(r.issues[0]).toMatchObject({
      category: 'malformed-id',
      severity: 'warning',
      path: ['id_number'],
    });
  });

  it('uses modern tone placement when asked', () => {
    const r = cleanRecord({ full_name: 'Lê Thị Hòa' }, { toneStyle: 'modern' });
    expect(r.record.fullName.value).toBe('Lê Thị Hoà');
  });

  it.each([
    [{ full_name: 'A', dob: '1990', gender: 'Nam' }, ['ID_MISSING'], ['missing-id']],
    [
      { full_name: 'A', dob: '1990', gender: 'Nam', id_number: '  ' },
      ['ID_MISSING'],
      ['missing-id'],
    ],
    [
      { full_name: 'A', dob: '1990', gender: 'Nam', id_number: '1.23457E+11' },
      ['ID_SCIENTIFIC_NOTATION'],
      ['malformed-id'],
    ],
    [
      { full_name: 'A', dob: '1990', gender: 'Nam', id_number: '12345' },
      ['ID_WRONG_LENGTH'],
      ['malformed-id'],
    ],
    [
      { full_name: 'A', dob: '1991', gender: 'Nam', id_number: '001090012345' },
      ['ID_DOB_CONFLICT'],
      ['inconsistent-personal-data'],
    ],
    [
      { full_name: 'A', dob: '1990', gender: 'Nữ', id_number: '001090012345' },
      ['ID_SEX_CONFLICT'],
      ['inconsistent-personal-data'],
    ],
    [
      { full_name: 'A', dob: '31/02/1990', gender: 'Nam', id_number: '001090012345' },
      ['DOB_IMPOSSIBLE'],
      ['inconsistent-personal-data'],
    ],
    [
      { full_name: 'A', dob: '2030', gender: 'Nam', id_number: '001090012345' },
      ['DOB_IN_FUTURE'],
      ['inconsistent-personal-data'],
    ],
    [
      { full_name: '', dob: '', gender: '', id_number: '001090012345' },
      ['NAME_MISSING', 'DOB_MISSING', 'SEX_MISSING'],
      ['field', 'field', 'field'],
    ],
    [
      {
        full_name: 'A',
        dob: '1990',
        gender: 'Nam',
        id_number: '001090012345',
        phone: '12345',
        province: 'xyz',
      },
      ['PHONE_WRONG_LENGTH', 'PROVINCE_UNRECOGNISED'],
      ['field', 'field'],
    ],
  ] as const)('%j → %j', (raw, expected, categories) => {
    const r = cleanRecord(raw, opts);
    expect(codes(r)).toEqual(expected);
    expect(r.issues.map((i) => i.category)).toEqual(categories);
  });

  it('lists errors before warnings', () => {
    const r = cleanRecord({ id_number: '1090012345', dob: '05/03/1990', gender: 'x' }, opts);
    const severities = r.issues.map((i) => i.severity);
    expect(severities).toEqual([...severities].sort());
  });

  it('validates against its own zod schema', () => {
    const r = cleanRecord({ full_name: 'Lê B', dob: '03/1990', phone: '0912345678' }, opts);
    expect(cleanRecordSchema.parse(r.record)).toEqual(r.record);
  });
});

describe('cleanRecords', () => {
  const rows: RawRecord[] = [
    { full_name: 'A', ma: 'x1' },
    { full_name: 'B', ma: 'x2' },
  ];
  it('streams a sync iterable, numbering rows as keys', () => {
    const out = [...cleanRecords(rows, opts)];
    expect(out.map((r) => r.record.key)).toEqual(['1', '2']);
  });
  it('streams an async iterable with a key column', async () => {
    async function* gen() {
      yield* rows;
    }
    const keys: string[] = [];
    for await (const r of cleanRecords(gen(), { ...opts, keyColumn: 'ma' }))
      keys.push(r.record.key);
    expect(keys).toEqual(['x1', 'x2']);
  });
});

describe('schemas', () => {
  it('rawRecordSchema keeps unknown columns and requires strings', () => {
    expect(rawRecordSchema.parse({ dob: '1990', ma_ho: 'H1' })).toEqual({
      dob: '1990',
      ma_ho: 'H1',
    });
    expect(rawRecordSchema.safeParse({ dob: 1990 }).success).toBe(false);
    expect(rawRecordSchema.safeParse({ other: 1 }).success).toBe(false);
  });
  it('cleanRecordSchema rejects impossible partial dates', () => {
    const bad = cleanRecord({}, opts).record;
    expect(
      cleanRecordSchema.safeParse({ ...bad, dob: { value: { year: 1990, month: 2, day: 30 } } })
        .success,
    ).toBe(false);
    expect(
      cleanRecordSchema.safeParse({ ...bad, dob: { value: { year: 1990, day: 3 } } }).success,
    ).toBe(false);
  });
});

describe('cleanRecord: properties', () => {
  it('never throws and never loses a field, on any strings', () => {
    const column = fc.constantFrom(
      ...CANONICAL_COLUMNS,
      'ghi_chu',
      'ma_ho',
      '__proto__x',
      'constructor',
    );
    fc.assert(
      fc.property(fc.dictionary(column, fc.string(), { maxKeys: 12 }), (raw) => {
        const { record, issues } = cleanRecord(raw, opts);
        for (const [k, v] of Object.entries(raw)) {
          const f = Object.hasOwn(FIELD_OF, k) ? FIELD_OF[k as keyof typeof FIELD_OF] : undefined;
          if (f === undefined) expect(record.extra[k]).toBe(v);
          else expect((record[f] as { original?: string }).original).toBe(v);
        }
        expect(cleanRecordSchema.safeParse(record).success).toBe(true);
        for (const i of issues) expect(i.path).toHaveLength(1);
      }),
      { numRuns: 500 },
    );
  });

  it('recovers the truth of realistically damaged rows', () => {
    fc.assert(
      fc.property(rawRecordArbitrary({ referenceDate }), ({ raw, truth }) => {
        const { record, issues } = cleanRecord(raw, opts);
        expect(record.fullName.value).toBe(truth.fullName);
        expect(record.dob.value && formatPartialDate(record.dob.value)).toBe(
          formatPartialDate(truth.dob),
        );
        expect(record.sex.value).toBe(truth.sex);
        expect(record.phone.value).toBe(truth.phone);
        expect(record.provinceCode.value).toBe(truth.provinceCode);
        if (truth.damage.includes('id-missing')) {
          expect(issues.map((i) => i.code)).toContain('ID_MISSING');
        } else if (issues.some((i) => i.code === 'ID_AMBIGUOUS_REPAIR')) {
          // A CCCD that lost its zeros can also read as a phone number: the id part never guesses.
          expect(truth.damage).toContain('id-lost-leading-zero');
        } else {
          expect(record.idNumber.value).toBe(truth.idNumber);
        }
        expect(issues.filter((i) => i.category === 'inconsistent-personal-data')).toEqual([]);
        for (const [k, v] of Object.entries(raw)) {
          const f = Object.hasOwn(FIELD_OF, k) ? FIELD_OF[k as keyof typeof FIELD_OF] : undefined;
          if (f === undefined) expect(record.extra[k]).toBe(v);
          else expect((record[f] as { original?: string }).original).toBe(v);
        }
      }),
      { numRuns: 500 },
    );
  });
});
