/**
 * The V8 settings the command line runs with. They change how fast it runs, never what it writes.
 *
 * `--max-inlined-bytecode-size-cumulative=230` (V8's default is 920): the optimising compiler
 * inlines less into each function it compiles. Every worker isolate compiles the whole engine
 * again, and the functions that clean a chunk are recompiled a dozen times as new rows reach new
 * paths; with a quarter of the budget each compilation is smaller. Measured with the built CLI
 * (docs/scale.md, "Dec 7 (4)"): 100k × 100k 12.3–13.1 → 11.0–11.1 s wall (−11%), CPU −15%;
 * 1M × 1M about −2%; outputs byte for byte the same. A program using `vn-reconcile/node` gets
 * the same by starting Node with the flag (its workers inherit it).
 */
export const CLI_V8_FLAGS: readonly string[] = ['--max-inlined-bytecode-size-cumulative=230'];

/** A flag's name with `_` spelled `-` (V8 accepts both). */
function flagName(arg: string): string {
  const eq = arg.indexOf('=');
  return (eq < 0 ? arg : arg.slice(0, eq)).replaceAll('_', '-');
}

/**
 * The flags of {@link CLI_V8_FLAGS} that the process was not started with: a value given on
 * Node's command line (`node --max-inlined-bytecode-size-cumulative=920 …`) is the user's and
 * stays.
 *
 * @example
 * ```ts
 * cliV8Flags([]); // ['--max-inlined-bytecode-size-cumulative=230']
 * cliV8Flags(['--max_inlined_bytecode_size_cumulative=920']); // []
 * ```
 */
export function cliV8Flags(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map(flagName));
  return CLI_V8_FLAGS.filter((f) => !given.has(flagName(f)));
}
