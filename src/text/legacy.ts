/**
 * Decoding and encoding of the legacy Vietnamese encodings (TCVN3/ABC, VNI-Windows, VIQR, VISCII,
 * CP1258) as they reach us: legacy bytes read as Windows-1252 text.
 *
 * @module
 */
import { codeAt } from './chars.js';
import { byteOf, charOfByte, reverseTable } from './legacy-bytes.js';
import { CP1258_HIGH, TCVN3_HIGH, TCVN3_LOW, VISCII_HIGH, VISCII_LOW } from './legacy-tables.js';
import {
  D_STROKE_LOWER,
  D_STROKE_UPPER,
  infoBase,
  infoTone,
  infoUpper,
  TABLE_SIZE,
  TONE_MARKS,
  VOWEL_INFO,
  vowelCode,
} from './letters.js';
import { toNfc } from './nfc.js';
import { analyzeSyllable, LOWER_BASE } from './syllable.js';

/**
 * A legacy Vietnamese encoding:
 * - `tcvn3`: TCVN 5712:1993, the ABC fonts (.VnTime); one byte per letter, ư = 0xAD;
 * - `vni`: VNI-Windows fonts; base letter + a modifier byte (`ee` + `ã` = ễ);
 * - `viqr`: RFC 1456 ASCII mnemonics (`Nguye^~n`);
 * - `viscii`: VISCII 1.1 (RFC 1456); one byte per letter;
 * - `cp1258`: Windows-1258; base letter + combining tone byte.
 */
export type LegacyEncoding = 'tcvn3' | 'vni' | 'viqr' | 'viscii' | 'cp1258';

/** All legacy encodings, in detection priority order. */
export const LEGACY_ENCODINGS: readonly LegacyEncoding[] = [
  'tcvn3',
  'vni',
  'viscii',
  'cp1258',
  'viqr',
];

/** Options of {@link encodeLegacy}. */
export interface EncodeLegacyOptions {
  /**
   * TCVN3 only. The ABC fonts (VN3) have no toned capitals: typists used the lowercase code with an
   * uppercase font. `'lowercase'` (default) reproduces that; `'vn1'` uses the TCVN 5712 VN1 capital
   * codes (some are C0 control bytes), which round-trip exactly.
   */
  readonly tcvn3Capitals?: 'lowercase' | 'vn1';
}

const TCVN3_REVERSE = reverseTable(TCVN3_HIGH, TCVN3_LOW);
const VISCII_REVERSE = reverseTable(VISCII_HIGH, VISCII_LOW);
const CP1258_REVERSE = reverseTable(CP1258_HIGH);
/** Capitals ABC (VN3) fonts do have: Ă Â Ê Ô Ơ Ư Đ (bytes 0xA1–0xA7). */
const VN3_CAPITALS = new Set([0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110]);

function tcvnLow(byte: number): number {
  for (const [b, c] of TCVN3_LOW) if (b === byte) return c;
  return byte;
}

function visciiLow(byte: number): number {
  for (const [b, c] of VISCII_LOW) if (b === byte) return c;
  return byte;
}

function isLetter(c: number): boolean {
  return c < TABLE_SIZE && (LOWER_BASE[c] ?? 0) !== 0;
}

function isUpperLetter(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return true;
  if (c === D_STROKE_UPPER) return true;
  const info = c < TABLE_SIZE ? (VOWEL_INFO[c] ?? 0) : 0;
  return info !== 0 && infoUpper(info);
}

function isLowerLetter(c: number): boolean {
  return isLetter(c) && !isUpperLetter(c);
}

/* ------------------------------------------------------------------ TCVN3 */

/** No Vietnamese syllable is longer than this (`nghiêng`); longer words are not repaired. */
const MAX_SYLLABLE = 8;

/**
 * TCVN3 text whose ư (0xAD, a soft hyphen in Windows-1252) was dropped by a tool: puts ư back in a
 * word when that is the only way to make it a Vietnamese syllable (`Trơng` → `Trương`, `Hng` → `Hưng`).
 */
