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
  // The last input and its value: files sorted by place or household repeat a value row after
  // row, and comparing two short strings costs less than hashing one (a fresh string per cell).
  let lastInput: string | undefined;
  let lastValue: T | undefined;
  return (input) => {
    if (input === lastInput) return lastValue as T;
    let value = memo.get(input);
    if (value === undefined) {
      value = fn(input);
      if (memo.size >= limit) memo = new Map();
      memo.set(input, value);
    }
    lastInput = input;
    lastValue = value;
    return value;
  };
}
