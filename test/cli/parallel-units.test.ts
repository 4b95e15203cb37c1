import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test as fcTest } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, progressLine } from '../../src/cli/progress-bar.js';
import { prepareSide, slimRecord as slim, vietnameseSpec } from '../../src/match/index.js';
import { parseCsvText, readChunk, readRows, scanCsv } from '../../src/node/io/csv-chunks.js';
import { csvCell, formatWeight, linkLine } from '../../src/node/io/output.js';
import { packStrings, stringAt } from '../../src/node/io/strings.js';
import { cleanRecord } from '../../src/record/index.js';
import { generateDataset } from '../../src/testing/population/index.js';
import { makeTempDir } from './temp-dir.js';

const dir = makeTempDir('vnr-units-');
const cell = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'Nguyễn Thị', ''),
);

const toCsv = (rows: readonly (readonly string[])[]) =>
  rows.map((r) => `${r.map((c) => csvCell(c)).join(',')}\r\n`).join('');

describe('parseCsvText', () => {
  it.each([
    ['a,b\n', [['a', 'b']]],
    [
      'a,"b,c"\r\n\r\nd,e\n',
      [
        ['a', 'b,c'],
        ['d', 'e'],
      ],
    ],
    ['"x ""y"""\n', [['x "y"']]],
    ['a,\n', [['a', '']]],
    ['"multi\nline",z', [['multi\nline', 'z']]],
  ])('parses %j', (text, rows) => {
    expect(parseCsvText(text)).toEqual(rows);
  });
  fcTest.prop([
    fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
  ])('agrees with csv-parse on RFC 4180 text', (rows) => {
    const text = toCsv(rows);
    const want = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    expect(parseCsvText(text)).toEqual(want);
  });
});

describe('scanCsv', () => {
  fcTest.prop(
    [
      fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 0, maxLength: 40 }),
      fc.integer({ min: 1, max: 7 }),
    ],
    { numRuns: 60 },
  )('splits into row-aligned chunks that parse back to every row', (rows, chunkRows) => {
    const text = `\ufeffk,a,b\r\n${toCsv(rows)}`;
    const file = join(dir, 'scan.csv');
    writeFileSync(file, text);
    const scan = scanCsv(file, { chunkRows, pick: (r) => r % 3 === 0 });
    expect(scan.headerText).toBe('k,a,b');
    const want = parse(text, {
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
    }) as string[][];
    const got = scan.chunks.flatMap((c) => parseCsvText(readChunk(file, c)));
    expect(got).toEqual(want.slice(1));
    expect(scan.rows).toBe(want.length - 1);
    let row = 2;
    for (const c of scan.chunks) {
      expect(c.firstRow).toBe(row);
      expect(c.rows).toBeLessThanOrEqual(chunkRows);
      row += c.rows;
    }
    expect(scan.sample.map((s) => s.row)).toEqual(
      want.slice(1).flatMap((_, i) => ((i + 2) % 3 === 0 ? [i + 2] : [])),
    );
    const texts = readRows(file, scan.sample);
    scan.sample.forEach((s, i) => {
      expect(parseCsvText(texts[i]!)[0]).toEqual(want[s.row - 1]);
    });
  });
});

describe('scanCsv across its 4 MiB read blocks', () => {
  it('keeps quoted line breaks, blank lines and sampled rows whole at block edges', () => {
    // Rows of varied lengths so that block edges fall inside quotes, between CR and LF, and
    // inside blank lines; about 6 MiB, two block edges.
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf', 'Nguyễn Thị', '', 'x'.repeat(97)];
    let text = 'k,a,b\r\n';
    for (let i = 0; text.length < 6_000_000; i++) {
      const row = [String(i), cells[i % cells.length]!, cells[(i * 5 + 3) % cells.length]!];
      text += `${row.map((c) => csvCell(c)).join(',')}${i % 11 === 0 ? '\n' : '\r\n'}`;
      if (i % 13 === 0) text += i % 2 === 0 ? '\r\n' : '\n';
    }
    const file = join(dir, 'big.csv');
    writeFileSync(file, text);
    const scan = scanCsv(file, { chunkRows: 997, pick: (r) => r % 101 === 0 });
    const want = parse(text, {
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n'],
    }) as string[][];
    const got = scan.chunks.flatMap((c) => parseCsvText(readChunk(file, c)));
    expect(got.length).toBe(want.length - 1);
    expect(got).toEqual(want.slice(1));
    expect(scan.rows).toBe(want.length - 1);
    expect(scan.sample.length).toBe(Math.floor(want.length / 101));
    const texts = readRows(file, scan.sample);
    scan.sample.forEach((s, i) => {
      expect(parseCsvText(texts[i]!)[0]).toEqual(want[s.row - 1]);
    });
  });
});

describe('output', () => {
  // csv-stringify leaves a bare LF unquoted with CRLF record delimiters; we quote it (RFC 4180).
  const flat = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'say "hi"', 'Thị', ''));
  fcTest.prop([fc.array(flat, { minLength: 1, maxLength: 5 })])(
    'quotes as csv-stringify does (line breaks aside)',
    (cells) => {
      expect(`${cells.map((c) => csvCell(c, false)).join(',')}\r\n`).toBe(
        stringify([cells], { record_delimiter: 'windows' }),
      );
    },
  );
  it.each([
    [Number.NEGATIVE_INFINITY, ''],
    [12.345, '12.35'],
    [-3, '-3.00'],
  ])('formats weight %d as %j', (w, s) => {
    expect(formatWeight(w)).toBe(s);
  });
  it('writes invalid rows and shard row numbers', () => {
    expect(linkLine('L,1', '7', '', 'invalid', undefined, 'bad')).toBe(
      '7,"L,1",,invalid,,,bad\r\n',
    );
  });
});

describe('progress and strings', () => {
  it.each([
    [5, '5s'],
    [185, '3m05s'],
    [3720, '1h02m'],
    [Number.NaN, '?'],
  ])('formats %d s as %j', (s, want) => {
    expect(formatDuration(s)).toBe(want);
  });
  it('draws a bar with rate and ETA', () => {
    expect(progressLine('link', 500, 1000, 10)).toBe(
      'link [##########··········]  50% 500/1,000 rows  50 rows/s  ETA 10s',
    );
  });
  fcTest.prop([fc.array(fc.string({ maxLength: 20 }))])('packs strings losslessly', (xs) => {
    const pool = packStrings(xs, (n) => new SharedArrayBuffer(n));
    expect(xs.map((_, i) => stringAt(pool, i))).toEqual(xs);
  });
});

describe('slim register records', () => {
  it('prepare exactly as the full records (the spec never reads what slim drops)', () => {
    const d = generateDataset({ seed: 3, registerSize: 400, listSize: 10 });
    const full = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
    const a = vietnameseSpec();
    const b = vietnameseSpec();
    const sideA = prepareSide(full, a);
    const sideB = prepareSide(full.map(slim), b);
    expect(sideB.keys).toEqual(sideA.keys);
    expect(sideB.columns).toEqual(sideA.columns);
  });
});
