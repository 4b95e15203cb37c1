/**
 * The package version: set by the build; `0.0.0-dev` when run from sources (tests, tsx).
 */
export const VERSION: string =
  typeof __VN_RECONCILE_VERSION__ === 'string' ? __VN_RECONCILE_VERSION__ : '0.0.0-dev';
