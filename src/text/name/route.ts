/**
 * The one-scan router of {@link normalizeName} for damaged names: one pass splits the name into
 * words and hashes them, a bounded memo gives everything the pipeline needs to know about each
 * word (its Unicode facts, its NFC when it holds combining marks, its legacy-detection flags and
 * scores, its decoded forms), and the name is finished from those facts without scanning it again.
 * Names it cannot settle this way (`null`) take the general path.
 *
 * Every answer equals the general pipeline's: words are the runs between spaces (plain, NBSP or
 * other Unicode spaces) and invisible characters, and each step the pipeline applies to the whole
 * text (NFC, legacy detection, decoding, tone placement, capitalisation) works word by word once
 * the few text-wide inputs (the TCVN3 case and soft-hyphen habits, the spaces) are carried over.
 *
 * @module
 */
import { cleanBeforeDecoding, codeAt, isInvisible, isSpaceLike } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import {
  chooseEncoding,
  type DetectedEncoding,
  FLAG_NON_ASCII,
  FLAG_UNICODE,
  FLAG_VIQR,
  isSettledWord,
  wordLegacyFlags,
  wordScores,
} from '../detect.js';
import {
  decodeWith,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
  splitStrayNbsp,
  tcvn3CaseCounts,
  tcvn3CountsAreUpper,
  tcvn3WordDecode,
} from '../legacy.js';
import { LETTER_CASE, TABLE_SIZE, VOWEL_INFO } from '../letters.js';
import { toNfc } from '../nfc.js';
import { analyzeSyllable, LOWER_BASE } from '../syllable.js';
import { repairTelexWord, type TelexWordRepair } from '../telex.js';
import { createWordMemo, HASH_START, keyStep, memoGetKeyed, memoSet } from '../word-memo.js';
import { type NameContext, withDecode } from './context.js';
import {
  type FinishedFacts,
  factsOf,
  finishedOf,
  normalizeDecoded,
  type WordFacts,
} from './one-scan.js';
import {
  AS_IT_STANDS,
  DECIDE_FIRST,
  DECIDE_FLAGS,
  DECIDE_GAINS,
  DECIDE_MIDDLE,
  DECIDE_PLAIN,
  decidedWordByWord,
  decideReading,
  gateOf,
  legacyGate,
  legacyGateBits,
  mayGlueGate,
  NO_READING,
  plausibleCase,
  READING_MARGIN,
  wordReadings,
} from './reading.js';
import { mayBeRunTogether, mayJoin } from './repair.js';
import type { NameChange, NormalizedName } from './types.js';

/** A word of Vietnamese letters only. */
const KIND_LETTERS = 0;
/** Letters and combining marks whose NFC is letters only (NFD or mixed composition). */
const KIND_COMBINING = 1;
/** Anything else (punctuation, legacy bytes, marks that do not compose). */
const KIND_OTHER = 2;

/** {@link RouteWord.bits}: the word (or its NFC) is letters only (it has facts). */
const W_LETTERS = 1;
/** ... and a syllable. */
const W_SYLLABLE = 2;
/** ... and settled ({@link isSettledWord}). */
const W_SETTLED = 4;
/** A letter above U+00FF. */
const W_HIGH = 8;
/** A Latin-1 letter above ASCII, or `dd`. */
const W_MAYBE_LEGACY = 16;
/** Combining marks (composed per word). */
const W_COMBINING = 32;
/**
 * The word may be words run together (a capital after the first letter beside a lowercase
 * letter, or capitals that are not a syllable): the whole-name steps must look at it.
 */
const W_SPLIT = 64;
/** Lower, Title or UPPER case ({@link plausibleCase}). */
const W_PLAUSIBLE = 128;
/** A syllable once composed, diacritics may be missing (a split syllable joins only with a word that is not). */
const W_LOOSE = 256;
/** The (composed) word has a vowel letter; it starts with one; it ends with one. */
const W_VOWEL = 512;
const W_VSTART = 1024;
const W_VEND = 2048;

/** Bits of a finished word: tone placement changed it. */
const F_TONE = 1;
/** Capitalisation changed it. */
const F_CASE = 2;
/** A letter above U+00FF. */
const F_HIGH = 4;
/** ASCII without `dd`. */
const F_ASCII = 8;
/** Settled. */
const F_SETTLED = 16;
/** A letter from U+0080 to U+00FF, or `dd`. */
const F_LATIN1 = 32;
/** ASCII that may hold keystrokes. */
const F_KEYS = 64;

/** Where a finished form is kept: on the word or the decoded word it was made from. */
interface FinishedSlot {
  finKey: number;
  finBits: number;
  finValue: string;
  finSpaced: string;
}

/** The finished words of the name being routed: bits, value, value after a space (scratch). */
const FIN_BITS: number[] = [];
const FIN_VALUE: string[] = [];
const FIN_SPACED: string[] = [];

function finishedBits(f: FinishedFacts): number {
  return (
    (f.tone ? F_TONE : 0) |
    (f.case ? F_CASE : 0) |
    (f.high ? F_HIGH : 0) |
    (f.plainAscii ? F_ASCII : 0) |
    (f.settled ? F_SETTLED : 0) |
    (f.latin1 ? F_LATIN1 : 0) |
    (f.keys ? F_KEYS : 0)
  );
}

