/**
 * Spreadsheets through exceljs (streaming reader and writer), loaded only when an `.xlsx` path is
 * used, so CSV users and browser bundles never pay for it. A cell becomes the text the user saw:
 * numbers keep all their digits (an ID or a phone that Excel stored as a number is then repaired
 * like the CSV case), dates are written `dd/mm/yyyy` (the Vietnamese order the cleaner reads),
 * rich text and hyperlinks give their text, formulas their last computed result.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';

type ExcelJs = typeof import('exceljs');

let loaded: Promise<ExcelJs> | undefined;
async function excel(): Promise<ExcelJs> {
  loaded ??= import('exceljs').then((m) => ((m as { default?: ExcelJs }).default ?? m) as ExcelJs);
  return loaded;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The text of one cell value as a spreadsheet shows it.
 *
 * @example
 * ```ts
 * cellText(38095012345); // '38095012345'
 * cellText(new Date(Date.UTC(1990, 4, 3))); // '03/05/1990'
 * ```
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return value.toFixed(0);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  if (typeof value === 'object') {
    const v = value as {
      richText?: readonly { text?: unknown }[];
      text?: unknown;
      result?: unknown;
      error?: unknown;
    };
    if (Array.isArray(v.richText)) return v.richText.map((r) => cellText(r.text)).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (typeof v.error === 'string') return v.error;
  }
  return String(value);
}

/**
 * Reads the first worksheet of an `.xlsx` file row by row (streaming); each row is a list of cell
 * texts (see {@link cellText}); empty rows are skipped. Calls `onRow` for every row.
 *
 * exceljs's streaming reader needs `xl/workbook.xml` before the worksheets in the zip; a file
 * written in another order (some producers do, and exceljs's own writer may) makes it fail before
 * the first row. Such a file is then read whole with exceljs's non-streaming reader, the same
 * rows; an error after rows were given is not retried, so no row is ever given twice.
 *
 * @example
 * ```ts
 * await readXlsxRows('list.xlsx', (cells) => console.log(cells));
 * ```
 */
export async function readXlsxRows(
  path: string,
  onRow: (cells: string[]) => void | Promise<void>,
): Promise<void> {
  const ExcelJS = await excel();
  let given = 0;
  const give = async (values: unknown) => {
    const cells = rowCells(values);
    if (cells === null) return;
    given++;
    await onRow(cells);
  };
  let width = 0;
  const rowCells = (values: unknown): string[] | null => {
    const list = Array.isArray(values) ? (values as unknown[]) : [];
    const cells: string[] = [];
    // exceljs rows are 1-based (values[0] is empty).
    for (let i = 1; i < list.length; i++) cells.push(cellText(list[i]));
    if (width === 0) width = cells.length;
    while (cells.length > 0 && cells.length > width && cells[cells.length - 1] === '') cells.pop();
    return cells.every((c) => c === '') ? null : cells;
  };
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
      sharedStrings: 'cache',
      hyperlinks: 'cache',
      styles: 'cache',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<{ values: unknown }>) await give(row.values);
      break; // the first worksheet only
    }
  } catch (e) {
    if (given > 0 || (e as { name?: unknown }).name === 'AbortError') throw e;
    width = 0;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.worksheets[0];
    if (sheet === undefined) return;
    const rows: unknown[] = [];
    sheet.eachRow((row) => {
      rows.push(row.values);
    });
    for (const values of rows) await give(values);
  }
}

/** Writes rows to an `.xlsx` workbook on `out` (one worksheet, every cell a string). */
export interface XlsxRowWriter {
  addRow(cells: readonly string[]): void;
  end(): Promise<void>;
}

/**
 * Opens a streaming `.xlsx` writer on `out`: one worksheet, every cell a text cell, so IDs keep
 * their leading zeros and nothing is read as a formula.
 *
 * @example
 * ```ts
 * const w = await createXlsxWriter(stream, 'links');
 * w.addRow(['left_id', 'right_id']);
 * await w.end();
 * ```
 */
export async function createXlsxWriter(out: Writable, sheetName: string): Promise<XlsxRowWriter> {
  const ExcelJS = await excel();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useSharedStrings: false,
    useStyles: false,
  });
  const sheet = book.addWorksheet(sheetName.slice(0, 31) || 'Sheet1');
  return {
    addRow(cells) {
      sheet.addRow([...cells]).commit();
    },
    async end() {
      sheet.commit();
      const finished = out.writableFinished ? Promise.resolve() : once(out, 'finish');
      await book.commit();
      await finished;
    },
  };
}
