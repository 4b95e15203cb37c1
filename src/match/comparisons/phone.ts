import { type Comparison, columnComparison, mapInto, type PreparedColumn } from '../comparison.js';
import { isMissingAt, type PackedColumn, packColumn, samePackedValue } from './packed-column.js';

/** Options of {@link phoneComparison}. */
export interface PhoneComparisonOptions<R> {
  readonly name: string;
  /** The phone number, digits only (e.g. the 10-digit `0XXXXXXXXX` form). */
  readonly get: (record: R) => string | null | undefined;
}

interface PhoneColumn extends PreparedColumn {
  /** The numbers packed (no dictionary: most phone numbers occur once or twice). */
  readonly value: PackedColumn;
  /** The last 7 digits as a number, −1 when shorter. */
  readonly last7: Int32Array;
}

/** The last seven digits as a number, −1 when shorter or not a number. */
function lastSeven(v: string | null | undefined): number {
  if (!v || v.length < 7) return -1;
  const x = Number.parseInt(v.slice(-7), 10);
  return Number.isNaN(x) ? -1 : x;
}

/** Level labels of {@link phoneComparison}. */
export const PHONE_LEVELS = ['exact', 'same_last7', 'else'] as const;

/**
 * Compares phone numbers: `exact`, `same_last7` (the 2018 mobile migration kept the last seven
 * digits: 0168 123 4567 became 038 123 4567), `else`.
 *
 * @example
 * ```ts
 * const c = phoneComparison<{ p: string }>({ name: 'phone', get: (r) => r.p });
 * const col = c.prepare([{ p: '01681234567' }, { p: '0381234567' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'same_last7'
 * ```
 */
export function phoneComparison<R>(options: PhoneComparisonOptions<R>): Comparison<R> {
  return columnComparison<R, PhoneColumn>({
    name: options.name,
    levels: PHONE_LEVELS,
    tfLevel: 0,
    prepare(records) {
      const values = records.map((r) => options.get(r));
      return {
        size: records.length,
        value: packColumn(values),
        last7: mapInto(values, lastSeven, new Int32Array(values.length)),
      };
    },
    compare(a, i, b, j) {
      if (isMissingAt(a.value, i) || isMissingAt(b.value, j)) return 0;
      if (samePackedValue(a.value, i, b.value, j)) return 1;
      const l = a.last7[i]!;
      return l >= 0 && l === b.last7[j] ? 2 : 3;
    },
  });
}