/** Puts the finished form of `facts` at index `k`, through the cache `slot`. */
function putFinished(k: number, slot: FinishedSlot, facts: WordFacts, ctx: NameContext): void {
  const key = (ctx.style === 'modern' ? 2 : 0) + (ctx.capitalize ? 1 : 0);
  if (slot.finKey !== key) {
    const f = finishedOf(facts, ctx);
    slot.finBits = finishedBits(f);
    slot.finValue = f.value;
    slot.finSpaced = f.spaced;
    slot.finKey = key;
  }
  FIN_BITS[k] = slot.finBits;
  FIN_VALUE[k] = slot.finValue;
  FIN_SPACED[k] = slot.finSpaced;
}

/** Puts a finished form at index `k` (no cache). */
function putFinishedFacts(k: number, f: FinishedFacts): void {
  FIN_BITS[k] = finishedBits(f);
  FIN_VALUE[k] = f.value;
  FIN_SPACED[k] = f.spaced;
}

/** A word decoded with one legacy encoding. */
interface DecodedWord {
  readonly value: string;
  /** Whether `value` differs from the word (known when decoded: no string comparison per name). */
  readonly changed: boolean;
  /** Facts of `value` when it is letters only and a syllable; `null` otherwise. */
  readonly facts: WordFacts | null;
  /** The finished form of `facts` last asked for ({@link FinishedSlot}). */
  finKey: number;
  finBits: number;
  finValue: string;
  finSpaced: string;
}

/** What the router knows about one word (memoised; the lazy fields are filled on first use). */
interface RouteWord {
  readonly word: string;
  readonly kind: number;
  /** Facts of the word (letters) or of its NFC (combining, when that is letters only); else `null`. */
  readonly facts: WordFacts | null;
  /** The NFC word may hold Telex/VNI keystrokes ({@link mayBeTyped}). */
  readonly typed: boolean;
  /** The NFC word holds the look-alike Ð/ð (the pipeline may replace it). */
  readonly eth: boolean;
  /** {@link repairTelexWord} of the NFC word, on first use (`undefined` before). */
  telex: TelexWordRepair | null | undefined;
  /** 1 when the NFC word is a syllable but for missing diacritics, 0 when not, -1 before first use. */
  loose: number;
  /** {@link wordLegacyFlags}. */
  readonly legacy: number;
  /** The word holds the TCVN3 ư byte (a soft hyphen in Windows-1252). */
  readonly softHyphen: boolean;
  /** {@link isSettledWord} as 1 or 0, or -1 before first use. */
  settled: number;
  /** {@link wordScores}, or -1 before first use. */
  scores: number;
  /** {@link tcvn3CaseCounts}, or -1 before first use. */
  tcvnCounts: number;
  /** {@link W_LETTERS} … {@link W_COMBINING}: what the router checks first, in one load. */
  readonly bits: number;
  /** {@link legacyGateBits} of the word. */
  readonly gate: number;
  /**
   * The word's {@link PackedReadings}, copied here on first use (flags -1 before) so that the
   * reading of a name reads them from the cache line it has already loaded.
   */
  pFlags: number;
  pFirst: number;
  pMiddle: number;
  pPlain: number;
  pGains: number;
  /** The finished form of `facts` last asked for ({@link FinishedSlot}). */
  finKey: number;
  finBits: number;
  finValue: string;
  finSpaced: string;
  /** The last word asked about as this one's right neighbour ({@link mayJoinWords}), and the answer. */
  joinNext: RouteWord | undefined;
  joins: boolean;
  /** 1 when the word followed by VISCII `Õ` is a syllable (`V` + Õ), 0 when not, -1 before first use. */
  nbspO: number;
  /** The decoded form last asked for, and its {@link decodedSlot} (-1 before). */
  lastSlot: number;
  last: DecodedWord | undefined;
  /** Decoded forms by {@link decodedSlot}. */
  readonly decoded: (DecodedWord | undefined)[];
}

/** Memo of route words (bounded, module-private). */
const ROUTE = createWordMemo<RouteWord>();

/** Longest word stored in the memo (longer ones are analysed on every call). */
const MEMO_MAX = 24;

/** Longest name the router takes (so the packed TCVN3 counts cannot overflow). */
const ROUTE_MAX = 512;

function isLetter(c: number): boolean {
  return c < TABLE_SIZE && (LOWER_BASE[c] as number) !== 0;
}

function lettersOnly(w: string): boolean {
  for (let i = 0; i < w.length; i++) if (!isLetter(codeAt(w, i))) return false;
  return w.length > 0;
}

function letterFacts(w: string): WordFacts | null {
  return lettersOnly(w) ? factsOf(w, 0, w.length) : null;
}

function syllableFacts(w: string): WordFacts | null {
  const f = letterFacts(w);
  return f?.syllable === true ? f : null;
}

/**
 * Whether a word may hold Telex/VNI keystrokes: a key letter or digit after its first letter, or
 * `aa ee oo dd` (then {@link normalizeName} tries to repair it).
 *
 * @example
 * ```ts
 * mayBeTyped('Nguyeenx'); // true
 * ```
 */
