/**
 * The columns the engine reads: the canonical ones of DESIGN.md §5, the register's old CMND
 * number, and the parts of a name kept in separate columns (`Họ`, `Họ đệm`, `Tên`).
 */
import { CANONICAL_COLUMNS } from '../../record/index.js';

/** Every column the engine reads, in the order a summary lists them. */
export const ENGINE_COLUMNS = [
  ...CANONICAL_COLUMNS,
  'old_id_number',
  'family_name',
  'middle_name',
  'given_name',
] as const;

/** One of {@link ENGINE_COLUMNS}. */
export type EngineColumn = (typeof ENGINE_COLUMNS)[number];

const SET: ReadonlySet<string> = new Set(ENGINE_COLUMNS);

/**
 * Whether `name` is a column the engine reads.
 *
 * @example
 * ```ts
 * isEngineColumn('old_id_number'); // true
 * isEngineColumn('ngay_sinh'); // false
 * ```
 */
export function isEngineColumn(name: string): name is EngineColumn {
  return SET.has(name);
}

/**
 * A full name from its parts in Vietnamese order (họ + tên đệm + tên), one space between words.
 *
 * @example
 * ```ts
 * joinNameParts('Nguyễn', 'Văn', 'Quyền'); // 'Nguyễn Văn Quyền'
 * ```
 */
export function joinNameParts(
  family: string | undefined,
  middle: string | undefined,
  given: string | undefined,
): string {
  return [family, middle, given]
    .map((p) => (p ?? '').trim())
    .filter((p) => p.length > 0)
    .join(' ');
}
