/**
 * The facts the router of {@link normalizeName} keeps about each word it has seen: the word's
 * Unicode and syllable facts, its legacy-detection flags and scores, its finished forms and its
 * decoded forms, in one bounded memo keyed by the word (see route.ts for how a name uses them).
 *
 * @module
 */
import { codeAt } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import { isSettledWord, wordLegacyFlags, wordScores } from '../detect.js';
import { decodeWith, type LegacyEncoding, tcvn3CaseCounts, tcvn3WordDecode } from '../legacy.js';
import { LETTER_CASE, TABLE_SIZE, VOWEL_INFO } from '../letters.js';
import { toNfc } from '../nfc.js';
import { analyzeSyllable, LOWER_BASE } from '../syllable.js';
import { repairTelexWord, type TelexWordRepair } from '../telex.js';
import { createWordMemo, memoGetKeyed, memoSet } from '../word-memo.js';
import type { NameContext } from './context.js';
import { type FinishedFacts, factsOf, finishedOf, type WordFacts } from './one-scan.js';
import { legacyGateBits, type PackedReadings, plausibleCase } from './reading.js';
import { mayBeRunTogether, strayOrBlank } from './repair.js';

/** A word of Vietnamese letters only. */
const KIND_LETTERS = 0;
/** Letters and combining marks whose NFC is letters only (NFD or mixed composition). */
const KIND_COMBINING = 1;
/** Anything else (punctuation, legacy bytes, marks that do not compose). */
const KIND_OTHER = 2;

/** {@link RouteWord.bits}: the word (or its NFC) is letters only (it has facts). */
export const W_LETTERS = 1;
/** ... and a syllable. */
export const W_SYLLABLE = 2;
/** ... and settled ({@link isSettledWord}). */
export const W_SETTLED = 4;
/** A letter above U+00FF. */
export const W_HIGH = 8;
/** A Latin-1 letter above ASCII, or `dd`. */
export const W_MAYBE_LEGACY = 16;
/** Combining marks (composed per word). */
export const W_COMBINING = 32;
/**
 * The word may be words run together (a capital after the first letter beside a lowercase
 * letter, or capitals that are not a syllable): the whole-name steps must look at it.
 */
export const W_SPLIT = 64;
/** Lower, Title or UPPER case ({@link plausibleCase}). */
export const W_PLAUSIBLE = 128;
/** A syllable once composed, diacritics may be missing (a split syllable joins only with a word that is not). */
export const W_LOOSE = 256;
/** The (composed) word has a vowel letter; it starts with one; it ends with one. */
export const W_VOWEL = 512;
export const W_VSTART = 1024;
export const W_VEND = 2048;
/** The word starts with stray punctuation or a blank ({@link strayOrBlank}); it ends with one. */
export const W_STRAY_START = 4096;
export const W_STRAY_END = 8192;

export { F_ASCII, F_CASE, F_HIGH, F_KEYS, F_LATIN1, F_SETTLED, F_TONE } from './one-scan.js';

/** Where a finished form is kept: on the word or the decoded word it was made from. */
export interface FinishedSlot {
  /** The key of `fin` (`NameContext.finishKey`), -1 before first use. */
  finKey: number;
  fin: FinishedFacts | undefined;
}

/** The finished words of the name being routed (scratch). */
export const FIN: FinishedFacts[] = [];

/**
 * Puts the finished form of `facts` at index `k`, through the cache `slot`. A caller that finishes
 * many words copies a slot whose `finKey` is already `ctx.finishKey` itself (without the call).
 */
export function putFinished(
  k: number,
  slot: FinishedSlot,
  facts: WordFacts,
  ctx: NameContext,
): void {
  const key = ctx.finishKey;
  if (slot.finKey !== key) fillFinished(slot, facts, ctx, key);
  FIN[k] = slot.fin as FinishedFacts;
}

/**
 * Fills the cache `slot` with the finished form of `facts` for `ctx` (key `key`): apart from
 * {@link putFinished}, which then stays small enough to be inlined where it is called.
 */
function fillFinished(slot: FinishedSlot, facts: WordFacts, ctx: NameContext, key: number): void {
  slot.fin = finishedOf(facts, ctx);
  slot.finKey = key;
}

/** A word's Telex repair as the router uses it: its facts, its finished form, its frequency. */
export interface RepairedWord extends FinishedSlot {
  readonly facts: WordFacts;
  /** {@link isCommonNameSyllable} of the repaired word. */
  readonly common: boolean;
}

/**
 * The {@link RepairedWord} of `r`, whose Telex repair `r.telex` is not `null` (memoised on `r`).
 *
 * @example
 * ```ts
 * repairedOf(r).facts.word; // 'Nguyễn' for the route word of 'Nguyeenx'
 * ```
 */
export function repairedOf(r: RouteWord): RepairedWord {
  let d = r.repaired;
  if (d === undefined) {
    const v = (r.telex as TelexWordRepair).value;
    d = {
      facts: factsOf(v, 0, v.length),
      common: isCommonNameSyllable(v),
      finKey: -1,
      fin: undefined,
    };
    r.repaired = d;
  }
  return d;
}

/** A word decoded with one legacy encoding. */
export interface DecodedWord {
  readonly value: string;
  /** Whether `value` differs from the word (known when decoded: no string comparison per name). */
  readonly changed: boolean;
  /** Facts of `value` when it is letters only and a syllable; `null` otherwise. */
  readonly facts: WordFacts | null;
  /** The finished form of `facts` last asked for ({@link FinishedSlot}). */
  finKey: number;
  fin: FinishedFacts | undefined;
}

/** What the router knows about one word (memoised; the lazy fields are filled on first use). */
export interface RouteWord {
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
  /** What the router needs of the repaired word ({@link repairedOf}), on first use. */
  repaired: RepairedWord | undefined;
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
  /** The word's {@link PackedReadings} (its memoised readings'), on first use. */
  packed: PackedReadings | undefined;
  /** The finished form of `facts` last asked for ({@link FinishedSlot}). */
  finKey: number;
  fin: FinishedFacts | undefined;
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
export const ROUTE_MAX = 512;

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
      (facts === null ? 0 : vowelBits(facts.word)) |
      (strayOrBlank(codeAt(w, 0)) ? W_STRAY_START : 0) |
      (strayOrBlank(codeAt(w, w.length - 1)) ? W_STRAY_END : 0),
    gate: legacyGateBits(w, 0, w.length),
    packed: undefined,
    legacy: wordLegacyFlags(w),
    nbspO: -1,
    joinNext: undefined,
    joins: false,
    finKey: -1,
    fin: undefined,
    word: w,
    kind,
    facts,
    typed: facts !== null && mayBeTyped(facts.word),
    eth: facts !== null && hasEth(facts.word),
    telex: undefined,
    repaired: undefined,
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

export function routeWord(s: string, start: number, end: number, h: number): RouteWord {
  let r = memoGetKeyed(ROUTE, s, start, end, h);
  if (r === undefined) {
    const w = s.slice(start, end);
    r = analyze(w);
    if (w.length <= MEMO_MAX) memoSet(ROUTE, w, r);
  }
  return r;
}

/** {@link decodedSlot} of VISCII. */
export const VISCII_SLOT = 5;

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

export function decodedOf(
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
      fin: undefined,
    };
    r.decoded[slot] = d;
  }
  r.lastSlot = slot;
  r.last = d;
  return d;
}
