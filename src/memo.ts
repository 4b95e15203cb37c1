/**
 * A bounded memo for pure string → value functions whose inputs repeat a lot in real files
 * (province, district and commune columns hold a few thousand distinct values in millions of
 * rows). When full it starts over, so memory stays bounded whatever the input.
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
    const value = fn(input);
    if (memo.size >= limit) memo = new Map();
    memo.set(input, value);
    return value;
  };
}
