/**
 * fast-check arbitraries for the `record` part: written dates of birth, written phone numbers and
 * whole raw rows with realistic damage, each with the truth it came from.
 *
 * @module
 */
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { format as formatDate } from 'date-fns/format';
import { subYears } from 'date-fns/subYears';
import fc from 'fast-check';
import { OLD_PROVINCES } from '../id/index.js';
import {
  type DobFormat,
  LANDLINE_AREAS,
  MOBILE_MIGRATION_2018,
  MOBILE_PREFIXES,
  type PartialDate,
  PROVINCE_ALIASES,
  type RawRecord,
  type Sex,
} from '../record/index.js';

/** A written date of birth and the date it stands for. */
export interface WrittenDob {
  /** The text as it would appear in a spreadsheet cell. */
  readonly text: string;
  /** The date it means (partial for `m/y`, `y-m` and `y`). */
  readonly value: PartialDate;
  /** The written form. */
  readonly format: DobFormat;
}

/** Options of {@link dobArbitrary}. */
export interface DobArbitraryOptions {
  /** Dates are generated up to the day before this (default: now). */
  readonly referenceDate?: Date;
  /** Oldest age generated (default 100). */
  readonly maxAge?: number;
  /** Also generate partial dates (month-year, year only) (default true). */
  readonly partial?: boolean;
}

const FULL_FORMATS: readonly (readonly [DobFormat, string])[] = [
  ['d/m/y', 'dd/MM/yyyy'],
  ['d/m/y', 'd/M/yyyy'],
  ['d/m/y', 'dd-MM-yyyy'],
  ['d/m/y', 'dd.MM.yyyy'],
  ['d/m/y', 'dd-MMM-yyyy'],
  ['y-m-d', 'yyyy-MM-dd'],
  ['y-m-d', 'yyyy/MM/dd'],
  ['yyyymmdd', 'yyyyMMdd'],
  ['ddmmyyyy', 'ddMMyyyy'],
  ['d/m/yy', 'dd/MM/yy'],
];

function excelSerial(date: Date): number {
  const days = differenceInCalendarDays(date, new Date(1899, 11, 30));
  // Excel's 29/02/1900 shifts every later serial by one; dates before it count from 31/12/1899.
  return days < 61 ? days - 1 : days;
}

/**
 * Dates of birth written in every form `parseDateOfBirth` reads (Vietnamese day-month order),
 * with the date they mean. Two-digit years are only generated inside the default pivot window.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(dobArbitrary({ referenceDate: ref }), (d) => {
 *   const r = parseDateOfBirth(d.text, { referenceDate: ref });
 *   return r.success && formatPartialDate(r.data.value) === formatPartialDate(d.value);
 * }));
 * ```
 */
