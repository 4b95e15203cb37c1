/**
 * The browser bundle budgets (issue 17), checked by `npm test` after the build: for each entry
 * below, an app that imports that one name from the built package is bundled with esbuild
 * (browser, ESM, minified, tree-shaken as any bundler does with `sideEffects: false`) and the
 * output is gzipped (level 9). The check fails when a bundle is over its budget.
 *
 * `node --import tsx scripts/size.ts` prints the table; `--json` prints it as JSON.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** One budget: an import from a built entry, and its ceiling in bytes (minified + gzip). */
export interface SizeBudget {
  /** The exported name an app imports. */
  readonly name: string;
  /** The package entry it is imported from (`vn-reconcile` or a subpath). */
  readonly from: string;
  /** Ceiling in bytes, minified + gzipped. */
  readonly maxBytes: number;
}

const KB = 1024;

/** The budgets, in one table. */
export const SIZE_BUDGETS: readonly SizeBudget[] = [
  { name: 'parseIdNumber', from: 'vn-reconcile', maxBytes: 6 * KB },
  { name: 'cleanRecord', from: 'vn-reconcile', maxBytes: 50 * KB },
  { name: 'normalizeName', from: 'vn-reconcile', maxBytes: 25 * KB },
  { name: 'parseIdNumber', from: 'vn-reconcile/id', maxBytes: 6 * KB },
  { name: 'normalizeName', from: 'vn-reconcile/text', maxBytes: 25 * KB },
  { name: 'cleanRecord', from: 'vn-reconcile/record', maxBytes: 50 * KB },
];

/** Result of measuring one budget. */
export interface SizeResult extends SizeBudget {
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
  readonly ok: boolean;
}

const root = resolve(import.meta.dirname, '..');

/** The built ESM file of a package entry (`vn-reconcile/id` → `dist/id/index.js`). */
function builtEntry(from: string): string {
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const subpath = from === 'vn-reconcile' ? '.' : `./${from.slice('vn-reconcile/'.length)}`;
  const file = pkg.exports[subpath]?.import?.default;
  if (file === undefined) throw new Error(`package.json exports has no ${subpath}`);
  return resolve(root, file);
}

/** Bundles `import { name } from entry` for the browser and measures it. */
export async function measure(budget: SizeBudget): Promise<SizeResult> {
  const entry = builtEntry(budget.from);
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run npm run build first`);
  const result = await build({
    stdin: {
      contents: `export { ${budget.name} } from ${JSON.stringify(entry)};`,
      resolveDir: root,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const gzipBytes = gzipSync(code, { level: 9 }).length;
  return { ...budget, minifiedBytes: code.length, gzipBytes, ok: gzipBytes <= budget.maxBytes };
}

async function main(): Promise<void> {
  const results: SizeResult[] = [];
  for (const budget of SIZE_BUDGETS) results.push(await measure(budget));
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;
    for (const r of results) {
      process.stdout.write(
        `${r.ok ? 'ok  ' : 'OVER'} ${`${r.name} from ${r.from}`.padEnd(42)} ${kb(r.gzipBytes).padStart(9)} gzip (budget ${kb(r.maxBytes)}), ${kb(r.minifiedBytes)} minified\n`,
      );
    }
  }
  const over = results.filter((r) => !r.ok);
  if (over.length > 0) {
    process.stderr.write(
      `Over budget: ${over.map((r) => `${r.name} from ${r.from}`).join(', ')} (see scripts/size.ts)\n`,
    );
    process.exitCode = 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
