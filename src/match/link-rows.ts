/**
 * LINK and DEDUPE on rows as a program holds them (objects with the columns a file would have):
 * the same engine, the same decisions, probabilities and explanations as `vn-reconcile link` /
 * `linkFiles` on the same data — rows identified by their key column (the first by default),
 * an `invalid` decision for rows with nothing to match on, finite match weights.
 *
 * The steps are the streaming pipeline's, in one thread: clean every row; prepare the reference
 * (the register) as columnar typed arrays with its block tables; train the model by EM on a
 * sample of the list chosen exactly as the pipeline chooses it (or use the given model); score
 * the list in chunks against the reference.
 */
import {
  type CleanRecord,
  cleanRecords,
  isEngineColumn,
  type RawRecordInput,
} from '../record/index.js';
import { type Issue, mapNonEmpty, type Result } from '../result.js';
import { clusterDecisions, dedupeWithSpec } from './dedupe.js';
import { EXPLANATION_INVALID, explanationOf } from './explanation.js';
import type { FellegiSunterModel, Thresholds } from './model.js';
import { createScaleLinker, linkChunk, trainOnSample } from './scale/linker.js';
import { referenceSide, toColumnarReference } from './scale/reference.js';
import { blockingKeys, type LinkageSpec, type PreparedSide } from './spec.js';
import { thresholdsFromFlags } from './thresholds-given.js';
import { VIETNAMESE_RULES, vietnameseSpec } from './vietnamese.js';

/** A row as a program holds it: column name → value (strings, numbers, dates, null…). */
export type RowObject = Readonly<Record<string, unknown>>;

/** One link row: what `vn-reconcile link` writes for one list row, typed. */
export interface LinkRow {
  /** The list row's key (value of its key column). */
  readonly leftId: string;
  /** The best candidate's key in the reference (absent when there is none). */
  readonly rightId?: string;
  readonly decision: 'match' | 'review' | 'no_match' | 'invalid';
  /** Why the row is `invalid` (issue codes of the row), only then. */
  readonly reasons?: readonly string[];
  /** Probability that the pair is the same person (absent without a candidate). */
  readonly probability?: number;
  /** log2 Bayes factor of the pair: a finite number, absent without a candidate. */
  readonly matchWeight?: number;
  /** The waterfall of field weights as one line (the CLI's `explanation` column). */
  readonly explanation: string;
  /**
   * For a `review` row: the other reference records that compete with `rightId`, best first
   * (also written at the end of `explanation`).
   */
  readonly competing?: readonly {
    readonly rightId: string;
    readonly probability: number;
    readonly matchWeight: number;
  }[];
}

/** How rows are read: which property is the key, which holds each engine column. */
export interface RowReadOptions {
  /** The key column of both sides (default: each row's first property). */
  readonly key?: string | undefined;
  readonly leftKey?: string | undefined;
  readonly rightKey?: string | undefined;
  /** Engine column → the rows' property holding it, e.g. `{ full_name: 'ho_ten' }`. */
  readonly columns?: Readonly<Record<string, string>> | undefined;
  /** "Today" for date checks (default: now). */
  readonly referenceDate?: Date | undefined;
}

/** The model and the thresholds of {@link linkRecords} and {@link dedupeRecords}. */
export interface RowModelOptions {
  /** A trained model (skips EM). */
  readonly model?: FellegiSunterModel | undefined;
  /**
   * Match (link) or merge (dedupe) at or above this probability (default: chosen from the
   * estimated FDR).
   */
  readonly matchThreshold?: number | undefined;
  /** Review at or above this probability. */
  readonly reviewThreshold?: number | undefined;
}

/** Options of {@link linkRecords}. */
export interface LinkRecordsOptions extends RowReadOptions, RowModelOptions {
  /** The estimated false-discovery rate the match threshold aims at (default 0.001). */
  readonly targetFdr?: number | undefined;
  /** List rows in the EM sample (default: as the pipeline, a tenth of the list, 10 000 to 50 000). */
  readonly sampleSize?: number | undefined;
}

