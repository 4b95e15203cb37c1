/**
 * Which reading of a name is the right one — as it stands, or decoded from one of the legacy
 * encodings, wholly or only in the words that are not already Vietnamese syllables — decided on
 * the whole name: each word's validity as a syllable, its tone placement, and how often it occurs
 * in Vietnamese names at its place (surname first, `Thị`/`Văn` in the middle, frequent syllables
 * anywhere).
 *
 * @module
 */
import { cleanBeforeDecoding, codeAt, isInvisible, isSpaceLike, splitWords } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import { decodeWith, LEGACY_ENCODINGS, type LegacyEncoding } from '../legacy.js';
import { isCp1252Char } from '../legacy-bytes.js';
import { LETTER_CASE, TABLE_SIZE } from '../letters.js';
import { OTHER_SURNAMES, STRONG_SURNAMES } from '../surnames.js';
import { analyzeSyllable } from '../syllable.js';
import { placeToneInWord, tonePlacementOk } from '../tone.js';
import { createWordMemo, memoGet, memoSet } from '../word-memo.js';

const SURNAMES: ReadonlySet<string> = new Set(
  [...STRONG_SURNAMES, ...OTHER_SURNAMES].map((w) => w.toLowerCase()),
);
/** The two middle names that mark a Vietnamese name (tên đệm of women and men). */
const MIDDLE_MARKERS: ReadonlySet<string> = new Set(['thị', 'văn']);

function isVowelAscii(c: number): boolean {
  const l = c | 0x20;
  return l === 0x61 || l === 0x65 || l === 0x69 || l === 0x6f || l === 0x75 || l === 0x79;
}

function isViqrMark(c: number): boolean {
  return (
    c === 0x27 ||
    c === 0x60 ||
    c === 0x3f ||
    c === 0x7e ||
    c === 0x2e ||
    c === 0x28 ||
    c === 0x5e ||
    c === 0x2b
  );
}

/**
 * What a name's characters allow: bit 0 a byte encoding (a non-ASCII character every Windows-1252
 * reader can give, or a C0 control), bit 1 VIQR (ASCII with a mark after a vowel, or `dd`), bit 2
 * Unicode only (a character no Windows-1252 byte gives: then only the words without one can be
 * legacy text, in a name partly retyped). 0: nothing to decide.
 *
 * @example
 * ```ts
 * legacyGate('NguyÔn'); // 1
 * legacyGate('Nguyễn Thị Hieàn'); // 5
 * legacyGate('Nguyễn'); // 0
 * ```
 */
export function legacyGate(s: string): number {
  return gateOf(legacyGateBits(s, 0, s.length));
}

/**
 * What {@link legacyGate} finds in `s.slice(start, end)` read after a space, as bits: 1 a byte
 * encoding, 2 VIQR, 4 Unicode only. The gate of a text is {@link gateOf} the union of its
 * words' bits when the words are separated by plain spaces only.
 *
 * @example
 * ```ts
 * gateOf(legacyGateBits('Lª Hïng', 0, 7)); // 1
 * ```
 */
export function legacyGateBits(s: string, start: number, end: number): number {
  let bits = 0;
  let prev = 0x20;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i);
    if (c >= 0x80) {
      if (c === 0xad) bits |= 1;
      else if (isInvisible(c) || isSpaceLike(c)) continue;
      else if (c < 0x100 || isCp1252Char(c)) bits |= 1;
      else bits |= 4;
    } else if (c < 0x20 && (c < 0x09 || c > 0x0d)) bits |= 1;
    else if (
      (isViqrMark(c) && isVowelAscii(prev)) ||
      ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)
    )
      bits |= 2;
    prev = c;
  }
  return bits;
}

/**
 * Whether a word starting with `c` may add to {@link legacyGateBits} when the text before it ends
 * with a no-break space, another Unicode space or invisible characters, which the gate skips (so
 * the word is read after the previous word's last letter, not after a space): a VIQR mark or `d`.
 * Otherwise the gate of the text is that of its words together.
 *
 * @example
 * ```ts
 * mayGlueGate(0x3f); // true ('?' after a vowel is a VIQR mark)
 * mayGlueGate(0x48); // false
 * ```
 */
export function mayGlueGate(c: number): boolean {
  return isViqrMark(c) || (c | 0x20) === 0x64;
}

