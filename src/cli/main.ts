import { setFlagsFromString } from 'node:v8';
import { runCli } from './run.js';
import { cliV8Flags } from './v8-flags.js';

// Before any worker starts (each worker isolate compiles with them): see v8-flags.ts.
for (const flag of cliV8Flags(process.execArgv)) setFlagsFromString(flag);

// Ctrl-C or a scheduler's SIGTERM: the job stops within about a second, removes its partial
// output and the process exits 130 / 143 (128 + the signal), as shells expect.
const controller = new AbortController();
let signalled: NodeJS.Signals | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    if (signalled !== undefined) process.exit(sig === 'SIGINT' ? 130 : 143);
    signalled = sig;
    controller.abort();
  });
}

runCli({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = signalled === 'SIGINT' ? 130 : signalled === 'SIGTERM' ? 143 : code;
  },
  (error: unknown) => {
    process.stderr.write(`vn-reconcile: internal error\n${String(error)}\n`);
    process.exitCode = 2;
  },
);
