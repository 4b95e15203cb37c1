/**
 * Strings packed into two typed arrays (UTF-16 code units and offsets) so a large list of record
 * keys can live in a `SharedArrayBuffer` that every worker reads without a copy.
 */

/** Packed strings: string `i` is `codes[starts[i] … starts[i + 1])`. */
export interface StringPool {
  readonly codes: Uint16Array;
  readonly starts: Int32Array;
}

/**
 * Packs strings into a pool allocated with `alloc`.
 *
 * @example
 * ```ts
 * stringAt(packStrings(['P1', 'P22']), 1); // 'P22'
 * ```
 */
export function packStrings(
  values: readonly string[],
  alloc: (bytes: number) => ArrayBufferLike = (n) => new ArrayBuffer(n),
): StringPool {
  let total = 0;
  for (const v of values) total += v.length;
  const codes = new Uint16Array(alloc(total * 2), 0, total);
  const starts = new Int32Array(alloc((values.length + 1) * 4), 0, values.length + 1);
  let o = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    starts[i] = o;
    for (let k = 0; k < v.length; k++) codes[o + k] = v.charCodeAt(k);
    o += v.length;
  }
  starts[values.length] = o;
  return { codes, starts };
}

/**
 * String `i` of a pool.
 *
 * @example
 * ```ts
 * stringAt(packStrings(['a', 'bc']), 0); // 'a'
 * ```
 */
export function stringAt(pool: StringPool, i: number): string {
  const s = pool.starts[i]!;
  const e = pool.starts[i + 1]!;
  let out = '';
  for (let k = s; k < e; k += 4096) {
    out += String.fromCharCode.apply(
      null,
      pool.codes.subarray(k, Math.min(e, k + 4096)) as unknown as number[],
    );
  }
  return out;
}
