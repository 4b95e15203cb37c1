import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

/** Runs the CLI in-process and captures what it writes. */
export async function runCapture(argv: readonly string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  stderr.on('data', (c: Buffer) => {
    err += c.toString('utf8');
  });
  const code = await runCli({ argv, stdout, stderr, stdin: new PassThrough(), cwd: process.cwd() });
  return { code, out, err };
}