export function dobArbitrary(options: DobArbitraryOptions = {}): fc.Arbitrary<WrittenDob> {
  const ref = options.referenceDate ?? new Date();
  const maxAge = options.maxAge ?? 100;
  const min = subYears(ref, maxAge);
  const max = new Date(ref.getFullYear(), ref.getMonth(), ref.getDate() - 1);
  const day = fc
    .date({ min, max, noInvalidDate: true })
    .map((d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()));
  const pivotLow = ref.getFullYear() - 99;
  const full = fc.tuple(day, fc.constantFrom(...FULL_FORMATS)).map(([d, [format, pattern]]) => {
    const value: PartialDate = { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
    if (format === 'd/m/yy' && d.getFullYear() < pivotLow) {
      return { text: formatDate(d, 'dd/MM/yyyy'), value, format: 'd/m/y' as DobFormat };
    }
    return { text: formatDate(d, pattern), value, format };
  });
  const serial = day
    .filter((d) => d.getFullYear() >= 1901)
    .map((d) => ({
      text: String(excelSerial(d)),
      value: { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() },
      format: 'excel-serial' as DobFormat,
    }));
  if (options.partial === false) return fc.oneof({ arbitrary: full, weight: 9 }, serial);
  const partial = fc
    .tuple(day, fc.constantFrom('MM/yyyy', 'yyyy-MM', 'yyyy'))
    .map(([d, pattern]) => {
      const year = d.getFullYear();
      if (pattern === 'yyyy')
        return { text: String(year), value: { year }, format: 'y' as DobFormat };
      return {
        text: formatDate(d, pattern),
        value: { year, month: d.getMonth() + 1 },
        format: (pattern === 'MM/yyyy' ? 'm/y' : 'y-m') as DobFormat,
      };
    });
  return fc.oneof(
    { arbitrary: full, weight: 7 },
    { arbitrary: serial, weight: 1 },
    {
      arbitrary: partial,
      weight: 2,
    },
  );
}

/** A written phone number and its national form. */
export interface WrittenPhone {
  readonly text: string;
  /** National form after the 2017/2018 changes (`0912345678`, `02438251234`). */
  readonly value: string;
  readonly kind: 'mobile' | 'landline';
}

const MOBILE_LIST = Object.keys(MOBILE_PREFIXES);
const OLD_MOBILE = new Map(Object.entries(MOBILE_MIGRATION_2018).map(([o, n]) => [n, o]));

function spaced(national: string, style: number): string {
  if (style === 1) return `${national.slice(0, 4)} ${national.slice(4, 7)} ${national.slice(7)}`;
  if (style === 2) return `${national.slice(0, 4)}.${national.slice(4, 7)}.${national.slice(7)}`;
  if (style === 3) return `${national.slice(0, 4)}-${national.slice(4, 7)}-${national.slice(7)}`;
  return national;
}

/**
 * Vietnamese phone numbers written the ways they reach a spreadsheet: spaces/dots/dashes, `+84`,
 * `84`, `0084`, a lost leading zero, `.0` from a number column, the pre-2018 11-digit mobile form,
 * and landlines with old (pre-2017) or new area codes. `value` is what `parsePhone` must return.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(phoneArbitrary(), (p) => parsePhoneOrThrow(p.text) === p.value));
 * ```
 */
export function phoneArbitrary(): fc.Arbitrary<WrittenPhone> {
  const digits = (n: number) =>
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''));
  const mobile = fc
    .tuple(fc.constantFrom(...MOBILE_LIST), digits(7), fc.integer({ min: 0, max: 9 }))
    .map(([prefix, rest, form]): WrittenPhone => {
      const value = prefix + rest;
      const old = OLD_MOBILE.get(prefix);
      const texts = [
        value,
        spaced(value, 1),
        spaced(value, 2),
        spaced(value, 3),
        `+84 ${value.slice(1)}`,
        `84${value.slice(1)}`,
        `0084${value.slice(1)}`,
        value.slice(1),
        `${value.slice(1)}.0`,
        old === undefined ? value : old + rest,
      ];
      return { text: texts[form] ?? value, value, kind: 'mobile' };
    });
  const landline = fc
    .tuple(fc.constantFrom(...LANDLINE_AREAS), digits(8), fc.integer({ min: 0, max: 3 }))
    .map(([[code, old], sub8, form]): WrittenPhone => {
      const sub = code.length === 2 ? sub8 : sub8.slice(1);
      const value = `0${code}${sub}`;
      const oldForm = `0${old}${sub}`;
      const oldOk =
        oldForm === value ||
        (oldForm.length === 10
          ? MOBILE_PREFIXES[oldForm.slice(0, 3)] === undefined
          : !oldForm.startsWith('02') && !oldForm.startsWith('01'));
      const texts = [value, `(0${code}) ${sub}`, `+84 ${code} ${sub}`, oldOk ? oldForm : value];
      return { text: texts[form] ?? value, value, kind: 'landline' };
    });
  return fc.oneof({ arbitrary: mobile, weight: 4 }, { arbitrary: landline, weight: 1 });
}

/** What a damaged raw row really says (the person behind it). */
export interface RecordTruth {
  readonly fullName: string;
  readonly dob: PartialDate;
  readonly sex: Sex;
  /** The 12-digit CCCD, consistent with `dob`, `sex` and `birthProvinceCode`. */
  readonly idNumber: string;
  readonly birthProvinceCode: string;
  readonly phone: string;
  readonly provinceCode: string;
  /** What was done to the row, e.g. `['id-lost-leading-zero', 'name-upper-case']`. */
  readonly damage: readonly string[];
}

/** A raw row and the truth it came from. */
export interface DamagedRecord {
  readonly raw: RawRecord;
  readonly truth: RecordTruth;
}

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Thanh', 'Đức', 'Thu', 'Quang', 'Xuân'];
const GIVEN = ['An', 'Bình', 'Hòa', 'Khỏe', 'Thủy', 'Hùng', 'Lan', 'Mai', 'Tuấn', 'Hương', 'Dũng'];
const PROVINCE_CODES = OLD_PROVINCES.map((p) => p.code);
const SEX_SPELLINGS: Readonly<Record<Sex, readonly string[]>> = {
  male: ['Nam', 'nam', 'NAM', 'M', 'male'],
  female: ['Nữ', 'nữ', 'NỮ', 'Nu', 'F', 'female'],
};

