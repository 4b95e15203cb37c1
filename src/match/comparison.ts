/**
 * The contract every field comparison implements. A comparison prepares a whole side once
 * (columnar, typed arrays, interned ids) and then turns a pair of prepared records into a level:
 * 0 is the null level (a value missing on either side: no evidence), 1 … k are the labelled
 * levels from most to least similar, the last being `else`.
 * @module
 */
import type { Interner } from './interner.js';

/**
 * One side's prepared values for one comparison (columnar). Concrete comparisons extend it;
 * `tfIds` holds the interned id of the value used for term-frequency adjustment (−1 when none).
 */
export interface PreparedColumn {
  readonly size: number;
  readonly tfIds?: Int32Array;
  /** The interned id of the value whose frequency adjusts {@link Comparison.fuzzyTfLevel}. */
  readonly fuzzyTfIds?: Int32Array;
}

/**
 * A field comparison (Splink's "comparison"): how two records are compared on one aspect.
 *
 * @example
 * ```ts
 * const c = stringComparison<{ name: string }>({ name: 'name', get: (r) => r.name });
 * const col = c.prepare([{ name: 'Lan' }, { name: 'Lan' }]);
 * c.compare(col, 0, col, 1); // 1 (exact)
 * ```
 */
export interface Comparison<R> {
  /** Field name, unique within a model (also the key in the saved model). */
  readonly name: string;
  /** Labels of levels 1 … k (level 0, `null`, is implicit), most similar first; the last is `else`. */
  readonly levels: readonly string[];
  /** The level whose weight is term-frequency adjusted (1-based), or 0 for none. */
  readonly tfLevel: number;
  /**
   * A fuzzy level (1-based) adjusted by the frequency of the reference record's value in the
   * column's `fuzzyTfIds`: one typo in a rare surname is strong evidence, in Nguyễn weak. Under
   * a typo model the level's Bayes factor for value v is 1/tf(v) against the level's average
   * 1/Σtf², so the adjustment is log2(Σtf² / tf(v)), clamped like the exact level's.
   */
  readonly fuzzyTfLevel?: number;
  /**
   * The interner behind the prepared ids, when there is one: the national-scale pipeline attaches
   * the reference's dictionary (typed arrays in shared memory, not copied) to each worker's
   * comparisons, frozen, so workers prepare LEFT chunks with the same ids. @internal
   */
  readonly dictionary?: Interner;
  /** Prepares one side. Call it for both sides of a link with the same comparison object. */
  prepare(records: readonly R[]): PreparedColumn;
  /** The level (0 = null) of the pair (record `i` of `a`, record `j` of `b`). */
  compare(a: PreparedColumn, i: number, b: PreparedColumn, j: number): number;
  /**
   * Optional shortcut for `(mask & (1 << compare(a, i, b, j))) !== 0` (bit l = level l), for a
   * scorer that only needs to know whether a pair can be at some levels (the match rules' gate,
   * see `ScoreChunkOptions.settle`); it must give exactly that answer, reading less.
   */
  levelIn?(a: PreparedColumn, i: number, b: PreparedColumn, j: number, mask: number): boolean;
}

/** The label of the implicit null level. */
export const NULL_LEVEL = 'null';

/**
 * @internal The parts of a comparison written over its own prepared column type `C`; see
 * {@link columnComparison}.
 */
export interface ColumnComparisonParts<R, C extends PreparedColumn>
  extends Omit<Comparison<R>, 'prepare' | 'compare' | 'levelIn'> {
  prepare(records: readonly R[]): C;
  compare(a: C, i: number, b: C, j: number): number;
  levelIn?(a: C, i: number, b: C, j: number, mask: number): boolean;
}

/**
 * @internal A comparison written over its own column type `C`: the one place where the columns
 * handed back to `compare` are taken to be the `C` its `prepare` built (a comparison is only ever
 * given columns it prepared). The parts are returned as they are: no wrapper on the hot path.
 *
 * @example
 * ```ts
 * const c = columnComparison<{ y: number }, PreparedColumn & { y: Int32Array }>({
 *   name: 'year', levels: ['exact', 'else'], tfLevel: 0,
 *   prepare: (rs) => ({ size: rs.length, y: Int32Array.from(rs, (r) => r.y) }),
 *   compare: (a, i, b, j) => (a.y[i] === b.y[j] ? 1 : 2),
 * });
 * ```
 */
export function columnComparison<R, C extends PreparedColumn>(
  parts: ColumnComparisonParts<R, C>,
): Comparison<R> {
  return parts as unknown as Comparison<R>;
}

/**
 * `out` with `f` of each value, in order: `Int8Array.from(values, f)` without the iterator
 * protocol, which makes an object per element (a chunk's columns are built from thousands).
 *
 * @example
 * ```ts
 * mapInto(['a', 'bb'], (s) => s.length, new Int8Array(2)); // Int8Array [1, 2]
 * ```
 * @internal
 */
export function mapInto<T, A extends Int8Array | Int32Array | Float64Array>(
  values: readonly T[],
  f: (value: T) => number,
  out: A,
): A {
  for (let i = 0; i < values.length; i++) out[i] = f(values[i]!);
  return out;
}
