import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { refusedExecArgv, workerExecArgv } from '../../src/node/workers/exec-argv.js';
import { startWorker } from '../../src/node/workers/pool.js';

describe('workerExecArgv', () => {
  it('drops tsx loaders in both spellings and keeps every other flag in order', () => {
    expect(
      workerExecArgv([
        '--import',
        'tsx',
        '--enable-source-maps',
        '--import=tsx/esm',
        '--require',
        'tsx/cjs',
        '--max-old-space-size=512',
        '--loader=tsx',
      ]),
    ).toEqual(['--enable-source-maps', '--max-old-space-size=512']);
  });

  it('inherits (undefined) when nothing is dropped: loaders that are not tsx, V8 flags, a dangling flag', () => {
    expect(
      workerExecArgv([
        '--import',
        './otel.mjs',
        '-r',
        'dotenv/config',
        '--import=tsxx',
        '--import',
      ]),
    ).toBeUndefined();
    // A list given to new Worker with a V8 flag in it would be refused; inherited, it is not.
    expect(workerExecArgv(['--max-old-space-size=8192', '--expose-gc'])).toBeUndefined();
  });
});

describe('startWorker', () => {
  const script =
    "require('node:worker_threads').parentPort.postMessage(process.execArgv.includes('--expose-gc'))";

  it('starts with no flags when new Worker refuses the list (a V8 flag beside a dropped loader)', async () => {
    let refused: unknown;
    try {
      startWorker(script, { eval: true }, ['--expose-gc']).terminate();
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeUndefined();
    const w = startWorker(script, { eval: true }, ['--expose-gc', '--stack-size=2000']);
    const [hasFlag] = await once(w, 'message');
    await w.terminate();
    expect(hasFlag).toBe(false);
  });

  it('passes a list that new Worker accepts', async () => {
    const w = startWorker(
      "require('node:worker_threads').parentPort.postMessage(process.execArgv)",
      { eval: true },
      ['--no-deprecation'],
    );
    const [argv] = await once(w, 'message');
    await w.terminate();
    expect(argv).toEqual(['--no-deprecation']);
  });

  it('tells the refusal apart from other errors', () => {
    expect(
      refusedExecArgv(Object.assign(new Error('x'), { code: 'ERR_WORKER_INVALID_EXEC_ARGV' })),
    ).toBe(true);
    expect(refusedExecArgv(new Error('x'))).toBe(false);
    expect(refusedExecArgv(null)).toBe(false);
  });
});