function restoreDroppedU(word: string): string {
  if (word.length < 2 || word.length > MAX_SYLLABLE || analyzeSyllable(word).error === null) {
    return word;
  }
  let allUpper = true;
  for (let i = 0; i < word.length; i++) if (isLowerLetter(codeAt(word, i))) allUpper = false;
  const u = allUpper && word.length > 1 ? 'Ư' : 'ư';
  for (let k = 1; k <= word.length; k++) {
    const candidate = word.slice(0, k) + u + word.slice(k);
    if (analyzeSyllable(candidate).error === null) return candidate;
  }
  return word;
}

/**
 * Case repair for ABC-font text: toned capitals were typed with lowercase codes, so `NGUYÔN`
 * decodes to `NGUYễN`. A letter decoded from a lowercase code is uppercased when the other letters
 * of its word (at least two) are all capitals, or, in a short word, when every other letter of the
 * text (at least two) is a capital.
 */
function harmonizeCase(chars: number[], fromLowerCode: boolean[], textIsUpper: boolean): void {
  let i = 0;
  while (i < chars.length) {
    if (!isLetter(chars[i] as number)) {
      i++;
      continue;
    }
    let j = i;
    let upper = 0;
    let lower = 0;
    let candidates = 0;
    while (j < chars.length && isLetter(chars[j] as number)) {
      const c = chars[j] as number;
      if (fromLowerCode[j]) candidates++;
      else if (isUpperLetter(c)) upper++;
      else lower++;
      j++;
    }
    const makeUpper = lower === 0 && (upper >= 2 || (upper < 2 && textIsUpper));
    if (candidates > 0 && makeUpper) {
      for (let k = i; k < j; k++) if (fromLowerCode[k]) chars[k] = upperVowel(chars[k] as number);
    }
    i = j;
  }
}

/**
 * The capitals and other letters of TCVN3 text that were not decoded from a lowercase toned code,
 * packed as `upper * 65536 + lower` (counts capped at 65535): what {@link harmonizeCase} weighs to
 * call the whole text upper case. The counts of a text are the sums over its words.
 */
function caseCounts(chars: readonly number[], fromLowerCode: readonly boolean[]): number {
  let textUpper = 0;
  let textLower = 0;
  for (let i = 0; i < chars.length; i++) {
    if (fromLowerCode[i]) continue;
    const c = chars[i] as number;
    if (isUpperLetter(c)) textUpper++;
    else if (isLetter(c)) textLower++;
  }
  return Math.min(textUpper, 0xffff) * 0x10000 + Math.min(textLower, 0xffff);
}

/** Whether the packed {@link caseCounts} of a text make it upper case (two capitals, no lowercase). */
function countsAreUpper(counts: number): boolean {
  return counts >= 2 * 0x10000 && counts % 0x10000 === 0;
}

/** TCVN3 bytes mapped to code units, with which came from lowercase toned codes. */
interface Tcvn3Mapped {
  readonly chars: number[];
  readonly fromLower: boolean[];
  readonly sawSoftHyphen: boolean;
}

function mapTcvn3(s: string): Tcvn3Mapped {
  // Code units, not one-character strings: most decoded letters are above U+00FF, and V8 caches
  // only one-byte single-character strings.
  const chars: number[] = [];
  const fromLower: boolean[] = [];
  let sawSoftHyphen = false;
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    const b = byteOf(c);
    let out = c;
    if (b >= 0x80) out = codeAt(TCVN3_HIGH, b - 0x80);
    else if (b >= 0 && b < 0x20) out = tcvnLow(b);
    if (b === 0xad) sawSoftHyphen = true;
    if (b >= 0xb0 && b <= 0xb4 && chars.length > 0) {
      // A separate tone byte (0xB0–0xB4): attach to the previous letter when they compose.
      const prev = chars[chars.length - 1] as number;
      const composed = (String.fromCharCode(prev) + String.fromCharCode(out)).normalize('NFC');
      if (composed.length === 1) {
        chars[chars.length - 1] = codeAt(composed, 0);
        continue;
      }
    }
    const info = out < TABLE_SIZE ? (VOWEL_INFO[out] ?? 0) : 0;
    chars.push(out);
    fromLower.push(b >= 0x80 && info !== 0 && !infoUpper(info) && infoTone(info) !== 0);
  }
  return { chars, fromLower, sawSoftHyphen };
}