export function mayBeTyped(w: string): boolean {
  for (let i = 1; i < w.length; i++) {
    const c = codeAt(w, i) | 0x20;
    if (c === 0x73 || c === 0x66 || c === 0x72 || c === 0x78 || c === 0x6a) return true;
    if (c === 0x77 || c === 0x7a || (c >= 0x30 && c <= 0x39)) return true;
    if (c === (codeAt(w, i - 1) | 0x20) && (c === 0x61 || c === 0x65 || c === 0x6f || c === 0x64)) {
      return true;
    }
  }
  return false;
}

function hasEth(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    if (c === 0xd0 || c === 0xf0) return true;
  }
  return false;
}

/** {@link W_VOWEL}, {@link W_VSTART} and {@link W_VEND} of a word of letters. */
function vowelBits(w: string): number {
  let bits = 0;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    if (c < TABLE_SIZE && (VOWEL_INFO[c] as number) !== 0) {
      bits |= W_VOWEL;
      if (i === 0) bits |= W_VSTART;
      if (i === w.length - 1) bits |= W_VEND;
    }
  }
  return bits;
}

function analyze(w: string): RouteWord {
  let kind = KIND_LETTERS;
  let high = false;
  let maybeLegacy = false;
  let prev = 0;
  let innerUpper = false;
  let lower = false;
  for (let i = 0; i < w.length; i++) {
    const c = codeAt(w, i);
    const k = c < TABLE_SIZE ? (LETTER_CASE[c] as number) : 0;
    if (k === 2) lower = true;
    else if (k === 1 && i > 0) innerUpper = true;
    if (isLetter(c)) {
      if (c >= 0x100) high = true;
      else if (c >= 0x80 || ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)) maybeLegacy = true;
    } else if (c >= 0x0300 && c <= 0x036f && i > 0) {
      if (kind === KIND_LETTERS) kind = KIND_COMBINING;
    } else kind = KIND_OTHER;
    prev = c;
  }
  let facts: WordFacts | null = null;
  if (kind === KIND_LETTERS) facts = letterFacts(w);
  else if (kind === KIND_COMBINING) {
    facts = letterFacts(toNfc(w));
    if (facts === null) kind = KIND_OTHER;
  }
  return {
    // The fields every routed name reads come first (one cache line).
    bits:
      (facts !== null ? W_LETTERS : 0) |
      (facts?.syllable === true ? W_SYLLABLE : 0) |
      (facts?.settled === true ? W_SETTLED : 0) |
      (high ? W_HIGH : 0) |
      (maybeLegacy ? W_MAYBE_LEGACY : 0) |
      (kind === KIND_COMBINING ? W_COMBINING : 0) |
      (((innerUpper && lower) || (!lower && facts?.syllable !== true)) && mayBeRunTogether(w)
        ? W_SPLIT
        : 0) |
      (plausibleCase(w) ? W_PLAUSIBLE : 0) |
      (analyzeSyllable(kind === KIND_LETTERS ? w : toNfc(w), true).error === null ? W_LOOSE : 0) |
      (facts === null ? 0 : vowelBits(facts.word)),
    gate: legacyGateBits(w, 0, w.length),
    pFlags: -1,
    pFirst: 0,
    pMiddle: 0,
    pPlain: 0,
    pGains: 0,
    legacy: wordLegacyFlags(w),
    nbspO: -1,
    joinNext: undefined,
    joins: false,
    finKey: -1,
    finBits: 0,
    finValue: '',
    finSpaced: '',
    word: w,
    kind,
    facts,
    typed: facts !== null && mayBeTyped(facts.word),
    eth: facts !== null && hasEth(facts.word),
    telex: undefined,
    loose: -1,
    softHyphen: w.includes('\u00ad'),
    settled: -1,
    scores: -1,
    lastSlot: -1,
    last: undefined,
    tcvnCounts: -1,
    decoded: [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ],
  };
}

function routeWord(s: string, start: number, end: number, h: number): RouteWord {
  let r = memoGetKeyed(ROUTE, s, start, end, h);
  if (r === undefined) {
    const w = s.slice(start, end);
    r = analyze(w);
    if (w.length <= MEMO_MAX) memoSet(ROUTE, w, r);
  }
  return r;
}

/** {@link decodedSlot} of VISCII. */
const VISCII_SLOT = 5;

/** Slot of a decoded form: TCVN3 by its two text-wide inputs, then one per other encoding. */
function decodedSlot(enc: LegacyEncoding, textUpper: boolean, softHyphen: boolean): number {
  switch (enc) {
    case 'tcvn3':
      return (textUpper ? 1 : 0) + (softHyphen ? 2 : 0);
    case 'vni':
      return 4;
    case 'viscii':
      return VISCII_SLOT;
    case 'cp1258':
      return 6;
    case 'viqr':
      return 7;
  }
}

