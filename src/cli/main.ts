import { runCli } from './run.js';

runCli({
  argv: process.argv.slice(2),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  cwd: process.cwd(),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`vn-reconcile: internal error\n${String(error)}\n`);
    process.exitCode = 2;
  },
);
