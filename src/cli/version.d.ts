/** Replaced at build time by tsup's `define` (see tsup.config.ts); `0.0.0-dev` under tsx/vitest. */
declare const __VN_RECONCILE_VERSION__: string;
