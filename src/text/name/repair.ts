/**
 * Repairs of a name's shape that real lists need before the word-by-word pipeline: stray
 * punctuation around the name (`Lê Hoàng Quân.`, `- Phượng`, an Excel apostrophe, quotes) and
 * words run together (`NguyễnThị`, `VõAnh`).
 *
 * @module
 */
import { codeAt, isCombiningMark, isInvisible, isSpaceLike } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import { detectEncoding } from '../detect.js';
import { LETTER_CASE, TABLE_SIZE, VOWEL_INFO } from '../letters.js';
import { toNfc } from '../nfc.js';
import { analyzeSyllable } from '../syllable.js';

/**
 * Punctuation that real lists leave around a name and that is never part of one: full stop,
 * comma, semicolon, colon, asterisk, hyphen and dashes (list bullets), straight and typographic
 * quotes, the apostrophe Excel uses to force text, bullets, `#`, `!`, `?`, `_`, `/`, `\`.
 */
function isStray(c: number): boolean {
  switch (c) {
    case 0x21: // !
    case 0x22: // "
    case 0x23: // #
    case 0x27: // '
    case 0x2a: // *
    case 0x2c: // ,
    case 0x2d: // -
    case 0x2e: // .
    case 0x2f: // /
    case 0x3a: // :
    case 0x3b: // ;
    case 0x3f: // ?
    case 0x5c: // \
    case 0x5f: // _
    case 0x60: // `
    case 0x2013: // –
    case 0x2014: // —
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201c: // “
    case 0x201d: // ”
    case 0x2022: // •
      return true;
    default:
      return false;
  }
}

function isBlank(c: number): boolean {
  return isSpaceLike(c) || isInvisible(c);
}

/**
 * Whether {@link stripStrayPunctuation} reads past `c` at either end of a name (stray
 * punctuation or a blank): a name that starts and ends with other characters is returned as it
 * stands (`null`).
 *
 * @example
 * ```ts
 * strayOrBlank(0x2e); // true ('.')
 * strayOrBlank(0x4c); // false ('L')
 * ```
 */
export function strayOrBlank(c: number): boolean {
  return isStray(c) || isBlank(c);
}

/**
 * The name without the punctuation around it, or `null` when there is none to remove. Leading
 * and trailing runs of punctuation and spaces are removed when what is left has a letter and
 * reads the same way: punctuation that a legacy encoding uses as a letter or a mark (VIQR `.` for
 * the nặng tone in `Phu.`, VISCII capitals on `“ ”`, TCVN3 letters on `« » ·`) is kept when the
 * name reads as that encoding only with it.
 *
 * @example
 * ```ts
 * stripStrayPunctuation('"Trương Trọng Quân".'); // 'Trương Trọng Quân'
 * stripStrayPunctuation('Lê Văn Phu.'); // 'Lê Văn Phu'
 * stripStrayPunctuation('Nguyen Van Phu.'); // null (VIQR: Phụ)
 * ```
 */
export function stripStrayPunctuation(s: string): string | null {
  const n = s.length;
  if (n === 0) return null;
  const first = codeAt(s, 0);
  const last = codeAt(s, n - 1);
  if (!isStray(first) && !isStray(last) && !isBlank(first) && !isBlank(last)) return null;
  let a = 0;
  let stray = false;
  while (a < n) {
    const c = codeAt(s, a);
    if (isStray(c)) stray = true;
    else if (!isBlank(c)) break;
    a++;
  }
  let b = n;
  while (b > a) {
    const c = codeAt(s, b - 1);
    if (isStray(c)) stray = true;
    else if (!isBlank(c)) break;
    b--;
  }
  if (!stray || a === b) return null;
  const core = s.slice(a, b);
  // Typographic quotes, dashes and bullets are VISCII capitals when read as Windows-1252: removed
  // only when they stand apart from the name (a space between) or come in a pair around it. A
  // mark right after the last letter may be a VIQR tone (`Tra\``): kept when the name reads as
  // VIQR.
  const detachedOrPaired = (i: number): boolean => {
    const pairedQuote =
      a > 0 && b < n && codeAt(s, 0) >= 0x80 && codeAt(s, n - 1) >= 0x80 && a > 0 && b < n;
    if (pairedQuote) return true;
    return i < a ? i + 1 < a && isBlank(codeAt(s, a - 1)) : i > b && isBlank(codeAt(s, b));
  };
  for (let i = 0; i < n; i++) {
    if (i === a) i = b;
    if (i >= n) break;
    if (codeAt(s, i) >= 0x80 && !isBlank(codeAt(s, i)) && !detachedOrPaired(i)) return null;
  }
  const t = b < n ? codeAt(s, b) : 0;
  if (
    (t === 0x2e || t === 0x27 || t === 0x3f || t === 0x60) &&
    detectEncoding(s).encoding === 'viqr'
  ) {
    return null;
  }
  return core;
}

