import { type Comparison, columnComparison, type PreparedColumn } from '../comparison.js';
import { createInterner, internPrefixed } from '../interner.js';

/** Options of {@link placeComparison}. */
export interface PlaceComparisonOptions<R> {
  readonly name: string;
  /** Province code (pre-2025 two-digit GSO code). */
  readonly province: (record: R) => string | null | undefined;
  /** Commune (xã/phường) name, normalised; compared after `foldKey`. */
  readonly commune: (record: R) => string | null | undefined;
  /** The post-July-2025 province a pre-2025 code belongs to (province mergers); default identity. */
  readonly newProvince?: (code: string) => string | null | undefined;
  /** Normalises a commune name into a comparison key (e.g. folded, lower case). Default identity. */
  readonly foldKey?: (name: string) => string;
}

interface PlaceColumn extends PreparedColumn {
  readonly province: Int32Array;
  readonly merged: Int32Array;
  readonly commune: Int32Array;
}

/** Level labels of {@link placeComparison}. */
export const PLACE_LEVELS = [
  'same_commune',
  'same_province',
  'same_merged_province',
  'else',
] as const;

/**
 * Compares where people live: `same_commune` (same province — old or merged code — and same
 * commune name), `same_province` (same pre-2025 province), `same_merged_province` (different
 * pre-2025 codes that merged into one province on 1 July 2025, e.g. Bình Dương and TP Hồ Chí Minh),
 * `else`. Null when either side has neither a province nor a commune.
 *
 * @example
 * ```ts
 * const c = placeComparison<{ p: string; c: string }>({
 *   name: 'place', province: (r) => r.p, commune: (r) => r.c,
 *   newProvince: (code) => (code === '74' ? '79' : code),
 * });
 * const col = c.prepare([{ p: '74', c: 'Dĩ An' }, { p: '79', c: 'Bến Nghé' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'same_merged_province'
 * ```
 */
export function placeComparison<R>(options: PlaceComparisonOptions<R>): Comparison<R> {
  const interner = createInterner();
  const fold = options.foldKey ?? ((s: string) => s);
  const merge = options.newProvince ?? ((s: string) => s);
  return columnComparison<R, PlaceColumn>({
    name: options.name,
    dictionary: interner,
    levels: PLACE_LEVELS,
    tfLevel: 0,
    prepare(records) {
      const n = records.length;
      const province = new Int32Array(n);
      const merged = new Int32Array(n);
      const commune = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const r = records[i] as R;
        const p = options.province(r);
        const c = options.commune(r);
        province[i] = p ? internPrefixed(interner, 'p:', p) : -1;
        const m = p ? merge(p) : undefined;
        merged[i] = m ? internPrefixed(interner, 'm:', m) : -1;
        commune[i] = c ? internPrefixed(interner, 'c:', fold(c)) : -1;
      }
      return { size: n, province, merged, commune };
    },
    compare(a, i, b, j) {
      const pa1 = a.province[i]!;
      const pb1 = b.province[j]!;
      const ca = a.commune[i]!;
      const cb = b.commune[j]!;
      if ((pa1 < 0 && ca < 0) || (pb1 < 0 && cb < 0)) return 0;
      const sameProvince = pa1 >= 0 && pa1 === pb1;
      const sameMerged = a.merged[i]! >= 0 && a.merged[i] === b.merged[j];
      if (ca >= 0 && ca === cb && (sameProvince || sameMerged || pa1 < 0 || pb1 < 0)) return 1;
      if (sameProvince) return 2;
      if (sameMerged) return 3;
      return 4;
    },
  });
}