/** {@link legacyGate} from {@link legacyGateBits}. */
export function gateOf(bits: number): number {
  const high = (bits & 1) !== 0;
  if ((bits & 4) !== 0) return high ? 5 : 0;
  return (high ? 1 : 0) | ((bits & 2) !== 0 && !high ? 2 : 0);
}

/** Whether `w` is ASCII (printable or not). */
function isAsciiWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (codeAt(w, i) >= 0x80) return false;
  return true;
}

/** Whether `w` has a character no Windows-1252 byte gives (the word is Unicode). */
function isUnicodeWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    if (c >= 0x100 && !isCp1252Char(c) && !isInvisible(c)) return true;
  }
  return false;
}

/**
 * Whether `w` is in lower, Title or UPPER case (letters only are counted).
 *
 * @example
 * ```ts
 * plausibleCase('NGUYỄN'); // true
 * plausibleCase('nGuyễn'); // false
 * ```
 */
export function plausibleCase(w: string): boolean {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    const k = c < TABLE_SIZE ? (LETTER_CASE[c] as number) : 0;
    if (k === 1) {
      upper++;
      if (upper + lower === 1) firstUpper = true;
    } else if (k === 2) lower++;
  }
  return upper === 0 || lower === 0 || (upper === 1 && firstUpper);
}

/** One word read as it stands and through each legacy encoding (memoised per word). */
export interface WordReadings {
  /** The word decoded with each encoding of {@link LEGACY_ENCODINGS} (the word itself if unchanged). */
  readonly decoded: readonly string[];
  /** Position-free scores: index 0 the word as it stands, 1 + e decoded with encoding e. */
  readonly base: Float64Array;
  /** Bit 0: a surname; bit 1: Thị/Văn; per reading as in `base`. */
  readonly role: Uint8Array;
  /** A syllable in a plausible case as it stands (a partial reading keeps it). */
  readonly valid: boolean;
  /** Has a character no Windows-1252 byte gives (never decoded). */
  readonly unicode: boolean;
  /** Some encoding changes the word. */
  readonly changes: number;
  /**
   * The packed scores ({@link PackedReadings}): copied once into the words of a name, so that
   * deciding reads a few integers per word and never this object's arrays.
   */
  readonly packed: PackedReadings;
  /** An upper bound of what any decoding can gain on this word as a surname (first word). */
  readonly gainFirst: number;
  /** … as a middle name. */
  readonly gainMiddle: number;
  /** … as the last word, or alone (no bonus). */
  readonly gainLast: number;
}

const READINGS = createWordMemo<WordReadings>();
/** The readings of the words of the name being decided (reused: no allocation per name). */
const SCRATCH: WordReadings[] = [];

function baseScore(w: string): number {
  if (w.length === 0) return 0;
  if (analyzeSyllable(w).error !== null) return -4;
  let score = 0;
  if (!plausibleCase(w)) score -= 1;
  if (
    !tonePlacementOk(w, 0, w.length, 'traditional') &&
    !tonePlacementOk(w, 0, w.length, 'modern')
  ) {
    score -= 1;
  }
  if (isCommonNameSyllable(w)) score += 1;
  return score;
}

function roleOf(w: string): number {
  if (w.length === 0 || analyzeSyllable(w).error !== null) return 0;
  const key = placeToneInWord(w.toLowerCase(), 'traditional');
  return (SURNAMES.has(key) ? 1 : 0) | (MIDDLE_MARKERS.has(key) ? 2 : 0);
}

