/**
 * A memo for per-record values that several passes over the same records need in turn (a
 * chunk's records are walked by the blocking keys, then by each comparison's `prepare`): it
 * remembers the objects of the first walk in order, and a later walk from the same first object
 * reads the values back by position, one identity check each — no hash table, and nothing kept
 * once the walks are done.
 * @module
 */

/**
 * `compute`, remembered along a walk over the same objects: a walk that repeats the first
 * walk's objects in the same order gets the values computed by the first, by position. An object
 * out of that order is computed: it extends the first walk while that walk is going on, and
 * starts a new first walk otherwise. Holds at most `limit` objects (default 16 384), and lets them
 * go after `replays` complete repeated walks (the memo is then empty; a further walk computes
 * again).
 * `compute` must be a pure function of objects that do not change.
 *
 * @example
 * ```ts
 * const parts = walkMemo((r: CleanRecord) => parse(r.fullName.value), { replays: 2 });
 * records.map(parts); // computed
 * records.map(parts); // read back
 * ```
 */
export function walkMemo<K extends object, V>(
  compute: (key: K) => V,
  options: { readonly replays: number; readonly limit?: number },
): (key: K) => V {
  const limit = options.limit ?? 1 << 14;
  let keys: K[] = [];
  let values: V[] = [];
  let cursor = 0;
  let appending = false;
  let replayed = 0;
  const forget = () => {
    keys = [];
    values = [];
    cursor = 0;
    appending = false;
    replayed = 0;
  };
  return (key) => {
    let i = cursor;
    if (keys[i] !== key) {
      if (keys.length > 0 && keys[0] === key) {
        i = 0;
      } else {
        const value = compute(key);
        if (!appending || keys.length >= limit) {
          forget();
          appending = true;
        }
        keys.push(key);
        values.push(value);
        cursor = keys.length;
        return value;
      }
    }
    const value = values[i] as V;
    appending = false;
    cursor = i + 1;
    if (cursor === keys.length && ++replayed >= options.replays) forget();
    return value;
  };
}
