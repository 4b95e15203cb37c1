import { readFileSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

/**
 * The public entries (package.json `exports`): the root (the browser-safe core), one per part,
 * the test helpers and the Node engine. Built together so that they share chunks: each part lands
 * in its own chunk (a bundler drops the chunks an app does not use, `sideEffects: false`), and a
 * class such as `VnReconcileError` exists once whichever entry it is imported from.
 */
export const ENTRIES = {
  index: 'src/index.ts',
  'id/index': 'src/id/index.ts',
  'text/index': 'src/text/index.ts',
  'record/index': 'src/record/index.ts',
  'match/index': 'src/match/index.ts',
  'workflow/index': 'src/workflow/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/arbitraries': 'src/testing/arbitraries.ts',
  'node/index': 'src/node/index.ts',
} as const;

/** A Node script bundled whole (ESM, no declarations). */
const nodeScript = {
  format: ['esm'],
  dts: false,
  clean: false,
  sourcemap: true,
  target: 'node20',
  platform: 'node',
  define: { __VN_RECONCILE_VERSION__: JSON.stringify(version) },
} as const satisfies Options;

export default defineConfig([
  {
    entry: ENTRIES,
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    treeshake: false,
    splitting: true,
    // The CJS build of `vn-reconcile/node` finds its worker scripts through the import.meta.url shim.
    shims: true,
    target: 'node20',
    platform: 'neutral',
    external: ['fast-check', /^node:/],
    define: { __VN_RECONCILE_VERSION__: JSON.stringify(version) },
  },
  // The CLI (ESM).
  {
    ...nodeScript,
    entry: { 'cli/main': 'src/cli/main.ts' },
    banner: { js: '#!/usr/bin/env node' },
  },
  // The worker entry (ESM, started by path), bundled on its own: no chunk shared with the CLI,
  // so it loads only the code a worker runs (not zod, which the CLI's model files need: about
  // 90 ms of CPU per worker at start-up).
  { ...nodeScript, entry: { 'node/worker': 'src/node/workers/worker.ts' } },
]);
