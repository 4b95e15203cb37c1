/**
 * vn-reconcile: clean Vietnamese health records and reconcile them with the national population
 * register (CSDLQG về dân cư).
 *
 * @module
 */

export { VnReconcileError } from './errors.js';
export * from './id/index.js';
export * from './match/index.js';
export * from './record/index.js';
export type { Failure, Issue, Issues, Result, Success } from './result.js';
export * from './text/index.js';
export * from './workflow/index.js';
