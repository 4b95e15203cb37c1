import { intern } from '../interner.js';
import type { LinkageSpec } from '../spec.js';

/**
 * The interned values of each comparison, in id order (`null` for a comparison without an
 * interner), packed as one string per comparison with values separated by U+0000 so a message
 * to a worker thread carries a few large strings instead of millions of small ones.
 */
export type Dictionaries = readonly (string | null)[];

const SEP = '\u0000';

/**
 * Exports the dictionaries of a spec's comparisons (call after preparing the reference with it).
 *
 * @example
 * ```ts
 * const right = prepareSide(spec, register);
 * const dicts = exportDictionaries(spec);
 * ```
 */
export function exportDictionaries<R>(spec: LinkageSpec<R>): Dictionaries {
  return spec.comparisons.map((c) => {
    const d = c.dictionary;
    if (!d) return null;
    const values = [...d.ids.keys()];
    for (const v of values) {
      if (v.includes(SEP)) throw new RangeError(`Comparison '${c.name}': a value holds U+0000`);
    }
    return values.join(SEP);
  });
}

/**
 * Loads exported dictionaries into a fresh instance of the same spec (e.g. in a worker thread)
 * and freezes them: this instance then prepares records with the reference's ids, and values the
 * reference never had get an id no reference record has. Its interners never grow, so a worker
 * can prepare any number of LEFT chunks in constant memory.
 *
 * @example
 * ```ts
 * const mine = vietnameseSpec();
 * importDictionaries(mine, dicts);
 * const chunk = prepareSide(mine, rows); // ids agree with the reference
 * ```
 */
export function importDictionaries<R>(spec: LinkageSpec<R>, dictionaries: Dictionaries): void {
  if (dictionaries.length !== spec.comparisons.length)
    throw new RangeError(
      `${dictionaries.length} dictionaries for ${spec.comparisons.length} comparisons`,
    );
  spec.comparisons.forEach((c, k) => {
    const text = dictionaries[k];
    const d = c.dictionary;
    if (text === null || text === undefined || !d) return;
    if (d.ids.size > 0) throw new RangeError(`Comparison '${c.name}' has already interned values`);
    if (text.length > 0 || text === '') {
      const values = text.split(SEP);
      // An empty dictionary exports as '' (no values); a single empty value cannot be interned.
      if (!(values.length === 1 && values[0] === '')) for (const v of values) intern(d, v);
    }
    d.frozen = true;
  });
}
