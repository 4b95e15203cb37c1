/**
 * A bounded memo for pure string → value functions whose inputs repeat a lot in real files
 * (province, district and commune columns hold a few thousand distinct values in millions of
 * rows). When full it starts over, so memory stays bounded whatever the input.
 *
 * A new input is kept as a copy of its own (see {@link detached}), and the value is computed from
 * that copy: a cell parsed out of a chunk of CSV text is a slice of the whole chunk, which the
 * entry would otherwise keep alive (with everything the value borrowed from it) until the memo
 * starts over.
 *
 * @example
 * ```ts
 * const slowUpper = memoize((s: string) => s.toUpperCase(), 1000);
 * slowUpper('a'); // computed
 * slowUpper('a'); // from the memo
 * ```
 */
export function memoize<T>(fn: (input: string) => T, limit = 4096): (input: string) => T {
  let memo = new Map<string, T>();
  return (input) => {
    const hit = memo.get(input);
    if (hit !== undefined) return hit;
    const key = detached(input);
    const value = fn(key);
    if (memo.size >= limit) memo = new Map();
    memo.set(key, value);
    return value;
  };
}

/** Below this length V8 copies a substring instead of keeping a view of its parent. */
const SLICE_MIN = 13;

/**
 * `s` with the same characters, holding no reference to a larger string. V8 keeps a substring of
 * 13 or more characters as a view of its parent (`SlicedString`): the cells a CSV parser cuts out
 * of a chunk's text each keep the whole chunk (about a megabyte) alive. A concatenation is
 * flattened into a fresh string before it is sliced, so the result's parent is `s`'s length + 1.
 *
 * @example
 * ```ts
 * detached(chunkText.slice(10, 40)) === chunkText.slice(10, 40); // true, without chunkText
 * ```
 */
export function detached(s: string): string {
  return s.length < SLICE_MIN ? s : ` ${s}`.slice(1);
}