/** The case of the letter at `i` (1 upper, 2 lower, 0 not a letter). */
function caseAt(s: string, i: number): number {
  const c = codeAt(s, i);
  return c < TABLE_SIZE ? (LETTER_CASE[c] as number) : 0;
}

/** A syllable frequent in names, with its tone in place (`Thanh`, `Nguyễn`), in any case. */
function isNameSyllable(part: string): boolean {
  const w = toNfc(part);
  return analyzeSyllable(w).error === null && isCommonNameSyllable(w);
}

function isStrictSyllable(part: string): boolean {
  return analyzeSyllable(toNfc(part)).error === null;
}

function isSyllable(part: string): boolean {
  return analyzeSyllable(toNfc(part), true).error === null;
}

/**
 * Words run together (`NguyễnThị Như Quỳnh`, `VõAnh Tuấn`) split where a lowercase letter is
 * followed by a capital and both parts are Vietnamese syllables while the whole is not; `null`
 * when nothing is split. Legacy text is left alone (TCVN3 `NguyÔn` is `Nguyễn`, not `Nguy Ôn`).
 *
 * @example
 * ```ts
 * splitRunTogether('NguyễnThị Như Quỳnh'); // 'Nguyễn Thị Như Quỳnh'
 * splitRunTogether('NGUYỄNTHỊ HOA'); // 'NGUYỄN THỊ HOA'
 * splitRunTogether('McDonald'); // null
 * ```
 */
export function splitRunTogether(s: string): string | null {
  const mixed = splitAt(s, true);
  const caps = splitCaps(mixed ?? s, true);
  return caps ?? mixed;
}

/** Whether `c` is a vowel letter (any case, any marks). */
function isVowelLetter(c: number): boolean {
  return c < TABLE_SIZE && (VOWEL_INFO[c] as number) !== 0;
}

/** The last code unit before `end` that is not a combining mark. */
function lastBase(s: string, from: number, end: number): number {
  let i = end - 1;
  while (i > from && isCombiningMark(codeAt(s, i))) i--;
  return codeAt(s, i);
}

/** Whether `part` has a lowercase letter. */
function hasLower(s: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (caseAt(s, i) === 2) return true;
  return false;
}

/** How many letters (code units with a case) `s` has from `start` to `end`. */
function letterCount(s: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (caseAt(s, i) !== 0) n++;
  return n;
}

/**
 * Whether `c` is nothing to the words of a name: a combining mark or an invisible character above
 * U+00FF (below it, an invisible code unit may be a legacy letter: VISCII capitals, TCVN3 ư).
 */
function isNothing(c: number): boolean {
  return isCombiningMark(c) || (c >= 0x100 && isInvisible(c));
}

/**
 * Words in capitals run together (`NGUYỄNTHỊ HOA`): a word without lowercase letters that is not
 * a syllable is split where both parts are syllables with their diacritics, when exactly one place
 * does that (`THANHOA` could be THAN HOA or THANH OA: left alone); `null` when nothing is split.
 */
function splitCaps(s: string, checkLegacy: boolean): string | null {
  const n = s.length;
  let out: string | null = null;
  let copied = 0;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    if (i < n && codeAt(s, i) !== 0x20) continue;
    const end = i;
    const from = start;
    start = i + 1;
    // Two syllables make at least three letters (`ÔNG` aside, `AN` is one syllable). Letters are
    // counted, not code units: an invisible mark (`\u034FÝĐÌ`) is not a letter.
    const letters = letterCount(s, from, end);
    if (letters < 3 || hasLower(s, from, end)) continue;
    const word = s.slice(from, end);
    if (isSyllable(word)) continue;
    // Strict syllables (tones in place): without diacritics too many places would do (`APHONG`).
    let at = -1;
    // Each part two letters or more, and not between two vowels (`NIÊ`, `AYUN`, Ê Đê names, stay
    // whole; so does `VÕANH`, which cannot be told from such a name).
    let left = 0;
    for (let k = from; k < end - 1; k++) {
      if (k > from && caseAt(s, k - 1) !== 0) left++;
      if (left < 2 || letters - left < 2) continue;
      if (isCombiningMark(codeAt(s, k)) || caseAt(s, k) === 0 || caseAt(s, k - 1) === 0) continue;
      if (isVowelLetter(codeAt(s, k)) && isVowelLetter(lastBase(s, from, k))) continue;
      if (isStrictSyllable(s.slice(from, k)) && isStrictSyllable(s.slice(k, end))) {
        if (at >= 0) {
          at = -2; // two places: ambiguous
          break;
        }
        at = k;
      }
    }
    if (at < 0) continue;
    if (out === null && checkLegacy) {
      const enc = detectEncoding(s).encoding;
      if (enc !== 'unicode' && enc !== 'ascii') return null;
    }
    out = `${out ?? ''}${s.slice(copied, at)} `;
    copied = at;
  }
  return out === null ? null : out + s.slice(copied);
}

