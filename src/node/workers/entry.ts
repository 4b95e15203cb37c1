/**
 * Where a worker thread's entry script is. Built, the entry is `dist/node/worker.js`, and the code asking may be bundled into `dist/node/index.{js,cjs}`,
 * a shared chunk in `dist/` or `dist/node/`, or the CLI's `dist/cli/main.js`. Run from sources
 * (tests, the bench, `tsx`), the entry is a small bootstrap that registers tsx in the worker first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The worker entries of the Node engine. */
export type WorkerName = 'worker';

/**
 * The script to start worker `name` with, and whether it is code (`eval`) rather than a path.
 *
 * @example
 * ```ts
 * const { script, eval: isEval } = workerEntry('worker');
 * new Worker(script, { eval: isEval });
 * ```
 */
export function workerEntry(name: WorkerName): { readonly script: string; readonly eval: boolean } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const url = new URL(`./${name}.ts`, here).href;
    const script = `(async () => { const { register } = await import('tsx/esm/api'); register(); await import(${JSON.stringify(url)}); })().catch((e) => { process.stderr.write(String(e?.stack ?? e) + '\\n'); process.exit(2); });`;
    return { script, eval: true };
  }
  const candidates = [`./${name}.js`, `./node/${name}.js`, `../node/${name}.js`].map((p) =>
    fileURLToPath(new URL(p, here)),
  );
  const found = candidates.find((p) => existsSync(p));
  return { script: found ?? candidates[0]!, eval: false };
}
