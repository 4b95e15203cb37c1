/**
 * The start every file run shares (`cleanFile`, `dedupeFile`): checks, then the staged input.
 * @module
 */
import { throwIfAborted } from './errors.js';
import { type InputSource, type StagedInput, stageInput } from './io/input.js';
import { checkOutputs } from './io/target.js';
import type { ReadOptions, RunOptions, WriteOptions } from './options.js';

/** A file named on the command line, for the messages of `checkOutputs`. */
interface NamedPath {
  readonly label: string;
  readonly path: string | undefined;
}

/** What every file run reports besides its numbers (the CLI prints both lists). */
export interface FileRunNotes {
  /** What was detected or assumed about the inputs (encoding, delimiter, workbook, columns). */
  readonly notes: readonly string[];
  /** Things the user should know (e.g. blocks over the cap). */
  readonly warnings: readonly string[];
}

/** What a file run knows from its start. */
export interface FileRunStart {
  /** `performance.now()` at the start. */
  readonly t0: number;
  /** Base of relative paths. */
  readonly cwd: string;
  /** The input's name in messages (`stdin` for a stream). */
  readonly name: string;
  readonly signal: AbortSignal | undefined;
}

/**
 * @internal Starts a file run: the clock, the base directory and the input's name; refuses to run
 * when already aborted, or when an output (`--out` and `outputs`) would overwrite the input,
 * another input (`inputs`) or another output.
 *
 * @example
 * ```ts
 * const { t0, cwd, name, signal } = startFileRun(input, options, [], [{ label: '--report', path: options.report }]);
 * ```
 */
export function startFileRun(
  input: InputSource,
  options: RunOptions & WriteOptions,
  inputs: readonly NamedPath[],
  outputs: readonly NamedPath[],
): FileRunStart {
  const t0 = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const name = typeof input === 'string' ? input : 'stdin';
  const signal = options.signal;
  throwIfAborted(signal);
  const read = typeof input === 'string' ? [{ label: name, path: input }, ...inputs] : inputs;
  checkOutputs(
    read.flatMap((i) => (i.path === undefined ? [] : [{ label: i.label, path: i.path }])),
    [
      { label: '--out', path: typeof options.out === 'string' ? options.out : undefined },
      ...outputs,
    ],
    cwd,
  );
  return { t0, cwd, name, signal };
}

/**
 * @internal The run's input staged for reading (a stream or an `.xlsx` copied to a temporary
 * file), with the run's encoding and delimiter.
 *
 * @example
 * ```ts
 * const staged = await stageRunInput(input, start, options);
 * ```
 */
export function stageRunInput(
  input: InputSource,
  start: FileRunStart,
  options: ReadOptions,
): Promise<StagedInput> {
  return stageInput(input, start.name, {
    cwd: start.cwd,
    encoding: options.encoding,
    delimiter: options.delimiter,
    signal: start.signal,
  });
}
