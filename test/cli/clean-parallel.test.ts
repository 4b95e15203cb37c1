import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';
import { generateList, LIST_COLUMNS, toCsv } from '../../src/testing/population/index.js';
import { runCapture } from './capture.js';
import { useTempDir } from './temp-dir.js';

// `clean --workers 2` must write the same bytes and the same summary as `--workers 1`. A small
// --chunk-bytes makes many chunks out of a small file. (Worker threads start through tsx here.)
const REF = ['--reference-date', '2026-01-15'];
const temp = useTempDir('vnr-clean-par-');
const write = temp.write;

/** Generated rows with CRLF and LF mixed, a BOM, quoted fields and malformed rows. */
function messyCsv(): string {
  const rows = [...generateList({ seed: 5, registerSize: 600, listSize: 600 })].map((e) => e.row);
  const lines = toCsv(rows, LIST_COLUMNS).split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line, i % 3 === 0 ? '\r\n' : '\n');
    if (i % 97 === 5) out.push('R-x,"Trần\r\nThị ""Bé""",1/2/1990,nữ\n'); // quoted, CRLF inside
    if (i % 89 === 7) out.push('R-y,Lê Văn "Tý",1990,nam,,,,,,,extra,cells\n'); // stray quote, too many
    if (i % 83 === 3) out.push('\n\r\nR-z\n'); // blank lines, too few fields
  });
  return `\uFEFF${out.join('')}`;
}

async function both(argv: readonly string[]) {
  const one = await runCapture([...argv, '--workers', '1', ...REF]);
  const two = await runCapture([...argv, '--workers', '2', '--chunk-bytes', '1000', ...REF]);
  return { one, two };
}

describe('vn-reconcile clean --workers', () => {
  it('writes byte-identical output and summary with 2 workers on a messy generated file', async () => {
    const input = write('messy.csv', messyCsv());
    const { one, two } = await both(['clean', input, '--bom']);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.out.split('\r\n').length).toBeGreaterThan(600);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
    expect(one.err).toMatch(/CSV_TOO_MANY_FIELDS\s+\d+/);
    expect(one.err).toMatch(/CSV_TOO_FEW_FIELDS\s+\d+/);
  });

  it('reports an unclosed quote with the same row and line as one thread', async () => {
    const input = write('unclosed.csv', `${messyCsv()}R-q,"never closed\nmore\n`);
    const { one, two } = await both(['clean', input, '--out', join(temp.path(), 'ignored.csv')]);
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(one.err).toMatch(/unclosed\.csv: row \d+, line \d+, column 1: Quote Not Closed/);
    expect(two.err).toBe(one.err);
  });

  it.each([
    ['header-only.csv', 'record_id,full_name,dob\r\n'],
    ['blank-first.csv', '\n\nrecord_id,full_name\nR1,le van a\n'],
    ['tiny.csv', 'full_name,dob\nA,1990\n'],
  ])('%s: small inputs stay in one thread and give the same output', async (name, text) => {
    const input = write(name, text);
    const { one, two } = await both(['clean', input]);
    expect(one.code).toBe(0);
    expect(two.out).toBe(one.out);
    expect(two.err).toBe(one.err);
  });

  it('reports an empty file as one thread does', async () => {
    const input = write('empty.csv', '');
    const { one, two } = await both(['clean', input]);
    expect(one.code).toBe(1);
    expect(two.err).toBe(one.err);
  });

  it('reads stdin in chunks', async () => {
    const text = messyCsv();
    const run = async (workers: string) => {
      const stdin = new PassThrough();
      stdin.end(text);
      const stdout = new PassThrough();
      let out = '';
      stdout.on('data', (c: Buffer) => {
        out += c.toString('utf8');
      });
      const code = await runCli({
        argv: ['clean', '-', '--workers', workers, '--chunk-bytes', '1500', ...REF],
        stdin,
        stdout,
        stderr: new PassThrough(),
        cwd: temp.path(),
      });
      return { code, out };
    };
    const one = await run('1');
    const two = await run('2');
    expect(two.code).toBe(0);
    expect(two.out).toBe(one.out);
  });

  it.each([['0'], ['x'], ['1.5']])('--workers %s exits 1', async (n) => {
    const r = await runCapture(['clean', 'x.csv', '--workers', n]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--workers .*: expected a whole number/);
  });
});
