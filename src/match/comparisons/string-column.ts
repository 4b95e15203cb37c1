import type { PreparedColumn } from '../comparison.js';
import { type Interner, intern } from '../interner.js';

/**
 * Strings stored columnar: one code-unit pool, offsets and lengths, and the interned id of each
 * value (−1 when missing), so equality is an integer test and fuzzy kernels read the pool.
 * A column whose values are its dictionary's (a compacted register) may hold no offsets and
 * lengths of its own: `codes` is then the dictionary's pool and `offsets` its value offsets, so
 * value `id` is `codes[offsets[id] … offsets[id + 1])`. Kernels read both kinds through
 * {@link valueStart} and {@link valueLength}.
 * @internal
 */
export interface StringColumn extends PreparedColumn {
  readonly codes: Uint16Array;
  readonly start?: Int32Array;
  readonly len?: Int32Array;
  readonly ids: Int32Array;
  /** The dictionary's value offsets (size + 1 entries) when `start` and `len` are absent. */
  readonly offsets?: Uint32Array;
}

/** Where record `i`'s value starts in `c.codes` (0 when it has none). @internal */
export function valueStart(c: StringColumn, i: number): number {
  const o = c.offsets;
  if (o === undefined) return c.start![i]!;
  const id = c.ids[i]!;
  return id < 0 ? 0 : o[id]!;
}

/** The length of record `i`'s value in code units (0 when it has none). @internal */
export function valueLength(c: StringColumn, i: number): number {
  const o = c.offsets;
  if (o === undefined) return c.len![i]!;
  const id = c.ids[i]!;
  return id < 0 ? 0 : o[id + 1]! - o[id]!;
}

/** Builds a column from values (null/empty = missing). @internal */
export function buildStringColumn(
  values: readonly (string | null | undefined)[],
  interner: Interner,
): StringColumn {
  const n = values.length;
  let total = 0;
  for (const v of values) if (v) total += v.length;
  const codes = new Uint16Array(total);
  const start = new Int32Array(n);
  const len = new Int32Array(n);
  const ids = new Int32Array(n);
  let o = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    start[i] = o;
    if (!v) {
      ids[i] = -1;
      continue;
    }
    ids[i] = intern(interner, v);
    for (let k = 0; k < v.length; k++) codes[o + k] = v.charCodeAt(k);
    len[i] = v.length;
    o += v.length;
  }
  return { size: n, codes, start, len, ids, tfIds: ids };
}