function readingsOf(w: string): WordReadings {
  let r = memoGet(READINGS, w, 0, w.length);
  if (r !== undefined) return r;
  const count = LEGACY_ENCODINGS.length;
  const decoded: string[] = [];
  const base = new Float64Array(count + 1);
  const role = new Uint8Array(count + 1);
  base[0] = baseScore(w);
  role[0] = roleOf(w);
  let gainFirst = 0;
  let gainMiddle = 0;
  let gainLast = 0;
  const b0 = base[0] as number;
  const r0 = role[0] as number;
  for (let e = 0; e < count; e++) {
    const enc = LEGACY_ENCODINGS[e] as LegacyEncoding;
    // TCVN3 changes an ASCII word only by guessing a dropped ư (`nh` → `như`): no evidence on its
    // own, so such a word is scored as it stands (decoding the whole text still restores it).
    const d = enc === 'tcvn3' && isAsciiWord(w) ? w : decodeWith(w, enc);
    decoded.push(d);
    if (d === w) {
      base[e + 1] = base[0] as number;
      role[e + 1] = role[0] as number;
      continue;
    }
    base[e + 1] = baseScore(d);
    role[e + 1] = roleOf(d);
    const bd = base[e + 1] as number;
    const rd = role[e + 1] as number;
    gainFirst = Math.max(gainFirst, bd + (rd & 1 ? 1.5 : 0) - b0 - (r0 & 1 ? 1.5 : 0));
    gainMiddle = Math.max(gainMiddle, bd + (rd & 2 ? 1.5 : 0) - b0 - (r0 & 2 ? 1.5 : 0));
    gainLast = Math.max(gainLast, bd - b0);
  }
  let changes = 0;
  for (let e = 0; e < count; e++) if (decoded[e] !== w) changes |= 1 << e;
  const valid = b0 > -4 && plausibleCase(w);
  const unicode = isUnicodeWord(w);
  let first = 0;
  let middle = 0;
  let plain = 0;
  let roles = 0;
  for (let k = 0; k <= count; k++) {
    const b2 = (base[k] as number) * 2;
    const rk = role[k] as number;
    plain |= (b2 + 8) << (4 * k);
    first |= (b2 + ((rk & 1) !== 0 ? 3 : 0) + 8) << (4 * k);
    middle |= (b2 + ((rk & 2) !== 0 ? 3 : 0) + 8) << (4 * k);
    roles |= rk << (2 * k);
  }
  r = {
    decoded,
    base,
    role,
    valid,
    unicode,
    changes,
    packed: {
      first,
      middle,
      plain,
      flags: (valid ? 1 : 0) | (unicode ? 2 : 0) | (changes << 2) | (roles << 7),
      gains: (gainFirst * 2) | ((gainMiddle * 2) << 5) | ((gainLast * 2) << 10),
    },
    gainFirst,
    gainMiddle,
    gainLast,
  };
  if (w.length <= 24) memoSet(READINGS, w, r);
  return r;
}

/** The score of reading `k` (0 as it stands, 1 + e decoded) of the word at `pos` of `n`. */
function scoreAt(r: WordReadings, k: number, pos: number, n: number): number {
  let score = r.base[k] as number;
  if (n >= 2) {
    const role = r.role[k] as number;
    if (pos === 0 && (role & 1) !== 0) score += 1.5;
    else if (pos > 0 && pos < n - 1 && (role & 2) !== 0) score += 1.5;
  }
  return score;
}

/**
 * Whether a no-break space in `s` may be VISCII `Õ` (byte 0xA0): it follows a word that is a
 * syllable with `Õ` after it (`V` + Õ, `L` + Õ).
 */
function visciiNbsp(s: string): boolean {
  let from = 0;
  for (;;) {
    const i = s.indexOf('\u00a0', from);
    if (i < 0) return false;
    let a = i;
    while (a > 0 && !isSpaceLike(codeAt(s, a - 1))) a--;
    if (a < i && analyzeSyllable(`${s.slice(a, i)}Õ`).error === null) return true;
    from = i + 1;
  }
}

/** What {@link chooseReading} decided. */
export interface NameReading {
  /** The encoding to decode with, or `null` to read the name as it stands. */
  readonly encoding: LegacyEncoding | null;
  /** The text to normalise (decoded when `encoding` is set). */
  readonly text: string;
  /** How much better the chosen reading scored than the name as it stands (0 when kept). */
  readonly margin: number;
}

/** How much better a decoded reading must score than the name as it stands. */
export const READING_MARGIN = 1;

/** {@link decideReading}: the characters rule legacy text out (nothing to decide). */
export const NO_READING = -2;
/** {@link decideReading}: the name is read as it stands. */
export const AS_IT_STANDS = -1;
/** What the last {@link decideReading} chose besides the encoding (module scratch). */
let decidedPartial = false;
let decidedWhole = false;
let decidedMargin = 0;

/**
 * Whether the last {@link decideReading} chose a reading that decodes the whole text word by word
 * (not only the words that are not syllables, and not VISCII scored on the text decoded whole).
 */
export function decidedWordByWord(): boolean {
  return !decidedPartial && !decidedWhole;
}

/**
 * The readings of a word (memoised): what {@link decideReading} scores.
 *
 * @example
 * ```ts
 * wordReadings('Hïng'); // its readings as it stands and under each encoding
 * ```
 */
export function wordReadings(w: string): WordReadings {
  return readingsOf(w);
}