/** What {@link linkRecords} and {@link dedupeRecords} found: rows, their decisions and the model. */
export interface RowsOutcome<Row, Decision extends string> {
  /** One row per input row (per list row for a link), in input order. */
  readonly rows: readonly Row[];
  /** Rows per decision. */
  readonly counts: Record<Decision, number>;
  /** The model (trained or given) with the thresholds used. */
  readonly model: FellegiSunterModel;
  readonly thresholds: Thresholds;
}

/** What {@link linkRecords} found. */
export interface LinkRecordsOutcome
  extends RowsOutcome<LinkRow, 'match' | 'review' | 'no_match' | 'invalid'> {
  /** Reference rows with nothing to match on (kept out of the reference). */
  readonly referenceInvalid: number;
}

/** Why {@link linkRecords} could not run. */
export type LinkRecordsIssueCode = 'REFERENCE_EMPTY' | 'MODEL_MISMATCH';

/** Where a value of a row goes as text (as a spreadsheet shows it). */
function text(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return '';
    const p = (n: number) => String(n).padStart(2, '0');
    return `${p(value.getUTCDate())}/${p(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  }
  return String(value);
}

/** Rows → raw records (engine columns under their names) and keys. */
function readRows(
  rows: readonly RowObject[],
  key: string | undefined,
  columns: Readonly<Record<string, string>> | undefined,
): { keys: string[]; raws: RawRecordInput[] } {
  const keys: string[] = [];
  const raws: RawRecordInput[] = [];
  const renamed = new Map<string, string>();
  for (const [engine, theirs] of Object.entries(columns ?? {})) renamed.set(theirs, engine);
  for (const row of rows) {
    const names = Object.keys(row);
    const k = key ?? names[0];
    keys.push(k === undefined ? '' : text(row[k]));
    const raw: Record<string, string> = {};
    for (const name of names) {
      const engine = renamed.get(name) ?? name.trim().toLowerCase();
      raw[isEngineColumn(engine) ? engine : name] = text(row[name]);
    }
    raws.push(raw);
  }
  return { keys, raws };
}

/**
 * The pipeline's order of rows for the EM sample: a fixed 32-bit mix of the row number (the
 * header is row 1), so every run, shard and chunking picks the same sample.
 *
 * @example
 * ```ts
 * sampleOrder(2) === sampleOrder(2); // true
 * ```
 */
export function sampleOrder(row: number): number {
  let h = Math.imul(row ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The EM sample's size for a LEFT of `rows` rows: a tenth of the rows, at least 10 000 and at
 * most 50 000 (the size fastLink and Splink users find enough). A small list no longer pays for a
 * sample half its size: fixed costs shrink with the data, and from 500 000 rows on the sample is
 * the same as before.
 *
 * @example
 * ```ts
 * defaultSampleSize(100_000); // 10 000
 * defaultSampleSize(1_000_000); // 50 000
 * ```
 */
export function defaultSampleSize(rows: number): number {
  return Math.min(50_000, Math.max(10_000, Math.round(rows / 10)));
}

/**
 * Random pairs for the u probabilities when training on a sample of `sampleRows` rows: 20 per
 * row, between 200 000 and the engine's 1 000 000.
 *
 * @example
 * ```ts
 * randomPairsFor(50_000); // 1 000 000
 * ```
 */
export function randomPairsFor(sampleRows: number): number {
  return Math.min(1_000_000, Math.max(200_000, 20 * sampleRows));
}

/**
 * What the reference keeps of a clean record (the fields the comparisons read), so that a
 * register of millions fits in memory.
 *
 * @example
 * ```ts
 * slimRecord(cleanRecord({ full_name: 'Lê Văn A' }, { key: 'P1' }).record).key; // 'P1'
 * ```
 */
export function slimRecord(r: CleanRecord): CleanRecord {
  const val = <T>(v: T | undefined): { readonly value?: T } =>
    v === undefined ? {} : { value: v };
  const out: { -readonly [K in keyof CleanRecord]?: CleanRecord[K] } = {
    key: r.key,
    fullName: val(r.fullName.value),
    dob: val(r.dob.value),
    sex: val(r.sex.value),
    idNumber: val(r.idNumber.value),
    phone: val(r.phone.value),
    provinceCode: val(r.provinceCode.value),
    district: NONE,
    commune: val(r.commune.value),
    address: NONE,
    extra: r.extra,
  };
  if (r.idKind !== undefined) out.idKind = r.idKind;
  return out as CleanRecord;
}

const NONE: { readonly value?: string } = Object.freeze({});

/**
 * Whether a clean record has something to match on: a name, an identity number or a phone.
 *
 * @example
 * ```ts
 * isMatchable(cleanRecord({ dob: '1990' }).record); // false
 * ```
 */
export function isMatchable(r: CleanRecord): boolean {
  return (
    r.fullName.value !== undefined || r.idNumber.value !== undefined || r.phone.value !== undefined
  );
}

interface CleanSide {
  readonly keys: string[];
  /** Row → record index, −1 for an invalid row. */
  readonly recordOf: Int32Array;
  readonly records: CleanRecord[];
  readonly reasons: Map<number, readonly string[]>;
}

function cleanSide(
  rows: readonly RowObject[],
  key: string | undefined,
  options: RowReadOptions,
): CleanSide {
  const { keys, raws } = readRows(rows, key, options.columns);
  const recordOf = new Int32Array(rows.length);
  const records: CleanRecord[] = [];
  const reasons = new Map<number, readonly string[]>();
  let i = 0;
  for (const { record, issues } of cleanRecords(raws, {
    referenceDate: options.referenceDate ?? new Date(),
  })) {
    const keyed = { ...record, key: keys[i] ?? '' };
    if (isMatchable(keyed)) {
      recordOf[i] = records.length;
      records.push(keyed);
    } else {
      recordOf[i] = -1;
      reasons.set(i, ['NOTHING_TO_MATCH_ON', ...issues.map((x: Issue) => x.code)]);
    }
    i++;
  }
  return { keys, recordOf, records, reasons };
}

function prepared(spec: LinkageSpec<CleanRecord>, records: readonly CleanRecord[]): PreparedSide {
  return {
    size: records.length,
    columns: spec.comparisons.map((c) => c.prepare(records)),
    keys: blockingKeys(records, spec),
  };
}

const CHUNK = 4096;

/**
 * Links every list row (`left`) to its best candidate in the reference (`right`, the register)
 * and returns one {@link LinkRow} per list row, in list order: the decisions, probabilities and
 * explanations `vn-reconcile link` writes for the same rows. Rows are objects with the columns a
 * file would have (canonical names such as `full_name`, `dob`, `id_number`, or others named in
 * `columns`); numbers and dates are read as a spreadsheet shows them.
 *
 * @example
 * ```ts
 * const register = [
 *   { person_id: 'P1', full_name: 'Nguyễn Văn An', dob: '1990-05-03', id_number: '001090012345' },
 *   { person_id: 'P2', full_name: 'Trần Thị Bình', dob: '1985-01-20', id_number: '001185000111' },
 * ];
 * const list = [{ stt: '1', full_name: 'NGUYEN VAN AN', dob: '03/05/1990', id_number: 1090012345 }];
 * const r = linkRecords(list, register);
 * if (r.success) r.data.rows[0]; // { leftId: '1', rightId: 'P1', decision: 'match', … }
 * ```
 */
export function linkRecords(
  left: readonly RowObject[],
  right: readonly RowObject[],
  options: LinkRecordsOptions = {},
): Result<LinkRecordsOutcome, LinkRecordsIssueCode> {
  const spec = vietnameseSpec();
  const l = cleanSide(left, options.leftKey ?? options.key, options);
  const r = cleanSide(right, options.rightKey ?? options.key, options);
  if (r.records.length === 0) {
    return {
      success: false,
      issues: [
        {
          code: 'REFERENCE_EMPTY',
          message: `the reference has no usable rows (${right.length} rows, none with a name, an ID or a phone)`,
        },
      ],
    };
  }
  const reference = toColumnarReference(prepared(spec, r.records.map(slimRecord)));
  const rightKeys = r.records.map((x) => x.key);
  r.records.length = 0; // only the keys are needed from here on
  // The EM sample: the list rows the pipeline would pick (row numbers count the header as 1).
  const sampleSize = Math.max(1, options.sampleSize ?? defaultSampleSize(left.length));
  const order = Array.from({ length: left.length }, (_, i) => i + 2)
    .sort((a, b) => sampleOrder(a) - sampleOrder(b) || a - b)
    .slice(0, sampleSize)
    .sort((a, b) => a - b);
  const sample: CleanRecord[] = [];
  for (const row of order) {
    const k = l.recordOf[row - 2]!;
    if (k >= 0) sample.push(slimRecord(l.records[k]!));
  }
  const thresholdsGiven = thresholdsFromFlags(
    options.matchThreshold,
    options.reviewThreshold,
    options.model,
  );
  let training: ReturnType<typeof trainOnSample>;
  try {
    training = trainOnSample(reference, prepared(spec, sample), spec, {
      rules: VIETNAMESE_RULES,
      randomPairs: randomPairsFor(sample.length),
      ...(options.model ? { model: options.model } : {}),
      ...(thresholdsGiven ? { thresholds: thresholdsGiven } : {}),
      ...(options.targetFdr !== undefined ? { targetFdr: options.targetFdr } : {}),
    });
  } catch (e) {
    return {
      success: false,
      issues: [{ code: 'MODEL_MISMATCH', message: e instanceof Error ? e.message : String(e) }],
    };
  }
  const thresholds = { match: training.thresholds.match, review: training.thresholds.review };
  const linker = createScaleLinker(reference, training.model, thresholds, spec, {
    rules: VIETNAMESE_RULES,
  });
  const rightSide = referenceSide(reference);
  const rows: LinkRow[] = new Array<LinkRow>(left.length);
  const rowOf = new Int32Array(l.records.length);
  const counts = { match: 0, review: 0, no_match: 0, invalid: 0 };
  for (let i = 0; i < left.length; i++) {
    const k = l.recordOf[i]!;
    if (k >= 0) {
      rowOf[k] = i;
      continue;
    }
    counts.invalid++;
    rows[i] = {
      leftId: l.keys[i] ?? '',
      decision: 'invalid',
      reasons: l.reasons.get(i) ?? ['NOTHING_TO_MATCH_ON'],
      explanation: EXPLANATION_INVALID,
    };
  }
  // Chunk by chunk, as the pipeline's workers do: each chunk's prepared columns are garbage
  // once its rows are written.
  for (let from = 0; from < l.records.length; from += CHUNK) {
    const side = prepared(spec, l.records.slice(from, from + CHUNK));
    const results = linkChunk(linker, side).results;
    for (let j = 0; j < results.length; j++) {
      const res = results[j]!;
      const i = rowOf[from + j]!;
      const leftId = l.keys[i] ?? '';
      counts[res.decision]++;
      const idOf = (j: number): string => rightKeys[j] ?? '';
      const explanation = explanationOf(linker.scorer, side, rightSide, res, idOf);
      rows[i] =
        res.right < 0
          ? { leftId, decision: res.decision, explanation }
          : {
              leftId,
              rightId: idOf(res.right),
              decision: res.decision,
              probability: res.probability,
              ...(Number.isFinite(res.matchWeight) ? { matchWeight: res.matchWeight } : {}),
              explanation,
              ...(res.competing
                ? {
                    competing: res.competing.map((c) => ({
                      rightId: idOf(c.right),
                      probability: c.probability,
                      matchWeight: c.matchWeight,
                    })),
                  }
                : {}),
            };
    }
  }
  return {
    success: true,
    data: {
      rows,
      counts,
      model: training.model,
      thresholds,
      referenceInvalid: r.reasons.size,
    },
  };
}

/** One row of {@link dedupeRecords}: what `vn-reconcile dedupe` adds to a row, typed. */
export interface DedupeRow {
  /** The row's key. */
  readonly id: string;
  /** The key of the cluster's first row (the row's own key when it is alone). */
  readonly clusterId: string;
  readonly clusterSize: number;
  readonly decision: 'duplicate' | 'unique' | 'review' | 'invalid';
  /** Why the row is `invalid` (issue codes of the row), only then. */
  readonly reasons?: readonly string[];
}

/** Options of {@link dedupeRecords}. */
export interface DedupeRecordsOptions
  extends Omit<RowReadOptions, 'leftKey' | 'rightKey'>,
    RowModelOptions {}

/** What {@link dedupeRecords} found. */
export interface DedupeRecordsOutcome
  extends RowsOutcome<DedupeRow, 'duplicate' | 'unique' | 'review' | 'invalid'> {
  readonly clusters: number;
}

/**
 * Finds the rows of the same person inside one list: the clusters `vn-reconcile dedupe` writes
 * for the same rows (`clusterId` is the key of the cluster's first row).
 *
 * @example
 * ```ts
 * const r = dedupeRecords([
 *   { ma: 'A', full_name: 'Nguyễn Văn An', dob: '03/05/1990', id_number: '001090012345' },
 *   { ma: 'B', full_name: 'NGUYEN VAN AN', dob: '1990-05-03', id_number: '001090012345' },
 * ]);
 * if (r.success) r.data.rows.map((x) => x.clusterId); // ['A', 'A']
 * ```
 */
export function dedupeRecords(
  rows: readonly RowObject[],
  options: DedupeRecordsOptions = {},
): Result<DedupeRecordsOutcome, LinkRecordsIssueCode> {
  const spec = vietnameseSpec();
  const side = cleanSide(rows, options.key, options);
  const thresholds = thresholdsFromFlags(
    options.matchThreshold,
    options.reviewThreshold,
    options.model,
  );
  const outcome = dedupeWithSpec(side.records, spec, {
    rules: VIETNAMESE_RULES,
    ...(options.model ? { model: options.model } : {}),
    ...(thresholds ? { thresholds } : {}),
  });
  if (!outcome.success) {
    return {
      success: false,
      issues: mapNonEmpty(outcome.issues, (i) => ({
        code: 'MODEL_MISMATCH' as const,
        message: i.message,
      })),
    };
  }
  const data = outcome.data;
  const { sizeOf, decisionOf } = clusterDecisions(data);
  const out: DedupeRow[] = [];
  const counts = { duplicate: 0, unique: 0, review: 0, invalid: 0 };
  for (let i = 0; i < rows.length; i++) {
    const id = side.keys[i] ?? '';
    const k = side.recordOf[i]!;
    if (k < 0) {
      counts.invalid++;
      out.push({
        id,
        clusterId: id,
        clusterSize: 1,
        decision: 'invalid',
        reasons: side.reasons.get(i) ?? ['NOTHING_TO_MATCH_ON'],
      });
      continue;
    }
    const decision = decisionOf(k);
    counts[decision]++;
    out.push({
      id,
      clusterId: side.records[data.cluster[k]!]!.key,
      clusterSize: sizeOf(k),
      decision,
    });
  }
  return {
    success: true,
    data: {
      rows: out,
      counts,
      clusters: data.summary.clusters + side.reasons.size,
      model: data.model,
      thresholds: { match: data.summary.thresholds.match, review: data.summary.thresholds.review },
    },
  };
}