function decodedOf(
  r: RouteWord,
  enc: LegacyEncoding,
  textUpper: boolean,
  softHyphen: boolean,
): DecodedWord {
  const slot = decodedSlot(enc, textUpper, softHyphen);
  if (r.lastSlot === slot) return r.last as DecodedWord;
  let d = r.decoded[slot];
  if (d === undefined) {
    const value =
      enc === 'tcvn3' ? tcvn3WordDecode(r.word, textUpper, softHyphen) : decodeWith(r.word, enc);
    d = {
      value,
      changed: value !== r.word,
      facts: syllableFacts(value),
      finKey: -1,
      finBits: 0,
      finValue: '',
      finSpaced: '',
    };
    r.decoded[slot] = d;
  }
  r.lastSlot = slot;
  r.last = d;
  return d;
}

/** {@link CHAR_CLASS}: part of a word. */
const C_WORD = 0;
/** A plain space. */
const C_SPACE = 1;
/** An NBSP (kept by some legacy decoders, so tracked apart). */
const C_NBSP = 2;
/** A tab, line break or NEL: the router leaves such names to the general path. */
const C_BAIL = 3;
/** A Unicode space above U+00FF (mapped to a plain space). */
const C_HIGH_SPACE = 4;
/** An invisible character above U+00FF (removed). */
const C_INVISIBLE = 5;

/** Code units below this limit are classified by {@link CHAR_CLASS}; above it, by {@link highClass}. */
const CLASS_LIMIT = 0x2100;

function highClass(c: number): number {
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
const CHAR_CLASS: Uint8Array = (() => {
  const t = new Uint8Array(CLASS_LIMIT);
  for (let c = 0; c < CLASS_LIMIT; c++) t[c] = highClass(c);
  return t;
})();

/** Whether `c` is part of a word for {@link routeName} (not a space, invisible or control). */
function isWordChar(c: number): boolean {
  if (c === 0x20 || c === 0xa0 || c === 0x85 || (c >= 0x09 && c <= 0x0d)) return false;
  return c < 0x100 || !(isSpaceLike(c) || isInvisible(c));
}

/** The {@link wordScores} of the words being routed (scratch). */
const SCORES: number[] = [];

/**
 * 1 when the word at that index of {@link WORDS} is followed by a no-break space, right away or
 * after invisible characters only.
 */
const NBSP_AFTER: Uint8Array = new Uint8Array(ROUTE_MAX + 1);

/** The words of the name being routed (module-private scratch; routing is synchronous). */
const WORDS: RouteWord[] = [];

/**
 * {@link normalizeName} for the names it can settle from word facts (`ctx.decode`: `'auto'`
 * detects legacy text, `false` reads the name as it stands), or
 * `null`: Unicode names whose words are syllables (composed per word when they hold combining
 * marks), and legacy-encoded names whose decoded words are syllables.
 *
 * @example
 * ```ts
 * routeName('Nguyeãn  Vaên Huøng', nameContext());
 * // { value: 'Nguyễn Văn Hùng', changes: ['decoded-vni', 'whitespace'] }
 * ```
 */
export function routeName(s: string, ctx: NameContext): NormalizedName | null {
  const count = scanWords(s);
  if (count < 0) return null;
  return routeScanned(s, count, ctx);
}

/**
 * The text whose words {@link routeDirect} left in {@link WORDS} (and how many), so that
 * {@link routeReading} on the same text does not scan it again; `null` after any other scan.
 */
let scannedText: string | null = null;
let scannedCount = 0;

/** What {@link scanWords} found besides the words (module-private scratch). */
let scanNbsp = false;
let scanHighMapped = false;
let scanWhitespace = false;
/**
 * A word follows skipped separators (NBSP, other spaces, invisible characters) and starts with a
 * character that may add to the gate there ({@link mayGlueGate}): then the gate is the text's.
 */
let scanGateRisk = false;

/**
 * Splits `s` into its words ({@link WORDS}) and returns how many, or -1 when the router cannot
 * take the name (too long, a tab or line break, an invisible character inside a word).
 */
function scanWords(s: string): number {
  scannedText = null;
  const n = s.length;
  if (n > ROUTE_MAX) return -1;
  let count = 0;
  let nbsp = false;
  let highMapped = false;
  let whitespace = false;
  let prevSpace = true;
  let glued = false;
  let start = -1;
  let h = HASH_START;
  /** The last word, while only invisible characters have followed it. */
  let pending = -1;
  /** A plain space (or the start of the text) since the last word. */
  let spaceSince = true;
  let gateRisk = false;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(s, i) : 0x20;
    const k = c < CLASS_LIMIT ? (CHAR_CLASS[c] as number) : highClass(c);
    if (k === C_BAIL) return -1;
    // 0: part of a word; 1: a space; 2: an invisible character.
    let sep = 0;
    if (k !== C_WORD) {
      sep = k === C_INVISIBLE ? 2 : 1;
      if (k === C_NBSP) nbsp = true;
      else if (k !== C_SPACE) highMapped = true;
    }
    if (sep === 0) {
      if (start < 0) {
        if (glued) return -1; // an invisible character inside a word
        if (!spaceSince && mayGlueGate(c)) gateRisk = true;
        spaceSince = false;
        start = i;
        h = HASH_START;
      }
      h = keyStep(h, i - start, c);
      continue;
    }
    if (start >= 0) {
      NBSP_AFTER[count] = k === C_NBSP ? 1 : 0;
      WORDS[count++] = routeWord(s, start, i, h);
      start = -1;
      prevSpace = false;
      pending = k === C_INVISIBLE ? count - 1 : -1;
    } else if (k === C_NBSP && pending >= 0) {
      // Only invisible characters between the word and the NBSP: decoding sees them side by side.
      NBSP_AFTER[pending] = 1;
      pending = -1;
    } else if (k !== C_INVISIBLE) pending = -1;
    if (k === C_SPACE) spaceSince = true;
    if (sep === 1) {
      // Leading or double space, or (at the end, which counts as a space) a trailing one.
      if (prevSpace && (i < n || count > 0)) whitespace = true;
      prevSpace = true;
      glued = false;
    } else glued = !prevSpace;
  }
  scanNbsp = nbsp;
  scanHighMapped = highMapped;
  scanGateRisk = gateRisk;
  scanWhitespace = whitespace;
  return count;
}

