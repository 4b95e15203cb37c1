import { readFileSync } from 'node:fs';
import { defineConfig } from 'tsup';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig([
  {
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
    entry: {
      'cli/main': 'src/cli/main.ts',
      'cli/worker': 'src/cli/worker.ts',
      'cli/clean-worker': 'src/cli/clean-worker.ts',
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