/**
 * A word's readings packed in small integers (scores doubled, so that they are integers): for
 * reading `k` (0 as it stands, 1 + e decoded with encoding e), bits `4k`…`4k+3` of `first`,
 * `middle` and `plain` hold its score + 8 as the first word of a name of two or more (surname
 * bonus), a middle word (Thị/Văn bonus) and the last word or a word alone (no bonus). `flags`:
 * bit 0 valid (a syllable in a plausible case), bit 1 Unicode, bits 2–6 which encodings change
 * the word, from bit 7 two role bits per reading (surname, Thị/Văn). `gains`: what decoding can
 * gain at most, doubled, as the first (bits 0–4), a middle (5–9) and the last word (10–14).
 */
export interface PackedReadings {
  readonly first: number;
  readonly middle: number;
  readonly plain: number;
  readonly flags: number;
  readonly gains: number;
}

/** The indexes in {@link LEGACY_ENCODINGS} of VIQR and VISCII, and the byte encodings as bits. */
const VIQR = LEGACY_ENCODINGS.indexOf('viqr');
const VISCII = LEGACY_ENCODINGS.indexOf('viscii');
const BYTE_ENCODINGS = ((1 << LEGACY_ENCODINGS.length) - 1) & ~(1 << VIQR);

/** The most words {@link decideReading} decides on (a longer name is read as it stands). */
export const DECIDE_MAX = 256;

/**
 * The packed readings of the words of the name being decided, in order from index 0 (scratch,
 * filled by the caller with references to the memoised readings: nothing copied per word).
 */
export const DECIDE_WORDS: PackedReadings[] = [];

/** The score (doubled, see {@link PackedReadings}) of reading `k` in the packed row `row`. */
function scoreOf(row: number, k: number): number {
  return ((row >> (4 * k)) & 15) - 8;
}

/**
 * The decoded readings' scores of a packed row (nibbles 1 to 5, see {@link PackedReadings}) in the
 * 16-bit lanes of three integers, so that {@link decideReading} adds up a name's words for every
 * encoding in one pass: readings 1 and 2 ({@link lanes12}), 3 and 4 ({@link lanes34}), 5
 * ({@link lane5}). A lane holds at most 15 × 256 (the most words decided), so sums never carry.
 */
function lanes12(row: number): number {
  return ((row >> 4) & 15) | ((row & 0xf00) << 8);
}

function lanes34(row: number): number {
  return ((row >> 12) & 15) | (row & 0xf0000);
}

function lane5(row: number): number {
  return (row >> 20) & 15;
}

/** Reading `j` (1 to 5) of lane sums made with {@link lanes12}, {@link lanes34} and {@link lane5}. */
function laneOf(s12: number, s34: number, s5: number, j: number): number {
  if (j === 5) return s5;
  const s = j <= 2 ? s12 : s34;
  return (j & 1) === 1 ? s & 0xffff : s >>> 16;
}

/** Bit `4j` set for each reading `j` whose score in `row` is the lowest (-4: not a syllable). */
function lowestScores(row: number): number {
  const z = row | (row >> 1);
  return ~(z | (z >> 2)) & 0x111111;
}

/**
 * The decision of {@link chooseReading} from the packed readings of the name's `n` words in
 * {@link DECIDE_WORDS} (the words are the runs between spaces of `clean`, the name without
 * invisible characters), and its {@link legacyGate}: the index in
 * {@link LEGACY_ENCODINGS} of the encoding to decode with, {@link AS_IT_STANDS}, or
 * {@link NO_READING}. `nbspHint`: whether a no-break space of `clean` may be VISCII `Õ` (1 or 0,
 * when the caller knows it from the words), or -1 to look.
 */
