/**
 * `foldDiacritics`: Vietnamese (and other Latin) text to plain ASCII, by table lookup.
 *
 * @module
 */
import { isInvisible, isSpaceLike } from './chars.js';

/** Code units below this limit are folded by table; above it, by a short switch. */
const FOLD_LIMIT = 0x2000;

/** Explicit folds for letters that have no canonical decomposition. */
const SPECIAL_FOLDS: Readonly<Record<string, string>> = {
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ƀ: 'b',
  ƚ: 'l',
  ŀ: 'l',
  Ŀ: 'L',
  ĳ: 'ij',
  Ĳ: 'IJ',
  ŉ: 'n',
  ſ: 's',
};

/**
 * `FOLD1[c]`/`FOLD2[c]`: the one or two ASCII code units that code unit `c` (below
 * {@link FOLD_LIMIT}) folds to; 0 means none (the character is dropped).
 */
const FOLD1 = new Uint8Array(FOLD_LIMIT);
const FOLD2 = new Uint8Array(FOLD_LIMIT);

for (let c = 0; c < FOLD_LIMIT; c++) {
  let folded = '';
  if (c < 0x80) folded = String.fromCharCode(c);
  else if (isSpaceLike(c)) folded = ' ';
  else if (!isInvisible(c)) {
    const ch = String.fromCharCode(c);
    const special = SPECIAL_FOLDS[ch];
    if (special !== undefined) folded = special;
    else {
      const first = ch.normalize('NFD').charCodeAt(0);
      const isAsciiLetter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a);
      if (isAsciiLetter && c !== first) folded = String.fromCharCode(first);
    }
  }
  FOLD1[c] = folded.charCodeAt(0) || 0;
  FOLD2[c] = folded.charCodeAt(1) || 0;
}
// Latin-1 punctuation that has an ASCII look-alike.
FOLD1[0xb4] = 0x27;
FOLD1[0xb7] = 0x2e;

/** The ASCII code unit for a code unit at or above {@link FOLD_LIMIT}, or 0 to drop it. */
function foldHigh(c: number): number {
  if (isSpaceLike(c)) return 0x20;
  if (c >= 0x2010 && c <= 0x2015) return 0x2d;
  if (c === 0x2018 || c === 0x2019 || c === 0x201b) return 0x27;
  if (c === 0x201c || c === 0x201d) return 0x22;
  // Fullwidth ASCII (ＡＢＣ, ０１２).
  if (c >= 0xff01 && c <= 0xff5e) return c - 0xfee0;
  return 0;
}

/** Reused output buffer (code units), grown on demand; never shared across calls. */
const out: number[] = [];

/**
 * Removes every diacritic and returns plain ASCII, keeping letter case: Vietnamese tones and vowel
 * modifiers go (`ễ` → `e`, `Ư` → `U`), `đ` → `d` and `Đ` → `D` (đ has no Unicode decomposition),
 * other Latin letters fold the usual way (`ß` → `ss`, `ø` → `o`). Combining marks (NFD input),
 * invisible characters and characters with no ASCII equivalent are dropped; space-like characters
 * become a plain space. Table-driven: one lookup per code unit.
 *
 * The output is always ASCII. Legacy-encoded text must be decoded first ({@link decodeLegacy}).
 *
 * @example
 * ```ts
 * foldDiacritics('Nguyễn Thị Đào'); // 'Nguyen Thi Dao'
 * ```
 */
export function foldDiacritics(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && s.charCodeAt(i) < 0x80) i++;
  if (i === n) return s;
  let k = 0;
  for (let j = 0; j < i; j++) out[k++] = s.charCodeAt(j);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[k++] = c;
    else if (c < FOLD_LIMIT) {
      const a = FOLD1[c] as number;
      if (a !== 0) {
        out[k++] = a;
        const b = FOLD2[c] as number;
        if (b !== 0) out[k++] = b;
      }
    } else {
      const a = foldHigh(c);
      if (a !== 0) out[k++] = a;
    }
  }
  out.length = k;
  return k <= 8192 ? String.fromCharCode.apply(null, out) : chunked(k);
}

/** `String.fromCharCode` over a long buffer, in chunks (argument count limits). */
function chunked(k: number): string {
  let s = '';
  for (let i = 0; i < k; i += 8192) {
    s += String.fromCharCode.apply(null, out.slice(i, Math.min(k, i + 8192)));
  }
  out.length = 0; // do not keep a large buffer alive
  return s;
}
