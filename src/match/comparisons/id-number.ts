import type { IdKind } from '../../id/index.js';
import type { Comparison, PreparedColumn } from '../comparison.js';
import { createInterner } from '../interner.js';
import { buildStringColumn, type StringColumn } from './string-column.js';

/** An identity number with its kind, as {@link idNumberComparison} reads it. */
export interface IdValue {
  readonly value: string;
  readonly kind?: IdKind | undefined;
}

/** Options of {@link idNumberComparison}. */
export interface IdNumberComparisonOptions<R> {
  readonly name: string;
  readonly get: (record: R) => IdValue | null | undefined;
}

interface IdNumberColumn extends StringColumn {
  /** 0 unknown, 1 12-digit personal number (CCCD, or CMND 12 kept as CCCD), 2 CMND 9, 3 passport. */
  readonly system: Int8Array;
}

/** Level labels of {@link idNumberComparison}. */
export const ID_LEVELS = [
  'exact',
  'one_digit_off',
  'transposition',
  'other_system',
  'else',
] as const;

function systemOf(kind: IdKind | undefined, value: string): number {
  if (kind === 'cccd' || kind === 'cmnd12') return 1;
  if (kind === 'cmnd9') return 2;
  if (kind === 'passport') return 3;
  return value.length === 12 ? 1 : value.length === 9 ? 2 : 0;
}

/**
 * Compares identity numbers (CCCD, CMND, passport). Levels: `exact`; `one_digit_off` (same
 * length, one digit differs); `transposition` (two adjacent digits swapped); `other_system`
 * (numbers from different systems, e.g. the list's 12-digit CCCD against the register's old
 * 9-digit CMND: not comparable, so weak evidence either way, learned by EM); `else`.
 *
 * @example
 * ```ts
 * const c = idNumberComparison<{ id: string }>({ name: 'id', get: (r) => ({ value: r.id }) });
 * const col = c.prepare([{ id: '079085001234' }, { id: '079085001243' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'transposition'
 * ```
 */
export function idNumberComparison<R>(options: IdNumberComparisonOptions<R>): Comparison<R> {
  const interner = createInterner();
  return {
    name: options.name,
    levels: ID_LEVELS,
    tfLevel: 0,
    prepare(records) {
      const values = records.map((r) => options.get(r));
      const base = buildStringColumn(
        values.map((v) => v?.value),
        interner,
      );
      const system = Int8Array.from(values, (v) => (v?.value ? systemOf(v.kind, v.value) : 0));
      const col: IdNumberColumn = { ...base, system };
      return col;
    },
    compare(pa, i, pb, j) {
      const a = pa as IdNumberColumn;
      const b = pb as IdNumberColumn;
      const ia = a.ids[i]!;
      const ib = b.ids[j]!;
      if (ia < 0 || ib < 0) return 0;
      if (ia === ib) return 1;
      const sa = a.system[i]!;
      const sb = b.system[j]!;
      if (sa !== sb && sa !== 0 && sb !== 0) return 4;
      const l = a.len[i]!;
      if (l !== b.len[j]) return 5;
      const ao = a.start[i]!;
      const bo = b.start[j]!;
      const ca = a.codes;
      const cb = b.codes;
      let first = -1;
      let diffs = 0;
      for (let k = 0; k < l; k++) {
        if (ca[ao + k] !== cb[bo + k]) {
          if (diffs === 0) first = k;
          if (++diffs > 2) return 5;
        }
      }
      if (diffs === 1) return 2;
      if (
        first + 1 < l &&
        ca[ao + first] === cb[bo + first + 1] &&
        ca[ao + first + 1] === cb[bo + first]
      )
        return 3;
      return 5;
    },
  };
}
