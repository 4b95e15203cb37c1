/**
 * The Node flags a worker thread starts with. A worker inherits its parent's `execArgv` by
 * default; a TypeScript loader there (`--import tsx`, as the bench and `tsx` scripts run) makes
 * every built worker register the loader's hooks for JavaScript it does not need (0.4 CPU s per
 * worker at start-up, measured on 2 workers from `dist/`).
 */

/** Flags that load a module before the entry: the value may follow as `--flag=v` or `--flag v`. */
const LOADER_FLAGS = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);

function isTsx(value: string): boolean {
  return value === 'tsx' || value.startsWith('tsx/');
}

/**
 * The parent's flags for a worker whose entry is built JavaScript: the same, without tsx's
 * loader (any other flag is kept, in order).
 *
 * @example
 * ```ts
 * workerExecArgv(['--import', 'tsx', '--enable-source-maps']); // ['--enable-source-maps']
 * ```
 */
export function workerExecArgv(parent: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parent.length; i++) {
    const flag = parent[i]!;
    const eq = flag.indexOf('=');
    const name = eq < 0 ? flag : flag.slice(0, eq);
    if (LOADER_FLAGS.has(name)) {
      const value = eq < 0 ? parent[i + 1] : flag.slice(eq + 1);
      if (value !== undefined && isTsx(value)) {
        if (eq < 0) i++;
        continue;
      }
    }
    out.push(flag);
  }
  return out;
}
