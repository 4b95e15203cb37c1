import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/cli/run.js';

/** How {@link runCapture} feeds stdin. */
export interface CaptureOptions {
  /** Text the CLI reads from stdin, which then ends; without it stdin stays open and empty. */
  readonly stdin?: string;
  /** Marks the given stdin as a terminal (`isTTY`), as an interactive shell would. */
  readonly tty?: boolean;
}

/** Runs the CLI in-process and captures what it writes. */
export async function runCapture(argv: readonly string[], options: CaptureOptions = {}) {
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
  const stdin =
    options.stdin === undefined
      ? new PassThrough()
      : Object.assign(Readable.from([options.stdin]), options.tty ? { isTTY: true } : {});
  const code = await runCli({ argv, stdout, stderr, stdin, cwd: process.cwd() });
  return { code, out, err };
}
