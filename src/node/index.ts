/**
 * `vn-reconcile/node`: the engine on files, streams and threads (Node only). Everything the
 * `vn-reconcile` command does, a program can do here with the same results: clean, link and
 * de-duplicate `.csv` / `.tsv` / `.xlsx` files or streams, on all cores, with progress events and
 * cancellation (`AbortSignal`), writing outputs atomically.
 *
 * @module
 */
export { VnReconcileError } from '../errors.js';
export type {
  BlockingCounts,
  BlockingRule,
  CappedBlocks,
  Comparison,
  ComparisonParameters,
  Decision,
  FellegiSunterModel,
  Interner,
  LevelParameters,
  LinkageSpec,
  LinkRow,
  MatchSummary,
  PreparedColumn,
  RowObject,
  ThresholdChoice,
  Thresholds,
  TrainingReport,
} from '../match/index.js';
export { EXPLANATION_INVALID, LINK_COLUMNS } from '../match/index.js';
export {
  type CleanField,
  type CleanRecord,
  ENGINE_COLUMNS,
  type EngineColumn,
  type IdKind,
  isEngineColumn,
  joinNameParts,
  type NamePart,
  type PartialDate,
  type Sex,
} from '../record/index.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';
export {
  CLEAN_COLUMNS,
  type CleanFileOptions,
  type CleanFileSummary,
  cleanFile,
} from './clean/clean-file.js';
export {
  DEDUPE_COLUMNS,
  type DedupeFileOptions,
  type DedupeFileSummary,
  dedupeFile,
} from './dedupe/dedupe-file.js';
export {
  abortError,
  type InputErrorCode,
  inputError,
  isInputError,
  throwIfAborted,
} from './errors.js';
export type { ColumnMap } from './io/csv.js';
export {
  type Delimiter,
  detectDelimiter,
  INPUT_ENCODINGS,
  type InputEncoding,
  type InputSource,
  parseEncoding,
} from './io/input.js';
export type { OutputTarget } from './io/target.js';
export { type LinkFilesOptions, type LinkFilesSummary, linkFiles } from './link/link-files.js';
export {
  type LinkStreamOptions,
  linkRowFromCsv,
  linkStream,
  type RowSource,
} from './link/link-stream.js';
export { mergeShardFiles } from './link/merge-files.js';
export type { LinkPipelineSummary } from './link/pipeline.js';
export {
  type PrepareFileOptions,
  type PrepareFileSummary,
  prepareFile,
} from './link/prepare-file.js';
export type { RegisterFileInfo } from './link/register-file.js';
export { parseShard, type Shard, type ShardSource, shardFromEnvironment } from './link/shard.js';
export { readModelFile, writeModelFile } from './model-file.js';
export type {
  ModelJobOptions,
  ModelOptions,
  ReadOptions,
  ReportFileOptions,
  RunOptions,
  WriteOptions,
} from './options.js';
export type { ProgressEvent, ProgressListener, RunPhase } from './progress.js';
export * from './report/decisions.js';
export { explanationFields, writeReport } from './report/from-run.js';
export { maskValue, renderReport } from './report/index.js';
export type * from './report/types.js';
export type { FileRunNotes } from './run.js';
