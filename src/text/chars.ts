/**
 * Character classes shared by the text functions: invisible characters, space-like characters,
 * combining marks. All checks are on UTF-16 code units, branch-only (no tables needed).
 *
 * @module
 */

/**
 * `s.charCodeAt(i)`, for hot loops. Calls the built-in through `String.prototype` itself, so the
 * call site stays fast whatever strings callers pass: V8 keys a `s.charCodeAt` property load on
 * the string's internal map (sequential, cons, sliced, thin; one- or two-byte; internalised), and
 * a function that has seen more than four of them (names from a CSV parser, words from `split`,
 * results of concatenation) turns every character into a generic call, about twice as slow.
 * (A module-level `const` alias would do in source form, but bundlers turn top-level `const`
 * into `var`, which the optimiser cannot treat as a constant: as slow as the generic call.)
 *
 * @example
 * ```ts
 * codeAt('Lê', 1); // 0xea
 * ```
 */
export function codeAt(s: string, i: number): number {
  return String.prototype.charCodeAt.call(s, i);
}

/**
 * Whether `c` is a space-like character that should become a plain U+0020: tab, line breaks, NBSP,
 * the U+2000 block spaces, narrow NBSP, ideographic space, …
 *
 * @example
 * ```ts
 * isSpaceLike(0xa0); // true (NBSP)
 * ```
 */
export function isSpaceLike(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return c === 0x85;
  if (c === 0xa0) return true;
  if (c < 0x1680) return false;
  return (
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * Whether `c` is invisible noise to drop from a name: C0/C1 controls (other than the space-like ones),
 * DEL, soft hyphen, zero-width characters, bidi controls, word joiners, BOM, the combining grapheme
 * joiner and variation selectors.
 *
 * @example
 * ```ts
 * isInvisible(0x200b); // true (zero-width space)
 * ```
 */
export function isInvisible(c: number): boolean {
  if (c < 0x20) return !(c >= 0x09 && c <= 0x0d);
  if (c < 0x7f) return false;
  if (c <= 0x9f) return c !== 0x85;
  if (c === 0xad || c === 0x034f || c === 0x061c || c === 0x180e) return true;
  if (c < 0x200b) return false;
  if (c <= 0x200f) return true;
  if (c >= 0x202a && c <= 0x202e) return true;
  if (c >= 0x2060 && c <= 0x206f) return true;
  if (c >= 0xfe00 && c <= 0xfe0f) return true;
  return c === 0xfeff;
}

/**
 * Whether `c` is in the Combining Diacritical Marks block (U+0300–U+036F).
 *
 * @example
 * ```ts
 * isCombiningMark(0x0303); // true
 * ```
 */
export function isCombiningMark(c: number): boolean {
  return c >= 0x0300 && c <= 0x036f;
}

/**
 * The circumflex, breve and horn: the vowel modifiers that must precede a tone mark.
 *
 * @example
 * ```ts
 * isModifierMark(0x0302); // true (circumflex)
 * ```
 */
export function isModifierMark(c: number): boolean {
  return c === 0x0302 || c === 0x0306 || c === 0x031b;
}

/**
 * The five Vietnamese tone marks (grave, hook above, tilde, acute, dot below).
 *
 * @example
 * ```ts
 * isToneMark(0x0309); // true (hook above: hỏi)
 * ```
 */
export function isToneMark(c: number): boolean {
  return c === 0x0300 || c === 0x0301 || c === 0x0303 || c === 0x0309 || c === 0x0323;
}

/**
 * Removes the invisible characters that no legacy byte produces (zero-width, bidi controls, BOM…)
 * and maps the Unicode spaces above U+00FF to a plain space, leaving every character a
 * Windows-1252 reader can produce (soft hyphen, C1 controls, NBSP) untouched: legacy text must
 * keep its bytes until it is decoded.
 *
 * @example
 * ```ts
 * cleanBeforeDecoding('Ng\u200buyÔn'); // 'NguyÔn' (the soft hyphen of TCVN3 would be kept)
 * ```
 */
export function cleanBeforeDecoding(s: string): string {
  return stripAndMapFrom(s, 0x100);
}

/**
 * Removes the invisible characters and maps the space-like ones to U+0020 among the code units
 * from `limit` up (below it, everything is kept), copying the runs in between: what
 * {@link cleanBeforeDecoding} (limit U+0100) and the strip-and-map step of `toNfc` (limit 0) do.
 *
 * @example
 * ```ts
 * stripAndMapFrom('Lê\u00a0Văn\u200b', 0); // 'Lê Văn'
 * ```
 */
export function stripAndMapFrom(s: string, limit: number): string {
  let out = '';
  let last = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c < limit || c === 0x20) continue;
    if (isInvisible(c)) {
      out += s.slice(last, i);
      last = i + 1;
    } else if (isSpaceLike(c)) {
      out += `${s.slice(last, i)} `;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * The words of `s`: the runs between space-like characters ({@link isSpaceLike}).
 *
 * @example
 * ```ts
 * splitWords(' Lê\u00a0Văn  An'); // ['Lê', 'Văn', 'An']
 * ```
 */
export function splitWords(s: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? codeAt(s, i) : 0x20;
    if (isSpaceLike(c)) {
      if (start >= 0) words.push(s.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  return words;
}
