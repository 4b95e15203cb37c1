/**
 * Rows of a CSV chunk to cleaned records, in a worker: parse, map canonical columns, clean,
 * slim down for the trip to the main thread, and compute the blocking keys (pure functions of
 * the record, so any thread may compute them).
 */
import { blockingKeys, isMatchable, type LinkageSpec, slimRecord } from '../../match/index.js';
import { blockingKeyHashes } from '../../match/scale/block-table.js';
import {
  type CleanRecord,
  type CleanRecordOptions,
  cleanRecords,
  type RawRecord,
} from '../../record/index.js';
import type { CsvHeader } from '../io/csv.js';
import { parseCsvText } from '../io/csv-chunks.js';
import { type Shard, shardOfRaw } from './shard.js';

/** Cleaned rows of one chunk, ready to be prepared and scored. */
export interface CleanedChunk {
  /** Row numbers (header = row 1) of the rows kept (all rows, or the shard's). */
  readonly rows: number[];
  /** Record keys, one per kept row. */
  readonly ids: string[];
  /** Cleaned records of the valid rows only (see `invalid`). */
  readonly records: CleanRecord[];
  /**
   * Per kept row: 1 when it is invalid and not scored — the wrong number of fields, or nothing to
   * match on (neither a name nor an identity number nor a phone), as the `link` command decides.
   */
  readonly invalid: Uint8Array;
  /** `keys[rule][v]`: blocking key of the v-th valid record (empty when `hashes` is asked). */
  readonly keys: (string | null)[][];
  /** `hashes[rule][v]`: the key's hash (−1 none), instead of the strings, when asked. */
  readonly hashes?: Float64Array[];
}

/** Options of {@link cleanChunk}. */
export interface CleanChunkOptions {
  readonly header: CsvHeader;
  readonly clean: CleanRecordOptions;
  /** Send key hashes instead of key strings (the reference side). */
  readonly hashKeys?: boolean;
  /** Drop the original texts (records that travel to another thread). */
  readonly slim?: boolean;
  /** Keep only this shard's rows (left side only). */
  readonly shard?: Shard | undefined;
}

/**
 * Parses and cleans the rows of one chunk of CSV text, computing each record's blocking keys.
 *
 * @example
 * ```ts
 * const c = cleanChunk(text, 2, spec, { header, clean: { referenceDate } });
 * ```
 */
export function cleanChunk(
  text: string,
  firstRow: number,
  spec: LinkageSpec<CleanRecord>,
  options: CleanChunkOptions,
): CleanedChunk {
  const { header, shard } = options;
  const cells = parseCsvText(text);
  const names: string[] = header.columns.slice();
  const canonical = header.canonical as Readonly<Record<string, number | undefined>>;
  for (const [c, i] of Object.entries(canonical)) if (i !== undefined) names[i] = c;
  // Each loop in a function of its own: a loop optimised while it runs (on-stack replacement)
  // had no type feedback yet for the code after it, and the whole function, with everything
  // inlined into it, was thrown away and compiled again at each such spot (11 times a worker).
  const { rows, ids, raws, bad } = rawRows(cells, names, header, firstRow, shard);
  const records = cleanRows(
    raws,
    rows.length,
    bad,
    {
      ...options.clean,
      keyColumn: names[header.keyIndex]!,
    },
    options.slim === true,
  );
  const invalid = bad.slice(0, rows.length);
  if (options.hashKeys === true)
    return { rows, ids, records, invalid, keys: [], hashes: blockingKeyHashes(records, spec) };
  return { rows, ids, records, invalid, keys: blockingKeys(records, spec) };
}

/** The rows of a chunk as raw records (their row numbers and keys; `bad`: a wrong field count). */
function rawRows(
  cells: readonly (readonly string[])[],
  names: readonly string[],
  header: CsvHeader,
  firstRow: number,
  shard: Shard | undefined,
): { rows: number[]; ids: string[]; raws: RawRecord[]; bad: Uint8Array } {
  const n = header.columns.length;
  const rows: number[] = [];
  const ids: string[] = [];
  const raws: RawRecord[] = [];
  const bad = new Uint8Array(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r]!;
    const raw: Record<string, string> = {};
    for (let i = 0; i < n; i++) raw[names[i]!] = row[i] ?? '';
    if (shard && shardOfRaw(raw, shard.count) !== shard.index) continue;
    rows.push(firstRow + r);
    ids.push(row[header.keyIndex] ?? '');
    if (row.length !== n) bad[rows.length - 1] = 1;
    else raws.push(raw as RawRecord);
  }
  return { rows, ids, raws, bad };
}

/**
 * The clean records of the raw rows that are not `bad` (of `kept` rows); a row with nothing to
 * match on is marked bad.
 */
function cleanRows(
  raws: readonly RawRecord[],
  kept: number,
  bad: Uint8Array,
  options: CleanRecordOptions & { readonly keyColumn: string },
  slim: boolean,
): CleanRecord[] {
  const records: CleanRecord[] = [];
  const cleaned = cleanRecords(raws, options);
  for (let i = 0; i < kept; i++) {
    if (bad[i]) continue;
    const rec = cleaned.next().value!.record;
    if (!isMatchable(rec)) {
      bad[i] = 1;
      continue;
    }
    records.push(slim ? slimRecord(rec) : rec);
  }
  return records;
}
