import { test as fcTest } from '@fast-check/vitest';
import { parse as parseStream } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countCsvLines,
  createRecordScanState,
  scanRecords,
} from '../../src/node/clean/clean-chunks.js';
import { CSV_PARSE_OPTIONS } from '../../src/node/io/csv.js';

const bytes = (s: string) => Buffer.from(s, 'utf8');

/** Cuts `buf` as the clean pipeline does: at the last boundary before each `size` bytes. */
function cut(buf: Buffer, size: number): Buffer[] {
  const chunks: Buffer[] = [];
  const st = createRecordScanState();
  let rest = buf;
  while (rest.length >= size) {
    scanRecords(rest, st, size);
    if (st.lastBoundary <= 0) scanRecords(rest, st);
    const at = st.lastBoundary;
    if (at <= 0) break;
    chunks.push(rest.subarray(0, at));
    rest = rest.subarray(at);
    st.pos -= at;
    st.lastBoundary = -1;
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

function records(buf: Buffer): string[][] | 'error' {
  try {
    return parse(buf, CSV_PARSE_OPTIONS) as string[][];
  } catch {
    return 'error';
  }
}

async function csvParseLines(buf: Buffer): Promise<number> {
  const parser = parseStream(CSV_PARSE_OPTIONS);
  parser.resume();
  const done = new Promise<void>((resolve, reject) => {
    parser.on('end', resolve);
    parser.on('error', reject);
  });
  parser.end(buf);
  await done;
  return parser.info.lines;
}

const piece = fc.constantFrom('a', 'bc', 'é', ',', '"', '""', '\n', '\r\n', '\r', ' ', 'x"y');
const csvText = fc.array(piece, { maxLength: 60 }).map((p) => p.join(''));

describe('scanRecords', () => {
  it.each([
    ['a,b\nc,d\n', 8],
    ['a,"x\ny"\nb\nc', 10],
    ['a,b"c\nd', 6], // a quote inside an unquoted field is a plain character
    ['"a""\n"\nb', 7], // "" inside quotes is a quote, the LF is inside
    ['"a"x\n"b', 5], // relaxed: a quote followed by text closes the field
    ['a\r\nb\r', 3], // a CR at the end might start a CRLF: not a boundary yet
  ])('%j: the last boundary is %i', (text, expected) => {
    const st = createRecordScanState();
    scanRecords(bytes(text), st);
    expect(st.lastBoundary).toBe(expected);
  });

  it('stops at the first boundary with `first`, after a whole CRLF', () => {
    const st = createRecordScanState();
    scanRecords(bytes('h1,"h\n2"\r\nx\n'), st, undefined, true);
    expect(st.lastBoundary).toBe(10);
  });

  fcTest.prop([csvText, fc.integer({ min: 1, max: 12 })], { numRuns: 300 })(
    'chunks parse to the records of the whole text, whatever the chunk size',
    (text, size) => {
      const buf = bytes(text);
      const chunks = cut(buf, size);
      expect(Buffer.concat(chunks).equals(buf)).toBe(true);
      const whole = records(buf);
      const parts = chunks.map(records);
      parts.slice(0, -1).forEach((p) => {
        expect(p).not.toBe('error');
      });
      if (whole === 'error') expect(parts.at(-1)).toBe('error');
      else expect(parts.flatMap((p) => (p === 'error' ? [['ERROR']] : p))).toEqual(whole);
    },
  );
});

describe('countCsvLines', () => {
  it.each([
    ['', 0],
    ['a\nb\n', 2],
    ['a\r\nb\r\n', 2],
    ['a\r\n"b\r\nc"\n', 4],
    ['\r\r\n\n', 3],
  ])('%j has %i lines', (text, n) => {
    expect(countCsvLines(bytes(text))).toBe(n);
  });

  fcTest.prop([csvText], { numRuns: 200 })(
    'is what csv-parse counts (info.lines - 1) for text that parses',
    async (text) => {
      const buf = bytes(text);
      fc.pre(records(buf) !== 'error');
      expect(countCsvLines(buf)).toBe((await csvParseLines(buf)) - 1);
    },
  );
});
