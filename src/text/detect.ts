/**
 * `detectEncoding` and `decodeLegacy`: recognise legacy-encoded Vietnamese text by whether decoding
 * it turns its words into Vietnamese syllables.
 *
 * @module
 */
import { cleanBeforeDecoding, codeAt, isSpaceLike, splitWords } from './chars.js';
import { isCommonNameSyllable as isCommon } from './common-syllables.js';
import {
  type DecodeLegacyOptions,
  decodeWith,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
} from './legacy.js';
import { isCp1252Char } from './legacy-bytes.js';
import { LETTER_CASE, TABLE_SIZE } from './letters.js';
import { analyzeSyllable } from './syllable.js';
import { tonePlacementOk } from './tone.js';
import { createWordMemo, memoGet, memoSet } from './word-memo.js';

/**
 * What {@link detectEncoding} found: a legacy encoding, `'unicode'` (real Unicode text, possibly
 * with non-Vietnamese letters such as `Hélène`: leave it alone) or `'ascii'` (plain ASCII with no
 * VIQR marks: nothing to decode; the text may simply lack diacritics).
 */
export type DetectedEncoding = 'unicode' | 'ascii' | LegacyEncoding;

/** The result of {@link detectEncoding}. */
export interface EncodingDetection {
  readonly encoding: DetectedEncoding;
  /**
   * In [0, 1]. For a legacy encoding: the share of the changed words that decoding turned into
   * Vietnamese syllables, discounted when some did not. 1 for text that cannot be legacy at all
   * (characters outside Windows-1252, or plain ASCII without marks).
   */
  readonly confidence: number;
}

/** `VIQR_MARK[c]` is 1 for the ASCII characters VIQR uses as marks: ' ` ? ~ . ( ^ + and backslash. */
const VIQR_MARK: Uint8Array = (() => {
  const t = new Uint8Array(128);
  for (const ch of "'`?~.(^+\\") t[codeAt(ch, 0)] = 1;
  return t;
})();

function isVowelAscii(c: number): boolean {
  const l = c | 0x20;
  return l === 0x61 || l === 0x65 || l === 0x69 || l === 0x6f || l === 0x75 || l === 0x79;
}

/** ASCII punctuation (not a letter), VIQR marks excepted when `keepMarks`. */
function isPunct(c: number, keepMarks: boolean): boolean {
  return (
    c > 0x20 &&
    c < 0x7f &&
    !((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) &&
    !(keepMarks && VIQR_MARK[c] === 1)
  );
}

/** Strips leading and trailing ASCII punctuation (not VIQR marks at the end). */
function trimWord(w: string, keepMarks: boolean): string {
  let a = 0;
  let b = w.length;
  while (a < b && isPunct(codeAt(w, a), keepMarks)) a++;
  while (b > a && isPunct(codeAt(w, b - 1), keepMarks)) b--;
  return w.slice(a, b);
}

interface Score {
  readonly evidence: number;
  readonly against: number;
  readonly changed: number;
  /**
   * Tie-breakers: +0.5 per decoded word that is a frequent name syllable when the original was not, -0.25 per valid word
   * turned into another valid word.
   */
  readonly bonus: number;
  /** Decoded words that are frequent name syllables. */
  readonly strong: number;
}

function isSyllable(w: string): boolean {
  return w.length > 0 && analyzeSyllable(w).error === null;
}

/** lower, Title or UPPER case: `thĂng` or `TÔn` is not a plausible decoding. */
function plausibleCase(w: string): boolean {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seen = 0;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    const k = c < TABLE_SIZE ? (LETTER_CASE[c] as number) : 0;
    if (k === 0) continue;
    if (k === 1) {
      upper++;
      if (seen === 0) firstUpper = true;
    } else lower++;
    seen++;
  }
  return upper === 0 || lower === 0 || (upper === 1 && firstUpper);
}

/** The tone sits where neither style puts it (`Haò`, `tòan`). */
function misplacedTone(w: string): boolean {
  return (
    !tonePlacementOk(w, 0, w.length, 'traditional') && !tonePlacementOk(w, 0, w.length, 'modern')
  );
}

function hasC0(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (codeAt(w, i) < 0x20) return true;
  return false;
}

function isAscii(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (codeAt(w, i) >= 0x80) return false;
  return true;
}

