/**
 * The canonical input columns of a person record (DESIGN.md §5), in their documented order.
 * Files may have any subset in any order; other columns are kept as `extra`.
 */
export const CANONICAL_COLUMNS = [
  'full_name',
  'dob',
  'gender',
  'id_number',
  'phone',
  'province',
  'district',
  'commune',
  'address',
] as const;

/** One canonical column name. */
export type CanonicalColumn = (typeof CANONICAL_COLUMNS)[number];

const CANONICAL_SET: ReadonlySet<string> = new Set(CANONICAL_COLUMNS);

/**
 * Whether `name` is one of the canonical columns.
 *
 * @example
 * ```ts
 * isCanonicalColumn('dob'); // true
 * isCanonicalColumn('ngay_sinh'); // false
 * ```
 */
export function isCanonicalColumn(name: string): name is CanonicalColumn {
  return CANONICAL_SET.has(name);
}

/**
 * A raw row as it comes from a file or a form: every value a string, every column optional,
 * unknown columns kept under their own names.
 */
export type RawRecord = { readonly [K in CanonicalColumn]?: string } & {
  readonly [column: string]: string | undefined;
};

/**
 * One cell as a reader or a form gives it: text from a CSV or a form, a number, boolean or `Date`
 * from an xlsx reader, `null` or `undefined` for an empty cell. `cleanRecord` reads a number as
 * what the user saw (an ID or phone number that lost its leading zero, an Excel date serial or a
 * birth year), a `Date` as a date, and never throws on any of them.
 */
export type CellValue = string | number | bigint | boolean | Date | null | undefined;

/**
 * What `cleanRecord` accepts: any object with the canonical columns as optional cells (strings,
 * numbers, booleans, dates, `null`; see {@link CellValue}). Other properties holding text, a
 * number, a boolean or a date are kept as `extra`, as text (so an interface without an index
 * signature, such as a typed database row, can be passed as is).
 */
export type RawRecordInput = { readonly [K in CanonicalColumn]?: CellValue };

/**
 * Every column the engine reads from a file: the {@link CANONICAL_COLUMNS}, the register's old
 * 9-digit CMND (`old_id_number`, read by the linker as a second identity number of the same
 * person) and the split name columns of files that keep họ, tên đệm and tên apart
 * (`family_name`, `middle_name`, `given_name`; join them with `joinNameParts`).
 *
 * @example
 * ```ts
 * ENGINE_COLUMNS.includes('old_id_number'); // true
 * ```
 */
export const ENGINE_COLUMNS = [
  ...CANONICAL_COLUMNS,
  'old_id_number',
  'family_name',
  'middle_name',
  'given_name',
] as const;

/** One column the engine reads: a canonical column, `old_id_number` or a split name part. */
export type EngineColumn = (typeof ENGINE_COLUMNS)[number];

const ENGINE_SET: ReadonlySet<string> = new Set(ENGINE_COLUMNS);

/**
 * Whether `name` is one of the {@link ENGINE_COLUMNS} (what `--map` accepts).
 *
 * @example
 * ```ts
 * isEngineColumn('old_id_number'); // true
 * isEngineColumn('ho_ten'); // false
 * ```
 */
export function isEngineColumn(name: string): name is EngineColumn {
  return ENGINE_SET.has(name);
}