/**
 * {@link normalizeName} (decoding `'auto'`) in one scan for the damaged names whose whole-name
 * steps would change nothing, or `null` (then the caller takes those steps): every word is made of
 * letters (so no stray punctuation), no word may be words run together, and the reading of the
 * whole name is as it stands — no character a legacy reading could start from, or (every word a
 * syllable in a plausible case) no decoding able to gain the margin, or a name partly in Unicode
 * whose other words are all syllables. The caller still checks that the result does not read as
 * legacy text again.
 *
 * @example
 * ```ts
 * routeDirect('NGUYỄN  THỊ HÀ', nameContext())?.value; // 'Nguyễn Thị Hà'
 * ```
 */
export function routeDirect(s: string, ctx: NameContext): NormalizedName | null {
  const count = scanWords(s);
  if (count <= 0) return null;
  scannedText = s;
  scannedCount = count;
  let any = 0;
  let all = -1;
  for (let k = 0; k < count; k++) {
    const b = (WORDS[k] as RouteWord).bits;
    any |= b;
    all &= b;
  }
  if ((all & W_LETTERS) === 0 || (any & W_SPLIT) !== 0 || mayJoinWords(count, all)) return null;
  if ((any & W_MAYBE_LEGACY) !== 0) {
    // Only when the router finishes the words as they stand (every word a syllable).
    if ((all & W_SYLLABLE) === 0) return null;
    if ((any & (W_COMBINING | W_HIGH)) === 0 && (all & W_SETTLED) === 0) return null;
    if ((any & (W_COMBINING | W_HIGH)) !== 0) {
      // Partly Unicode: only a word that is not a plausible syllable could be decoded.
      for (let k = 0; k < count; k++) {
        const b = (WORDS[k] as RouteWord).bits;
        if ((b & (W_COMBINING | W_HIGH)) === 0 && (b & W_PLAUSIBLE) === 0) return null;
      }
    } else {
      if ((all & W_PLAUSIBLE) === 0) return null;
      let bound = 0;
      for (let k = 0; k < count; k++) {
        const r = WORDS[k] as RouteWord;
        if (r.pFlags < 0) fillPacked(r);
        const g = r.pGains;
        bound += k === count - 1 ? (g >> 10) & 31 : k === 0 ? g & 31 : (g >> 5) & 31;
      }
      if (bound >= 2 * READING_MARGIN) return null;
    }
  }
  return checked(count, routeScanned(s, count, ctx));
}

/**
 * `r` (a name read as it stands, finished by the router), with {@link needsCheck} set when it
 * might read as legacy text (see {@link directNeedsCheck}).
 */
function checked(count: number, r: NormalizedName | null): NormalizedName | null {
  needsCheck = false;
  if (r !== null && !built) needsCheck = true;
  else if (r !== null && !builtInput) {
    let fin = 0;
    let loose = false;
    for (let k = 0; k < count; k++) {
      const b = FIN_BITS[k] as number;
      fin |= b;
      // A Latin-1 word that is not settled (`Ể Êì`): a name partly retyped may decode it.
      if ((b & (F_LATIN1 | F_SETTLED)) === F_LATIN1) loose = true;
    }
    // No letter a legacy reading starts from, or a Unicode letter and no word the canonical check
    // could refuse: the result cannot read as legacy text.
    needsCheck = (fin & F_LATIN1) !== 0 && ((fin & F_HIGH) === 0 || (fin & F_KEYS) !== 0 || loose);
  }
  return r;
}

/**
 * Whether two neighbouring words of the routed name may be one syllable split by a space
 * (`Tha nh`): then the whole-name steps join them.
 */
function mayJoinWords(count: number, all: number): boolean {
  if ((all & W_LOOSE) !== 0) return false;
  for (let k = 0; k + 1 < count; k++) {
    const a = WORDS[k] as RouteWord;
    const b = WORDS[k + 1] as RouteWord;
    const ab = a.bits & b.bits;
    if ((ab & W_LOOSE) !== 0) continue;
    if ((ab & W_LETTERS) !== 0) {
      // Two words of letters with a vowel each and a consonant between them are two vowel
      // groups, and no syllable has more than seven letters (`nghiêng`): never one syllable.
      if ((ab & W_VOWEL) !== 0 && ((a.bits & W_VEND) === 0 || (b.bits & W_VSTART) === 0)) continue;
      if ((a.facts?.word.length ?? 0) + (b.facts?.word.length ?? 0) > 7) continue;
    }
    // The last neighbour asked about, and the answer, are kept on the word.
    if (a.joinNext !== b) {
      a.joinNext = b;
      a.joins = mayJoin(a.word, b.word);
    }
    if (a.joins) return true;
  }
  return false;
}

