/**
 * Interns strings into dense integer ids (0, 1, 2 …), so that equality of prepared values is an
 * integer comparison and term frequencies live in typed arrays.
 * @internal
 */
export interface Interner {
  readonly ids: Map<string, number>;
  /**
   * Lookup only (set by the national-scale pipeline on a worker's copy of the reference's
   * dictionary): an unseen string is not added and gets the id `ids.size`, which no reference value
   * has. Valid because comparisons only test a left id against a right id.
   */
  frozen?: boolean;
}

/** A new empty interner. @internal */
export function createInterner(): Interner {
  return { ids: new Map() };
}

/** The id of `s`, allocating the next id when `s` is new. @internal */
export function intern(interner: Interner, s: string): number {
  const id = interner.ids.get(s);
  if (id !== undefined) return id;
  const next = interner.ids.size;
  if (interner.frozen === true) return next;
  interner.ids.set(s, next);
  return next;
}