export function decideReading(n: number, gate: number, clean: string, nbspHint = -1): number {
  decidedPartial = false;
  decidedWhole = false;
  decidedMargin = 0;
  if (n > DECIDE_MAX) return AS_IT_STANDS;
  const mixed = (gate & 4) !== 0;
  // One pass over the words: whether any is a candidate, what decoding could gain at most, the
  // encodings that change some word (an encoding that changes none is never chosen), and each
  // decoded reading's score added up over the words (all, and those a partial reading decodes)
  // and whether it breaks a word a partial reading keeps.
  let candidate = !mixed;
  let bound = 0;
  let allValid = true;
  let rawScore = 0;
  let keptScore = 0;
  let changing = 0;
  let full12 = 0;
  let full34 = 0;
  let full5 = 0;
  let part12 = 0;
  let part34 = 0;
  let part5 = 0;
  /** Words a partial reading decodes. */
  let decoded = 0;
  let breaking = 0;
  for (let k = 0; k < n; k++) {
    const p = DECIDE_WORDS[k] as PackedReadings;
    const flags = p.flags;
    // In a name partly retyped in Unicode only a Latin-1 word that is not a syllable is decoded.
    if ((flags & 3) === 0) candidate = true;
    if ((flags & 1) === 0) allValid = false;
    const g = p.gains;
    const last = n < 2 || k === n - 1;
    bound += last ? (g >> 10) & 31 : k === 0 ? g & 31 : (g >> 5) & 31;
    const plain = p.plain;
    const row = last ? plain : k === 0 ? p.first : p.middle;
    const raw = (row & 15) - 8;
    rawScore += raw;
    changing |= flags;
    const r12 = lanes12(row);
    const r34 = lanes34(row);
    const r5 = lane5(row);
    full12 += r12;
    full34 += r34;
    full5 += r5;
    // In a name partly retyped, a Unicode word is never decoded.
    if ((mixed && (flags & 2) !== 0) || (flags & 1) !== 0) {
      keptScore += raw;
      breaking |= lowestScores(plain);
    } else {
      part12 += r12;
      part34 += r34;
      part5 += r5;
      decoded++;
    }
  }
  if (!candidate) return NO_READING;
  // Every word a syllable and no decoding able to gain the margin: read as it stands.
  const margin2 = 2 * READING_MARGIN;
  if (allValid && bound < margin2) return AS_IT_STANDS;
  let best = -1;
  let bestPartial = false;
  /** The best reading was scored on the decoded text (VISCII Õ read as a no-break space). */
  let bestWhole = false;
  let bestScore = rawScore;
  // The encodings tried, as bits by index: those the gate allows (VIQR for its marks, the others
  // for bytes) that change some word, and VISCII when it is scored on the decoded text (its Õ is
  // the byte a Windows-1252 reader shows as a no-break space).
  const allowed = ((gate & 1) !== 0 ? BYTE_ENCODINGS : 0) | ((gate & 2) !== 0 ? 1 << VIQR : 0);
  const wholeViscii =
    (allowed & (1 << VISCII)) !== 0 && (nbspHint < 0 ? visciiNbsp(clean) : nbspHint === 1);
  const tried = allowed & ((changing >> 2) | (wholeViscii ? 1 << VISCII : 0));
  for (let e = 0; tried >> e !== 0; e++) {
    if (((tried >> e) & 1) === 0) continue;
    const whole = wholeViscii && e === VISCII;
    let full = laneOf(full12, full34, full5, e + 1) - 8 * n;
    const partial = keptScore + laneOf(part12, part34, part5, e + 1) - 8 * decoded;
    let breaks = ((breaking >> (4 * (e + 1))) & 1) !== 0;
    if (whole) {
      const dw = splitWords(decodeWith(clean, 'viscii'));
      full = 0;
      for (let k = 0; k < dw.length; k++)
        full += 2 * scoreAt(readingsOf(dw[k] as string), 0, k, dw.length);
      breaks = false;
    }
    if (mixed) {
      if (partial > bestScore) {
        best = e;
        bestPartial = true;
        bestWhole = false;
        bestScore = partial;
      }
      continue;
    }
    if (full > bestScore) {
      best = e;
      bestPartial = false;
      bestWhole = whole;
      bestScore = full;
    }
    // A name is usually encoded whole: a partial reading starts one point behind.
    if (breaks && partial - 2 > bestScore) {
      best = e;
      bestPartial = true;
      bestWhole = false;
      bestScore = partial - 2;
    }
  }
  const margin = bestScore - rawScore;
  if (best < 0 || margin < margin2) return AS_IT_STANDS;
  // A decoding that leaves a word that is not a syllable must have repaired two words: one
  // repaired word beside a foreign one (`Seán O'Brien`) is no proof.
  let repaired = 0;
  let invalid = 0;
  let known = false;
  /** A frequent name syllable as it stands would become another word. */
  let commonChanged = false;
  /** Other words that decoding makes better name words (`Thò` → `Thị`). */
  let improved = 0;
  for (let k = 0; k < n; k++) {
    const p = DECIDE_WORDS[k] as PackedReadings;
    const flags = p.flags;
    const rawValid = (mixed && (flags & 2) !== 0) || (flags & 1) !== 0;
    const kept = bestPartial && rawValid;
    const raw = scoreOf(p.plain, 0);
    const dec = kept ? raw : scoreOf(p.plain, best + 1);
    if (!kept && (flags & (1 << (best + 2))) !== 0) {
      if (rawValid && raw >= 2) commonChanged = true;
      else if (dec > raw) improved++;
    }
    if (dec === -8) invalid++;
    else if (!rawValid) {
      repaired++;
      // A frequent name syllable, a surname or Thị/Văn.
      if (dec >= 2 || ((flags >> (7 + 2 * (best + 1))) & 3) !== 0) known = true;
    }
  }
  if (invalid > 0 && repaired < 2 && !known && !bestWhole) return AS_IT_STANDS;
  // A frequent name syllable (`Hoà`, modern placement of Hòa) is not turned into another word
  // (TCVN3 `Hồ`) unless decoding also makes another word a better name word: the frequency lists
  // alone do not outweigh one valid, frequent word.
  if (commonChanged && improved === 0 && !bestWhole) return AS_IT_STANDS;
  decidedPartial = bestPartial;
  decidedWhole = bestWhole;
  decidedMargin = margin / 2;
  return best;
}