/** Copies the packed readings of a routed word onto it (once). */
function fillPacked(r: RouteWord): void {
  const p = wordReadings(r.word).packed;
  r.pFirst = p.first;
  r.pMiddle = p.middle;
  r.pPlain = p.plain;
  r.pGains = p.gains;
  r.pFlags = p.flags;
}

/**
 * {@link normalizeName} (decoding `'auto'`, no stray punctuation) for a name that the whole-name
 * reading decodes word by word: the reading is decided on the router's words
 * ({@link decideReading}) and the name is finished from their memoised decoded forms; `null` when
 * the name is read as it stands, decoded only in part, or cannot be routed.
 *
 * @example
 * ```ts
 * routeReading('NguyÔn V¨n Hïng', nameContext())?.value; // 'Nguyễn Văn Hùng'
 * ```
 */
export function routeReading(s: string, ctx: NameContext): NormalizedName | null {
  const count = scannedText === s ? scannedCount : scanWords(s);
  if (count <= 0) return null;
  let gate: number;
  if (scanGateRisk) gate = legacyGate(s);
  else {
    // The separators add nothing (the gate skips NBSPs, other spaces and invisible characters,
    // and reads a word after a plain space as after no text): the gate of the text is that of
    // its words together.
    let bits = 0;
    for (let k = 0; k < count; k++) bits |= (WORDS[k] as RouteWord).gate;
    gate = gateOf(bits);
  }
  if (gate === 0) return null;
  let nbspHint = 0;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    if (r.pFlags < 0) fillPacked(r);
    DECIDE_FIRST[k] = r.pFirst;
    DECIDE_MIDDLE[k] = r.pMiddle;
    DECIDE_PLAIN[k] = r.pPlain;
    DECIDE_FLAGS[k] = r.pFlags;
    DECIDE_GAINS[k] = r.pGains;
    if (NBSP_AFTER[k] === 1 && nbspHint === 0) {
      // VISCII Õ read as a no-break space right after this word (V + Õ)?
      if (r.nbspO < 0) r.nbspO = analyzeSyllable(`${r.word}Õ`).error === null ? 1 : 0;
      nbspHint = r.nbspO;
    }
  }
  // The text without invisible characters is needed only to decode VISCII Õ.
  const best =
    count > DECIDE_FLAGS.length
      ? AS_IT_STANDS
      : decideReading(
          count,
          gate,
          scanHighMapped && nbspHint === 1 ? cleanBeforeDecoding(s) : s,
          nbspHint,
        );
  needsCheck = false;
  if (best < 0) {
    // Read as it stands: the pipeline, decoding off when the reading was weighed (unless a word
    // may be words run together, which the whole-name steps split).
    let all = -1;
    for (let k = 0; k < count; k++) {
      const b = (WORDS[k] as RouteWord).bits;
      if ((b & W_SPLIT) !== 0) return null;
      all &= b;
    }
    if (mayJoinWords(count, all)) return null;
    return checked(
      count,
      routeScanned(s, count, best === NO_READING ? ctx : withDecode(ctx, false)),
    );
  }
  if (!decidedWordByWord()) return null;
  return checked(count, routeLegacy(s, LEGACY_ENCODINGS[best] as LegacyEncoding, count, ctx));
}

/** Whether the last result of {@link routeDirect} may read as legacy text (module scratch). */
let needsCheck = false;

/**
 * Whether the last non-null result of {@link routeDirect} must still be checked for a legacy
 * reading (its words hold Latin-1 letters and it might not be canonical).
 */
export function directNeedsCheck(): boolean {
  return needsCheck;
}

/** {@link routeName} after {@link scanWords}. */
function routeScanned(s: string, count: number, ctx: NameContext): NormalizedName | null {
  built = false;
  let letters = true;
  let syllables = true;
  let composed = false;
  let high = false;
  let maybeLegacy = false;
  let allSettled = true;
  let flags = 0;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    const b = r.bits;
    if ((b & W_LETTERS) === 0) letters = false;
    else if ((b & W_SYLLABLE) === 0) syllables = false;
    else if ((b & W_SETTLED) === 0) allSettled = false;
    if ((b & W_COMBINING) !== 0) composed = true;
    if ((b & W_HIGH) !== 0) high = true;
    if ((b & W_MAYBE_LEGACY) !== 0) maybeLegacy = true;
    flags |= r.legacy;
  }
  const spacing =
    (composed || scanNbsp || scanHighMapped ? B_NORMALIZED : 0) |
    (scanWhitespace ? B_WHITESPACE : 0);
  // Syllables only: the one-scan path of the pipeline (normalizeCommon), unless detection would
  // have to score legacy encodings (no letter proves Unicode).
  if (letters && syllables && (composed || high || !maybeLegacy || allSettled)) {
    return finish(s, count, ctx, spacing);
  }
  if (composed && !letters) return null;
  // Decoding off (the whole-name reading kept the name as it stands): the plain pipeline.
  const enc = ctx.decode === 'auto' ? detectRouted(count, flags) : 'unicode';
  if (enc === 'unicode' || enc === 'ascii') {
    return letters ? routePlain(s, count, ctx, spacing) : null;
  }
  return routeLegacy(s, enc, count, ctx);
}

