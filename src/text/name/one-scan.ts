/**
 * The one-scan path of {@link normalizeName} for the commonest damage: Unicode names whose words
 * are all Vietnamese syllables, with only spacing, invisible characters, case or tone placement
 * to repair (`TRẦN  THỊ\u00a0Thư\u200b`, `lê văn thuỷ`).
 *
 * @module
 */
import { codeAt, isInvisible, isSpaceLike } from '../chars.js';
import { isSettledWord } from '../detect.js';
import { TABLE_SIZE } from '../letters.js';
import { toNfc } from '../nfc.js';
import { analyzeSyllable, LOWER_BASE } from '../syllable.js';
import { createWordMemo, memoGet, memoSet } from '../word-memo.js';
import type { NameContext } from './context.js';
import { type FinishedWord, type FinishOptions, finishWord } from './finish.js';
import { type PackedReadings, wordReadings } from './reading.js';
import type { NameChange, NormalizedName } from './types.js';

/** Bits of a finished word ({@link FinishedFacts.bits}): tone placement changed it. */
export const F_TONE = 1;
/** Capitalisation changed it. */
export const F_CASE = 2;
/** A letter above U+00FF. */
export const F_HIGH = 4;
/** ASCII without `dd`. */
export const F_ASCII = 8;
/** Settled. */
export const F_SETTLED = 16;
/** A letter from U+0080 to U+00FF, or `dd`. */
export const F_LATIN1 = 32;
/** ASCII that may hold keystrokes. */
export const F_KEYS = 64;

/** What the fast path needs to know about a finished word for the second detection pass. */
export interface FinishedFacts {
  readonly word: FinishedWord;
  /** `word.value`, `word.tone` and `word.case`, copied here so that readers take one hop. */
  readonly value: string;
  readonly tone: boolean;
  readonly case: boolean;
  /** The finished word after one space (`' ' + word.value`), for joining words. */
  readonly spaced: string;
  /** Has a letter above U+00FF (no Windows-1252 byte gives it: the text is Unicode). */
  readonly high: boolean;
  /** ASCII without `dd` (detection calls such text plain ASCII). */
  readonly plainAscii: boolean;
  /** A letter from U+0080 to U+00FF, or `dd` (a legacy reading may start from it). */
  readonly latin1: boolean;
  /** ASCII that may hold Telex/VNI keystrokes ({@link mayHoldKeystrokes}). */
  readonly keys: boolean;
  /** {@link isSettledWord}. */
  readonly settled: boolean;
  /** The facts above as {@link F_TONE} … {@link F_KEYS}, for the router (one load). */
  readonly bits: number;
}

/** What the fast path needs to know about an input word. */
export interface WordFacts {
  readonly word: string;
  /** A Vietnamese syllable (then Telex repair leaves it alone). */
  readonly syllable: boolean;
  /** {@link isSettledWord}: detection never counts it as legacy evidence. */
  readonly settled: boolean;
  /** Finished forms, by (style, capitalize), filled on first use. */
  readonly finished: (FinishedFacts | undefined)[];
  /**
   * What decoding could gain on the word as legacy text, doubled and packed as
   * {@link PackedReadings.gains}; -1 before first use ({@link gainsOf}).
   */
  gains: number;
}

/**
 * The doubled gain of decoding the word of `f` at the first place, a middle place or the last place
 * (or alone) of a name (the canonical-name check adds these up, see chooseReading).
 *
 * @example
 * ```ts
 * gainsOf(factsOf('Hïng', 0, 4), false, true) > 0; // true
 * ```
 */
export function gainsOf(f: WordFacts, first: boolean, last: boolean): number {
  let g = f.gains;
  if (g < 0) {
    g = wordReadings(f.word).packed.gains;
    f.gains = g;
  }
  return last ? (g >> 10) & 31 : first ? g & 31 : (g >> 5) & 31;
}

/**
 * Whether an ASCII word may hold Telex/VNI keystrokes (so the fast path must not accept it).
 *
 * @example
 * ```ts
 * mayHoldKeystrokes('Hungf', 0, 5); // true
 * ```
 */
