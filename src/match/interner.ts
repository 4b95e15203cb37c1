/**
 * Interns strings into dense integer ids (0, 1, 2 …), so that equality of prepared values is an
 * integer comparison and term frequencies live in typed arrays.
 * @internal
 */
export interface Interner {
  readonly ids: Map<string, number>;
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
  interner.ids.set(s, next);
  return next;
}