/**
 * Decides how to read a name that may be legacy text (its characters all come from Windows-1252
 * bytes, or it holds VIQR marks): as it stands, or decoded with one encoding — the whole text, or
 * only its words that are not already plausible syllables (a name partly retyped in Unicode,
 * considered only when decoding the whole would break a word that is a syllable). Each reading is
 * scored on the whole name: −4 per word that is not a syllable, −1 for an implausible case or a
 * misplaced tone, +1 per frequent name syllable, +1.5 for a surname in first place or Thị/Văn in
 * the middle. A decoded reading wins only when it scores at least 1.5 better than the name as it
 * stands; `null` when the characters rule legacy text out.
 *
 * @example
 * ```ts
 * chooseReading('Chu Huy ChÝnh')?.encoding; // 'tcvn3' (Chính)
 * chooseReading('Hélène Müller')?.encoding; // null
 * ```
 */
export function chooseReading(s: string): NameReading | null {
  const gate = legacyGate(s);
  if (gate === 0) return null;
  const clean = cleanBeforeDecoding(s);
  // Words by range (no split): their readings, in a reused array.
  const readings = SCRATCH;
  let n = 0;
  let start = -1;
  const len = clean.length;
  for (let i = 0; i <= len; i++) {
    const c = i < len ? codeAt(clean, i) : 0x20;
    if (isSpaceLike(c)) {
      if (start >= 0) {
        let r = memoGet(READINGS, clean, start, i);
        if (r === undefined) r = readingsOf(clean.slice(start, i));
        if (n < DECIDE_MAX) DECIDE_WORDS[n] = r.packed;
        readings[n++] = r;
      }
      start = -1;
    } else if (start < 0) start = i;
  }
  const best = decideReading(n, gate, clean);
  if (best === NO_READING) return null;
  if (best === AS_IT_STANDS) return { encoding: null, text: s, margin: 0 };
  const mixed = (gate & 4) !== 0;
  const bestPartial = decidedPartial;
  const margin = decidedMargin;
  const enc = LEGACY_ENCODINGS[best] as LegacyEncoding;
  let text: string;
  if (bestPartial) {
    const out: string[] = [];
    let k = 0;
    let from = -1;
    for (let i = 0; i <= len; i++) {
      const c = i < len ? codeAt(clean, i) : 0x20;
      if (isSpaceLike(c)) {
        if (from >= 0) {
          const r = readings[k++] as WordReadings;
          out.push(
            (mixed && r.unicode) || r.valid ? clean.slice(from, i) : (r.decoded[best] as string),
          );
        }
        from = -1;
      } else if (from < 0) from = i;
    }
    text = out.join(' ');
  } else if (enc === 'vni' || enc === 'viqr') {
    // Both decode letter by letter inside a word: the memo's decoded words, the separators kept.
    let out = '';
    let k = 0;
    let from = -1;
    let last = 0;
    for (let i = 0; i <= len; i++) {
      const c = i < len ? codeAt(clean, i) : 0x20;
      if (isSpaceLike(c)) {
        if (from >= 0) {
          out +=
            clean.slice(last, from) + ((readings[k++] as WordReadings).decoded[best] as string);
          last = i;
        }
        from = -1;
      } else if (from < 0) from = i;
    }
    text = out + clean.slice(last);
  } else text = decodeWith(clean, enc);
  return { encoding: enc, text, margin };
}
