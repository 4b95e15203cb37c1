/**
 * `vn-reconcile/testing/arbitraries`: fast-check arbitraries for Vietnamese names (with their
 * real-world corruptions), ID numbers, dates, phones, whole records, people and copy pairs,
 * models and workflow events, so that users can property-test their own matching rules. Requires
 * `fast-check` (an optional peer dependency). Re-exports everything of `vn-reconcile/testing`.
 *
 * @module
 */
export * from './id.js';
export * from './index.js';
export * from './match.js';
export * from './person.js';
export * from './record.js';
export * from './text.js';
export * from './workflow.js';