/** What decoding one word with one encoding gives, for scoring. */
interface WordScore {
  /** Decoding changed the word. */
  readonly changed: boolean;
  /** The decoded word is a plausible syllable. */
  readonly valid: boolean;
  /** The original word was not a plausible syllable. */
  readonly repaired: boolean;
  /** The decoded word is a frequent name syllable. */
  readonly common: boolean;
  /** ... and the original was not. */
  readonly newlyCommon: boolean;
  /** The decoded word's tone sits where neither style puts it (`Laị` rather than `Lại`). */
  readonly misplaced: boolean;
}

const UNCHANGED: WordScore = {
  changed: false,
  valid: false,
  repaired: false,
  common: false,
  newlyCommon: false,
  misplaced: false,
};

/** What detection knows about one word (memoised: names reuse their words). */
interface WordEntry {
  /** {@link isSettledWord}. */
  readonly settled: boolean;
  /**
   * The word's scores for every encoding, packed: {@link SCORE_BITS} bits per encoding (index in
   * {@link LEGACY_ENCODINGS}) holding the {@link WordScore} flags; -1 before first use.
   */
  packed: number;
}

/** Memo of word entries (bounded, module-private, immutable once filled). */
const WORDS = createWordMemo<WordEntry>();

function entryOf(w: string): WordEntry {
  let entry = memoGet(WORDS, w, 0, w.length);
  if (entry === undefined) {
    entry = {
      settled: isSyllable(w) && plausibleCase(w) && !misplacedTone(w),
      packed: -1,
    };
    if (w.length <= 24) memoSet(WORDS, w, entry);
  }
  return entry;
}

/** Bits per encoding in {@link WordEntry.packed}. */
const SCORE_BITS = 6;
const S_CHANGED = 1;
const S_VALID = 2;
const S_REPAIRED = 4;
const S_COMMON = 8;
const S_NEWLY_COMMON = 16;
const S_MISPLACED = 32;

function packScore(ws: WordScore): number {
  return (
    (ws.changed ? S_CHANGED : 0) |
    (ws.valid ? S_VALID : 0) |
    (ws.repaired ? S_REPAIRED : 0) |
    (ws.common ? S_COMMON : 0) |
    (ws.newlyCommon ? S_NEWLY_COMMON : 0) |
    (ws.misplaced ? S_MISPLACED : 0)
  );
}

/** The packed scores of the word `raw` for every encoding (computed on first use). */
function packedScores(entry: WordEntry, raw: string): number {
  let packed = entry.packed;
  if (packed < 0) {
    packed = 0;
    for (let e = 0; e < LEGACY_ENCODINGS.length; e++) {
      const ws = computeWordScore(raw, LEGACY_ENCODINGS[e] as LegacyEncoding);
      packed |= packScore(ws) << (SCORE_BITS * e);
    }
    entry.packed = packed;
  }
  return packed;
}

/**
 * Whether the word is a Vietnamese syllable in lower, Title or UPPER case with its tone where one
 * of the styles puts it. No decoding can count such a word as repaired, so text made only of such
 * words is never detected as legacy text. Memoised (bounded, module-private).
 *
 * @example
 * ```ts
 * isSettledWord('Hòa'); // true
 * isSettledWord('Haò'); // false: the tone sits where neither style puts it
 * ```
 */
export function isSettledWord(w: string): boolean {
  return entryOf(w).settled;
}

function computeWordScore(raw: string, encoding: LegacyEncoding): WordScore {
  const w = trimWord(raw, encoding === 'viqr');
  if (w.length === 0) return UNCHANGED;
  // Byte encodings change only non-ASCII characters (and the C0 capitals of TCVN3/VISCII).
  if (encoding !== 'viqr' && isAscii(w) && !hasC0(w)) return UNCHANGED;
  const decoded = decodeWith(w, encoding);
  if (decoded === w) return UNCHANGED;
  const d = trimWord(decoded, false);
  const valid = isSyllable(d) && plausibleCase(d);
  const common = valid && isCommon(d);
  return {
    changed: true,
    valid,
    repaired:
      valid && (!isSyllable(w) || !plausibleCase(w) || (misplacedTone(w) && !misplacedTone(d))),
    common,
    newlyCommon: common && !isCommon(w),
    misplaced: valid && misplacedTone(d),
  };
}

