import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (p: string) => fileURLToPath(new URL(`./src/${p}`, import.meta.url));

export default defineConfig({
  // The package's own names, as its docs' examples import them.
  resolve: {
    alias: [
      { find: /^vn-reconcile\/testing\/arbitraries$/, replacement: src('testing/arbitraries.ts') },
      {
        find: /^vn-reconcile\/(id|text|record|match|workflow|testing|node)$/,
        replacement: src('$1/index.ts'),
      },
      { find: /^vn-reconcile$/, replacement: src('index.ts') },
    ],
  },
  define: { __VN_RECONCILE_VERSION__: JSON.stringify('0.0.0-dev') },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
