/**
 * The per-row work of `vn-reconcile clean`, shared by the in-process path and the worker threads
 * (so that both write the same bytes): clean one CSV row into its output line, and count its
 * issues into a mergeable summary.
 */
import { parse } from 'csv-parse/sync';
import {
  type CleanRecordOptions,
  cleanRecord,
  formatPartialDate,
  type RawRecord,
  type RecordIssueCategory,
} from '../../record/index.js';
import { CSV_PARSE_OPTIONS, type CsvHeader, createRowBuilder, formatCsvRow } from '../io/csv.js';
import { countCsvLines } from './clean-chunks.js';

/** Issue category of a row, plus `csv` for rows with the wrong number of fields. */
export type CleanCategory = RecordIssueCategory | 'csv';

/** Counts kept while streaming (constant memory: one entry per distinct code). */
export interface CleanSummary {
  rows: number;
  withIssues: number;
  withErrors: number;
  /** Rows per issue code. */
  readonly perCode: Map<string, number>;
  /** Rows per category, in the order the categories were first seen. */
  readonly perCategory: Map<CleanCategory, number>;
}

/** A {@link CleanSummary} as plain data (to cross a worker boundary). */
export interface CleanSummaryData {
  readonly rows: number;
  readonly withIssues: number;
  readonly withErrors: number;
  readonly perCode: readonly (readonly [string, number])[];
  readonly perCategory: readonly (readonly [CleanCategory, number])[];
}

/**
 * An empty summary.
 *
 * @example
 * ```ts
 * const s = createCleanSummary(); // { rows: 0, withIssues: 0, withErrors: 0, perCode: Map{}, ... }
 * ```
 */
export function createCleanSummary(): CleanSummary {
  return { rows: 0, withIssues: 0, withErrors: 0, perCode: new Map(), perCategory: new Map() };
}

/**
 * The summary as plain data.
 *
 * @example
 * ```ts
 * summaryData(createCleanSummary()).perCode; // []
 * ```
 */
export function summaryData(s: CleanSummary): CleanSummaryData {
  return {
    rows: s.rows,
    withIssues: s.withIssues,
    withErrors: s.withErrors,
    perCode: [...s.perCode],
    perCategory: [...s.perCategory],
  };
}

/**
 * Adds the counts of a later part of the file (`from`) to `into`. Merging the parts in file order
 * gives the same summary, category order included, as counting the whole file in one pass.
 *
 * @example
 * ```ts
 * mergeCleanSummary(total, summaryData(chunkSummary));
 * ```
 */
export function mergeCleanSummary(into: CleanSummary, from: CleanSummaryData): void {
  into.rows += from.rows;
  into.withIssues += from.withIssues;
  into.withErrors += from.withErrors;
  for (const [code, n] of from.perCode) into.perCode.set(code, (into.perCode.get(code) ?? 0) + n);
  for (const [c, n] of from.perCategory)
    into.perCategory.set(c, (into.perCategory.get(c) ?? 0) + n);
}

/**
 * The stderr summary of a `clean` run.
 *
 * @example
 * ```ts
 * cleanSummaryText('a.csv', createCleanSummary());
 * // 'vn-reconcile clean: a.csv: 0 rows, 0 with issues, 0 with errors\n'
 * ```
 */
export function cleanSummaryText(file: string, s: CleanSummary): string {
  const lines = [
    `vn-reconcile clean: ${file}: ${s.rows} rows, ${s.withIssues} with issues, ${s.withErrors} with errors`,
  ];
  if (s.perCategory.size > 0) {
    lines.push(
      `  rows per category: ${[...s.perCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
  }
  const codes = [...s.perCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(0, ...codes.map(([c]) => c.length));
  for (const [code, n] of codes) lines.push(`  ${code.padEnd(width)}  ${n}`);
  return `${lines.join('\n')}\n`;
}

/** Cleans rows into output lines, counting into one summary. */
export interface RowCleaner {
  /**
   * Cleans one row and returns its output line (CRLF included). `cells` has exactly one cell
   * per header column and is extended in place with the clean columns.
   */
  line(cells: string[], raw: RawRecord, fieldCountIssue: string | undefined): string;
  readonly summary: CleanSummary;
}

/**
 * A row cleaner with its own summary.
 *
 * @example
 * ```ts
 * const c = createRowCleaner({ referenceDate: new Date(2026, 0, 15) });
 * c.line(['1', 'le van a'], { record_id: '1', full_name: 'le van a' }, undefined);
 * // '1,le van a,Lê Văn A,,,,,,,ID_MISSING;…\r\n'
 * ```
 */
export function createRowCleaner(options: CleanRecordOptions, guard = true): RowCleaner {
  const summary = createCleanSummary();
  const seen = new Set<CleanCategory>();
  const { perCode, perCategory } = summary;
  return {
    summary,
    line(cells, raw, fieldCountIssue) {
      const { record, issues } = cleanRecord(raw, options);
      let codes = '';
      let errors = fieldCountIssue !== undefined;
      seen.clear();
      if (fieldCountIssue !== undefined) {
        codes = fieldCountIssue;
        perCode.set(codes, (perCode.get(codes) ?? 0) + 1);
        seen.add('csv');
      }
      for (const i of issues) {
        codes = codes.length === 0 ? i.code : `${codes};${i.code}`;
        perCode.set(i.code, (perCode.get(i.code) ?? 0) + 1);
        if (i.severity === 'error') errors = true;
        seen.add(i.category);
      }
      for (const c of seen) perCategory.set(c, (perCategory.get(c) ?? 0) + 1);
      summary.rows++;
      if (codes.length > 0) summary.withIssues++;
      if (errors) summary.withErrors++;
      const dob = record.dob.value;
      cells.push(
        record.fullName.value ?? '',
        dob === undefined ? '' : formatPartialDate(dob),
        record.sex.value ?? '',
        record.idNumber.value ?? '',
        record.idKind ?? '',
        record.phone.value ?? '',
        record.provinceCode.value ?? '',
        codes,
      );
      return formatCsvRow(cells, guard);
    },
  };
}

const ENCODER = new TextEncoder();

/** What cleaning one chunk of a file gives back. */
export interface CleanedChunk {
  /** The output lines, UTF-8. */
  readonly out: Uint8Array;
  readonly summary: CleanSummaryData;
  /** CR and LF bytes in the chunk (for line numbers of later errors). */
  readonly lineBreaks: number;
}

/**
 * Parses a row-aligned chunk of a CSV file (no header, no BOM) with csv-parse and cleans every
 * row: the same output lines and counts as the in-process path gives for those rows. Throws the
 * csv-parse error of a malformed chunk (an unclosed quote).
 *
 * @example
 * ```ts
 * const { out, summary } = cleanCsvChunk(bytes, header, { referenceDate });
 * ```
 */
export function cleanCsvChunk(
  bytes: Uint8Array,
  header: CsvHeader,
  options: CleanRecordOptions,
  guard = true,
): CleanedChunk {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const records = parse(buf, CSV_PARSE_OPTIONS) as string[][];
  const build = createRowBuilder(header, { extra: false });
  const cleaner = createRowCleaner(options, guard);
  let text = '';
  for (let i = 0; i < records.length; i++) {
    const row = build(records[i] ?? [], i);
    text += cleaner.line(row.cells as string[], row.raw, row.fieldCountIssue);
  }
  return {
    // Not `Buffer.from`: a small Buffer shares Node's pool, which must never be transferred.
    out: ENCODER.encode(text),
    summary: summaryData(cleaner.summary),
    lineBreaks: countCsvLines(bytes),
  };
}