function decodeTcvn3(s: string, harmonize: boolean): string {
  const m = mapTcvn3(s);
  if (harmonize)
    harmonizeCase(m.chars, m.fromLower, countsAreUpper(caseCounts(m.chars, m.fromLower)));
  const decoded = fromCodes(m.chars);
  if (m.sawSoftHyphen) return decoded;
  // A word that stays no syllable (a minority or foreign name, `Jơ Nơng`) says the text may not be
  // Vietnamese syllables throughout: then no ư is guessed anywhere (`Nơng` is not `Nương`).
  let stuck = false;
  const repaired = mapWords(decoded, (w) => {
    const r = restoreDroppedU(w);
    if (analyzeSyllable(r).error !== null) stuck = true;
    return r;
  });
  return stuck ? decoded : repaired;
}

/**
 * The case counts of one TCVN3 word (see {@link tcvn3WordDecode}), packed as
 * `upper * 65536 + lower`; a text's counts are the sums over its words.
 *
 * @example
 * ```ts
 * tcvn3CaseCounts('NGUYÔN'); // 5 * 65536 (Ô is a lowercase toned code)
 * ```
 */
export function tcvn3CaseCounts(word: string): number {
  const m = mapTcvn3(word);
  return caseCounts(m.chars, m.fromLower);
}

/**
 * One word of TCVN3 text decoded exactly as {@link decodeWith} decodes it inside the text (with the
 * default `lowercase` capitals): `textIsUpper` is what the summed {@link tcvn3CaseCounts} of the
 * text's words say, `textHasSoftHyphen` whether any word holds the ư byte 0xAD (then no dropped ư
 * is restored). The word must hold no space-like character.
 *
 * @example
 * ```ts
 * tcvn3WordDecode('V¨n', false, false); // 'Văn'
 * ```
 */
export function tcvn3WordDecode(
  word: string,
  textIsUpper: boolean,
  textHasSoftHyphen: boolean,
): string {
  const m = mapTcvn3(word);
  harmonizeCase(m.chars, m.fromLower, textIsUpper);
  const decoded = fromCodes(m.chars);
  return textHasSoftHyphen ? decoded : mapWords(decoded, restoreDroppedU);
}

/**
 * Whether the summed {@link tcvn3CaseCounts} of a text make it upper case.
 *
 * @example
 * ```ts
 * tcvn3CountsAreUpper(tcvn3CaseCounts('NGUYÔN')); // true
 * ```
 */
export function tcvn3CountsAreUpper(counts: number): boolean {
  return countsAreUpper(counts);
}

/** The uppercase of a lowercase Vietnamese vowel. */
function upperVowel(c: number): number {
  const info = c < TABLE_SIZE ? (VOWEL_INFO[c] ?? 0) : 0;
  if (info === 0) return codeAt(String.fromCharCode(c).toUpperCase(), 0);
  return vowelCode(infoBase(info), infoTone(info), true);
}

/** The string of a list of code units (in chunks: argument count limits). */
function fromCodes(codes: number[]): string {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let out = '';
  for (let i = 0; i < codes.length; i += 8192) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  }
  return out;
}

/* --------------------------------------------------------- VISCII, CP1258 */

function decodeViscii(s: string): string {
  const codes: number[] = [];
  let sawA0 = false;
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    const b = byteOf(c);
    if (b === 0xa0) sawA0 = true;
    if (b >= 0x80) codes.push(codeAt(VISCII_HIGH, b - 0x80));
    else if (b >= 0 && b < 0x20) codes.push(visciiLow(b));
    else codes.push(c);
  }
  const out = fromCodes(codes);
  return sawA0 ? mapWords(out, splitStrayNbsp) : out;
}

