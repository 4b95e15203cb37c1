/**
 * The Node flags a worker thread starts with. A worker inherits its parent's `execArgv` by
 * default; a TypeScript loader there (`--import tsx`, as the bench and `tsx` scripts run) makes
 * every built worker register the loader's hooks for JavaScript it does not need (0.4 CPU s per
 * worker at start-up, measured on 2 workers from `dist/`).
 *
 * Inheriting is the only way that never fails: a list given to `new Worker` is checked, and any
 * V8 or process-wide flag in it (`--max-old-space-size`, `--expose-gc`, `--stack-size`…) makes
 * the constructor throw `ERR_WORKER_INVALID_EXEC_ARGV`. So a list is given only when a loader has
 * to go, and a worker whose list is refused starts with none (`startWorker` in pool.ts, which
 * tells the refusal with {@link refusedExecArgv}).
 */

/** Flags that load a module before the entry: the value may follow as `--flag=v` or `--flag v`. */
const LOADER_FLAGS = new Set(['--import', '--loader', '--experimental-loader', '--require', '-r']);

function isTsx(value: string): boolean {
  return value === 'tsx' || value.startsWith('tsx/');
}

/**
 * The flags for a worker whose entry is built JavaScript: `undefined` (inherit the parent's, V8
 * flags included) when they hold no tsx loader, else the parent's without it (any other flag
 * kept, in order).
 *
 * @example
 * ```ts
 * workerExecArgv(['--import', 'tsx', '--enable-source-maps']); // ['--enable-source-maps']
 * workerExecArgv(['--max-old-space-size=8192']); // undefined: inherited as they are
 * ```
 */
export function workerExecArgv(parent: readonly string[]): string[] | undefined {
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
  return out.length === parent.length ? undefined : out;
}

/**
 * Whether `error` is `new Worker` refusing its `execArgv` (a V8 or process-wide flag in the
 * list): the worker is then started with none, which loses nothing of substance, since V8 flags
 * apply to every thread of the process anyway.
 *
 * @example
 * ```ts
 * refusedExecArgv(Object.assign(new Error('refused'), { code: 'ERR_WORKER_INVALID_EXEC_ARGV' })); // true
 * refusedExecArgv(new Error('other')); // false
 * ```
 */
export function refusedExecArgv(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { code?: unknown }).code === 'ERR_WORKER_INVALID_EXEC_ARGV'
  );
}
