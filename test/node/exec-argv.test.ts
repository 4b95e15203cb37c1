import { describe, expect, it } from 'vitest';
import { workerExecArgv } from '../../src/node/workers/exec-argv.js';

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

  it('keeps loaders that are not tsx, and a dangling flag', () => {
    const argv = ['--import', './otel.mjs', '-r', 'dotenv/config', '--import=tsxx', '--import'];
    expect(workerExecArgv(argv)).toEqual(argv);
  });
});
