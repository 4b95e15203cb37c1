/**
 * `vn-reconcile/testing`: fast-check arbitraries for Vietnamese names, ID numbers, dates and whole
 * records, so that users can property-test their own matching rules. Requires `fast-check` (an
 * optional peer dependency).
 *
 * @module
 */
export * from './id.js';
export * from './match.js';
export * from './population/index.js';
export * from './record.js';
export * from './text.js';
export * from './workflow.js';
