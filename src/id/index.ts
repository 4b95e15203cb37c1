/**
 * Public face of the `id` part: CCCD, CMND and passport numbers.
 * @module
 */
export type { IdKind } from './kind.js';
