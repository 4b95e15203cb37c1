import { type Comparison, columnComparison } from '../comparison.js';
import { createInterner } from '../interner.js';
import { levenshteinCodes, osaCodes } from '../kernels/edit-distance.js';
import { jaroWinklerCodes } from '../kernels/jaro-winkler.js';
import { nullOrExact } from './levels.js';
import { buildStringColumn, type StringColumn, valueLength, valueStart } from './string-column.js';

/** One fuzzy level of a {@link stringComparison}, tried in order after `exact`. */
export type StringLevel =
  | { readonly kind: 'jaroWinkler'; readonly min: number }
  | { readonly kind: 'levenshtein'; readonly max: number }
  | { readonly kind: 'osa'; readonly max: number };

/** Options of {@link stringComparison}. */
export interface StringComparisonOptions<R> {
  /** Field name. */
  readonly name: string;
  /** The value of a record (null, undefined or empty = missing). */
  readonly get: (record: R) => string | null | undefined;
  /** Fuzzy levels after `exact`, most similar first (default: Jaro–Winkler ≥ 0.92, ≥ 0.8). */
  readonly levels?: readonly StringLevel[];
  /** Term-frequency adjust the exact level (default false). */
  readonly tf?: boolean;
}

function label(l: StringLevel): string {
  return l.kind === 'jaroWinkler'
    ? `jw>=${l.min}`
    : `${l.kind === 'osa' ? 'osa' : 'lev'}<=${l.max}`;
}

/**
 * A comparison of one string field: levels `exact`, then the given fuzzy bands, then `else`.
 *
 * @example
 * ```ts
 * const c = stringComparison<{ s: string }>({ name: 'surname', get: (r) => r.s, tf: true });
 * const col = c.prepare([{ s: 'smith' }, { s: 'smyth' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'jw>=0.8'
 * ```
 */
export function stringComparison<R>(options: StringComparisonOptions<R>): Comparison<R> {
  const fuzzy = options.levels ?? [
    { kind: 'jaroWinkler', min: 0.92 },
    { kind: 'jaroWinkler', min: 0.8 },
  ];
  const interner = createInterner();
  const kinds = Int8Array.from(fuzzy, (l) =>
    l.kind === 'jaroWinkler' ? 0 : l.kind === 'levenshtein' ? 1 : 2,
  );
  const params = Float64Array.from(fuzzy, (l) => (l.kind === 'jaroWinkler' ? l.min : l.max));
  const nf = fuzzy.length;
  const elseLevel = nf + 2;
  return columnComparison<R, StringColumn>({
    name: options.name,
    dictionary: interner,
    levels: ['exact', ...fuzzy.map(label), 'else'],
    tfLevel: options.tf ? 1 : 0,
    prepare(records) {
      return buildStringColumn(records.map(options.get), interner);
    },
    compare(a, i, b, j) {
      const level = nullOrExact(a.ids[i]!, b.ids[j]!);
      if (level >= 0) return level;
      const ao = valueStart(a, i);
      const al = valueLength(a, i);
      const bo = valueStart(b, j);
      const bl = valueLength(b, j);
      let jw = -1;
      let lev = -1;
      let osa = -1;
      for (let k = 0; k < nf; k++) {
        const kind = kinds[k];
        const p = params[k]!;
        if (kind === 0) {
          if (jw < 0) jw = jaroWinklerCodes(a.codes, ao, al, b.codes, bo, bl);
          if (jw >= p) return k + 2;
        } else if (kind === 1) {
          if (lev < 0) lev = levenshteinCodes(a.codes, ao, al, b.codes, bo, bl);
          if (lev <= p) return k + 2;
        } else {
          if (osa < 0) osa = osaCodes(a.codes, ao, al, b.codes, bo, bl);
          if (osa <= p) return k + 2;
        }
      }
      return elseLevel;
    },
  });
}
