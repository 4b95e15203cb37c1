/**
 * `vn-reconcile/testing`: test helpers that need no fast-check — the synthetic population
 * (a register and a damaged list with the truth), {@link damage} (the real-world corruptions
 * applied to any record), {@link trainedModelFixture} (a model trained once per test file) and
 * the ID damage of spreadsheets.
 *
 * The fast-check arbitraries (names, ID numbers, dates, records, people and copy pairs, workflow
 * events) are in `vn-reconcile/testing/arbitraries`, which also re-exports everything here:
 * code that used the arbitraries from `vn-reconcile/testing` imports them from there.
 *
 * @module
 */

export type {
  ComparisonParameters,
  FellegiSunterModel,
  LevelParameters,
  Thresholds,
  TrainingReport,
} from '../match/index.js';
export {
  type DamageableRecord,
  type DamagedCopy,
  type DamageOptions,
  damage,
} from './damage.js';
export {
  type TrainedModel,
  type TrainedModelFixtureOptions,
  trainedModelFixture,
} from './fixture.js';
export {
  type DamagedId,
  damageId,
  FORMATTING_DAMAGES,
  ID_DAMAGES,
  type IdDamage,
} from './id-damage.js';
export * from './population/index.js';
