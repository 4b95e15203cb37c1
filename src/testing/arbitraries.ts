/**
 * `vn-reconcile/testing/arbitraries`: fast-check arbitraries for Vietnamese names (with their
 * real-world corruptions), ID numbers, dates, phones, whole records, people and copy pairs,
 * models and workflow events, so that users can property-test their own matching rules. Requires
 * `fast-check` (an optional peer dependency). Re-exports everything of `vn-reconcile/testing`.
 *
 * @module
 */
export type { FellegiSunterModel } from '../match/index.js';
// The written date format `parseDob` recognised (the population's `DobFormat` is another type).
export type {
  CanonicalColumn,
  DobFormat as RecordDobFormat,
  PartialDate,
  RawRecord,
  Sex,
} from '../record/index.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';
export type { LegacyEncoding } from '../text/index.js';
// The workflow's types, which the workflow arbitraries' signatures reach.
export type * from '../workflow/index.js';
export { ROLE_LABELS_VI } from '../workflow/index.js';
export * from './id.js';
export * from './index.js';
export * from './match.js';
export * from './person.js';
export * from './record.js';
export * from './text.js';
export * from './workflow.js';