/** {@link detectEncoding} of the routed name, from its words' flags and entries. */
function detectRouted(count: number, flags: number): DetectedEncoding {
  if ((flags & FLAG_UNICODE) !== 0) return 'unicode';
  const nonAscii = (flags & FLAG_NON_ASCII) !== 0;
  const viqrMarks = (flags & FLAG_VIQR) !== 0;
  if (!nonAscii && !viqrMarks) return 'ascii';
  let allSettled = true;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    if (r.settled < 0) r.settled = isSettledWord(r.word) ? 1 : 0;
    if (r.settled === 0) allSettled = false;
  }
  if (allSettled) return nonAscii ? 'unicode' : 'ascii';
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    if (r.scores < 0) r.scores = wordScores(r.word);
    SCORES[k] = r.scores;
  }
  return chooseEncoding(SCORES, count, nonAscii, viqrMarks).encoding;
}

/**
 * The pipeline for text detection leaves alone, whose words are letters only: NFC (per word),
 * spacing, Telex repair (see the `repairTelex` option of normalizeName), tone placement, case.
 */
function routePlain(
  s: string,
  count: number,
  ctx: NameContext,
  spacing: number,
): NormalizedName | null {
  const telex = ctx.telex;
  let typed = false;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    if (r.eth) return null;
    if (r.typed) typed = true;
  }
  let repaired = false;
  if (telex !== false && typed) {
    let repairs = 0;
    let toneKey = false;
    let loose = true;
    for (let k = 0; k < count; k++) {
      const r = WORDS[k] as RouteWord;
      const w = (r.facts as WordFacts).word;
      if (r.telex === undefined) r.telex = repairTelexWord(w);
      if (r.telex !== null) {
        repairs++;
        if (r.telex.toneKey) toneKey = true;
      } else {
        if (r.loose < 0) r.loose = analyzeSyllable(w, true).error === null ? 1 : 0;
        if (r.loose === 0) loose = false;
      }
    }
    if (telex === true || (toneKey && loose)) {
      for (let k = 0; k < count; k++) {
        const r = WORDS[k] as RouteWord;
        const t = r.telex;
        if (t != null && (telex === true || repairs >= 2 || isCommonNameSyllable(t.value))) {
          putFinishedFacts(k, finishedOf(factsOf(t.value, 0, t.value.length), ctx));
          repaired = true;
        } else putFinished(k, r, r.facts as WordFacts, ctx);
      }
    }
  }
  if (!repaired) return finish(s, count, ctx, spacing);
  return build(s, count, NONE, spacing | B_TELEX);
}

const NONE: readonly NameChange[] = [];

const DECODED_CHANGE: Readonly<Record<LegacyEncoding, readonly NameChange[]>> = {
  tcvn3: ['decoded-tcvn3'],
  vni: ['decoded-vni'],
  viqr: ['decoded-viqr'],
  viscii: ['decoded-viscii'],
  cp1258: ['decoded-cp1258'],
};

/**
 * VISCII text decoded as a whole (not word by word). A module-level function, not a closure made
 * on every call of {@link routeLegacy}.
 */
function wholeViscii(s: string, ctx: NameContext): NormalizedName | null {
  return normalizeDecoded(decodeWith(cleanBeforeDecoding(s), 'viscii'), ctx, {
    before: DECODED_CHANGE.viscii,
    detectAfter: true,
  });
}

/**
 * The legacy half of {@link routeName}: decoding from word facts. The separators (NBSPs, mapped
 * characters, extra spaces) are those {@link scanWords} found in the same words.
 */
function routeLegacy(
  s: string,
  enc: LegacyEncoding,
  count: number,
  ctx: NameContext,
): NormalizedName | null {
  built = false;
  const nbsp = scanNbsp;
  const whitespace = scanWhitespace ? B_WHITESPACE : 0;
  let softHyphen = false;
  for (let k = 0; k < count; k++) if ((WORDS[k] as RouteWord).softHyphen) softHyphen = true;
  let textUpper = false;
  if (enc === 'tcvn3') {
    let counts = 0;
    for (let k = 0; k < count; k++) {
      const r = WORDS[k] as RouteWord;
      if (r.tcvnCounts < 0) r.tcvnCounts = tcvn3CaseCounts(r.word);
      counts += r.tcvnCounts;
    }
    textUpper = tcvn3CountsAreUpper(counts);
  }
  let changed = scanHighMapped || (nbsp && enc === 'cp1258');
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    const d = decodedOf(r, enc, textUpper, softHyphen);
    if (d.facts === null) return null;
    if (d.changed) changed = true;
    putFinished(k, d, d.facts, ctx);
  }
  if (!changed) return null;
  if (enc === 'viscii' && nbsp) {
    // VISCII reads an NBSP as Õ, which may join words (see visciiNbspAreSpaces).
    if (!visciiNbspAreSpaces(s)) return wholeViscii(s, ctx);
    return build(s, count, DECODED_CHANGE.viscii, whitespace);
  }
  // TCVN3, VNI and VIQR keep an NBSP, which the NFC step then maps; CP1258 decoding maps it.
  const mapped = nbsp && enc !== 'cp1258' ? B_NORMALIZED : 0;
  return build(s, count, DECODED_CHANGE[enc], mapped | whitespace);
}

