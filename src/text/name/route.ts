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
import { cleanBeforeDecoding, codeAt } from '../chars.js';
import {
  chooseEncoding,
  type DetectedEncoding,
  FLAG_NON_ASCII,
  FLAG_UNICODE,
  FLAG_VIQR,
  isSettledWord,
  wordScores,
} from '../detect.js';
import {
  decodeWith,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
  tcvn3CaseCounts,
  tcvn3CountsAreUpper,
} from '../legacy.js';
import { analyzeSyllable } from '../syllable.js';
import { repairTelexWord } from '../telex.js';
import { HASH_START, KEY_UNITS, keyPut } from '../word-memo.js';
import {
  C_BAIL,
  C_INVISIBLE,
  C_NBSP,
  C_SPACE,
  C_WORD,
  CHAR_CLASS,
  CLASS_LIMIT,
  highClass,
} from './char-class.js';
import { type NameContext, withDecode } from './context.js';
import { type FinishedFacts, normalizeDecoded, type WordFacts } from './one-scan.js';
import {
  AS_IT_STANDS,
  DECIDE_MAX,
  DECIDE_WORDS,
  decidedWordByWord,
  decideReading,
  gateOf,
  legacyGate,
  mayGlueGate,
  NO_READING,
  type PackedReadings,
  READING_MARGIN,
  wordReadings,
} from './reading.js';
import { mayJoin } from './repair.js';
import {
  decodedOf,
  F_ASCII,
  F_CASE,
  F_HIGH,
  F_KEYS,
  F_LATIN1,
  F_SETTLED,
  F_TONE,
  FIN,
  putFinished,
  ROUTE_MAX,
  type RouteWord,
  repairedOf,
  routeWord,
  W_COMBINING,
  W_HIGH,
  W_LETTERS,
  W_LOOSE,
  W_MAYBE_LEGACY,
  W_PLAUSIBLE,
  W_SETTLED,
  W_SPLIT,
  W_STRAY_END,
  W_STRAY_START,
  W_SYLLABLE,
  W_VEND,
  W_VOWEL,
  W_VSTART,
} from './route-word.js';
import type { NameChange, NormalizedName } from './types.js';
import { visciiNbspAreSpaces } from './viscii-runs.js';

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
/** The bits ({@link RouteWord.bits}) set on any word, and on every word, of the last scan. */
let scanAny = 0;
let scanAll = -1;

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
  /** The last word, while only invisible characters have followed it. */
  let pending = -1;
  /** A plain space (or the start of the text) since the last word. */
  let spaceSince = true;
  let gateRisk = false;
  let any = 0;
  let all = -1;
  // What the loop over a word's units reads, as locals: optimised code loads a module binding
  // from the module's context and checks it (a map, a small integer) on every use, and does not
  // hoist that out of the loop (about 15 instructions a code unit).
  const classes = CHAR_CLASS;
  const limit = CLASS_LIMIT;
  const wordClass = C_WORD;
  const keyUnits = KEY_UNITS;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? codeAt(s, i) : 0x20;
    let k = c < limit ? (classes[c] as number) : highClass(c);
    if (k === wordClass) {
      if (glued) return -1; // an invisible character inside a word
      if (!spaceSince && mayGlueGate(c)) gateRisk = true;
      spaceSince = false;
      // The word's units, keyed for the memo as they are read (keyStep's hash, the pairs packed
      // in a local variable).
      const start = i;
      let h = HASH_START;
      let pair = 0;
      for (;;) {
        const j = i - start;
        if (j < keyUnits) {
          if ((j & 1) === 0) pair = c << 16;
          else keyPut(1 + (j >> 1), pair | c);
        }
        h = Math.imul(h ^ c, 0x01000193);
        i++;
        c = i < n ? codeAt(s, i) : 0x20;
        k = c < limit ? (classes[c] as number) : highClass(c);
        if (k !== wordClass) break;
      }
      if (k === C_BAIL) return -1;
      const len = i - start;
      if ((len & 1) === 1 && len < KEY_UNITS) keyPut(1 + (len >> 1), pair);
      NBSP_AFTER[count] = k === C_NBSP ? 1 : 0;
      const r = routeWord(s, start, i, h);
      WORDS[count++] = r;
      any |= r.bits;
      all &= r.bits;
      prevSpace = false;
      pending = k === C_INVISIBLE ? count - 1 : -1;
    } else if (k === C_BAIL) return -1;
    else if (k === C_NBSP && pending >= 0) {
      // Only invisible characters between the word and the NBSP: decoding sees them side by side.
      NBSP_AFTER[pending] = 1;
      pending = -1;
    } else if (k !== C_INVISIBLE) pending = -1;
    // The separator at i.
    if (k === C_NBSP) nbsp = true;
    else if (k !== C_SPACE) highMapped = true;
    if (k === C_INVISIBLE) glued = !prevSpace;
    else {
      if (k === C_SPACE) spaceSince = true;
      // Leading or double space, or (at the end, which counts as a space) a trailing one.
      if (prevSpace && (i < n || count > 0)) whitespace = true;
      prevSpace = true;
      glued = false;
    }
  }
  scanNbsp = nbsp;
  scanHighMapped = highMapped;
  scanGateRisk = gateRisk;
  scanWhitespace = whitespace;
  scanAny = any;
  scanAll = all;
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
  const any = scanAny;
  const all = scanAll;
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
        const g = packedOf(WORDS[k] as RouteWord).gains;
        bound += k === count - 1 ? (g >> 10) & 31 : k === 0 ? g & 31 : (g >> 5) & 31;
      }
      if (bound >= 2 * READING_MARGIN) return null;
    }
  }
  return checked(routeScanned(s, count, ctx));
}