function cccd(province: string, dob: PartialDate, sex: Sex, serial: string): string {
  const century = Math.floor(dob.year / 100) - 19;
  const g = century * 2 + (sex === 'female' ? 1 : 0);
  return `0${province}${g}${String(dob.year % 100).padStart(2, '0')}${serial}`;
}

/** Options of {@link rawRecordArbitrary}. */
export interface RawRecordArbitraryOptions {
  /** Dates of birth are generated before this day (default: now). */
  readonly referenceDate?: Date;
}

/**
 * Raw rows of a vaccination list with realistic damage (case and spacing of names, every date
 * format, sex spellings, phone forms, province spellings, ID numbers that lost their leading zero
 * or were never typed, extra columns), each with the truth it came from.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(rawRecordArbitrary(), ({ raw }) => cleanRecord(raw).record.dob.original === raw.dob));
 * ```
 */
export function rawRecordArbitrary(
  options: RawRecordArbitraryOptions = {},
): fc.Arbitrary<DamagedRecord> {
  const ref = options.referenceDate ?? new Date();
  return fc
    .record({
      surname: fc.constantFrom(...SURNAMES),
      middle: fc.constantFrom(...MIDDLE),
      given: fc.constantFrom(...GIVEN),
      nameDamage: fc.constantFrom('none', 'lower', 'upper', 'spaces'),
      dob: dobArbitrary({ referenceDate: ref, maxAge: 99 }),
      sex: fc.constantFrom<Sex>('male', 'female'),
      sexSpelling: fc.nat(5),
      birthProvince: fc.constantFrom(...PROVINCE_CODES),
      serial: fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, '0')),
      idDamage: fc.constantFrom('none', 'none', 'lost-leading-zero', 'spaces', 'missing'),
      phone: phoneArbitrary(),
      province: fc.constantFrom(...PROVINCE_CODES),
      provinceSpelling: fc.nat(8),
      provincePrefix: fc.constantFrom('', 'Tỉnh ', 'TP. ', 'tp '),
      extra: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    })
    .map((g): DamagedRecord => {
      const damage: string[] = [];
      const fullName = `${g.surname} ${g.middle} ${g.given}`;
      let nameText = fullName;
      if (g.nameDamage === 'lower') nameText = fullName.toLowerCase();
      else if (g.nameDamage === 'upper') nameText = fullName.toUpperCase();
      else if (g.nameDamage === 'spaces') nameText = `  ${g.surname}   ${g.middle} ${g.given} `;
      if (g.nameDamage !== 'none') damage.push(`name-${g.nameDamage}`);
      // The ID encodes the full date's year; partial dates keep the year, so they agree.
      const idNumber = cccd(g.birthProvince, g.dob.value, g.sex, g.serial);
      let idText = idNumber;
      if (g.idDamage === 'lost-leading-zero') idText = idNumber.replace(/^0+/, '');
      else if (g.idDamage === 'spaces') idText = `${idNumber.slice(0, 6)} ${idNumber.slice(6)}`;
      else if (g.idDamage === 'missing') idText = '';
      if (g.idDamage !== 'none') damage.push(`id-${g.idDamage}`);
      const official = OLD_PROVINCES.find((p) => p.code === g.province);
      const spellings = [
        official?.name ?? g.province,
        official?.fullName ?? g.province,
        ...(PROVINCE_ALIASES[g.province] ?? []),
      ];
      const spelling = spellings[g.provinceSpelling % spellings.length] ?? g.province;
      const sexTexts = SEX_SPELLINGS[g.sex];
      const raw: Record<string, string> = {
        full_name: nameText,
        dob: g.dob.text,
        gender: sexTexts[g.sexSpelling % sexTexts.length] ?? '',
        id_number: idText,
        phone: g.phone.text,
        province: g.provincePrefix + spelling,
        address: `${g.serial.slice(0, 2)} Lê Lợi`,
        ...(g.extra === undefined ? {} : { ghi_chu: g.extra }),
      };
      return {
        raw,
        truth: {
          fullName,
          dob: g.dob.value,
          sex: g.sex,
          idNumber,
          birthProvinceCode: g.birthProvince,
          phone: g.phone.value,
          provinceCode: g.province,
          damage,
        },
      };
    });
}