export function mayHoldKeystrokes(s: string, start: number, end: number): boolean {
  const last = codeAt(s, end - 1) | 0x20;
  if (last === 0x73 || last === 0x66 || last === 0x72 || last === 0x78 || last === 0x6a)
    return true;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i) | 0x20;
    if (c === 0x77 || c === 0x7a) return true;
    if (i > start && c === (codeAt(s, i - 1) | 0x20)) {
      if (c === 0x61 || c === 0x65 || c === 0x6f || c === 0x64) return true;
    }
  }
  return false;
}

/** Memo of word facts (bounded, module-private; names reuse a few thousand words). */
const FACTS = createWordMemo<WordFacts>();

/**
 * The facts of the word `s.slice(start, end)` (memoised, bounded).
 *
 * @example
 * ```ts
 * factsOf('Lê Văn', 3, 6).syllable; // true
 * ```
 */
export function factsOf(s: string, start: number, end: number): WordFacts {
  let f = memoGet(FACTS, s, start, end);
  if (f === undefined) {
    const w = s.slice(start, end);
    f = {
      word: w,
      syllable: analyzeSyllable(w).error === null,
      settled: isSettledWord(w),
      finished: [undefined, undefined, undefined, undefined],
      gains: -1,
    };
    if (w.length <= 16) memoSet(FACTS, w, f);
  }
  return f;
}

/**
 * The finished form of a word ({@link finishWord}) for `options`, with what the second detection
 * pass needs to know about it; filled on first use.
 *
 * @example
 * ```ts
 * finishedOf(factsOf('thuỷ', 0, 4), nameContext()).word.value; // 'Thủy'
 * ```
 */
export function finishedOf(facts: WordFacts, options: FinishOptions): FinishedFacts {
  const w = facts.word;
  const k = (options.style === 'modern' ? 2 : 0) + (options.capitalize ? 1 : 0);
  let f = facts.finished[k];
  if (f === undefined) {
    const word = finishWord(w, options);
    let high = false;
    let plainAscii = true;
    let ascii = true;
    let latin1 = false;
    let prev = 0;
    for (let i = 0; i < word.value.length; i++) {
      const c = codeAt(word.value, i);
      if (c >= 0x100) high = true;
      else if (c >= 0x80) latin1 = true;
      if (c >= 0x80) ascii = false;
      if (c >= 0x80 || ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)) {
        plainAscii = false;
        if (c < 0x80) latin1 = true;
      }
      prev = c;
    }
    const keys =
      ascii && word.value.length > 0 && mayHoldKeystrokes(word.value, 0, word.value.length);
    const settled = isSettledWord(word.value);
    f = {
      word,
      value: word.value,
      tone: word.tone,
      case: word.case,
      spaced: ` ${word.value}`,
      high,
      plainAscii,
      latin1,
      keys,
      settled,
      bits:
        (word.tone ? F_TONE : 0) |
        (word.case ? F_CASE : 0) |
        (high ? F_HIGH : 0) |
        (plainAscii ? F_ASCII : 0) |
        (settled ? F_SETTLED : 0) |
        (latin1 ? F_LATIN1 : 0) |
        (keys ? F_KEYS : 0),
    };
    facts.finished[k] = f;
  }
  return f;
}

/**
 * {@link normalizeName} for text made only of Vietnamese letters, spaces (plain, NBSP or other
 * Unicode spaces) and invisible characters above U+00FF between words, whose words are all
 * syllables and which detection cannot take for legacy text; `null` for anything else (the
 * caller then takes the general path). Gives exactly what the general path gives: no decoding
 * (a letter above U+00FF makes the text Unicode; otherwise every word is settled), `toNfc` only
 * strips and maps, Telex repair leaves syllables alone, and no Ð/ð is present.
 */
export function normalizeCommon(s: string, ctx: NameContext): NormalizedName | null {
  return scan(s, ctx, ctx.decode === 'auto' ? DETECT_BOTH : DETECT_NONE);
}

const NONE: readonly NameChange[] = [];

/** What one call of {@link normalizeDecoded} is told about the text. */
export interface DecodedPass {
  /** Changes already made (decoding). */
  readonly before: readonly NameChange[];
  /** The second detection pass (on the result) has to be ruled out. */
  readonly detectAfter: boolean;
}