/**
 * `r` (a name read as it stands, finished by the router), with {@link needsCheck} set when it
 * might read as legacy text (see {@link directNeedsCheck}).
 */
function checked(r: NormalizedName | null): NormalizedName | null {
  needsCheck = false;
  if (r !== null && !built) needsCheck = true;
  else if (r !== null && !builtInput) {
    // No letter a legacy reading starts from, or a Unicode letter and no word the canonical check
    // could refuse (builtLoose): the result cannot read as legacy text.
    const fin = builtAny;
    needsCheck =
      (fin & F_LATIN1) !== 0 && ((fin & F_HIGH) === 0 || (fin & F_KEYS) !== 0 || builtLoose);
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

/**
 * Whether stripStrayPunctuation may find punctuation around `s`: `false` when the last scan
 * ({@link routeDirect}) was of `s` and its first word starts, and its last word ends, with a
 * character that is neither stray punctuation nor blank (W_STRAY_START, W_STRAY_END). The separators before the first word
 * and after the last are all blank, so the strip stops at those characters having found nothing.
 */
export function mayHaveStrayEnds(s: string): boolean {
  if (scannedText !== s) return true;
  return (
    ((WORDS[0] as RouteWord).bits & W_STRAY_START) !== 0 ||
    ((WORDS[scannedCount - 1] as RouteWord).bits & W_STRAY_END) !== 0
  );
}

/** The packed readings of a routed word (kept on it on first use). */
function packedOf(r: RouteWord): PackedReadings {
  let p = r.packed;
  if (p === undefined) {
    p = wordReadings(r.word).packed;
    r.packed = p;
  }
  return p;
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
    DECIDE_WORDS[k] = packedOf(r);
    if (NBSP_AFTER[k] === 1 && nbspHint === 0) {
      // VISCII Õ read as a no-break space right after this word (V + Õ)?
      if (r.nbspO < 0) r.nbspO = analyzeSyllable(`${r.word}Õ`).error === null ? 1 : 0;
      nbspHint = r.nbspO;
    }
  }
  // The text without invisible characters is needed only to decode VISCII Õ.
  const best =
    count > DECIDE_MAX
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
    return checked(routeScanned(s, count, best === NO_READING ? ctx : withDecode(ctx, false)));
  }
  if (!decidedWordByWord()) return null;
  return checked(routeLegacy(s, LEGACY_ENCODINGS[best] as LegacyEncoding, count, ctx));
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
  // The words' bits, gathered by the scan (scanAny, scanAll).
  const letters = (scanAll & W_LETTERS) !== 0;
  const composed = (scanAny & W_COMBINING) !== 0;
  const spacing =
    (composed || scanNbsp || scanHighMapped ? B_NORMALIZED : 0) |
    (scanWhitespace ? B_WHITESPACE : 0);
  // Syllables only: the one-scan path of the pipeline (normalizeCommon), unless detection would
  // have to score legacy encodings (no letter proves Unicode).
  if (
    letters &&
    (scanAll & W_SYLLABLE) !== 0 &&
    ((scanAny & (W_COMBINING | W_HIGH | W_MAYBE_LEGACY)) !== W_MAYBE_LEGACY ||
      (scanAll & W_SETTLED) !== 0)
  ) {
    return finish(s, count, ctx, spacing);
  }
  if (composed && !letters) return null;
  let flags = 0;
  for (let k = 0; k < count; k++) flags |= (WORDS[k] as RouteWord).legacy;
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
        if (t == null) putFinished(k, r, r.facts as WordFacts, ctx);
        else if (telex === true || repairs >= 2 || repairedOf(r).common) {
          const d = repairedOf(r);
          putFinished(k, d, d.facts, ctx);
          repaired = true;
        } else putFinished(k, r, r.facts as WordFacts, ctx);
      }
    }
  }
  if (!repaired) return finish(s, count, ctx, spacing);
  return build(s, count, NO_STEP, spacing | B_TELEX);
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
 * The step before {@link build}'s words, as an index of {@link STEP_CHANGES}: none, or decoded
 * with an encoding ({@link decodedStep}). An index, not the change list itself, so that the
 * change lists are found without a keyed lookup (by string or in a `Map`) per name.
 */
