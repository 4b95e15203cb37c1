/**
 * The strings the name comparisons intern for a prepared name (folded parts, prefixed phonetic
 * keys), built once per distinct {@link PreparedName} object instead of once per record and
 * comparison: a spec shares one parse per distinct name (names repeat: a few hundred thousand
 * distinct full names per million people), so most records find them built.
 * @module
 */
import { foldDiacritics } from '../../text/index.js';
import type { PreparedName } from './vietnamese-name.js';

/** What {@link nameStrings} derives from a prepared name. */
export interface NameStrings {
  /** The given name folded (no diacritics, lower case). */
  readonly foldedGiven: string;
  /** `~` + the given name's phonetic key. */
  readonly givenKey: string;
  /** `~` + the surname's phonetic key ('' for a one-word name). */
  readonly surnameKey: string;
  /** `%` + the order-free key of the whole name. */
  readonly bagKey: string;
  /** The family part (surname and middle names) folded ('' for a one-word name). */
  readonly foldedFamily: string;
  /** The surname folded ('' for a one-word name). */
  readonly foldedSurname: string;
  /** `~` + the family part's phonetic key ('' for a one-word name). */
  readonly familyKey: string;
  /** `~` + each middle name's phonetic key. */
  readonly middleKeys: readonly string[];
}

const fold = (s: string) => foldDiacritics(s).toLowerCase();

/**
 * Where a prepared name holds its strings: a non-enumerable, read-only property set on the first
 * call, so they live exactly as long as the name (the spec's name cache) and cost no lookup in a
 * table of every distinct name (a `WeakMap` of a few hundred thousand names costs a cache miss
 * or more per record). A frozen name gets its strings built on every call.
 */
const STRINGS: unique symbol = Symbol('nameStrings');

interface Holder {
  readonly [STRINGS]?: NameStrings;
}

function build(p: PreparedName): NameStrings {
  const surname = p.surname !== '';
  return {
    foldedGiven: fold(p.given),
    givenKey: `~${p.givenKey}`,
    surnameKey: surname ? `~${p.surnameKey}` : '',
    bagKey: `%${p.bagKey}`,
    foldedFamily: surname ? fold(p.family) : '',
    foldedSurname: surname ? fold(p.surname) : '',
    familyKey: surname ? `~${p.familyKey}` : '',
    middleKeys: p.middleKeys.map((m) => `~${m}`),
  };
}

/**
 * The interned strings of a prepared name, built on the first call for that object.
 *
 * @example
 * ```ts
 * const p = prepareName('Nguyễn Văn Dũng')!;
 * nameStrings(p).foldedGiven; // 'dung'
 * nameStrings(p) === nameStrings(p); // true
 * ```
 */
export function nameStrings(p: PreparedName): NameStrings {
  const held = (p as Holder)[STRINGS];
  if (held !== undefined) return held;
  const s = build(p);
  if (Object.isExtensible(p)) Object.defineProperty(p, STRINGS, { value: s });
  return s;
}
