import { memoize } from '../memo.js';
import type { Issue } from '../result.js';
import { type ToneStyle, toNfc } from '../text/index.js';
import { parseAddress } from './address.js';
import { parseCommune, parseDistrict } from './admin-unit.js';
import {
  type CanonicalColumn,
  type CellValue,
  isCanonicalColumn,
  type RawRecordInput,
} from './columns.js';
import { type DateOfBirthOptions, parseDateOfBirth } from './dob.js';
import { neutralizeFormula } from './formula.js';
import { cleanIdNumber } from './id-field.js';
import { NO_WARNINGS } from './issue.js';
import { cleanFullName } from './name-field.js';
import { parsePhone } from './phone.js';
import { type ProvinceOptions, parseProvince } from './province.js';
import {
  categoryOf,
  type RecordIssue,
  type RecordIssueCode,
  type RecordIssueSeverity,
  toRecordIssue,
} from './record-issue.js';
import { parseSex, type SexOptions } from './sex.js';
import type { CleanField, CleanRecord, PartialDate, Sex } from './types.js';

/** Options of {@link cleanRecord}. */
export interface CleanRecordOptions {
  /** The record key (default `''`; `cleanRecords` numbers rows instead). */
  readonly key?: string;
  /** "Today" for date-of-birth checks (default: now). */
  readonly referenceDate?: Date;
  /** Date-of-birth options (order, two-digit-year pivot, max age, Excel serials). */
  readonly dob?: Omit<DateOfBirthOptions, 'referenceDate'>;
  /** Sex options (numeric codes). */
  readonly sex?: SexOptions;
  /** Province options (fuzzy matching). */
  readonly province?: ProvinceOptions;
  /** Tone mark placement of the cleaned name (default `traditional`: hòa, khỏe, thủy). */
  readonly toneStyle?: ToneStyle;
}

/** A cleaned record and everything found wrong with it. */
export interface CleanResult {
  readonly record: CleanRecord;
  /** Errors first, then warnings, in column order. Empty (and frozen) when the row is clean. */
  readonly issues: readonly RecordIssue[];
}

interface Settings {
  readonly dob: DateOfBirthOptions;
  readonly sex: SexOptions | undefined;
  readonly province: ProvinceOptions | undefined;
  readonly toneStyle: ToneStyle;
  readonly referenceDate: Date | undefined;
}

const settingsCache = new WeakMap<CleanRecordOptions, Settings>();
const DEFAULT_OPTIONS: CleanRecordOptions = Object.freeze({});

function settingsOf(options: CleanRecordOptions): Settings {
  const hit = settingsCache.get(options);
  if (hit !== undefined) return hit;
  const dob: DateOfBirthOptions =
    options.referenceDate === undefined
      ? { ...options.dob }
      : { ...options.dob, referenceDate: options.referenceDate };
  const s: Settings = {
    dob,
    sex: options.sex,
    province: options.province,
    toneStyle: options.toneStyle ?? 'traditional',
    referenceDate: options.referenceDate,
  };
  settingsCache.set(options, s);
  return s;
}

const ID_MISSING: RecordIssue = Object.freeze({
  code: 'ID_MISSING',
  message: 'No CCCD/CMND number',
  category: 'missing-id',
  severity: 'error',
  path: ['id_number'],
} as const);

const EMPTY_FIELD: CleanField<never> = Object.freeze({});
const EMPTY_EXTRA: Readonly<Record<string, string>> = Object.freeze({});

function field<T>(original: string | undefined, value: T | undefined): CleanField<T> {
  if (original === undefined) return value === undefined ? EMPTY_FIELD : { value };
  return value === undefined ? { original } : { value, original };
}