const NO_STEP = 0;

/** The change lists of the steps of {@link NO_STEP} and {@link decodedStep}, by index. */
const STEP_CHANGES: readonly (readonly NameChange[])[] = [
  NONE,
  DECODED_CHANGE.tcvn3,
  DECODED_CHANGE.vni,
  DECODED_CHANGE.viscii,
  DECODED_CHANGE.cp1258,
  DECODED_CHANGE.viqr,
];

/** The step of decoding with `enc` ({@link NO_STEP}). */
function decodedStep(enc: LegacyEncoding): number {
  switch (enc) {
    case 'tcvn3':
      return 1;
    case 'vni':
      return 2;
    case 'viscii':
      return 3;
    case 'cp1258':
      return 4;
    case 'viqr':
      return 5;
  }
}

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
  const key = ctx.finishKey;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    const d = decodedOf(r, enc, textUpper, softHyphen);
    if (d.facts === null) return null;
    if (d.changed) changed = true;
    if (d.finKey === key) FIN[k] = d.fin as FinishedFacts;
    else putFinished(k, d, d.facts, ctx);
  }
  if (!changed) return null;
  if (enc === 'viscii' && nbsp) {
    // VISCII reads an NBSP as Õ, which may join words (see visciiNbspAreSpaces).
    if (!visciiNbspAreSpaces(s, WORDS)) return wholeViscii(s, ctx);
    return build(s, count, decodedStep('viscii'), whitespace);
  }
  // TCVN3, VNI and VIQR keep an NBSP, which the NFC step then maps; CP1258 decoding maps it.
  const mapped = nbsp && enc !== 'cp1258' ? B_NORMALIZED : 0;
  return build(s, count, decodedStep(enc), mapped | whitespace);
}

