import type { Readable, Writable } from 'node:stream';

/** What a subcommand receives: its own arguments and the process streams (injectable for tests). */
export interface CommandContext {
  readonly argv: readonly string[];
  readonly stdout: Writable;
  readonly stderr: Writable & { isTTY?: boolean };
  readonly stdin: Readable;
  readonly cwd: string;
  /** Aborted on SIGINT / SIGTERM: the running job stops and leaves no output. */
  readonly signal?: AbortSignal;
}

/** One `vn-reconcile` subcommand. `run` resolves to the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(ctx: CommandContext): Promise<number>;
}
