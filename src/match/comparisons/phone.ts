import { type Comparison, columnComparison, mapInto, type PreparedColumn } from '../comparison.js';
import { createInterner, internIds } from '../interner.js';
import { nullOrExact } from './levels.js';

/** Options of {@link phoneComparison}. */
export interface PhoneComparisonOptions<R> {
  readonly name: string;
  /** The phone number, digits only (e.g. the 10-digit `0XXXXXXXXX` form). */
  readonly get: (record: R) => string | null | undefined;
}

interface PhoneColumn extends PreparedColumn {
  readonly ids: Int32Array;
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
  const interner = createInterner();
  return columnComparison<R, PhoneColumn>({
    name: options.name,
    dictionary: interner,
    levels: PHONE_LEVELS,
    tfLevel: 0,
    prepare(records) {
      const values = records.map((r) => options.get(r));
      return {
        size: records.length,
        ids: internIds(values, interner),
        last7: mapInto(values, lastSeven, new Int32Array(values.length)),
      };
    },
    compare(a, i, b, j) {
      const level = nullOrExact(a.ids[i]!, b.ids[j]!);
      if (level >= 0) return level;
      const l = a.last7[i]!;
      return l >= 0 && l === b.last7[j] ? 2 : 3;
    },
  });
}
