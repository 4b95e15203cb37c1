/**
 * Public face of the `match` part: string kernels, comparisons, blocking, the Fellegi–Sunter
 * model with EM, scoring with explanations, decisions and resolution.
 * @module
 */

export type { CleanField, CleanRecord, IdKind, PartialDate, Sex } from '../record/index.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';
export type { NameOrder } from '../text/index.js';
export {
  type BlockIndex,
  type BlockingCounts,
  type BlockingIssueCode,
  buildBlockIndex,
  type CappedBlocks,
  cappedRows,
  cappedWarnings,
  checkBlocking,
  countCandidates,
  type ResolvedBlocks,
  type ResolvedRule,
} from './blocking.js';
export { type Comparison, NULL_LEVEL, type PreparedColumn } from './comparison.js';
export { DATE_LEVELS, type DateComparisonOptions, dateComparison } from './comparisons/date.js';
export { type ExactComparisonOptions, exactComparison } from './comparisons/exact.js';
export {
  ID_LEVELS,
  type IdNumberComparisonOptions,
  type IdValue,
  idNumberComparison,
} from './comparisons/id-number.js';
export { PHONE_LEVELS, type PhoneComparisonOptions, phoneComparison } from './comparisons/phone.js';
export { PLACE_LEVELS, type PlaceComparisonOptions, placeComparison } from './comparisons/place.js';
export {
  type StringComparisonOptions,
  type StringLevel,
  stringComparison,
} from './comparisons/string.js';
export {
  FAMILY_NAME_LEVELS,
  familyNameComparison,
  GIVEN_NAME_LEVELS,
  givenNameComparison,
  type PreparedName,
  prepareName,
  type VietnameseNameOptions,
} from './comparisons/vietnamese-name.js';
export {
  chooseThresholds,
  type Decision,
  decide,
  type ThresholdChoice,
  type ThresholdOptions,
} from './decide.js';
export {
  clusterDecisions,
  type DedupeDecision,
  type DedupeOptions,
  type DedupeOutcome,
  type DedupePair,
  dedupePrepared,
  dedupeWithSpec,
} from './dedupe.js';
export { type EmOptions, type EmResult, floorM, type PatternCounts, runEm } from './em.js';
export {
  COMPETING_SEPARATOR,
  EXPLANATION_INVALID,
  explanationOf,
  formatCompetitor,
  LINK_COLUMNS,
  parseCompetitors,
  type WrittenCompetitor,
} from './explanation.js';
export type { Interner, InternerArrays } from './interner.js';
export { levenshteinCodes, osaCodes } from './kernels/edit-distance.js';
export { jaroCodes, jaroWinklerCodes } from './kernels/jaro-winkler.js';
export type { CodeKernel } from './kernels/kernel.js';
export { withinOneEdit } from './kernels/one-edit.js';
export { codesOf, jaro, jaroWinkler, levenshtein, osaDistance } from './kernels/strings.js';
export { linkPrepared, linkWithSpec } from './link.js';
export {
  type DedupeRecordsOptions,
  type DedupeRecordsOutcome,
  type DedupeRow,
  dedupeRecords,
  defaultSampleSize,
  isMatchable,
  type LinkRecordsIssueCode,
  type LinkRecordsOptions,
  type LinkRecordsOutcome,
  type LinkRow,
  linkRecords,
  type RowModelOptions,
  type RowObject,
  type RowReadOptions,
  type RowsOutcome,
  randomPairsFor,
  sampleOrder,
  slimRecord,
} from './link-rows.js';
export type {
  CompetingCandidate,
  LinkOptions,
  LinkOutcome,
  LinkReason,
  LinkResult,
  MatchIssueCode,
  MatchOptions,
  MatchSummary,
} from './link-types.js';
export {
  type ComparisonParameters,
  type FellegiSunterModel,
  type LevelParameters,
  levelWeights,
  priorWeight,
  type Thresholds,
  type TrainingReport,
  weightToProbability,
} from './model.js';
export { type ModelIssueCode, modelSchema, parseModel } from './model-schema.js';
export { type CompiledRules, compileRules, type MatchRule } from './rules.js';
export * from './scale/index.js';
export { type ScoreChunkOptions, type ScoredChunk, scoreChunk } from './score-chunk.js';
export {
  type Contribution,
  createScorer,
  explainPair,
  formatExplanation,
  type PairExplanation,
  type Scorer,
  scorePair,
  type TermFrequencyOptions,
} from './scorer.js';
export {
  type BlockingRule,
  blockingKeys,
  type LinkageSpec,
  type PreparedSide,
  prepareSide,
} from './spec.js';
export { thresholdsFromFlags } from './thresholds-given.js';
export { DEFAULT_FLOOR_BITS, estimateU, type TrainOptions, trainModel } from './train.js';
export { VIETNAMESE_RULES, type VietnameseSpecOptions, vietnameseSpec } from './vietnamese.js';