/**
 * Whether {@link splitRunTogether} may split the word `w` (a capital inside it where both parts
 * are syllables), whatever the rest of the text.
 *
 * @example
 * ```ts
 * mayBeRunTogether('NguyễnThị'); // true
 * mayBeRunTogether('McDonald'); // false
 * ```
 */
export function mayBeRunTogether(w: string): boolean {
  return splitAt(w, false) !== null || splitCaps(w, false) !== null;
}

function splitAt(s: string, checkLegacy: boolean): string | null {
  const n = s.length;
  let out: string | null = null;
  let wordStart = 0;
  let prevCase = 0;
  let copied = 0;
  let checked = false;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c === 0x20) {
      wordStart = i + 1;
      prevCase = 0;
      continue;
    }
    if (isNothing(c)) {
      // A mark before the first letter is not part of the word (`\u034FABảo` is `ABảo`).
      if (i === wordStart) wordStart = i + 1;
      continue;
    }
    const k = caseAt(s, i);
    // A one-letter word run into the next (`ABảo`): a capital after a capital that starts the word,
    // then a lowercase letter.
    // Not a doubled letter: `AAn`, `DDinh` are Telex keystrokes (Ân, Đinh).
    const oneLetter =
      k === 1 &&
      prevCase === 1 &&
      i === wordStart + 1 &&
      i + 1 < n &&
      caseAt(s, i + 1) === 2 &&
      c !== codeAt(s, wordStart);
    if ((k === 1 && prevCase === 2) || oneLetter) {
      let end = i + 1;
      while (end < n && codeAt(s, end) !== 0x20) end++;
      const left = s.slice(wordStart, i);
      const right = s.slice(i, end);
      // A capital inside a word is the evidence (the whole may read as one syllable: `ThuYên`).
      if (isSyllable(left) && isSyllable(right)) {
        if (!checked && checkLegacy) {
          const enc = detectEncoding(s).encoding;
          if (enc !== 'unicode' && enc !== 'ascii') return null;
          checked = true;
        }
        out = `${out ?? ''}${s.slice(copied, i)} `;
        copied = i;
        wordStart = i;
      }
    }
    prevCase = k;
  }
  return out === null ? null : out + s.slice(copied);
}

/**
 * A syllable split by a space (`Tha nh`): two neighbouring words are joined when together they
 * are a syllable frequent in names (`Thanh`, `Nguyễn`; the ~450 of {@link isCommonNameSyllable})
 * and they are not both words on their own (diacritics may be missing) (`Nguy en`
 * stays: both parts are syllables), both made of letters only. `null` when nothing is joined.
 * Words are the runs between plain spaces.
 *
 * @example
 * ```ts
 * joinSplitSyllables('Nguyễn Tha nh Hà'); // 'Nguyễn Thanh Hà'
 * joinSplitSyllables('Lê Văn An'); // null
 * ```
 */
export function joinSplitSyllables(s: string): string | null {
  // Words apart by any space (an NBSP too: the router's words are the same); when two are joined,
  // the others are joined again by plain spaces.
  const words = s.split(SPACES);
  let joined = false;
  for (let k = 0; k + 1 < words.length; k++) {
    const a = words[k] as string;
    // The next word, however many spaces apart (`Tha  nh`).
    let m = k + 1;
    while (m + 1 < words.length && words[m] === '') m++;
    const b = words[m] as string;
    if (!lettersOnly(a) || !lettersOnly(b)) continue;
    if (isSyllable(a) && isSyllable(b)) continue;
    if (!isNameSyllable(a + b)) continue;
    words.splice(k, m - k + 1, a + b);
    joined = true;
  }
  return joined ? words.join(' ') : null;
}

/** The separators of {@link joinSplitSyllables}: the plain, no-break and other Unicode spaces. */
const SPACES = /[ \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/**
 * Whether the words `a` and `b` would be joined by {@link joinSplitSyllables}.
 *
 * @example
 * ```ts
 * mayJoin('Tha', 'nh'); // true
 * ```
 */
export function mayJoin(a: string, b: string): boolean {
  return (
    lettersOnly(a) && lettersOnly(b) && !(isSyllable(a) && isSyllable(b)) && isNameSyllable(a + b)
  );
}

/**
 * Whether `w` is made of letters (and combining marks) only: a control character may be a VISCII
 * capital, so such words are never joined.
 */
function lettersOnly(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    if (!isCombiningMark(c) && caseAt(w, i) === 0) return false;
  }
  return true;
}