function scoreEncoding(packed: readonly number[], count: number, e: number): Score {
  let evidence = 0;
  let against = 0;
  let changed = 0;
  let bonus = 0;
  let strong = 0;
  const shift = SCORE_BITS * e;
  for (let k = 0; k < count; k++) {
    const ws = ((packed[k] as number) >> shift) & 0x3f;
    if ((ws & S_CHANGED) === 0) continue;
    changed++;
    if ((ws & S_VALID) === 0) {
      against++;
      continue;
    }
    // Turning one valid syllable into another is weak evidence against the encoding.
    if ((ws & S_REPAIRED) !== 0) evidence++;
    else bonus -= 0.25;
    if ((ws & S_COMMON) !== 0) strong++;
    if ((ws & S_NEWLY_COMMON) !== 0) bonus += 0.5;
    if ((ws & S_MISPLACED) !== 0) bonus -= 0.25;
  }
  return { evidence, against, changed, bonus, strong };
}

/**
 * Guesses how a string is encoded. Text with characters no Windows-1252 byte produces (ễ, ư, Chinese,
 * combining marks…) is `unicode`; plain ASCII is `ascii` unless VIQR marks decode into Vietnamese
 * syllables; otherwise each legacy decoder is tried word by word, and an encoding wins only if it
 * turns words that were not Vietnamese syllables into syllables (at least two, or one that is a
 * frequent name syllable) and does not break more words than it repairs. On a tie, Unicode wins: real Unicode text and Latin-1 names (`Hélène`, `Müller`) are
 * never decoded.
 *
 * @example
 * ```ts
 * detectEncoding('NguyÔn V¨n Hïng');   // { encoding: 'tcvn3', confidence: 1 }
 * detectEncoding('Nguyeãn Vaên Huøng'); // { encoding: 'vni', confidence: 1 }
 * detectEncoding('Nguyễn Văn Hùng');    // { encoding: 'unicode', confidence: 1 }
 * detectEncoding('Hélène Müller');      // { encoding: 'unicode', confidence: … }
 * ```
 */
export function detectEncoding(input: string): EncodingDetection {
  return detect(input, true);
}

/**
 * {@link detectEncoding} without the early answer for text made of settled words: every legacy
 * encoding is scored. The reference the tests hold the early answer to.
 */
export function detectEncodingScored(input: string): EncodingDetection {
  return detect(input, false);
}

function detect(input: string, shortcut: boolean): EncodingDetection {
  const s = cleanBeforeDecoding(input);
  let nonAscii = false;
  let viqrMarks = false;
  let prev = 0;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = codeAt(s, i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) {
      // TCVN3 and VISCII put some capitals on C0 control bytes.
      nonAscii = true;
    } else if (c >= 0x80) {
      if (!isCp1252Char(c)) return { encoding: 'unicode', confidence: 1 };
      if (!isSpaceLike(c)) nonAscii = true;
    } else if (
      (VIQR_MARK[c] === 1 && isVowelAscii(prev)) ||
      ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)
    ) {
      viqrMarks = true;
    }
    prev = c;
  }
  if (!nonAscii && !viqrMarks) return { encoding: 'ascii', confidence: 1 };
  const words = splitWords(s);
  const entries: WordEntry[] = [];
  let allSettled = true;
  for (const w of words) {
    const entry = entryOf(w);
    if (!entry.settled) allSettled = false;
    entries.push(entry);
  }
  // No decoding can count a settled word as repaired: no encoding can win.
  if (allSettled && shortcut)
    return { encoding: nonAscii ? 'unicode' : 'ascii', confidence: nonAscii ? 0.9 : 1 };
  const packed: number[] = [];
  for (let k = 0; k < words.length; k++) {
    packed.push(packedScores(entries[k] as WordEntry, words[k] as string));
  }
  return chooseEncoding(packed, packed.length, nonAscii, viqrMarks);
}

/**
 * The scoring step of {@link detectEncoding}: `packed[0 … count)` are the {@link wordScores} of
 * the words of the cleaned text (split at space-like characters), `nonAscii` and `viqrMarks`
 * what the character scan found (see {@link wordLegacyFlags}).
 */