/**
 * VISCII puts Õ at 0xA0, the NBSP of Windows-1252: an NBSP between words decodes to a stray Õ.
 * Where Õ does not belong to a syllable, it was a space. `word` is a run of letters.
 *
 * @example
 * ```ts
 * splitStrayNbsp('NguyễnÕVăn'); // 'Nguyễn Văn'
 * ```
 */
export function splitStrayNbsp(word: string): string {
  if (
    word.length > MAX_SYLLABLE + 4 ||
    !word.includes('Õ') ||
    analyzeSyllable(word).error === null
  ) {
    return word;
  }
  let w = word;
  let spaces = '';
  while (w.endsWith('Õ') && analyzeSyllable(w).error !== null) {
    w = w.slice(0, -1);
    spaces += ' ';
  }
  if (w.length > 0 && analyzeSyllable(w).error === null) return w + spaces;
  return word.replaceAll('Õ', ' ');
}

function decodeCp1258(s: string): string {
  const codes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = codeAt(s, i);
    const b = byteOf(c);
    const d = b >= 0x80 ? codeAt(CP1258_HIGH, b - 0x80) : c;
    codes.push(d === 0xfffd ? c : d);
  }
  return toNfc(fromCodes(codes));
}

/* -------------------------------------------------------------------- VNI */

/** VNI modifier bytes (lowercase forms; capitals are 0x20 lower): [kind, tone], kind 1 = ^, 2 = ˘. */
const VNI_MODIFIERS: ReadonlyMap<number, readonly [number, number]> = new Map([
  [0xf9, [0, 4]],
  [0xf8, [0, 1]],
  [0xfb, [0, 2]],
  [0xf5, [0, 3]],
  [0xef, [0, 5]],
  [0xe2, [1, 0]],
  [0xe1, [1, 4]],
  [0xe0, [1, 1]],
  [0xe5, [1, 2]],
  [0xe3, [1, 3]],
  [0xe4, [1, 5]],
  [0xea, [2, 0]],
  [0xe9, [2, 4]],
  [0xe8, [2, 1]],
  [0xfa, [2, 2]],
  [0xfc, [2, 3]],
  [0xeb, [2, 5]],
]);

/** VNI bytes that are letters on their own (lowercase; capitals are 0x20 lower). */
const VNI_SINGLES: ReadonlyMap<number, number> = new Map([
  [0xf4, 0x01a1], // ơ
  [0xf6, 0x01b0], // ư
  [0xf1, D_STROKE_LOWER], // đ
  [0xed, 0x00ed], // í
  [0xec, 0x00ec], // ì
  [0xe6, 0x1ec9], // ỉ
  [0xf3, 0x0129], // ĩ
  [0xf2, 0x1ecb], // ị
  [0xee, 0x1ef5], // ỵ
]);

/** Base index (letters.ts order) of a VNI base byte, lowercase: a e o u y ơ ư. */
const VNI_BASES: ReadonlyMap<number, number> = new Map([
  [0x61, 0],
  [0x65, 3],
  [0x6f, 6],
  [0x75, 9],
  [0x79, 11],
  [0xf4, 8],
  [0xf6, 10],
]);

/** Whether the VNI byte `b` is an uppercase letter (its lowercase is `b + 0x20`). */
function vniUpper(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0xc0 && b <= 0xde && b !== 0xd7);
}

/** The lowercase of the VNI byte `b`. */
function vniLower(b: number): number {
  return vniUpper(b) ? b + 0x20 : b;
}