/** What {@link scan} is told about its text. */
interface ScanPass extends DecodedPass {
  /** The first detection pass still has to be ruled out. */
  readonly detect: boolean;
  /** `s` is already the {@link toNfc} of the input, which differed from it. */
  readonly composed: boolean;
}

const DETECT_BOTH: ScanPass = { before: NONE, detectAfter: true, detect: true, composed: false };
const DETECT_NONE: ScanPass = { before: NONE, detectAfter: false, detect: false, composed: false };

/**
 * The steps of {@link normalizeName} after decoding (NFC, whitespace, Telex, look-alikes, tone
 * placement, case) for text that {@link normalizeCommon} accepts, after the changes `before`;
 * `null` for anything else, or, with `detectAfter`, when detection might find legacy text in
 * the result.
 */
export function normalizeDecoded(
  s: string,
  ctx: NameContext,
  pass: DecodedPass,
): NormalizedName | null {
  return scan(s, ctx, {
    before: pass.before,
    detectAfter: pass.detectAfter,
    detect: false,
    composed: false,
  });
}

/** The scan of {@link normalizeCommon} and {@link normalizeDecoded}. */
function scan(s: string, ctx: NameContext, pass: ScanPass): NormalizedName | null {
  const { detect, detectAfter, composed, before } = pass;
  const n = s.length;
  const words: FinishedFacts[] = [];
  let mapped = false;
  let whitespace = false;
  let high = false;
  let maybeLegacy = false;
  let allSettled = true;
  let prevSpace = true;
  let glued = false;
  let start = -1;
  let prev = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(s, i) : 0x20;
    if (c < TABLE_SIZE && (LOWER_BASE[c] as number) !== 0) {
      if (start < 0) {
        if (glued) return null; // an invisible character inside a word
        start = i;
      }
      if (c >= 0x100) high = true;
      else if (c >= 0x80 || ((c | 0x20) === 0x64 && (prev | 0x20) === 0x64)) maybeLegacy = true;
      prevSpace = false;
      prev = c;
      continue;
    }
    let space: boolean;
    if (c === 0x20) space = true;
    else if (c === 0xa0 || (c >= 0x100 && isSpaceLike(c))) {
      space = true;
      mapped = true;
    } else if (c >= 0x100 && isInvisible(c)) {
      space = false;
      mapped = true;
    } else if (c >= 0x0300 && c <= 0x036f && !composed) {
      // NFD or mixed composition: a combining mark makes detection say Unicode; compose first.
      const nfc = toNfc(s);
      return nfc === s
        ? null
        : scan(nfc, ctx, { before, detectAfter, detect: false, composed: true });
    } else return null;
    if (start >= 0) {
      const facts = factsOf(s, start, i);
      if (!facts.syllable) return null;
      if (!facts.settled) allSettled = false;
      words.push(finishedOf(facts, ctx));
      start = -1;
    }
    if (space) {
      // Leading or double space, or (at the end, which counts as a space) a trailing one.
      if (prevSpace && (i < n || words.length > 0)) whitespace = true;
      prevSpace = true;
      glued = false;
    } else glued = !prevSpace;
    prev = c;
  }
  // Detection would have to score legacy encodings: leave that to the general path.
  if (detect && !high && maybeLegacy && !allSettled) return null;

  const changes: NameChange[] = before.slice();
  if (mapped || composed) changes.push('unicode-normalized');
  if (whitespace) changes.push('whitespace');
  let tone = false;
  let cased = false;
  let outHigh = false;
  let outAscii = true;
  let outSettled = true;
  for (const f of words) {
    if (f.word.tone) tone = true;
    if (f.word.case) cased = true;
    if (f.high) outHigh = true;
    if (!f.plainAscii) outAscii = false;
    if (!f.settled) outSettled = false;
  }
  if (tone) changes.push('tone-placement');
  if (cased) changes.push('capitalization');
  // The second detection pass of normalizeName must find Unicode or ASCII text.
  if (detectAfter && !outHigh && !outAscii && !outSettled) return null;
  if (!mapped && !composed && !whitespace && !tone && !cased) return { value: s, changes };
  let value = words[0]?.word.value ?? '';
  for (let k = 1; k < words.length; k++) value += ` ${(words[k] as FinishedFacts).word.value}`;
  return { value, changes };
}
