import { type Comparison, columnComparison, type PreparedColumn } from '../comparison.js';
import { lastSevenDigits, packColumn } from './packed-column.js';

/** Options of {@link phoneComparison}. */
export interface PhoneComparisonOptions<R> {
  readonly name: string;
  /** The phone number, digits only (e.g. the 10-digit `0XXXXXXXXX` form). */
  readonly get: (record: R) => string | null | undefined;
}

interface PhoneColumn extends PreparedColumn {
  /** The numbers packed (`packValue`; no dictionary: most phone numbers occur once or twice). */
  readonly value: Float64Array;
}

/** Level labels of {@link phoneComparison}. */
export const PHONE_LEVELS = ['exact', 'same_last7', 'else'] as const;

/**
 * Compares phone numbers: `exact`, `same_last7` (the 2018 mobile migration kept the last seven
 * digits: 0168 123 4567 became 038 123 4567; both numbers all digits), `else`. The numbers are
 * packed into one exact integer each, not interned.
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
      return { size: records.length, value: packColumn(values) };
    },
    compare(a, i, b, j) {
      const x = a.value[i]!;
      const y = b.value[j]!;
      if (x === 0 || y === 0) return 0;
      if (x === y) return 1;
      const l = lastSevenDigits(x);
      return l >= 0 && l === lastSevenDigits(y) ? 2 : 3;
    },
  });
}