function decodeVni(s: string): string {
  let out = '';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const b = byteOf(codeAt(s, i));
    const upper = vniUpper(b);
    const lb = upper ? b + 0x20 : b;
    const base = VNI_BASES.get(lb);
    if (base !== undefined && i + 1 < n) {
      const lm = vniLower(byteOf(codeAt(s, i + 1)));
      const mod = VNI_MODIFIERS.get(lm);
      if (mod !== undefined) {
        const [kind, tone] = mod;
        let b2 = base;
        let ok = true;
        if (kind === 1) {
          if (base === 0) b2 = 2;
          else if (base === 3) b2 = 4;
          else if (base === 6) b2 = 7;
          else ok = false;
        } else if (kind === 2) {
          if (base === 0) b2 = 1;
          else ok = false;
        }
        if (ok) {
          out += String.fromCharCode(vowelCode(b2, tone, upper));
          i += 2;
          continue;
        }
      }
    }
    const single = VNI_SINGLES.get(lb);
    if (single !== undefined) {
      out += upper ? String.fromCharCode(single).toUpperCase() : String.fromCharCode(single);
    } else if (lb === 0x79 && i + 1 < n && vniLower(byteOf(codeAt(s, i + 1))) === 0xef) {
      out += upper ? 'Ỵ' : 'ỵ';
      i++;
    } else {
      out += s[i];
    }
    i++;
  }
  return out;
}

/* ------------------------------------------------------------------- VIQR */

const VIQR_TONES: Readonly<Record<string, number>> = { "'": 4, '`': 1, '?': 2, '~': 3, '.': 5 };
const VIQR_MARKS = new Set(["'", '`', '?', '~', '.', '(', '^', '+']);

function viqrModified(base: number, mark: string): number {
  if (mark === '(' && base === 0) return 1;
  if (mark === '^') return base === 0 ? 2 : base === 3 ? 4 : base === 6 ? 7 : -1;
  if (mark === '+') return base === 6 ? 8 : base === 9 ? 10 : -1;
  return -1;
}

