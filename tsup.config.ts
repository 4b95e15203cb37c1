import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
    // The browser-safe core.
    entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    treeshake: true,
    splitting: true,
    target: 'node20',
    platform: 'neutral',
    external: ['fast-check'],
  },
  {
    // `vn-reconcile/node`: files, streams and threads. The CJS build finds its worker scripts
    // through the import.meta.url shim.
    entry: { 'node/index': 'src/node/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    sourcemap: true,
    shims: true,
    target: 'node20',
    platform: 'node',
    define: { __VN_RECONCILE_VERSION__: JSON.stringify(version) },
  },
  {
    // The worker entry (ESM, started by path) and the CLI.
    entry: {
      'node/worker': 'src/node/workers/worker.ts',
      'cli/main': 'src/cli/main.ts',
    },
    format: ['esm'],
    dts: false,
    clean: false,
    sourcemap: true,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
    define: { __VN_RECONCILE_VERSION__: JSON.stringify(version) },
  },
]);
