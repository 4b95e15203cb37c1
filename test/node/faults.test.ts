/**
 * Faults at the file boundary, with the real command in its own process: kill -9 and SIGTERM in
 * the middle of a run, a full disk (a small `ulimit -f`), a read-only output folder. In every
 * case the inputs stay byte-identical and no complete-looking output is left at the output path.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, writeFixture } from '../cli/parallel-fixture.js';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'src/cli/main.ts');
let fx: Fixture;
let before: { left: Buffer; right: Buffer };

beforeAll(() => {
  fx = writeFixture(12_000, 12_000, 9);
  chmodSync(fx.dir, 0o755);
  before = { left: readFileSync(fx.left), right: readFileSync(fx.right) };
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
}

function run(
  args: readonly string[],
  options: {
    shell?: string;
    uid?: number;
    gid?: number;
    onStart?: (kill: (s: NodeJS.Signals) => void) => void;
  } = {},
): Promise<Run> {
  const argv = [process.execPath, '--import', 'tsx', cli, ...args];
  const child =
    options.shell === undefined
      ? spawn(argv[0]!, argv.slice(1), {
          cwd: root,
          ...(options.uid === undefined
            ? {}
            : { uid: options.uid, gid: options.gid ?? options.uid }),
          env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.json') },
        })
      : spawn('bash', ['-c', `${options.shell}; exec "$@"`, 'bash', ...argv], { cwd: root });
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
  });
  options.onStart?.((s) => child.kill(s));
  return new Promise((done) => child.on('close', (code, signal) => done({ code, signal, err })));
}

function inputsUntouched(): void {
  expect(readFileSync(fx.left).equals(before.left)).toBe(true);
  expect(readFileSync(fx.right).equals(before.right)).toBe(true);
}

/** Calls `kill` once a partial output file has appeared in `dir` (the run is writing). */
function whenWriting(dir: string, name: string, signal: NodeJS.Signals) {
  return (kill: (s: NodeJS.Signals) => void) => {
    const t = setInterval(() => {
      if (readdirSync(dir).some((f) => f.startsWith(`.${name}.`) && f.endsWith('.partial'))) {
        clearInterval(t);
        setTimeout(() => kill(signal), 300);
      }
    }, 20);
    setTimeout(() => clearInterval(t), 120_000);
  };
}

describe('faults', () => {
  it('kill -9 mid-run leaves nothing at the output path', async () => {
    const out = join(fx.dir, 'killed.csv');
    const r = await run(
      ['link', fx.left, fx.right, '--out', out, '--workers', '2', '--chunk-size', '256'],
      {
        onStart: whenWriting(fx.dir, 'killed.csv', 'SIGKILL'),
      },
    );
    expect(r.signal).toBe('SIGKILL');
    expect(existsSync(out)).toBe(false);
    inputsUntouched();
  }, 180_000);

  it('SIGTERM mid-run stops with exit 143, removes its partial output and keeps an older file', async () => {
    const out = join(fx.dir, 'termed.csv');
    writeFileSync(out, 'older\n');
    const r = await run(
      ['link', fx.left, fx.right, '--out', out, '--workers', '2', '--chunk-size', '256'],
      {
        onStart: whenWriting(fx.dir, 'termed.csv', 'SIGTERM'),
      },
    );
    expect(r.code).toBe(143);
    expect(r.err).toContain('stopped; no output was written');
    expect(readFileSync(out, 'utf8')).toBe('older\n');
    expect(readdirSync(fx.dir).filter((f) => f.startsWith('.termed.csv.'))).toEqual([]);
    inputsUntouched();
  }, 180_000);

  it('a full disk (ulimit -f) is exit 1 naming the output, with nothing left behind', async () => {
    const out = join(fx.dir, 'full.csv');
    const r = await run(['clean', fx.left, '--out', out], { shell: 'ulimit -f 200' });
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/full\.csv: cannot write the file \(file too large\)/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(fx.dir).filter((f) => f.startsWith('.full.csv.'))).toEqual([]);
    inputsUntouched();
  }, 120_000);

  it('a read-only output folder is exit 1 before anything is read', async () => {
    const ro = join(fx.dir, 'read-only');
    mkdirSync(ro, { recursive: true });
    chmodSync(ro, 0o555);
    const out = join(ro, 'links.csv');
    // Root may write anywhere: run the command as an unprivileged user, as an official would
    // (when that user can reach the checkout; otherwise the folder is replaced by a file, which
    // no user can write into).
    const root0 = process.getuid?.() === 0;
    const reachable = !root0 || (await run(['--version'], { uid: 65534, gid: 65534 })).code === 0;
    const target = reachable ? out : join(fx.dir, 'not-a-folder', 'links.csv');
    if (!reachable) writeFileSync(join(fx.dir, 'not-a-folder'), '');
    const r = await run(
      ['clean', fx.left, '--out', target],
      root0 && reachable ? { uid: 65534, gid: 65534 } : {},
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/links\.csv: cannot write the file \((permission denied|ENOTDIR)\)/);
    expect(existsSync(out)).toBe(false);
    inputsUntouched();
  }, 120_000);
});
