/**
 * The router's classes of a code unit (a word's, a space, an NBSP, a bail-out, a high space, an
 * invisible): one definition for the router's scan and for the VISCII no-break-space runs, which
 * must cut a name into the same words.
 *
 * @module
 */
import { isInvisible, isSpaceLike } from '../chars.js';

/** {@link CHAR_CLASS}: part of a word. */
export const C_WORD = 0;
/** A plain space. */
export const C_SPACE = 1;
/** An NBSP (kept by some legacy decoders, so tracked apart). */
export const C_NBSP = 2;
/** A tab, line break or NEL: the router leaves such names to the general path. */
export const C_BAIL = 3;
/** A Unicode space above U+00FF (mapped to a plain space). */
export const C_HIGH_SPACE = 4;
/** An invisible character above U+00FF (removed). */
export const C_INVISIBLE = 5;

/** Code units below this limit are classified by {@link CHAR_CLASS}; above it, by {@link highClass}. */
export const CLASS_LIMIT = 0x2100;

/** The class of `c` (the table {@link CHAR_CLASS} holds it below {@link CLASS_LIMIT}). */
export function highClass(c: number): number {
  if (c < 0x100) {
    if (c === 0x20) return C_SPACE;
    if (c === 0xa0) return C_NBSP;
    if ((c >= 0x09 && c <= 0x0d) || c === 0x85) return C_BAIL;
    return C_WORD;
  }
  if (isSpaceLike(c)) return C_HIGH_SPACE;
  if (isInvisible(c)) return C_INVISIBLE;
  return C_WORD;
}

/** The class of each code unit below {@link CLASS_LIMIT} for the router's pass. */
export const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(CLASS_LIMIT);
  for (let c = 0; c < CLASS_LIMIT; c++) t[c] = highClass(c);
  return t;
})();
