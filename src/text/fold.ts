/**
 * `foldDiacritics`: Vietnamese (and other Latin) text to plain ASCII, by table lookup.
 *
 * @module
 */
import { codeAt, isInvisible, isSpaceLike } from './chars.js';

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

/**
 * Longest output built in a reused buffer of exactly its length; longer text (and the rare letters
 * that fold to two characters, `ß` → `ss`) takes {@link foldGeneral}.
 */
const EXACT_MAX = 128;

/**
 * `EXACT[k]`: a reused packed array of exactly `k` code units, filled on first use, so that
 * `String.fromCharCode.apply` sees the output without a length change (setting `length` on a
 * shared array to shrink it is slow in V8). Module-private, never shared across calls.
 */
const EXACT: number[][] = Array.from({ length: EXACT_MAX + 1 }, () => []);

function exactBuffer(k: number): number[] {
  const buf = EXACT[k] as number[];
  while (buf.length < k) buf.push(0);
  return buf;
}

/**
 * Removes every diacritic and returns plain ASCII, keeping letter case: Vietnamese tones and vowel
 * modifiers go (`ễ` → `e`, `Ư` → `U`), `đ` → `d` and `Đ` → `D` (đ has no Unicode decomposition),
 * other Latin letters fold the usual way (`ß` → `ss`, `ø` → `o`). Combining marks (NFD input),
 * invisible characters and characters with no ASCII equivalent are dropped; space-like characters
 * become a plain space. Table-driven: one lookup per code unit; ASCII input is returned as is.
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
  if (n > EXACT_MAX) return isAscii(s) ? s : foldGeneral(s);
  // Folding never lengthens the text except for two-letter folds, which take the general path.
  const buf = exactBuffer(n);
  let k = 0;
  let ascii = true;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c < 0x80) {
      buf[k++] = c;
      continue;
    }
    ascii = false;
    if (c < FOLD_LIMIT) {
      const a = FOLD1[c] as number;
      if (a !== 0) {
        if ((FOLD2[c] as number) !== 0) return foldLonger(s, i, buf, k);
        buf[k++] = a;
      }
    } else {
      const a = foldHigh(c);
      if (a !== 0) buf[k++] = a;
    }
  }
  if (ascii) return s;
  if (k === n) return String.fromCharCode.apply(null, buf);
  const out = exactBuffer(k);
  for (let j = 0; j < k; j++) out[j] = buf[j] as number;
  return String.fromCharCode.apply(null, out);
}

/** A reused scratch array for {@link foldLonger} (module-private, never shared across calls). */
const WORK: number[] = new Array<number>(2 * EXACT_MAX).fill(0);

/**
 * The rest of {@link foldDiacritics} from index `i` (a letter that folds to two), after the `k`
 * code units already in `done`: into a scratch array, then copied into an exact-length buffer.
 */
function foldLonger(s: string, i: number, done: readonly number[], k: number): string {
  for (let j = 0; j < k; j++) WORK[j] = done[j] as number;
  let m = k;
  for (let p = i; p < s.length; p++) {
    const c = codeAt(s, p);
    if (c < 0x80) WORK[m++] = c;
    else if (c < FOLD_LIMIT) {
      const a = FOLD1[c] as number;
      if (a !== 0) {
        WORK[m++] = a;
        const b = FOLD2[c] as number;
        if (b !== 0) WORK[m++] = b;
      }
    } else {
      const a = foldHigh(c);
      if (a !== 0) WORK[m++] = a;
    }
  }
  if (m > EXACT_MAX) return String.fromCharCode.apply(null, WORK.slice(0, m));
  const out = exactBuffer(m);
  for (let j = 0; j < m; j++) out[j] = WORK[j] as number;
  return String.fromCharCode.apply(null, out);
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (codeAt(s, i) >= 0x80) return false;
  return true;
}

/**
 * {@link foldDiacritics} for any input, code unit by code unit into a fresh array: the path for
 * long text and two-letter folds, and the reference the fast path is tested against.
 */
export function foldGeneral(s: string): string {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    if (c < 0x80) out.push(c);
    else if (c < FOLD_LIMIT) {
      const a = FOLD1[c] as number;
      if (a !== 0) {
        out.push(a);
        const b = FOLD2[c] as number;
        if (b !== 0) out.push(b);
      }
    } else {
      const a = foldHigh(c);
      if (a !== 0) out.push(a);
    }
  }
  // `String.fromCharCode.apply` in chunks (argument count limits).
  if (out.length <= 8192) return String.fromCharCode.apply(null, out);
  let r = '';
  for (let i = 0; i < out.length; i += 8192) {
    r += String.fromCharCode.apply(null, out.slice(i, i + 8192));
  }
  return r;
}
