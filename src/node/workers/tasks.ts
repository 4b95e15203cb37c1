/**
 * What a link worker does, as plain functions over a state object (the worker entry only routes
 * messages here): clean chunks of CSV text, and score prepared chunks against the shared
 * reference, returning the output lines of the chunk.
 */
import {
  type ColumnarReference,
  clearDictionaries,
  createScaleLinker,
  type Dictionaries,
  EXPLANATION_INVALID,
  explanationOf,
  type FellegiSunterModel,
  importDictionaries,
  type LinkageSpec,
  linkChunk,
  type MatchOptions,
  type PieceDictionary,
  type PreparedColumn,
  type PreparedSide,
  pieceDictionaries,
  randomPairsFor,
  referenceSide,
  type SampleTraining,
  type ScaleLinker,
  type Thresholds,
  trainOnSample,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../match/index.js';
import type { CleanRecord } from '../../record/index.js';
import { type CsvHeader, resolveHeader } from '../io/csv.js';
import { type CsvChunk, parseCsvText, readChunk } from '../io/csv-chunks.js';
import { linkLine } from '../io/output.js';
import { type StringPool, stringAt } from '../io/strings.js';
import { type CleanedChunk, cleanChunk } from '../link/records.js';
import type { Shard } from '../link/shard.js';

/** One input file. */
export interface SideSetup {
  /** Name used in messages. */
  readonly file: string;
  /** Absolute path read by the workers. */
  readonly path: string;
  readonly headerText: string;
  readonly key?: string | undefined;
}

/** Settings every worker receives once. */
export interface WorkerSetup {
  /** LEFT (absent when only a register is prepared). */
  readonly left?: SideSetup | undefined;
  /** RIGHT (absent when it is a prepared register file: nothing of it is cleaned). */
  readonly right?: SideSetup | undefined;
  readonly map: Readonly<Record<string, string>>;
  /** "Today" for date checks, as epoch milliseconds (fixed once so every thread agrees). */
  readonly referenceDate: number;
  readonly shard?: Shard | undefined;
  /** Neutralise spreadsheet formulas in the keys written out (see neutralizeFormula). */
  readonly formulaGuard: boolean;
}

/** The scoring context every worker receives once the reference is built. */
export interface ReferenceSetup {
  readonly reference: ColumnarReference;
  /**
   * The reference's interned values (typed arrays in shared memory), attached frozen to the
   * worker's spec without copying.
   */
  readonly dictionaries: Dictionaries;
  readonly rightKeys: StringPool;
  readonly model: FellegiSunterModel;
  readonly thresholds: Thresholds;
  readonly options: MatchOptions;
}

/**
 * What a worker needs to train the model on LEFT's EM sample (see {@link trainSample}), after
 * the sample itself ({@link cleanSample}).
 */
export interface TrainSetup {
  readonly reference: ColumnarReference;
  readonly dictionaries: Dictionaries;
  /** A trained model instead of EM, fixed thresholds, the FDR aimed at (the link's options). */
  readonly given: Pick<MatchOptions, 'model' | 'thresholds' | 'targetFdr'>;
}

/** Decision counts and error-rate sums of a scored chunk (summed by the main thread). */
export interface ChunkStats {
  readonly match: number;
  readonly review: number;
  readonly no_match: number;
  readonly invalid: number;
  readonly pairs: number;
  /** Of `pairs`, those compared on the rules' gate only (their record settled by a rule). */
  readonly settled: number;
  /** Σ(1 − p) over matches (estimated false discoveries). */
  readonly falseMatches: number;
  /** Σ p of the best candidates below the review threshold (estimated missed matches). */
  readonly missed: number;
  /** Σ p of the best candidates. */
  readonly mass: number;
  /** Rows that lost candidates to a blocking cap and went to review instead of no_match. */
  readonly cappedToReview: number;
}

/** The output of a scored chunk. */
export interface ScoredOutput {
  readonly text: string;
  readonly stats: ChunkStats;
  /** Per blocking rule, rows whose block was over the rule's cap (left out). */
  readonly cappedByRule: readonly number[];
}

/** A worker's state. */
export interface WorkerState {
  readonly spec: LinkageSpec<CleanRecord>;
  /** The spec register chunks are prepared with, its dictionaries emptied for each (see {@link prepareRight}). */
  pieceSpec?: LinkageSpec<CleanRecord>;
  setup?: WorkerSetup;
  leftHeader?: CsvHeader;
  rightHeader?: CsvHeader;
  linker?: ScaleLinker<CleanRecord>;
  rightKeys?: StringPool;
  /** The reference's dictionaries once attached to `spec` (attached once, never replaced). */
  dictionaries?: Dictionaries;
  /** LEFT's EM sample, cleaned (see {@link cleanSample}). */
  sample?: Pick<CleanedChunk, 'records' | 'keys'> | undefined;
  /** LEFT chunks cleaned and prepared ahead of the model, by first row (see {@link stageLeftChunk}). */
  readonly staged: Map<
    number,
    StagedChunk
  > /** LEFT chunks cleaned before the dictionaries exist, by first row (see {@link cleanLeftAhead}). */;
  readonly cleanedAhead: Map<number, CleanedChunk>;
}

/** A LEFT chunk cleaned and prepared with the reference's dictionaries, waiting for the model. */
interface StagedChunk {
  readonly left: PreparedSide;
  readonly ids: readonly string[];
  readonly rows: readonly number[];
  readonly invalid: Uint8Array;
}

/**
 * The spec every thread uses (each builds its own instance; comparisons are pure on columns).
 *
 * @example
 * ```ts
 * pipelineSpec().blocking.length; // 8
 * ```
 */
export function pipelineSpec(): LinkageSpec<CleanRecord> {
  return vietnameseSpec();
}

/** The deterministic rules of the pipeline. */
export const PIPELINE_RULES = VIETNAMESE_RULES;

/**
 * A fresh worker state.
 *
 * @example
 * ```ts
 * const state = createWorkerState();
 * ```
 */
export function createWorkerState(): WorkerState {
  return { spec: pipelineSpec(), staged: new Map(), cleanedAhead: new Map() };
}

function headerOf(side: SideSetup, map: WorkerSetup['map']): CsvHeader {
  const columns = side.headerText.length === 0 ? [] : parseHeader(side.headerText);
  return resolveHeader(
    side.file,
    columns,
    side.key === undefined ? { map } : { key: side.key, map },
  );
}

function parseHeader(text: string): string[] {
  return parseCsvText(text, 1)[0] ?? [];
}

/**
 * Installs the setup (headers, key columns, "today", shard).
 *
 * @example
 * ```ts
 * setup(state, msg.setup);
 * ```
 */
export function setup(state: WorkerState, s: WorkerSetup): void {
  state.setup = s;
  if (s.left) state.leftHeader = headerOf(s.left, s.map);
  if (s.right) state.rightHeader = headerOf(s.right, s.map);
}

/**
 * Cleans a chunk of one side (the shard filter applies to the left side only, not to the sample),
 * computing the blocking keys with `spec` (default: the worker's). RIGHT's and the sample's
 * records are slimmed (`slimRecord`) unless `slim` is false: they are kept or sent to another
 * thread, and a register chunk prepared here at once need not be copied.
 *
 * @example
 * ```ts
 * const part = clean(state, 'right', chunk, chunk.firstRow);
 * ```
 */
export function clean(
  state: WorkerState,
  side: 'left' | 'right' | 'sample',
  source: string | CsvChunk,
  firstRow: number,
  spec: LinkageSpec<CleanRecord> = state.spec,
  slim = side !== 'left',
): CleanedChunk {
  const s = state.setup;
  if (!s) throw new Error('worker used before setup');
  const file = side === 'right' ? s.right : s.left;
  const header = side === 'right' ? state.rightHeader : state.leftHeader;
  if (!file || !header) throw new Error(`worker: no ${side} file in the setup`);
  const text = typeof source === 'string' ? source : readChunk(file.path, source);
  return cleanChunk(text, firstRow, spec, {
    header,
    clean: { referenceDate: new Date(s.referenceDate) },
    shard: side === 'left' ? s.shard : undefined,
    slim,
    // The sample's keys index its candidates by key (chunkBlockIndex); a chunk's are only
    // looked up in the reference's tables, by hash.
    hashKeys: side !== 'sample',
  });
}

/**
 * Attaches the reference's dictionaries (frozen, not copied) to the worker's spec, so that LEFT
 * records are prepared with the register's ids; later calls (the same reference's dictionaries,
 * sent again) do nothing.
 *
 * @example
 * ```ts
 * installDictionaries(state, msg.dictionaries);
 * ```
 */
export function installDictionaries(state: WorkerState, dictionaries: Dictionaries): void {
  // One reference per pool: a later message carries (a copy of) the same dictionaries.
  if (state.dictionaries) return;
  importDictionaries(state.spec, dictionaries);
  state.dictionaries = dictionaries;
}

/**
 * EM on LEFT's sample against the shared reference, on this thread (so that the other workers
 * can clean and prepare LEFT while it runs): the sample is cleaned and prepared with the
 * reference's frozen dictionaries, exactly as the main thread did.
 *
 * @example
 * ```ts
 * cleanSample(state, rowsText);
 * const training = trainSample(state, { reference, dictionaries, given: {} });
 * ```
 */
export function trainSample(state: WorkerState, t: TrainSetup): SampleTraining {
  installDictionaries(state, t.dictionaries);
  const part = state.sample;
  if (!part) throw new Error('worker: training before the sample was cleaned here');
  state.sample = undefined;
  const spec = state.spec;
  const sample: PreparedSide = {
    size: part.records.length,
    columns: spec.comparisons.map((c) => c.prepare(part.records)),
    keys: spec.blocking.map((_, r) => part.keys[r] ?? []),
  };
  return trainOnSample(t.reference, sample, spec, {
    rules: PIPELINE_RULES,
    randomPairs: randomPairsFor(part.records.length),
    ...t.given,
  });
}

/**
 * Cleans LEFT's EM sample (CSV text of its rows, LEFT's header) and keeps it for
 * {@link trainSample} on this worker; returns the sample's usable rows.
 *
 * @example
 * ```ts
 * cleanSample(state, rowsText); // then trainSample(state, …) on the same worker
 * ```
 */
export function cleanSample(state: WorkerState, text: string): { readonly records: number } {
  state.sample = text.length > 0 ? clean(state, 'sample', text, 2) : { records: [], keys: [] };
  return { records: state.sample.records.length };
}

/**
 * Installs the shared reference, its frozen dictionaries and the model.
 *
 * @example
 * ```ts
 * installReference(state, msg.reference);
 * ```
 */
export function installReference(state: WorkerState, r: ReferenceSetup): void {
  installDictionaries(state, r.dictionaries);
  state.linker = createScaleLinker(r.reference, r.model, r.thresholds, state.spec, r.options);
  state.rightKeys = r.rightKeys;
}

/**
 * Scores one prepared chunk and renders its output lines (invalid rows in place).
 *
 * @example
 * ```ts
 * const { text, stats } = score(state, left, ids, rows, invalid, false);
 * ```
 */
export function score(
  state: WorkerState,
  left: PreparedSide,
  ids: readonly string[],
  rows: readonly number[],
  invalid: Uint8Array,
  withRowNumbers: boolean,
): ScoredOutput {
  const linker = state.linker;
  const keys = state.rightKeys;
  if (!linker || !keys) throw new Error('worker used before the reference was installed');
  const { results, pairs, settled, cappedByRule, cappedToReview } = linkChunk(linker, left);
  const right = referenceSide(linker.reference);
  const t = linker.thresholds;
  const guard = state.setup?.formulaGuard !== false;
  let text = '';
  const stats = {
    match: 0,
    review: 0,
    no_match: 0,
    invalid: 0,
    pairs,
    settled,
    falseMatches: 0,
    missed: 0,
    mass: 0,
    cappedToReview,
  };
  let v = 0;
  for (let i = 0; i < ids.length; i++) {
    const prefix = withRowNumbers ? String(rows[i]) : undefined;
    if (invalid[i]) {
      stats.invalid++;
      text += linkLine(ids[i]!, prefix, '', 'invalid', undefined, EXPLANATION_INVALID, guard);
      continue;
    }
    const res = results[v++]!;
    stats[res.decision]++;
    const p = res.probability;
    stats.mass += p;
    if (res.decision === 'match') stats.falseMatches += 1 - p;
    if (p < t.review) stats.missed += p;
    const rightId = res.right >= 0 ? stringAt(keys, res.right) : '';
    text += linkLine(
      ids[i]!,
      prefix,
      rightId,
      res.decision,
      res,
      explanationOf(linker.scorer, left, right, res, (j) => stringAt(keys, j)),
      guard,
    );
  }
  return { text, stats, cappedByRule };
}

/**
 * Everything for one LEFT chunk on this thread: read, parse, clean (shard filter), prepare with
 * the reference's frozen dictionaries, score and render the output lines.
 *
 * @example
 * ```ts
 * const out = linkLeftChunk(state, chunk, false); // out.text: CSV lines in LEFT order
 * ```
 */
export function linkLeftChunk(
  state: WorkerState,
  chunk: CsvChunk,
  withRowNumbers: boolean,
): ScoredOutput & { readonly rows: number } {
  const staged = state.staged.get(chunk.firstRow);
  state.staged.delete(chunk.firstRow);
  const { left, ids, rows, invalid } = staged ?? prepareLeft(state, chunk);
  const out = score(state, left, ids, rows, invalid, withRowNumbers);
  return { ...out, rows: ids.length };
}

/** Reads, cleans (shard filter) and prepares one LEFT chunk with the attached dictionaries. */
function prepareLeft(state: WorkerState, chunk: CsvChunk): StagedChunk {
  const ahead = state.cleanedAhead.get(chunk.firstRow);
  state.cleanedAhead.delete(chunk.firstRow);
  const cleaned = ahead ?? clean(state, 'left', chunk, chunk.firstRow);
  const left: PreparedSide = {
    size: cleaned.records.length,
    columns: state.spec.comparisons.map((c) => c.prepare(cleaned.records)),
    keys: cleaned.keys,
    hashes: cleaned.hashes,
  };
  return { left, ids: cleaned.ids, rows: cleaned.rows, invalid: cleaned.invalid };
}

/**
 * Cleans and prepares a LEFT chunk before the model exists (while another worker trains it) and
 * keeps it here until {@link linkLeftChunk} is asked for the same chunk on this worker. Needs the
 * dictionaries ({@link installDictionaries}). Returns the chunk's row count.
 *
 * @example
 * ```ts
 * stageLeftChunk(state, chunk); // later: linkLeftChunk(state, chunk, false) only scores it
 * ```
 */
export function stageLeftChunk(state: WorkerState, chunk: CsvChunk): { readonly rows: number } {
  if (!state.dictionaries) throw new Error('worker: LEFT staged before the dictionaries');
  const staged = prepareLeft(state, chunk);
  state.staged.set(chunk.firstRow, staged);
  return { rows: staged.ids.length };
}

/**
 * Cleans LEFT chunks before the register's dictionaries exist (while the main thread assembles
 * the reference, a time this worker would idle) and keeps them here: staging or linking the same
 * chunk on this worker then only prepares it. Returns the rows cleaned.
 *
 * @example
 * ```ts
 * cleanLeftAhead(state, [chunk]); // later: stageLeftChunk(state, chunk) only prepares it
 * ```
 */
export function cleanLeftAhead(
  state: WorkerState,
  chunks: readonly CsvChunk[],
): { readonly rows: number } {
  let rows = 0;
  for (const chunk of chunks) {
    const cleaned = clean(state, 'left', chunk, chunk.firstRow);
    state.cleanedAhead.set(chunk.firstRow, cleaned);
    rows += cleaned.ids.length;
  }
  return { rows };
}

/** A register chunk prepared on a worker with its own interners (see {@link prepareRight}). */
export interface PreparedPiece {
  /** Record keys of the chunk's rows (invalid ones included, see `invalid`). */
  readonly ids: string[];
  readonly invalid: Uint8Array;
  /** Per blocking rule, each valid record's key hash (−1 none). */
  readonly hashes: Float64Array[];
  /** Valid records (the columns' size). */
  readonly size: number;
  /** The comparisons' prepared columns, with this piece's own ids. */
  readonly columns: PreparedColumn[];
  /** The piece's dictionaries (values in id order), to re-number its ids into the reference's. */
  readonly dictionaries: (PieceDictionary | null)[];
}

/**
 * Cleans and prepares one register chunk with fresh comparison objects (interners of its own):
 * the main thread merges the piece's dictionaries into the reference's in chunk order and
 * re-numbers its columns (`mergeDictionary`, `renumberColumn`), so the register is prepared on
 * every core while its ids stay exactly those of one serial preparation.
 *
 * @example
 * ```ts
 * const piece = prepareRight(state, chunk); // piece.columns[k] holds piece-local ids
 * ```
 */
export function prepareRight(state: WorkerState, chunk: CsvChunk): PreparedPiece {
  // One spec for every chunk, its dictionaries emptied: a fresh spec per chunk gave the blocking
  // keys and the comparisons new closures each time, and the optimising compiler threw away the
  // code it had inlined them into ("wrong call target") and compiled it again.
  state.pieceSpec ??= pipelineSpec();
  const spec = state.pieceSpec;
  clearDictionaries(spec);
  // Not slimmed: the records are prepared here and dropped (a slim copy is garbage at once).
  const part = clean(state, 'right', chunk, chunk.firstRow, spec, false);
  const columns = spec.comparisons.map((c) => c.prepare(part.records));
  return {
    ids: part.ids,
    invalid: part.invalid,
    hashes: part.hashes ?? [],
    size: part.records.length,
    columns,
    dictionaries: pieceDictionaries(spec),
  };
}
