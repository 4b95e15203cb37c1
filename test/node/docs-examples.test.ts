/**
 * docs/node.md's examples are the files in docs/examples/, and they do what the page says: the
 * ETL script links a file with a progress line and, on Ctrl-C, stops with exit code 130 leaving
 * no output; the web handler validates and scores one record.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handle } from '../../docs/examples/web-handler.js';
import { writeFixture } from '../cli/parallel-fixture.js';

const root = resolve(import.meta.dirname, '../..');

function run(args: readonly string[], onStderr?: (text: string, kill: () => void) => void) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
    onStderr?.(err, () => child.kill('SIGINT'));
  });
  return new Promise<{ code: number | null; out: string; err: string }>((done) => {
    child.on('close', (code) => done({ code, out, err }));
  });
}

describe('docs/node.md', () => {
  const page = readFileSync(join(root, 'docs/node.md'), 'utf8');

  it.each(['etl-link', 'web-handler'])('shows docs/examples/%s.ts as it is', (name) => {
    const code = readFileSync(join(root, `docs/examples/${name}.ts`), 'utf8').trim();
    expect(page).toContain(code);
  });

  it('the ETL script links a file and prints the counts', async () => {
    const fx = writeFixture(800, 600, 3);
    const out = join(fx.dir, 'links.csv');
    const r = await run(['docs/examples/etl-link.ts', fx.left, fx.right, out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^match \d+, review \d+, no_match \d+, invalid \d+\n$/);
    expect(r.err).toMatch(/link: \d+ rows/);
    expect(readFileSync(out, 'utf8').split('\r\n').length).toBe(602);
  }, 120_000);

  it('the ETL script stops on Ctrl-C with exit code 130 and no output', async () => {
    const fx = writeFixture(15_000, 15_000, 4);
    const out = join(fx.dir, 'links.csv');
    let sent = false;
    const r = await run(['docs/examples/etl-link.ts', fx.left, fx.right, out], (err, kill) => {
      if (!sent && /link: [1-9]/.test(err)) {
        sent = true;
        kill();
      }
    });
    expect(sent).toBe(true);
    expect(r.code).toBe(130);
    expect(r.err).toContain('cancelled: nothing was written');
    expect(existsSync(out)).toBe(false);
  }, 240_000);

  it('the web handler validates and scores one record', () => {
    const ok = handle({
      full_name: 'NGUYEN VAN AN',
      dob: '03/05/1990',
      gender: 'Nam',
      id_number: '001090012345',
    });
    expect(ok).toMatchObject({ status: 200, decision: 'match', personId: 'P1' });
    const bad = handle({ full_name: '', dob: '', id_number: '1.23457E+11' });
    expect(bad.status).toBe(422);
    expect(bad.issues).toContain('ID_SCIENTIFIC_NOTATION');
  });
});