/**
 * Whether VISCII decoding turns every NBSP of the routed name (decoded to Õ) back into a space:
 * decoding reads each run of letters between spaces (words joined by NBSPs, the invisible
 * characters removed) with splitStrayNbsp, and the run must come out as its words with a space
 * for each Õ. Then the decoded text is the decoded words with spaces where the NBSPs were.
 */
function visciiNbspAreSpaces(s: string): boolean {
  const n = s.length;
  let run = '';
  let hasO = false;
  let inWord = false;
  let k = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(s, i) : 0x20;
    if (isWordChar(c)) {
      if (!inWord) {
        run += (WORDS[k++] as RouteWord).decoded[VISCII_SLOT]?.value ?? '';
        inWord = true;
      }
      continue;
    }
    inWord = false;
    if (c === 0xa0) {
      run += 'Õ';
      hasO = true;
    } else if (c < 0x100 || !isInvisible(c)) {
      if (hasO && splitStrayNbsp(run) !== run.replaceAll('Õ', ' ')) return false;
      run = '';
      hasO = false;
    }
  }
  return true;
}

/** Finishes the Unicode words of {@link routeName}. */
function finish(
  s: string,
  count: number,
  ctx: NameContext,
  spacing: number,
): NormalizedName | null {
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    putFinished(k, r, r.facts as WordFacts, ctx);
  }
  return build(s, count, NONE, spacing | B_MAY_RETURN_INPUT);
}

/**
 * The result from the finished words in {@link FIN_BITS} and its neighbours; `null` when the second detection pass
 * of the pipeline might find legacy text in it.
 */
function build(
  s: string,
  count: number,
  before: readonly NameChange[],
  how: number,
): NormalizedName | null {
  let any = 0;
  let all = F_ASCII | F_SETTLED;
  for (let k = 0; k < count; k++) {
    const b = FIN_BITS[k] as number;
    any |= b;
    all &= b;
  }
  const tone = (any & F_TONE) !== 0;
  const cased = (any & F_CASE) !== 0;
  const outHigh = (any & F_HIGH) !== 0;
  const outAscii = (all & F_ASCII) !== 0;
  const outSettled = (all & F_SETTLED) !== 0;
  if (!outHigh && !outAscii && !outSettled) return null;
  const bits = (how & ~B_MAY_RETURN_INPUT) | (tone ? B_TONE : 0) | (cased ? B_CASE : 0);
  const changes = changesOf(before, bits);
  built = true;
  builtInput = (how & B_MAY_RETURN_INPUT) !== 0 && bits === 0;
  if (builtInput) return { value: s, changes };
  let value = count > 0 ? (FIN_VALUE[0] as string) : '';
  for (let k = 1; k < count; k++) value += FIN_SPACED[k] as string;
  return { value, changes };
}

/**
 * Whether the last {@link build} returned the input itself (so that callers need not compare the
 * strings: the value is a concatenation, which a comparison would flatten).
 */
let builtInput = false;
/** Whether the last result of {@link routeScanned} came from {@link build} (its words in FIN_BITS). */
let built = false;

/** Bits of {@link build}'s `how`: the changes in {@link BIT_CHANGES} order, then one option. */
const B_NORMALIZED = 1;
const B_WHITESPACE = 2;
const B_TELEX = 4;
const B_TONE = 8;
const B_CASE = 16;
/** Not a change: the result may be the input itself when nothing changed ({@link builtInput}). */
const B_MAY_RETURN_INPUT = 32;

/** Frozen change lists by the step before (none or a decoding) and the bits of {@link build}. */
const CHANGE_LISTS = new Map<readonly NameChange[], (readonly NameChange[] | undefined)[]>();

const BIT_CHANGES: readonly NameChange[] = [
  'unicode-normalized',
  'whitespace',
  'telex-repaired',
  'tone-placement',
  'capitalization',
];

/** The (shared, frozen) change list: `before`, then the changes whose bits are set, in pipeline order. */
function changesOf(before: readonly NameChange[], bits: number): readonly NameChange[] {
  let lists = CHANGE_LISTS.get(before);
  if (lists === undefined) {
    lists = new Array<readonly NameChange[] | undefined>(32).fill(undefined);
    CHANGE_LISTS.set(before, lists);
  }
  let list = lists[bits];
  if (list === undefined) {
    const out = before.slice();
    for (let b = 0; b < BIT_CHANGES.length; b++) {
      if ((bits & (1 << b)) !== 0) out.push(BIT_CHANGES[b] as NameChange);
    }
    list = Object.freeze(out);
    lists[bits] = list;
  }
  return list;
}