export function chooseEncoding(
  packed: readonly number[],
  count: number,
  nonAscii: boolean,
  viqrMarks: boolean,
): EncodingDetection {
  let best: LegacyEncoding | null = null;
  let bestScore = 0;
  let bestConfidence = 0;
  for (let e = 0; e < LEGACY_ENCODINGS.length; e++) {
    const encoding = LEGACY_ENCODINGS[e] as LegacyEncoding;
    if (encoding === 'viqr' ? !viqrMarks || nonAscii : !nonAscii) continue;
    const { evidence, against, changed, bonus, strong } = scoreEncoding(packed, count, e);
    const score = evidence - against + bonus;
    // One repaired word is enough only when it is a frequent name syllable (`Seán` → `Sến` is not).
    const enough = evidence >= 2 || (evidence === 1 && strong >= 1);
    if (enough && score > bestScore) {
      best = encoding;
      bestScore = score;
      bestConfidence = Math.max(0, (changed - 2 * against) / changed);
    }
  }
  if (best !== null) return { encoding: best, confidence: bestConfidence };
  return { encoding: nonAscii ? 'unicode' : 'ascii', confidence: nonAscii ? 0.9 : 1 };
}

/**
 * The scores of the word `w` for every legacy encoding, packed in one integer (memoised, bounded):
 * what {@link chooseEncoding} adds up.
 *
 * @example
 * ```ts
 * chooseEncoding([wordScores('Nguyeãn'), wordScores('Vaên')], 2, true, false).encoding; // 'vni'
 * ```
 */
export function wordScores(w: string): number {
  return packedScores(entryOf(w), w);
}

/** {@link wordLegacyFlags}: a character no Windows-1252 byte gives (the text is Unicode). */
export const FLAG_UNICODE = 1;
/** {@link wordLegacyFlags}: a byte a legacy encoding may give (C0 capital, or non-ASCII). */
export const FLAG_NON_ASCII = 2;
/** {@link wordLegacyFlags}: a VIQR mark after a vowel, or `dd`. */
export const FLAG_VIQR = 4;

/**
 * What the character scan of {@link detectEncoding} finds in one word (no space-like or invisible
 * character), as {@link FLAG_UNICODE} | {@link FLAG_NON_ASCII} | {@link FLAG_VIQR}: the flags of
 * a text are the union over its words, since a space before a word is neither a vowel nor `d`.
 *
 * @example
 * ```ts
 * wordLegacyFlags('Va(n'); // FLAG_VIQR
 * ```
 */
export function wordLegacyFlags(w: string): number {
  let flags = 0;
  let prev = 0;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    if (c < 0x20 && (c < 0x09 || c > 0x0d)) flags |= FLAG_NON_ASCII;
    else if (c >= 0x80) {
      if (!isCp1252Char(c)) flags |= FLAG_UNICODE;
      else if (!isSpaceLike(c)) flags |= FLAG_NON_ASCII;
    } else if (
      (VIQR_MARK[c] === 1 && isVowelAscii(prev)) ||
      ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)
    ) {
      flags |= FLAG_VIQR;
    }
    prev = c;
  }
  return flags;
}

/**
 * Decodes legacy-encoded text (read as Windows-1252) into Unicode NFC. With no `encoding`, detects
 * it first ({@link detectEncoding}) and returns `s` unchanged when it is not legacy text. TCVN3
 * decoding also repairs two ABC-font habits: toned capitals typed with lowercase codes (restored in
 * all-caps words) and the ư byte (0xAD, a soft hyphen) dropped by tools (restored when that makes a
 * syllable: `Trơng` → `Trương`).
 *
 * @example
 * ```ts
 * decodeLegacy('NguyÔn V¨n Hïng');        // 'Nguyễn Văn Hùng'
 * decodeLegacy('Nguye^~n Va(n Hu`ng');    // 'Nguyễn Văn Hùng'
 * decodeLegacy('Tr¬ng', 'tcvn3');         // 'Trương'
 * ```
 */
export function decodeLegacy(
  s: string,
  encoding?: LegacyEncoding,
  options?: DecodeLegacyOptions,
): string {
  const enc = encoding ?? detectEncoding(s).encoding;
  if (enc === 'unicode' || enc === 'ascii') return s;
  return decodeWith(cleanBeforeDecoding(s), enc, options);
}