function decodeViqr(s: string): string {
  let out = '';
  const n = s.length;
  let i = 0;
  while (i < n) {
    const ch = s[i] ?? '';
    const c = codeAt(s, i);
    if (ch === '\\' && i + 1 < n) {
      const next = s[i + 1] ?? '';
      if (VIQR_MARKS.has(next) || next === 'd' || next === 'D' || next === '\\') {
        out += next;
        i += 2;
        continue;
      }
    }
    if ((ch === 'd' || ch === 'D') && (s[i + 1] === 'd' || s[i + 1] === 'D')) {
      out += ch === 'D' ? 'Đ' : 'đ';
      i += 2;
      continue;
    }
    const info = c < 0x80 ? (VOWEL_INFO[c] ?? 0) : 0;
    if (info !== 0) {
      let base = infoBase(info);
      let tone = 0;
      let j = i + 1;
      let modified = false;
      let toned = false;
      while (j < n && (!modified || !toned)) {
        const m = s[j] ?? '';
        const mb = modified ? -1 : viqrModified(base, m);
        if (mb >= 0) {
          base = mb;
          modified = true;
          j++;
          continue;
        }
        const t = toned ? undefined : VIQR_TONES[m];
        if (t !== undefined) {
          tone = t;
          toned = true;
          j++;
          continue;
        }
        break;
      }
      out += String.fromCharCode(vowelCode(base, tone, infoUpper(info)));
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/* ------------------------------------------------------------ shared */

/**
 * Applies `f` to every maximal run of letters of `s`.
 *
 * @example
 * ```ts
 * mapWords('ab, cd', (w) => w.toUpperCase()); // 'AB, CD'
 * ```
 */
export function mapWords(s: string, f: (word: string) => string): string {
  let out = '';
  let last = 0;
  let i = 0;
  while (i < s.length) {
    if (!isLetter(codeAt(s, i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < s.length && isLetter(codeAt(s, j))) j++;
    const w = s.slice(i, j);
    const r = f(w);
    if (r !== w) {
      out += s.slice(last, i) + r;
      last = j;
    }
    i = j;
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Options of {@link decodeLegacy}. */
export interface DecodeLegacyOptions {
  /**
   * TCVN3 only. `'lowercase'` (default): the text follows the ABC-font habit of typing toned
   * capitals with lowercase codes, so lowercase-coded letters in all-caps words are uppercased.
   * `'vn1'`: the text uses the TCVN 5712 VN1 capital codes; case is taken as is.
   */
  readonly tcvn3Capitals?: 'lowercase' | 'vn1';
}

/**
 * Decodes `s` with a known legacy encoding (no detection).
 *
 * @example
 * ```ts
 * decodeWith('Leâ', 'vni'); // 'Lê'
 * ```
 */
export function decodeWith(
  s: string,
  encoding: LegacyEncoding,
  options?: DecodeLegacyOptions,
): string {
  switch (encoding) {
    case 'tcvn3':
      return decodeTcvn3(s, options?.tcvn3Capitals !== 'vn1');
    case 'vni':
      return decodeVni(s);
    case 'viqr':
      return decodeViqr(s);
    case 'viscii':
      return decodeViscii(s);
    case 'cp1258':
      return decodeCp1258(s);
  }
}

/* --------------------------------------------------------------- encoding */

function encodeChar(
  ch: string,
  c: number,
  encoding: LegacyEncoding,
  options: EncodeLegacyOptions | undefined,
): string {
  const info = c < TABLE_SIZE ? (VOWEL_INFO[c] ?? 0) : 0;
  switch (encoding) {
    case 'tcvn3': {
      let b = TCVN3_REVERSE.get(c);
      const vn1 = options?.tcvn3Capitals === 'vn1';
      if (b !== undefined && c >= 0x80 && info !== 0 && infoUpper(info) && !vn1) {
        if (!VN3_CAPITALS.has(c) && infoTone(info) !== 0) {
          b = TCVN3_REVERSE.get(vowelCode(infoBase(info), infoTone(info), false));
        }
      }
      if (b === undefined) return ch;
      if (b < 0x20 && !vn1) {
        return charOfByte(TCVN3_REVERSE.get(ch.toLowerCase().charCodeAt(0)) ?? b);
      }
      return charOfByte(b);
    }
    case 'viscii': {
      const b = VISCII_REVERSE.get(c);
      return b === undefined ? ch : charOfByte(b);
    }
    case 'cp1258': {
      const b = CP1258_REVERSE.get(c);
      if (b !== undefined) return charOfByte(b);
      if (info === 0) return ch;
      const plain = vowelCode(infoBase(info), 0, infoUpper(info));
      const pb = plain < 0x80 ? plain : CP1258_REVERSE.get(plain);
      const tb = CP1258_REVERSE.get(TONE_MARKS[infoTone(info)] ?? 0);
      if (pb === undefined || tb === undefined) return ch;
      return charOfByte(pb) + charOfByte(tb);
    }
    case 'vni':
      return encodeVniChar(ch, c, info);
    case 'viqr':
      return encodeViqrChar(ch, c, info);
  }
}

const VNI_TONE_BYTES = [0, 0xf8, 0xfb, 0xf5, 0xf9, 0xef] as const;
const VNI_CIRC_BYTES = [0xe2, 0xe0, 0xe5, 0xe3, 0xe1, 0xe4] as const;
const VNI_BREVE_BYTES = [0xea, 0xe8, 0xfa, 0xfc, 0xe9, 0xeb] as const;
const VNI_I_BYTES = [0x69, 0xec, 0xe6, 0xf3, 0xed, 0xf2] as const;

function encodeVniChar(ch: string, c: number, info: number): string {
  const up = (b: number, upper: boolean) =>
    String.fromCharCode(upper ? (b >= 0xe0 ? b - 0x20 : b >= 0x61 ? b - 0x20 : b) : b);
  if (c === D_STROKE_LOWER) return 'ñ';
  if (c === D_STROKE_UPPER) return 'Ñ';
  if (info === 0) return ch;
  const base = infoBase(info);
  const tone = infoTone(info);
  const upper = infoUpper(info);
  if (base === 5) return up(VNI_I_BYTES[tone], upper);
  if (base === 11 && tone === 5) return up(0xee, upper);
  const letters = [0x61, 0x61, 0x61, 0x65, 0x65, 0, 0x6f, 0x6f, 0xf4, 0x75, 0xf6, 0x79] as const;
  const head = up(letters[base] ?? 0x61, upper);
  if (base === 2 || base === 4 || base === 7) return head + up(VNI_CIRC_BYTES[tone], upper);
  if (base === 1) return head + up(VNI_BREVE_BYTES[tone], upper);
  return tone === 0 ? head : head + up(VNI_TONE_BYTES[tone], upper);
}

const VIQR_TONE_CHARS = ['', '`', '?', '~', "'", '.'] as const;
const VIQR_MOD_CHARS = ['', '(', '^', '', '^', '', '', '^', '+', '', '+', ''] as const;
const VIQR_PLAIN = 'aaaeeiooouuy';

function encodeViqrChar(ch: string, c: number, info: number): string {
  if (c === D_STROKE_LOWER) return 'dd';
  if (c === D_STROKE_UPPER) return 'DD';
  if (info === 0) return ch;
  const base = infoBase(info);
  const letter = VIQR_PLAIN[base] ?? 'a';
  return (
    (infoUpper(info) ? letter.toUpperCase() : letter) +
    (VIQR_MOD_CHARS[base] ?? '') +
    VIQR_TONE_CHARS[infoTone(info)]
  );
}

/**
 * Encodes Unicode Vietnamese text into a legacy encoding and returns the text as it looks when the
 * legacy bytes are read as Windows-1252 (what old spreadsheets show: `Nguyễn` → `NguyÔn` in TCVN3,
 * `Nguyeãn` in VNI). Characters the encoding cannot represent are kept as they are. Used by the
 * round-trip tests and by synthetic-data generators to corrupt names realistically.
 *
 * TCVN3 (ABC fonts) has no toned capitals: by default they get the lowercase code, as typists did
 * (so `Ánh` comes back as `ánh`, while all-caps words come back in caps).
 *
 * @example
 * ```ts
 * encodeLegacy('Nguyễn Văn Hùng', 'tcvn3'); // 'NguyÔn V¨n Hïng'
 * encodeLegacy('Nguyễn Văn Hùng', 'vni');   // 'Nguyeãn Vaên Huøng'
 * encodeLegacy('Nguyễn Văn Hùng', 'viqr');  // 'Nguye^~n Va(n Hu`ng'
 * ```
 */
export function encodeLegacy(
  s: string,
  encoding: LegacyEncoding,
  options?: EncodeLegacyOptions,
): string {
  const text = toNfc(s);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const c = codeAt(text, i);
    if (encoding === 'viqr') {
      const next = text[i + 1] ?? '';
      // Escape what the decoder would otherwise read as a mark: `\` before marks after a vowel,
      // a literal `dd`, and backslashes.
      if (ch === '\\') {
        out += '\\\\';
        continue;
      }
      if (VIQR_MARKS.has(ch) && i > 0 && isViqrMarkContext(text, i)) {
        out += `\\${ch}`;
        continue;
      }
      if ((ch === 'd' || ch === 'D') && (next === 'd' || next === 'D')) {
        out += `${ch}\\`;
        continue;
      }
    }
    if (c < 0x80 && encoding !== 'viqr') {
      out += ch;
      continue;
    }
    out += encodeChar(ch, c, encoding, options);
  }
  return out;
}

/** Whether a VIQR mark at `i` would attach to a preceding vowel (possibly through other marks). */
function isViqrMarkContext(text: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && VIQR_MARKS.has(text[j] ?? '')) j--;
  if (j < 0) return false;
  const c = codeAt(text, j);
  return c < TABLE_SIZE && (VOWEL_INFO[c] ?? 0) !== 0;
}
