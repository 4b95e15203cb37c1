import { type Comparison, columnComparison, type PreparedColumn } from '../comparison.js';
import { createInterner, internIds } from '../interner.js';

/** Options of {@link exactComparison}. */
export interface ExactComparisonOptions<R> {
  readonly name: string;
  /** The value (null, undefined or empty = missing). */
  readonly get: (record: R) => string | null | undefined;
  /** Term-frequency adjust the exact level (default false). */
  readonly tf?: boolean;
}

interface IdColumn extends PreparedColumn {
  readonly ids: Int32Array;
}

/**
 * A two-level comparison: `exact` or `else` (e.g. sex, state, postcode).
 *
 * @example
 * ```ts
 * const c = exactComparison<{ sex: string }>({ name: 'sex', get: (r) => r.sex });
 * const col = c.prepare([{ sex: 'male' }, { sex: 'female' }]);
 * c.compare(col, 0, col, 1); // 2 (else)
 * ```
 */
export function exactComparison<R>(options: ExactComparisonOptions<R>): Comparison<R> {
  const interner = createInterner();
  return columnComparison<R, IdColumn>({
    name: options.name,
    dictionary: interner,
    levels: ['exact', 'else'],
    tfLevel: options.tf ? 1 : 0,
    prepare(records) {
      const ids = internIds(
        records.map((r) => options.get(r)),
        interner,
      );
      return { size: records.length, ids, tfIds: ids };
    },
    compare(a, i, b, j) {
      const x = a.ids[i]!;
      const y = b.ids[j]!;
      if (x < 0 || y < 0) return 0;
      return x === y ? 1 : 2;
    },
  });
}
