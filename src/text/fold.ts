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

/** `FOLD[c]` for every code unit below {@link FOLD_LIMIT}. */
const FOLD: readonly string[] = (() => {
  const table: string[] = new Array<string>(FOLD_LIMIT);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    if (c < 0x80) {
      table[c] = String.fromCharCode(c);
      continue;
    }
    if (isSpaceLike(c)) {
      table[c] = ' ';
      continue;
    }
    if (isInvisible(c)) {
      table[c] = '';
      continue;
    }
    const ch = String.fromCharCode(c);
    const special = SPECIAL_FOLDS[ch];
    if (special !== undefined) {
      table[c] = special;
      continue;
    }
    const first = ch.normalize('NFD').charCodeAt(0);
    const isAsciiLetter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a);
    table[c] = isAsciiLetter && c !== first ? String.fromCharCode(first) : '';
  }
  // Latin-1 punctuation that has an ASCII look-alike.
  table[0xb4] = "'";
  table[0xb7] = '.';
  return table;
})();

function foldHigh(c: number): string {
  if (isSpaceLike(c)) return ' ';
  if (c >= 0x2010 && c <= 0x2015) return '-';
  if (c === 0x2018 || c === 0x2019 || c === 0x201b) return "'";
  if (c === 0x201c || c === 0x201d) return '"';
  // Fullwidth ASCII (ＡＢＣ, ０１２).
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0);
  return '';
}

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
  let out = s.slice(0, i);
  let start = i;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (start < i) out += s.slice(start, i);
    out += c < FOLD_LIMIT ? (FOLD[c] as string) : foldHigh(c);
    start = i + 1;
  }
  if (start < n) out += s.slice(start);
  return out;
}