function isBlank(s: string | undefined): boolean {
  if (s === undefined) return true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 160 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/**
 * The text of a cell as the user saw it: a number as its digits (an ID or phone number that lost
 * its leading zero is repaired by the field parser; a whole-number date of birth is an Excel
 * serial, a year or `yyyymmdd`, a fraction is the time of day and dropped), a boolean as Excel
 * shows it, a `Date` as `yyyy-mm-dd`. `undefined` for an empty cell (`null`, `undefined`); `null`
 * for a value no reader gives for a cell (an object, `NaN`, an invalid date) or a date in the ID
 * or phone column.
 */
function cellText(v: unknown, column: CanonicalColumn | undefined): string | undefined | null {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    return column === 'dob' && v >= 1 ? String(Math.floor(v)) : String(v);
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'bigint') return v.toString();
  // A date is a date of birth, or text in a text column; never an ID or a phone number.
  if (v instanceof Date) return column === 'id_number' || column === 'phone' ? null : dateText(v);
  return null;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A `Date` as `yyyy-mm-dd`. Readers and forms put a calendar date at midnight UTC (`<input
 * type=date>`, most xlsx readers) or at local midnight (some xlsx readers): the UTC date unless
 * the time is local midnight and not UTC midnight.
 */
function dateText(d: Date): string | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const utcMidnight = t % 86_400_000 === 0;
  const localMidnight =
    d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
  const local = localMidnight && !utcMidnight;
  const year = local ? d.getFullYear() : d.getUTCFullYear();
  const month = (local ? d.getMonth() : d.getUTCMonth()) + 1;
  const day = local ? d.getDate() : d.getUTCDate();
  if (year < 0 || year > 9999) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function invalidType(column: CanonicalColumn, v: unknown): RecordIssue {
  const kind =
    v instanceof Date
      ? Number.isNaN(v.getTime())
        ? 'an invalid date'
        : 'a date'
      : typeof v === 'number'
        ? 'a number that is not finite'
        : Array.isArray(v)
          ? 'a list'
          : `a value of type ${typeof v}`;
  return {
    code: 'FIELD_INVALID_TYPE',
    message: `Expected text, a number or a date; the cell holds ${kind}`,
    category: categoryOf('FIELD_INVALID_TYPE', column),
    severity: 'error',
    path: [column],
  };
}

/** Issues of one row; most rows have none, so the arrays are created on the first one. */
interface Acc {
  errors: RecordIssue[] | undefined;
  warnings: RecordIssue[] | undefined;
  /** Columns whose cell holds a value no reader gives (rare: created on the first one). */
  bad: Map<CanonicalColumn, RecordIssue> | undefined;
}

/** A canonical cell as text ({@link cellText}); a cell of an unusable type is noted in `acc.bad`. */
function text(
  raw: Readonly<Record<string, unknown>>,
  column: CanonicalColumn,
  acc: Acc,
): string | undefined {
  const v = raw[column];
  if (typeof v === 'string' || v === undefined) return v;
  const t = cellText(v, column);
  if (t !== null) return t;
  acc.bad = acc.bad ?? new Map();
  acc.bad.set(column, invalidType(column, v));
  return undefined;
}

function push(acc: Acc, i: RecordIssue): void {
  if (i.severity === 'error') {
    if (acc.errors === undefined) acc.errors = [i];
    else acc.errors.push(i);
  } else if (acc.warnings === undefined) {
    acc.warnings = [i];
  } else {
    acc.warnings.push(i);
  }
}

function addAll(
  acc: Acc,
  list: readonly Issue<RecordIssueCode>[],
  column: CanonicalColumn,
  severity: RecordIssueSeverity,
): void {
  for (const i of list) push(acc, toRecordIssue(i, column, severity));
}

function finish(acc: Acc): readonly RecordIssue[] {
  if (acc.errors === undefined) return acc.warnings ?? NO_WARNINGS;
  if (acc.warnings !== undefined) for (const w of acc.warnings) acc.errors.push(w);
  return acc.errors;
}

/** A parse result reduced to what a record keeps: the value, or the issues. */
type FieldResult =
  | {
      readonly success: true;
      readonly value: string;
      readonly warnings: readonly Issue<RecordIssueCode>[];
    }
  | { readonly success: false; readonly issues: readonly Issue<RecordIssueCode>[] };

/** Parses an optional column: blank is no issue; errors and warnings are added to `acc`. */
function optional(
  acc: Acc,
  raw: string | undefined,
  column: CanonicalColumn,
  parse: (s: string) => FieldResult,
): string | undefined {
  if (raw === undefined || isBlank(raw)) return undefined;
  const r = parse(raw);
  if (!r.success) {
    addAll(acc, r.issues, column, 'error');
    return undefined;
  }
  if (r.warnings.length > 0) addAll(acc, r.warnings, column, 'warning');
  return r.value;
}

function parsePhoneValue(s: string): FieldResult {
  const r = parsePhone(s);
  return r.success ? { success: true, value: r.data.value, warnings: r.data.warnings } : r;
}

function parseProvinceCode(s: string, options: ProvinceOptions | undefined): FieldResult {
  const r = parseProvince(s, options);
  return r.success ? { success: true, value: r.data.code, warnings: r.data.warnings } : r;
}

// Cleaned text values never start like a spreadsheet formula: trimming `\t=cmd` or ` =1+1` must
// not turn an inert cell into a live one (see `neutralizeFormula`).
function parseDistrictValue(s: string): FieldResult {
  const r = parseDistrict(s);
  return r.success
    ? { success: true, value: neutralizeFormula(r.data.value), warnings: r.data.warnings }
    : r;
}

function parseCommuneValue(s: string): FieldResult {
  const r = parseCommune(s);
  return r.success
    ? { success: true, value: neutralizeFormula(r.data.value), warnings: r.data.warnings }
    : r;
}

// The parsers memoise their results; these memoise the reduced form as well, so that a value seen
// before costs one lookup and no allocation. Bounded like the parsers' own tables.
const districtField = memoize(parseDistrictValue, 8192);
const communeField = memoize(parseCommuneValue, 32_768);
const provinceFuzzyField = memoize((s) => parseProvinceCode(s, undefined), 2048);
const provinceStrictField = memoize((s) => parseProvinceCode(s, { fuzzy: false }), 2048);

/** NFC, trimmed, one space between words; returns `s` itself when it is already clean. */
function collapse(s: string): string {
  const t = toNfc(s);
  const n = t.length;
  let clean = n > 0 && t.charCodeAt(0) > 32 && t.charCodeAt(n - 1) > 32;
  for (let i = 1; clean && i < n; i++) {
    const c = t.charCodeAt(i);
    if (c < 32 || (c === 32 && t.charCodeAt(i - 1) === 32) || c === 160) clean = false;
  }
  return clean ? t : t.replace(/\s+/g, ' ').trim();
}

/**
 * Cleans one raw row into a typed {@link CleanRecord} and lists every problem found, each with a
 * stable code, its workflow category (`missing-id`, `malformed-id`, `inconsistent-personal-data`
 * or `field`), a severity and the column. Never throws, never drops a field: each field keeps its
 * original text and unknown columns are kept in `extra`.
 *
 * Takes cells as readers and forms give them ({@link CellValue}): `null` and `undefined` are empty;
 * a number is what the user saw in the spreadsheet (an ID or phone number that lost its leading
 * zero is repaired and says so; a date of birth is an Excel serial, a year or `yyyymmdd`); a `Date`
 * is a date of birth; anything else is reported as `FIELD_INVALID_TYPE`.
 *
 * Cleaned text values (name, district, commune, address) never start like a spreadsheet formula:
 * one that would (`=cmd` from `\t=cmd`) gets the leading `'` of {@link neutralizeFormula}; the
 * original text is kept as it came.
 *
 * @example
 * ```ts
 * const { record, issues } = cleanRecord({ full_name: 'nguyen van an', dob: '31/02/1990', id_number: '' });
 * record.dob.original; // '31/02/1990'
 * issues.map((i) => i.code); // ['ID_MISSING', 'DOB_IMPOSSIBLE', 'SEX_MISSING']
 * // Cells from an xlsx reader:
 * cleanRecord({ id_number: 38095012345, phone: 912345678, dob: 33000, gender: null }).record.idNumber.value; // '038095012345'
 * ```
 */
export function cleanRecord<const Raw extends RawRecordInput>(
  raw: Raw,
  options: CleanRecordOptions = DEFAULT_OPTIONS,
): CleanResult {
  // Untyped callers: `null` (or any non-object) options are no options.
  if (options === null || typeof options !== 'object') options = DEFAULT_OPTIONS;
  return cleanWith(raw, settingsOf(options), options.key ?? '');
}

const NO_ROW: Readonly<Record<string, unknown>> = Object.freeze({});

function cleanWith(input: RawRecordInput, st: Settings, key: string): CleanResult {
  const acc: Acc = { errors: undefined, warnings: undefined, bad: undefined };
  // Typed callers pass an object; untyped ones (a reader, a form, JSON) may pass anything.
  const raw: Readonly<Record<string, unknown>> =
    input !== null && typeof input === 'object' ? input : NO_ROW;

  // Cells of other types than text become text as the user saw them (`text`).
  const nameRaw = text(raw, 'full_name', acc);
  const name = cleanFullName(nameRaw, st.toneStyle);

  const dobRaw = text(raw, 'dob', acc);
  let dobValue: PartialDate | undefined;
  const dob = parseDateOfBirth(dobRaw ?? '', st.dob);
  if (dob.success) dobValue = dob.data.value;

  const sexRaw = text(raw, 'gender', acc);
  let sexValue: Sex | undefined;
  const sex = parseSex(sexRaw ?? '', st.sex);
  if (sex.success) sexValue = sex.data;

  // Issues in column order: ID, name, dob, sex, then the address fields.
  const idCell = raw['id_number'];
  const idRaw = text(raw, 'id_number', acc);
  let idNumber: CleanField<string> = field<string>(idRaw, undefined);
  let idKind: CleanRecord['idKind'];
  const badId = acc.bad?.get('id_number');
  if (badId !== undefined) {
    push(acc, badId);
  } else if (isBlank(idRaw)) {
    push(acc, ID_MISSING);
  } else {
    // A number cell goes to the ID parser as a number: it knows which digits were lost.
    const id = cleanIdNumber(
      typeof idCell === 'number' ? idCell : (idRaw ?? ''),
      dobValue,
      sexValue,
      st.referenceDate,
    );
    idNumber = field(idRaw, id.value);
    idKind = id.kind;
    if (id.errors.length > 0) addAll(acc, id.errors, 'id_number', 'error');
    if (id.warnings.length > 0) addAll(acc, id.warnings, 'id_number', 'warning');
    for (const c of id.conflicts) push(acc, c);
  }

  const badName = acc.bad?.get('full_name');
  if (badName !== undefined) push(acc, badName);
  else if (name.error !== undefined) push(acc, toRecordIssue(name.error, 'full_name', 'error'));
  if (name.warnings !== undefined) addAll(acc, name.warnings, 'full_name', 'warning');

  const badDob = acc.bad?.get('dob');
  if (badDob !== undefined) {
    push(acc, badDob);
  } else if (dob.success) {
    if (dob.data.warnings.length > 0) addAll(acc, dob.data.warnings, 'dob', 'warning');
  } else {
    addAll(acc, dob.issues, 'dob', 'error');
  }
  const badSex = acc.bad?.get('gender');
  if (badSex !== undefined) push(acc, badSex);
  else if (!sex.success) addAll(acc, sex.issues, 'gender', 'error');

  const phoneRaw = text(raw, 'phone', acc);
  const phoneValue = optional(acc, phoneRaw, 'phone', parsePhoneValue);
  const provinceRaw = text(raw, 'province', acc);
  const provinceCode = optional(
    acc,
    provinceRaw,
    'province',
    st.province?.fuzzy === false ? provinceStrictField : provinceFuzzyField,
  );
  const districtRaw = text(raw, 'district', acc);
  const districtValue = optional(acc, districtRaw, 'district', districtField);
  const communeRaw = text(raw, 'commune', acc);
  const communeValue = optional(acc, communeRaw, 'commune', communeField);

  const addressRaw = text(raw, 'address', acc);
  const addressValue = isBlank(addressRaw)
    ? undefined
    : neutralizeFormula(collapse(addressRaw ?? ''));
  const bad = acc.bad;
  if (bad !== undefined) {
    // In column order with the errors of the other address fields (those have no error when bad).
    for (const column of ['phone', 'province', 'district', 'commune', 'address'] as const) {
      const b = bad.get(column);
      if (b !== undefined) push(acc, b);
    }
  }

  let extra = EMPTY_EXTRA;
  for (const k in raw) {
    if (isCanonicalColumn(k)) continue;
    const v = raw[k];
    const t = typeof v === 'string' ? v : cellText(v, undefined);
    if (t === undefined || t === null) continue;
    if (extra === EMPTY_EXTRA) extra = {};
    (extra as Record<string, string>)[k] = t;
  }

  const fullName = field(nameRaw, name.value);
  const dobField = field(dobRaw, dobValue);
  const sexField = field(sexRaw, sexValue);
  const phone = field(phoneRaw, phoneValue);
  let province = field(provinceRaw, provinceCode);
  let district = field(districtRaw, districtValue);
  let commune = field(communeRaw, communeValue);
  const address = field(addressRaw, addressValue);
  // A list with the address in one column: the units it names fill the empty place columns (a
  // value whose `original` is blank or absent was read from the address, not from the column).
  if (
    addressValue !== undefined &&
    ((isBlank(provinceRaw) && provinceCode === undefined) ||
      (isBlank(districtRaw) && districtValue === undefined) ||
      (isBlank(communeRaw) && communeValue === undefined))
  ) {
    const units = parseAddress(addressRaw ?? '');
    if (units.success) {
      const u = units.data;
      if (isBlank(provinceRaw) && u.provinceCode !== undefined)
        province = { ...province, value: u.provinceCode };
      if (isBlank(districtRaw) && u.district !== undefined)
        district = { ...district, value: u.district };
      if (isBlank(communeRaw) && u.commune !== undefined)
        commune = { ...commune, value: u.commune };
    }
  }
  // Two literals rather than a spread: one object shape per case, no copy.
  const record: CleanRecord =
    idKind === undefined
      ? {
          key,
          fullName,
          dob: dobField,
          sex: sexField,
          idNumber,
          phone,
          provinceCode: province,
          district,
          commune,
          address,
          extra,
        }
      : {
          key,
          fullName,
          dob: dobField,
          sex: sexField,
          idNumber,
          idKind,
          phone,
          provinceCode: province,
          district,
          commune,
          address,
          extra,
        };
  return { record, issues: finish(acc) };
}

/** Options of {@link cleanRecords}. */
export interface CleanRecordsOptions extends Omit<CleanRecordOptions, 'key'> {
  /** Column holding each record's key (default: the 1-based position, as a string). */
  readonly keyColumn?: string;
}

/** The key of the `n`-th row: its `keyColumn` value, or `n` when no key column is set. */
function keyOf(raw: RawRecordInput, keyColumn: string | undefined, n: number): string {
  if (keyColumn === undefined) return String(n);
  if (raw === null || typeof raw !== 'object') return '';
  const v = (raw as Readonly<Record<string, unknown>>)[keyColumn];
  if (typeof v === 'string') return v;
  return cellText(v, undefined) ?? '';
}

function streamSettings(options: CleanRecordsOptions): Settings {
  // Pin "now" once for the whole stream, so that every row is checked against the same day.
  return settingsOf({ ...options, referenceDate: options.referenceDate ?? new Date() });
}

/**
 * Cleans a stream of raw rows lazily: a generator over a sync iterable, an async generator over
 * an async iterable (a CSV reader, a database cursor). Constant memory; rows come out in order.
 *
 * @example
 * ```ts
 * for (const { record, issues } of cleanRecords(rows, { keyColumn: 'ma_dt' })) save(record, issues);
 * for await (const r of cleanRecords(csvRows)) write(r);
 * ```
 */
export function cleanRecords(
  rows: Iterable<RawRecordInput>,
  options?: CleanRecordsOptions,
): Generator<CleanResult, void, undefined>;
export function cleanRecords(
  rows: AsyncIterable<RawRecordInput>,
  options?: CleanRecordsOptions,
): AsyncGenerator<CleanResult, void, undefined>;
export function cleanRecords(
  rows: Iterable<RawRecordInput> | AsyncIterable<RawRecordInput>,
  options: CleanRecordsOptions = {},
): Generator<CleanResult, void, undefined> | AsyncGenerator<CleanResult, void, undefined> {
  if (options === null || typeof options !== 'object') options = {};
  const st = streamSettings(options);
  const keyColumn = options.keyColumn;
  if (Symbol.asyncIterator in rows) {
    return (async function* () {
      let n = 0;
      for await (const raw of rows) {
        n++;
        yield cleanWith(raw, st, keyOf(raw, keyColumn, n));
      }
    })();
  }
  return (function* () {
    let n = 0;
    for (const raw of rows) {
      n++;
      yield cleanWith(raw, st, keyOf(raw, keyColumn, n));
    }
  })();
}
