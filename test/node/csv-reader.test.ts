/**
 * The one CSV reading rule: the hand-written chunk parser of the link workers (parseCsvText)
 * reads exactly what csv-parse reads with the options every other reader uses
 * (CSV_PARSE_OPTIONS) — quotes, doubled quotes, separators and line breaks inside quotes, LF,
 * CRLF and CR line ends, blank lines — and the writer's output reads back as the rows written.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_PARSE_OPTIONS, formatCsvRow } from '../../src/node/io/csv.js';
import { parseCsvText } from '../../src/node/io/csv-chunks.js';

const cell = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('a,b', 'say "hi"', 'line\nbreak', 'cr\rlf\r\n', 'Nguyễn Thị', '"', '""', ' x '),
);
const row = fc.array(cell, { minLength: 2, maxLength: 6 });
const rows = fc.array(row, { minLength: 1, maxLength: 12 });
const eol = fc.constantFrom('\n', '\r\n', '\r');

const viaCsvParse = (text: string) => parse(text, { ...CSV_PARSE_OPTIONS }) as string[][];

describe('CSV reader', () => {
  fcTest.prop([rows, eol])(
    'parseCsvText reads written rows exactly as csv-parse does',
    (rs, end) => {
      const text = rs.map((r) => formatCsvRow(r, false).replace(/\r\n$/, end)).join('');
      const ours = parseCsvText(text);
      expect(ours).toEqual(viaCsvParse(text));
      expect(ours).toEqual(rs);
    },
  );

  it.each([
    ['a,"x\ny",b\rc,d\r\n"e""f",g'],
    ['a,b\r\n\r\nc,,d\n,\n'],
    ['"a\r\nb"\rc,"d,e",f'],
    ['only one cell'],
  ])('reads %j as csv-parse does (cells after a quoted one, CR, LF and CRLF mixed)', (text) => {
    expect(parseCsvText(text)).toEqual(viaCsvParse(text));
  });

  fcTest.prop([
    fc.array(fc.constantFrom('a', 'b', ',', '\n', '\r\n', ' ', 'ễ', 'x"y'), { maxLength: 40 }),
  ])('agrees with csv-parse on text with quotes only inside unquoted fields (relaxed)', (parts) => {
    const text = parts.join('');
    expect(parseCsvText(text)).toEqual(viaCsvParse(text));
  });

  fcTest.prop([rows])(
    'whatever the values, parsing what the writer wrote gives back the rows',
    (rs) => {
      const text = rs.map((r) => formatCsvRow(r, false)).join('');
      expect(viaCsvParse(text)).toEqual(rs);
    },
  );
});
