import type { Issue } from '../result.js';
import type { ToneStyle } from '../text/index.js';
import { parseCommune, parseDistrict } from './admin-unit.js';
import { type CanonicalColumn, isCanonicalColumn, type RawRecord } from './columns.js';
import { type DateOfBirthOptions, parseDateOfBirth } from './dob.js';
import { cleanIdNumber } from './id-field.js';
import { NO_WARNINGS } from './issue.js';
import { cleanFullName } from './name-field.js';
import { parsePhone } from './phone.js';
import { type ProvinceOptions, parseProvince } from './province.js';
import {
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

/** Issues of one row; most rows have none, so the arrays are created on the first one. */
interface Acc {
  errors: RecordIssue[] | undefined;
  warnings: RecordIssue[] | undefined;
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

function collapse(s: string): string {
  const t = s.trim();
  return t.includes('  ') || t.includes('\t') || t.includes('\n')
    ? t.replace(/\s+/g, ' ').normalize('NFC')
    : t.normalize('NFC');
}

/**
 * Cleans one raw row into a typed {@link CleanRecord} and lists every problem found, each with a
 * stable code, its workflow category (`missing-id`, `malformed-id`, `inconsistent-personal-data`
 * or `field`), a severity and the column. Never throws, never drops a field: each field keeps its
 * original text and unknown columns are kept in `extra`.
 *
 * @example
 * ```ts
 * const { record, issues } = cleanRecord({ full_name: 'nguyen van an', dob: '31/02/1990', id_number: '' });
 * record.dob.original; // '31/02/1990'
 * issues.map((i) => i.code); // ['ID_MISSING', 'DOB_IMPOSSIBLE', 'SEX_MISSING']
 * ```
 */
export function cleanRecord(
  raw: RawRecord,
  options: CleanRecordOptions = DEFAULT_OPTIONS,
): CleanResult {
  return cleanWith(raw, settingsOf(options), options.key ?? '');
}

function cleanWith(raw: RawRecord, st: Settings, key: string): CleanResult {
  const acc: Acc = { errors: undefined, warnings: undefined };

  const nameRaw = raw.full_name;
  const name = cleanFullName(nameRaw, st.toneStyle);

  const dobRaw = raw.dob;
  let dobValue: PartialDate | undefined;
  const dob = parseDateOfBirth(dobRaw ?? '', st.dob);
  if (dob.success) dobValue = dob.data.value;

  const sexRaw = raw.gender;
  let sexValue: Sex | undefined;
  const sex = parseSex(sexRaw ?? '', st.sex);
  if (sex.success) sexValue = sex.data;

  // Issues in column order: ID, name, dob, sex, then the address fields.
  const idRaw = raw.id_number;
  let idNumber: CleanField<string> = field<string>(idRaw, undefined);
  let idKind: CleanRecord['idKind'];
  if (isBlank(idRaw)) {
    push(acc, ID_MISSING);
  } else {
    const id = cleanIdNumber(idRaw ?? '', dobValue, sexValue, st.referenceDate);
    idNumber = field(idRaw, id.value);
    idKind = id.kind;
    if (id.errors.length > 0) addAll(acc, id.errors, 'id_number', 'error');
    if (id.warnings.length > 0) addAll(acc, id.warnings, 'id_number', 'warning');
    for (const c of id.conflicts) push(acc, c);
  }

  if (name.error !== undefined) push(acc, toRecordIssue(name.error, 'full_name', 'error'));
  if (name.warnings !== undefined) addAll(acc, name.warnings, 'full_name', 'warning');

  if (dob.success) {
    if (dob.data.warnings.length > 0) addAll(acc, dob.data.warnings, 'dob', 'warning');
  } else {
    addAll(acc, dob.issues, 'dob', 'error');
  }
  if (!sex.success) addAll(acc, sex.issues, 'gender', 'error');

  const phoneRaw = raw.phone;
  let phoneValue: string | undefined;
  if (!isBlank(phoneRaw)) {
    const phone = parsePhone(phoneRaw ?? '');
    if (phone.success) {
      phoneValue = phone.data.value;
      if (phone.data.warnings.length > 0) addAll(acc, phone.data.warnings, 'phone', 'warning');
    } else {
      addAll(acc, phone.issues, 'phone', 'error');
    }
  }

  const provinceRaw = raw.province;
  let provinceCode: string | undefined;
  if (!isBlank(provinceRaw)) {
    const province = parseProvince(provinceRaw ?? '', st.province);
    if (province.success) {
      provinceCode = province.data.code;
      if (province.data.warnings.length > 0) {
        addAll(acc, province.data.warnings, 'province', 'warning');
      }
    } else {
      addAll(acc, province.issues, 'province', 'error');
    }
  }

  const districtRaw = raw.district;
  let districtValue: string | undefined;
  if (!isBlank(districtRaw)) {
    const d = parseDistrict(districtRaw ?? '');
    if (d.success) {
      districtValue = d.data.value;
      if (d.data.warnings.length > 0) addAll(acc, d.data.warnings, 'district', 'warning');
    } else {
      addAll(acc, d.issues, 'district', 'error');
    }
  }

  const communeRaw = raw.commune;
  let communeValue: string | undefined;
  if (!isBlank(communeRaw)) {
    const c = parseCommune(communeRaw ?? '');
    if (c.success) {
      communeValue = c.data.value;
      if (c.data.warnings.length > 0) addAll(acc, c.data.warnings, 'commune', 'warning');
    } else {
      addAll(acc, c.issues, 'commune', 'error');
    }
  }

  const addressRaw = raw.address;
  const addressValue = isBlank(addressRaw) ? undefined : collapse(addressRaw ?? '');

  let extra = EMPTY_EXTRA;
  for (const k in raw) {
    if (isCanonicalColumn(k)) continue;
    const v = raw[k];
    if (v === undefined) continue;
    if (extra === EMPTY_EXTRA) extra = {};
    (extra as Record<string, string>)[k] = v;
  }

  const base = {
    key,
    fullName: field(nameRaw, name.value),
    dob: field(dobRaw, dobValue),
    sex: field(sexRaw, sexValue),
    idNumber,
    phone: field(phoneRaw, phoneValue),
    provinceCode: field(provinceRaw, provinceCode),
    district: field(districtRaw, districtValue),
    commune: field(communeRaw, communeValue),
    address: field(addressRaw, addressValue),
    extra,
  };
  const record: CleanRecord = idKind === undefined ? base : { ...base, idKind };
  return { record, issues: finish(acc) };
}

/** Options of {@link cleanRecords}. */
export interface CleanRecordsOptions extends Omit<CleanRecordOptions, 'key'> {
  /** Column holding each record's key (default: the 1-based position, as a string). */
  readonly keyColumn?: string;
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
  rows: Iterable<RawRecord>,
  options?: CleanRecordsOptions,
): Generator<CleanResult, void, undefined>;
export function cleanRecords(
  rows: AsyncIterable<RawRecord>,
  options?: CleanRecordsOptions,
): AsyncGenerator<CleanResult, void, undefined>;
export function cleanRecords(
  rows: Iterable<RawRecord> | AsyncIterable<RawRecord>,
  options: CleanRecordsOptions = {},
): Generator<CleanResult, void, undefined> | AsyncGenerator<CleanResult, void, undefined> {
  const st = streamSettings(options);
  const keyColumn = options.keyColumn;
  if (Symbol.asyncIterator in rows) {
    return (async function* () {
      let n = 0;
      for await (const raw of rows) {
        n++;
        yield cleanWith(raw, st, keyColumn === undefined ? String(n) : (raw[keyColumn] ?? ''));
      }
    })();
  }
  return (function* () {
    let n = 0;
    for (const raw of rows) {
      n++;
      yield cleanWith(raw, st, keyColumn === undefined ? String(n) : (raw[keyColumn] ?? ''));
    }
  })();
}
