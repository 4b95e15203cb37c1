import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __VN_RECONCILE_VERSION__: JSON.stringify('0.0.0-dev') },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
});
