import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '../../../src/node/io/xlsx.js';
import { makeTempDir } from '../../cli/temp-dir.js';

/**
 * An `.xlsx` whose zip holds the workbook's relationships and shared strings first and
 * `xl/workbook.xml` last, after the worksheets (some producers write this order; so may
 * exceljs's own writer, whose entries are added concurrently).
 */
async function workbookLast(rows: readonly (readonly unknown[])[]): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('DS');
  for (const r of rows) sheet.addRow([...r]);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  const first = ['xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'];
  expect(names).toEqual(expect.arrayContaining([...first, 'xl/workbook.xml']));
  const middle = names.filter((n) => n !== 'xl/workbook.xml' && !first.includes(n));
  const ordered = [...first, ...middle, 'xl/workbook.xml'];
  const out = new JSZip();
  for (const n of ordered) out.file(n, await zip.files[n]!.async('uint8array'));
  const path = join(makeTempDir('vnr-xlsx-'), 'late-workbook.xlsx');
  writeFileSync(path, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return path;
}

describe('readXlsxRows', () => {
  it('reads a workbook whose workbook.xml comes after its worksheets, every row once', async () => {
    const rows = [
      ['ma', 'full_name', 'id_number'],
      ['A1', 'Nguyễn Văn An', 38095012345],
      ['A2', 'Trần Thị Bình', '001185000111'],
    ];
    const path = await workbookLast(rows);
    const got: string[][] = [];
    await readXlsxRows(path, (cells) => {
      got.push(cells);
    });
    expect(got).toEqual([
      ['ma', 'full_name', 'id_number'],
      ['A1', 'Nguyễn Văn An', '38095012345'],
      ['A2', 'Trần Thị Bình', '001185000111'],
    ]);
  });
});
