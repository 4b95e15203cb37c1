import { isInputError, VnReconcileError } from '../node/index.js';
import { isBrokenPipe } from './args.js';
import type { CommandContext } from './command.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK } from './exit-codes.js';

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'vn-reconcile: clean Vietnamese health records and reconcile them with',
    'the national population register',
    '',
    'Usage: vn-reconcile <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Exit codes: 0 success, 1 bad input file or arguments, 2 internal error,',
    '130/143 stopped by Ctrl-C/SIGTERM (no output left behind).',
    '',
  ].join('\n');
}

/**
 * Runs the CLI with the given arguments (without `node` and the script path) and resolves to the
 * exit code. Never calls `process.exit`, so tests can call it in-process.
 */
export async function runCli(ctx: CommandContext): Promise<number> {
  const [name, ...rest] = ctx.argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout.write(helpText());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    ctx.stdout.write(`${__VN_RECONCILE_VERSION__}\n`);
    return EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command === undefined) {
    ctx.stderr.write(`vn-reconcile: unknown command '${name}'\n\n${helpText()}`);
    return EXIT_BAD_INPUT;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stdout.write(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run({ ...ctx, argv: rest });
  } catch (error) {
    if (isInputError(error)) {
      ctx.stderr.write(`vn-reconcile ${name}: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    if ((error as { name?: unknown } | null)?.name === 'AbortError') {
      ctx.stderr.write(`vn-reconcile ${name}: stopped; no output was written\n`);
      return EXIT_INTERRUPTED;
    }
    if (isBrokenPipe(error)) return EXIT_OK; // `… | head`: the reader went away
    if (error instanceof VnReconcileError && error.code === 'WORKER_OUT_OF_MEMORY') {
      // Our limit, not the input's: exit 2, with the message alone (no stack to read).
      ctx.stderr.write(`vn-reconcile ${name}: ${error.message}\n`);
      return EXIT_INTERNAL;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    ctx.stderr.write(`vn-reconcile ${name}: internal error (please report it)\n${detail}\n`);
    return EXIT_INTERNAL;
  }
}
