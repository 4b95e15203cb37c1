import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CLEAN_COLUMNS } from '../../src/cli/commands/clean.js';
import { runCli } from '../../src/cli/run.js';
import { generateList, LIST_COLUMNS, toCsv } from '../../src/testing/population/index.js';
import { runCapture } from './capture.js';
import { useTempDir } from './temp-dir.js';

const REF = ['--reference-date', '2026-01-15'];
const temp = useTempDir('vnr-clean-');
const write = temp.write;

function readCsv(path: string): string[][] {
  return parse(readFileSync(path, 'utf8'), { bom: true }) as string[][];
}

describe('vn-reconcile clean', () => {
  it('writes every generated row, in order, with the added columns', async () => {
    const rows = [...generateList({ seed: 11, registerSize: 3000, listSize: 3000 })].map(
      (e) => e.row,
    );
    const input = write('list.csv', toCsv(rows, LIST_COLUMNS));
    const out = join(temp.path(), 'list.clean.csv');
    const r = await runCapture(['clean', input, '--out', out, ...REF]);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    const [header, ...body] = readCsv(out);
    expect(header).toEqual([...LIST_COLUMNS, ...CLEAN_COLUMNS]);
    expect(body).toHaveLength(rows.length);
    const col = (name: string) => header?.indexOf(name) ?? -1;
    body.forEach((cells, i) => {
      const row = rows[i];
      expect(cells).toHaveLength(LIST_COLUMNS.length + CLEAN_COLUMNS.length);
      expect(cells.slice(0, LIST_COLUMNS.length)).toEqual(LIST_COLUMNS.map((c) => row?.[c]));
      expect(cells[col('dob_clean')]).toMatch(/^(\d{4}(-\d{2}(-\d{2})?)?)?$/);
      expect(cells[col('phone_clean')]).toMatch(/^(0\d{9,10})?$/);
      expect(cells[col('gender_clean')]).toMatch(/^(male|female)?$/);
      expect(cells[col('id_kind')]).toMatch(/^(cccd|cmnd9|cmnd12|passport)?$/);
      expect(cells[col('province_code')]).toMatch(/^(\d\d)?$/);
      expect(cells[col('issues')]).toMatch(/^([A-Z0-9_]+(;[A-Z0-9_]+)*)?$/);
    });
    expect(r.err).toContain(`${rows.length} rows`);
    expect(r.err).toMatch(/ID_MISSING\s+\d+/);
  });

  it('writes to stdout without --out, reads a BOM, keeps extra columns, reports bad rows', async () => {
    const input = write(
      'small.csv',
      '\uFEFFma,full_name,dob,gender,id_number,ghi_chu\n' +
        '1,nguyễn văn hoà,05/03/1990,Nam,001090012345,x\n' +
        '2,le thi b,31/02/1990,Nữ\n' +
        '3,tran c,1950,nam,,12 Lê Lợi, Q.1\n',
    );
    const r = await runCapture(['clean', input, ...REF]);
    expect(r.code).toBe(0);
    const [header, ...body] = parse(r.out) as string[][];
    expect(header).toEqual([
      'ma',
      'full_name',
      'dob',
      'gender',
      'id_number',
      'ghi_chu',
      ...CLEAN_COLUMNS,
    ]);
    expect(body.map((b) => b[0])).toEqual(['1', '2', '3']);
    expect(body[0]?.slice(6)).toEqual([
      'Nguyễn Văn Hòa',
      '1990-03-05',
      'male',
      '001090012345',
      'cccd',
      '',
      '',
      'DOB_DAY_MONTH_AMBIGUOUS',
    ]);
    expect(body[1]?.slice(0, 6)).toEqual(['2', 'le thi b', '31/02/1990', 'Nữ', '', '']);
    expect(body[1]?.at(-1)).toBe('CSV_TOO_FEW_FIELDS;ID_MISSING;DOB_IMPOSSIBLE');
    expect(body[2]?.[5]).toBe('12 Lê Lợi, Q.1');
    expect(body[2]?.at(-1)).toBe('CSV_TOO_MANY_FIELDS;ID_MISSING');
    expect(r.err).toContain('CSV_TOO_FEW_FIELDS');
  });

  it('honours --map, --key, --tone-style, --sex-codes and --bom', async () => {
    const input = write('mapped.csv', 'stt,ho_ten,gioi\n1,Lê Thị Hòa,0\n');
    const out = join(temp.path(), 'mapped.out.csv');
    const r = await runCapture([
      'clean',
      input,
      '-o',
      out,
      '--map',
      'full_name=ho_ten',
      '--map',
      'gender=gioi',
      '--key',
      'stt',
      '--tone-style',
      'modern',
      '--sex-codes',
      '1=nam,0=nữ',
      '--bom',
      ...REF,
    ]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const [, row] = readCsv(out);
    expect(row?.slice(3, 6)).toEqual(['Lê Thị Hoà', '', 'female']);
  });

  it('reads stdin with -', async () => {
    const stdin = new PassThrough();
    stdin.end('full_name,dob\nA,1990\n');
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
    });
    const code = await runCli({
      argv: ['clean', '-', ...REF],
      stdin,
      stdout,
      stderr: new PassThrough(),
      cwd: temp.path(),
    });
    expect(code).toBe(0);
    expect(out.split('\r\n')[1]).toBe('A,1990,A,1990,,,,,,ID_MISSING;SEX_MISSING');
  });

  it.each([
    [['clean'], /missing the input file/],
    [['clean', 'nope.csv'], /nope\.csv: cannot read the file \(no such file\)/],
    [['clean', 'x.csv', '--frobnicate'], /unknown option --frobnicate/],
    [['clean', 'x.csv', '--tone-style', 'x'], /--tone-style x: expected traditional or modern/],
    [['clean', 'x.csv', '--map', 'dob'], /--map dob: expected canonical=column/],
    [['clean', 'x.csv', '--map', 'birth=x'], /'birth' is not a column the engine reads/],
    [['clean', 'x.csv', '--reference-date', '2026-13-45'], /--reference-date/],
  ])('%j exits 1 with a message', async (argv, message) => {
    const r = await runCapture(argv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it.each([
    ['empty.csv', '', /empty\.csv: the file is empty/],
    ['dup.csv', 'a,dob,a\n1,2,3\n', /dup\.csv: row 1: Columns 1 and 3 have the same header "a"/],
    ['quote.csv', 'a,b\n1,2\n3,"unclosed\n', /quote\.csv: row 3.*line/],
    ['own.csv', 'full_name,issues\n1,2\n', /already has a column 'issues'/],
  ])('%s exits 1 naming the file and row', async (name, text, message) => {
    const input = write(name, text);
    const r = await runCapture(['clean', input, '--out', join(temp.path(), 'ignored.csv')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it('exits 1 naming the column for a --map to a missing column and a bad --key', async () => {
    const input = write('cols.csv', 'a,full_name\n1,2\n');
    const m = await runCapture(['clean', input, '--map', 'dob=ngay_sinh']);
    expect(m.err).toMatch(
      /cols\.csv: row 1: --map dob="ngay_sinh": no header of the file has that name/,
    );
    const k = await runCapture(['clean', input, '--key', 'id']);
    expect(k.code).toBe(1);
    expect(k.err).toMatch(/key column 'id' is not in the header/);
  });
});
