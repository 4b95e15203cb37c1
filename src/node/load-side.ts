/**
 * Reading a whole file into memory and cleaning it: for the jobs that need every record at once
 * (`dedupeFile`, `linkFiles` with `oneToOne`). A row is invalid when it has the wrong number of
 * fields or nothing to match on (neither a name nor an identity number nor a phone).
 */
import { isMatchable } from '../match/index.js';
import { type CleanRecord, cleanRecord } from '../record/index.js';
import { throwIfAborted } from './errors.js';
import { type ColumnMap, openCsv } from './io/csv.js';

/** A file read and cleaned: records to match, and which rows are invalid. */
export interface LoadedSide {
  readonly file: string;
  readonly keys: string[];
  readonly cells: string[][];
  readonly columns: readonly string[];
  /** Which header became which engine column (`Họ và tên → full_name`). */
  readonly mapping: readonly string[];
  /** Clean records of the valid rows. */
  readonly records: CleanRecord[];
  /** Row index → index in `records`, −1 for an invalid row. */
  readonly recordOf: Int32Array;
  readonly invalid: number;
}

/** Options of {@link loadSide}. */
export interface LoadSideOptions {
  readonly key?: string | undefined;
  readonly map?: ColumnMap | undefined;
  readonly referenceDate: Date;
  readonly signal?: AbortSignal | undefined;
  readonly onRows?: ((rows: number) => void) | undefined;
}

/**
 * Reads and cleans a UTF-8 comma CSV file (`file` names it in messages).
 *
 * @example
 * ```ts
 * const side = await loadSide('/tmp/x/input.csv', 'list.csv', { referenceDate: new Date() });
 * side.records.length;
 * ```
 */
export async function loadSide(
  path: string,
  file: string,
  options: LoadSideOptions,
): Promise<LoadedSide> {
  const source = await openCsv(path, {
    label: file,
    ...(options.map === undefined ? {} : { map: options.map }),
    ...(options.key === undefined ? {} : { key: options.key }),
  });
  const keys: string[] = [];
  const cells: string[][] = [];
  const records: CleanRecord[] = [];
  const recordOf: number[] = [];
  let invalid = 0;
  for await (const batch of source.batches) {
    throwIfAborted(options.signal);
    for (const row of batch) {
      keys.push(row.key);
      cells.push(row.cells as string[]);
      const { record } = cleanRecord(row.raw, {
        key: row.key,
        referenceDate: options.referenceDate,
      });
      if (row.fieldCountIssue === undefined && isMatchable(record)) {
        recordOf.push(records.length);
        records.push(record);
      } else {
        recordOf.push(-1);
        invalid++;
      }
    }
    options.onRows?.(keys.length);
  }
  return {
    file: source.header.file,
    keys,
    cells,
    columns: source.header.columns,
    mapping: source.header.mapping,
    records,
    recordOf: Int32Array.from(recordOf),
    invalid,
  };
}
