/**
 * RFC 4180 CSV text for generated rows, without any I/O: callers write the text themselves.
 *
 * @module
 */
import type { ListTruth, TRUTH_COLUMNS } from './types.js';

/** A column of the truth CSV. */
export type TruthColumn = (typeof TRUTH_COLUMNS)[number];

/**
 * Quotes one CSV field when it contains a comma, a double quote, CR or LF (RFC 4180), doubling
 * inner quotes. A field with leading or trailing spaces is quoted too, so no reader trims it.
 *
 * @example
 * ```ts
 * csvField('Số 12, Lê Lợi'); // '"Số 12, Lê Lợi"'
 * ```
 */
export function csvField(value: string): string {
  const n = value.length;
  if (n === 0) return value;
  let quote = value.charCodeAt(0) === 32 || value.charCodeAt(n - 1) === 32;
  let inner = false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === 34) {
      inner = true;
      break;
    }
    if (c === 44 || c === 10 || c === 13) quote = true;
  }
  if (inner) return `"${value.replace(/"/g, '""')}"`;
  return quote ? `"${value}"` : value;
}

/**
 * One CSV line (without the line ending) from field values.
 *
 * @example
 * ```ts
 * csvLine(['P0', 'Nguyễn Văn An']); // 'P0,Nguyễn Văn An'
 * ```
 */
export function csvLine(values: readonly string[]): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += csvField(values[i] ?? '');
  }
  return out;
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /** Line ending (default `\n`; RFC 4180 strictly uses `\r\n`). */
  readonly eol?: string;
  /** Write the header row (default true). */
  readonly header?: boolean;
}

/**
 * CSV text of rows (objects whose values are strings) for the given columns, header first.
 *
 * @example
 * ```ts
 * const { register } = generateDataset({ seed: 1, registerSize: 100 });
 * const text = toCsv(register, REGISTER_COLUMNS);
 * ```
 */
export function toCsv<Column extends string>(
  rows: Iterable<Readonly<Record<Column, string>>>,
  columns: readonly Column[],
  options: CsvOptions = {},
): string {
  const eol = options.eol ?? '\n';
  const parts: string[] = [];
  if (options.header ?? true) parts.push(csvLine(columns) + eol);
  const values: string[] = new Array(columns.length);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i++) values[i] = row[columns[i] as Column] ?? '';
    parts.push(csvLine(values) + eol);
  }
  return parts.join('');
}

/**
 * The truth of a list row as a flat record of strings for {@link toCsv} with `TRUTH_COLUMNS`
 * (`person_id` empty for people not in the register, damages joined by `;`).
 *
 * @example
 * ```ts
 * toCsv(truth.map(truthToRow), TRUTH_COLUMNS);
 * ```
 */
export function truthToRow(t: ListTruth): Record<TruthColumn, string> {
  return {
    record_id: t.record_id,
    person_id: t.person_id ?? '',
    entity_id: t.entity_id,
    copy: String(t.copy),
    damages: t.damages.join(';'),
    dob_format: t.dob_format,
    gender_format: t.gender_format,
    phone_format: t.phone_format,
    province_format: t.province_format,
    commune_format: t.commune_format,
  };
}
