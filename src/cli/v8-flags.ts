/**
 * The V8 settings the command line runs with. They change how fast it runs, never what it writes.
 *
 * `--max-inlined-bytecode-size-cumulative=230` (V8's default is 920): the optimising compiler
 * inlines less into each function it compiles. Every worker isolate compiles the whole engine
 * again, and the functions that clean a chunk are recompiled a dozen times as new rows reach new
 * paths; with a quarter of the budget each compilation is smaller. Measured with the built CLI
 * (docs/scale.md, "Dec 7 (4)"): 100k × 100k 12.3–13.1 → 11.0–11.1 s wall (−11%), CPU −15%;
 * 1M × 1M about −2%; outputs byte for byte the same.
 *
 * `--initial-old-space-size=256`: a worker's old generation may reach 256 MB before its first
 * full collection. A worker holds little for long (its caches, a few chunks), but promotes about
 * 600 bytes a register record that die soon after; from V8's small starting limit that was a
 * full mark every 30,000 records (12 in a 400k `prepare` on one worker, 2 with the flag), most of
 * the collector's work on V8's helper threads. Measured with the built CLI against the same build
 * started with `--initial-old-space-size=0` (docs/scale.md, "Dec 8"): 100k × 100k CSV → CSV 7.6 /
 * 7.9 / 9.1 → 7.1 / 7.5 / 8.2 s (CPU −5 to −9%, peak RSS +150 MB); at 1M within the noise of
 * the pairs (−5% and +6%), RSS +50–100 MB; outputs byte for byte the same.
 *
 * A program using `vn-reconcile/node` gets the same by starting Node with the flags (its workers
 * inherit them): the library does not change the V8 settings of a process it is only part of.
 */
export const CLI_V8_FLAGS: readonly string[] = [
  '--max-inlined-bytecode-size-cumulative=230',
  '--initial-old-space-size=256',
];

/** A flag's name with `_` spelled `-` (V8 accepts both). */
function flagName(arg: string): string {
  const eq = arg.indexOf('=');
  return (eq < 0 ? arg : arg.slice(0, eq)).replaceAll('_', '-');
}

/**
 * The flags of {@link CLI_V8_FLAGS} that the process was not started with: a value given on
 * Node's command line (`node --max-inlined-bytecode-size-cumulative=920 …`,
 * `node --initial-old-space-size=0 …` for V8's own default) is the user's and stays.
 *
 * @example
 * ```ts
 * cliV8Flags([]); // ['--max-inlined-bytecode-size-cumulative=230', '--initial-old-space-size=256']
 * cliV8Flags(['--max_inlined_bytecode_size_cumulative=920']); // ['--initial-old-space-size=256']
 * ```
 */
export function cliV8Flags(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map(flagName));
  return CLI_V8_FLAGS.filter((f) => !given.has(flagName(f)));
}