/** Finishes the Unicode words of {@link routeName}. */
function finish(
  s: string,
  count: number,
  ctx: NameContext,
  spacing: number,
): NormalizedName | null {
  const key = ctx.finishKey;
  for (let k = 0; k < count; k++) {
    const r = WORDS[k] as RouteWord;
    if (r.finKey === key) FIN[k] = r.fin as FinishedFacts;
    else putFinished(k, r, r.facts as WordFacts, ctx);
  }
  return build(s, count, NO_STEP, spacing | B_MAY_RETURN_INPUT);
}

/**
 * The result from the finished words in {@link FIN} and its neighbours; `null` when the second detection pass
 * of the pipeline might find legacy text in it.
 */
function build(s: string, count: number, step: number, how: number): NormalizedName | null {
  let any = 0;
  let all = F_ASCII | F_SETTLED;
  let loose = false;
  for (let k = 0; k < count; k++) {
    const b = (FIN[k] as FinishedFacts).bits;
    any |= b;
    all &= b;
    // A Latin-1 word that is not settled (`Ể Êì`): a name partly retyped may decode it.
    if ((b & (F_LATIN1 | F_SETTLED)) === F_LATIN1) loose = true;
  }
  builtAny = any;
  builtLoose = loose;
  const tone = (any & F_TONE) !== 0;
  const cased = (any & F_CASE) !== 0;
  const outHigh = (any & F_HIGH) !== 0;
  const outAscii = (all & F_ASCII) !== 0;
  const outSettled = (all & F_SETTLED) !== 0;
  if (!outHigh && !outAscii && !outSettled) return null;
  const bits = (how & ~B_MAY_RETURN_INPUT) | (tone ? B_TONE : 0) | (cased ? B_CASE : 0);
  const changes = changesOf(step, bits);
  built = true;
  builtInput = (how & B_MAY_RETURN_INPUT) !== 0 && bits === 0;
  if (builtInput) return { value: s, changes };
  let value = count > 0 ? (FIN[0] as FinishedFacts).value : '';
  for (let k = 1; k < count; k++) value += (FIN[k] as FinishedFacts).spaced;
  return { value, changes };
}

/**
 * Whether the last {@link build} returned the input itself (so that callers need not compare the
 * strings: the value is a concatenation, which a comparison would flatten).
 */
let builtInput = false;
/** Whether the last result of {@link routeScanned} came from {@link build} (its words in FIN). */
let built = false;
/** The bits of the words of the last {@link build} (any of them), and whether one is loose. */
let builtAny = 0;
let builtLoose = false;

/** Bits of {@link build}'s `how`: the changes in {@link BIT_CHANGES} order, then one option. */
const B_NORMALIZED = 1;
const B_WHITESPACE = 2;
const B_TELEX = 4;
const B_TONE = 8;
const B_CASE = 16;
/** Not a change: the result may be the input itself when nothing changed ({@link builtInput}). */
const B_MAY_RETURN_INPUT = 32;

/** Frozen change lists by the step before ({@link NO_STEP}, {@link decodedStep}) and the bits of {@link build}. */
const CHANGE_LISTS: (readonly NameChange[] | undefined)[][] = STEP_CHANGES.map(() =>
  new Array<readonly NameChange[] | undefined>(32).fill(undefined),
);

const BIT_CHANGES: readonly NameChange[] = [
  'unicode-normalized',
  'whitespace',
  'telex-repaired',
  'tone-placement',
  'capitalization',
];

/**
 * The (shared, frozen) change list: the changes of `step` ({@link STEP_CHANGES}), then the changes
 * whose bits are set, in pipeline order.
 */
function changesOf(step: number, bits: number): readonly NameChange[] {
  const lists = CHANGE_LISTS[step] as (readonly NameChange[] | undefined)[];
  let list = lists[bits];
  if (list === undefined) {
    const out = (STEP_CHANGES[step] as readonly NameChange[]).slice();
    for (let b = 0; b < BIT_CHANGES.length; b++) {
      if ((bits & (1 << b)) !== 0) out.push(BIT_CHANGES[b] as NameChange);
    }
    list = Object.freeze(out);
    lists[bits] = list;
  }
  return list;
}
