/**
 * `normalizeName`: the default cleaning pipeline for a Vietnamese personal name.
 *
 * @module
 */
import { cleanBeforeDecoding, codeAt } from '../chars.js';
import { isCommonNameSyllable } from '../common-syllables.js';
import { detectEncoding } from '../detect.js';
import { decodeWith, type LegacyEncoding } from '../legacy.js';
import { LETTER_CASE, TABLE_SIZE, VOWEL_INFO } from '../letters.js';
import { isCleanNfc, toNfc } from '../nfc.js';
import { analyzeSyllable, LOWER_BASE } from '../syllable.js';
import { repairTelexWord } from '../telex.js';
import { noMedialAfter, type ToneStyle, tonePlacementOk } from '../tone.js';
import { type NameContext, nameContext } from './context.js';
import { finishWord } from './finish.js';
import {
  factsOf,
  gainsOf,
  mayHoldKeystrokes,
  normalizeCommon,
  normalizeDecoded,
} from './one-scan.js';
import { chooseReading, legacyGate, READING_MARGIN } from './reading.js';
import { joinSplitSyllables, splitRunTogether, stripStrayPunctuation } from './repair.js';
import { directNeedsCheck, mayBeTyped, routeDirect, routeName, routeReading } from './route.js';

/** What {@link normalizeName} changed, in pipeline order. */
export type NameChange =
  | 'decoded-tcvn3'
  | 'decoded-vni'
  | 'decoded-viqr'
  | 'decoded-viscii'
  | 'decoded-cp1258'
  | 'unicode-normalized'
  | 'whitespace'
  | 'telex-repaired'
  | 'lookalike-replaced'
  | 'tone-placement'
  | 'capitalization'
  | 'punctuation-removed'
  | 'words-split'
  | 'words-joined';

/** Options of {@link normalizeName}. */
export interface NormalizeNameOptions {
  /** Tone placement: `traditional` (default: hòa, khỏe, thủy) or `modern` (hoà, khoẻ, thuỷ). */
  readonly style?: ToneStyle;
  /**
   * Legacy decoding: `'auto'` (default) detects and decodes TCVN3, VNI, VIQR, VISCII and CP1258;
   * `false` never decodes; a {@link LegacyEncoding} forces that decoder.
   */
  readonly decode?: 'auto' | false | LegacyEncoding;
  /**
   * Telex/VNI keystroke repair (`Nguyeenx` → `Nguyễn`). `'auto'` (default) repairs only when some
   * word carries a tone key, every other word is a syllable (diacritics may be missing), and either
   * two or more words are repaired or the repaired word is a frequent name syllable — so `Lee`,
   * `Max Planck` or `Noor Khan` stay as they are; `true` repairs every word that becomes a
   * syllable; `false` never repairs.
   */
  readonly repairTelex?: 'auto' | boolean;
  /** Capitalise each word (default true). */
  readonly capitalize?: boolean;
}

/** The result of {@link normalizeName}. */
export interface NormalizedName {
  /** The normalised name: NFC, trimmed, one space between words. */
  readonly value: string;
  /** What was changed, in pipeline order (empty when the input was already canonical). */
  readonly changes: readonly NameChange[];
}

const NO_CHANGES: readonly NameChange[] = Object.freeze([]);

/**
 * What {@link isCanonical} reads per code unit, in one lookup: `VOWEL_INFO` in bits 0–7, 0x100
 * for a Vietnamese letter (`LOWER_BASE` set), `LETTER_CASE` (1 upper, 2 lower) from bit 9; 0
 * for anything that is not a letter.
 */
const CANON_CLASS: Uint16Array = (() => {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if ((LOWER_BASE[c] as number) === 0) continue;
    t[c] = (VOWEL_INFO[c] as number) | 0x100 | ((LETTER_CASE[c] as number) << 9);
  }
  return t;
})();

/**
 * The fast path: true when `s` is certainly already canonical for `style` — clean NFC letters
 * and single spaces, each word capitalised, tones in place, and nothing that could be legacy
 * text (a letter only Unicode has, such as ễ or ư, rules legacy text out; otherwise every word
 * must be a syllable) or keystrokes. One scan, no allocation in the common case (the tone
 * placement is checked from what the scan gathers; the tests hold it to {@link tonePlacementOk}).
 *
 * @example
 * ```ts
 * isCanonical('Lê Thị Hòa', 'traditional', true); // true
 * isCanonical('Lê Thị Hoà', 'traditional', true); // false
 * ```
 */
export function isCanonical(s: string, style: ToneStyle, capitalize: boolean): boolean {
  return canonicalState(s, style, capitalize) === CANONICAL;
}

/** {@link canonicalState}: not canonical. */
const NOT_CANONICAL = 0;
/** {@link canonicalState}: canonical. */
const CANONICAL = 1;
/** {@link canonicalState}: canonical as Unicode, but legacy text could read as better name words. */
const AMBIGUOUS = 2;

/**
 * {@link isCanonical} with a third answer, {@link AMBIGUOUS}: the name is canonical as it stands,
 * but its Latin-1 words could be legacy text for better name words, so the whole-name reading
 * decides ({@link chooseReading}).
 */
function canonicalState(s: string, style: ToneStyle, capitalize: boolean): number {
  const n = s.length;
  if (n === 0) return CANONICAL;
  let unicodeOnly = false;
  /** What decoding could gain on the Latin-1 words (see chooseReading). */
  let gain = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    let latin1 = false;
    let wordUnicode = false;
    let ascii = true;
    // The tone and the first run of vowels, for the placement check (as tonePlacementOk reads them).
    let tones = 0;
    let tonePos = -1;
    let vowels = 0;
    let v = -1;
    let e = -1;
    let runOpen = false;
    let lastMod = -1;
    let b0 = -1;
    let b1 = -1;
    let b2 = -1;
    for (; i < n; i++) {
      const c = codeAt(s, i);
      if (c === 0x20) break;
      if (c >= TABLE_SIZE) return NOT_CANONICAL;
      const t = CANON_CLASS[c] as number;
      if (t === 0) return NOT_CANONICAL;
      if (capitalize && t >> 9 !== (i === start ? 1 : 2)) return NOT_CANONICAL;
      const info = t & 0xff;
      if (info !== 0) {
        vowels++;
        if ((info & 0x70) !== 0) {
          tones++;
          tonePos = i;
        }
        const base = (info & 0x0f) - 1;
        if (v < 0) {
          v = i;
          runOpen = true;
        }
        if (runOpen) {
          e = i + 1;
          const at = i - v;
          if (at === 0) b0 = base;
          else if (at === 1) b1 = base;
          else if (at === 2) b2 = base;
          // MODIFIED_BASES, as a literal: bundlers turn a module constant into a variable.
          if ((0x596 >> base) & 1) lastMod = i;
        }
      } else if (v >= 0) runOpen = false;
      if (c >= 0x80) {
        ascii = false;
        if (c < 0x100) latin1 = true;
        else {
          unicodeOnly = true;
          wordUnicode = true;
        }
      }
    }
    if (i === start) return NOT_CANONICAL; // leading or double space
    if (ascii && mayHoldKeystrokes(s, start, i)) return NOT_CANONICAL;
    // A word of Latin-1 letters may be legacy text, even in a name partly retyped in Unicode.
    if (latin1 && !wordUnicode) {
      // It is safe when it is a Vietnamese syllable (detection never decodes those).
      const facts = factsOf(s, start, i);
      if (!facts.syllable) return NOT_CANONICAL;
      // Only a name without a Unicode-only letter can be read as legacy text as a whole.
      if (!unicodeOnly) gain += gainsOf(facts, start === 0, i === n);
    }
    // A tone on the only vowel is where both styles put it.
    if (tones > 1) return NOT_CANONICAL;
    if (tones === 1 && vowels > 1) {
      const first = LOWER_BASE[codeAt(s, start)] as number;
      const target = toneTarget(s, start, first, v, e, i, lastMod, b0, b1, b2, style);
      if (target !== tonePos && (target !== KEPT || !keptTone(start, v, tonePos))) {
        return NOT_CANONICAL;
      }
    }
    if (i < n) {
      i++;
      if (i === n) return NOT_CANONICAL; // trailing space
    }
  }
  // Words that are syllables but may be legacy text for better name words (`Cao Thò Bình` is
  // VNI for Cao Thị Bình): the whole name decides.
  return unicodeOnly || gain < 2 * READING_MARGIN ? CANONICAL : AMBIGUOUS;
}

/**
 * Bit set of the modified vowel bases ă â ê ô ơ ư (base indexes 1 2 4 7 8 10): 0x596, written
 * as that literal in {@link isCanonical}.
 */
export const MODIFIED_BASES = (1 << 1) | (1 << 2) | (1 << 4) | (1 << 7) | (1 << 8) | (1 << 10);

/**
 * Where `style` puts the tone of a word (as {@link tonePlacementOk} decides it), from what
 * {@link isCanonical} gathered in its scan: where the word starts and the lowercase base letter of its first letter,
 * the first run of vowels `[v, e)` with the bases of its first three vowels, the word's end, and
 * the last modified vowel (ă â ê ô ơ ư) in the run.
 */
function toneTarget(
  s0: string,
  wordStart: number,
  first: number,
  v: number,
  e: number,
  end: number,
  lastMod: number,
  b0: number,
  b1: number,
  b2: number,
  style: ToneStyle,
): number {
  // The u of qu and the i of gi before another vowel belong to the onset.
  let start = v;
  let p0 = b0;
  let p1 = b1;
  if (
    v === wordStart + 1 &&
    e > v + 1 &&
    ((first === 0x71 && b0 === 9) || (first === 0x67 && b0 === 5))
  ) {
    start = v + 1;
    p0 = b1;
    p1 = b2;
  }
  if (lastMod >= start) return lastMod;
  const count = e - start;
  if (count === 1) return start;
  if (e < end) return e - 1;
  if (count >= 3) return start + 1;
  const modernPair = (p0 === 6 && (p1 === 0 || p1 === 3)) || (p0 === 9 && p1 === 11);
  if (modernPair && start === v && noMedialAfter(s0, wordStart, v)) return KEPT;
  return style === 'modern' && modernPair ? start + 1 : start;
}

/** {@link toneTarget}: the tone stays where it was typed, on either vowel of the pair at `v`. */
const KEPT = -2;

/** Whether a tone at `tonePos` is on the pair at `v` ({@link KEPT}). */
function keptTone(start: number, v: number, tonePos: number): boolean {
  return start < v && (tonePos === v || tonePos === v + 1);
}

/**
 * Normalises a personal name the way a user wants by default, and says what it changed:
 *
 * 1. legacy decoding when the text is TCVN3, VNI, VIQR, VISCII or CP1258 ({@link detectEncoding});
 * 2. {@link toNfc}: NFC with combining-order repair, invisible characters removed, NBSP → space;
 * 3. whitespace: trimmed, one space between words;
 * 4. Telex/VNI keystroke leftovers repaired ({@link repairTelex}, see `repairTelex` option), and
 *    the look-alike Ð/ð (eth) replaced by Đ/đ where that makes a syllable;
 * 5. tone marks in the traditional (default) or modern placement ({@link normalizeTonePlacement});
 * 6. each word capitalised (`TRẦN thị` → `Trần Thị`).
 *
 * Already-canonical names take a fast path (one scan, no allocation).
 *
 * @example
 * ```ts
 * normalizeName('NGUYÔN  v¨n hïng');
 * // { value: 'Nguyễn Văn Hùng', changes: ['decoded-tcvn3', 'whitespace', 'capitalization'] }
 * normalizeName('Lê Thị Thuỷ');
 * // { value: 'Lê Thị Thủy', changes: ['tone-placement'] }
 * ```
 */
export function normalizeName(s: string, options?: NormalizeNameOptions): NormalizedName {
  const r = readName(s, options);
  return readSettled ? r : settled(s, r, options, readName);
}

/**
 * Whether the last {@link readName} result is known to be a fixed point: the router finished it
 * and its words prove it cannot read as legacy text again (or the check on it passed).
 */
let readSettled = false;

/**
 * `r`, the result of `read(s, options)`, made a fixed point (decoding `'auto'`). A result that
 * could still read as legacy text is read again; if that changes it:
 * - `r` was decoded and its own result does not confirm it (`tâ` is TCVN3 for `tõ`, itself TCVN3
 *   for `từ`): text is encoded once, so the decoding is dropped and `s` is read as it stands,
 *   unless that reading in turn decodes into a settled result (`\u00ADy ö` → `Y Ö` → `Y Ệ`);
 * - `r` was read as it stands (then cleaned: invisible characters removed, case changed): its
 *   second reading, when that one is settled.
 * Only a result without a letter that only Unicode has is read again (a fraction of legacy names).
 */
function settled(
  s: string,
  r: NormalizedName,
  options: NormalizeNameOptions | undefined,
  read: (s: string, options: NormalizeNameOptions | undefined) => NormalizedName,
): NormalizedName {
  if (r.changes.length === 0 || (options?.decode ?? 'auto') !== 'auto') return r;
  if (legacyGate(r.value) === 0) return r;
  const again = read(r.value, options);
  if (again.value === r.value) return r;
  const base = r.changes.some(isDecoded) ? read(s, { ...options, decode: false }) : r;
  const next = base === r ? again : read(base.value, options);
  if (next.value === base.value) return base;
  return legacyGate(next.value) === 0 || read(next.value, options).value === next.value
    ? merged(base, next)
    : base;
}

/** `b` with the changes of `a` first. */
function merged(a: NormalizedName, b: NormalizedName): NormalizedName {
  const changes = [...a.changes];
  for (const c of b.changes) if (!changes.includes(c)) changes.push(c);
  return { value: b.value, changes };
}

function isDecoded(c: NameChange): boolean {
  return c.startsWith('decoded-');
}

/** {@link normalizeName} before the fixed-point check ({@link settled}). */
function readName(s: string, options: NormalizeNameOptions | undefined): NormalizedName {
  const style = options?.style ?? 'traditional';
  const capitalize = options?.capitalize ?? true;
  const state = canonicalState(s, style, capitalize);
  readSettled = false;
  if (state === CANONICAL) return { value: s, changes: NO_CHANGES };
  const ctx = nameContext(options);
  if (state === NOT_CANONICAL && ctx.decode === 'auto') {
    let routed = routeDirect(s, ctx);
    if (routed === null && stripStrayPunctuation(s) === null) routed = routeReading(s, ctx);
    // A name read as it stands must not read as legacy text once cleaned (see reshape), nor a
    // decoded name be decoded again (see settled).
    if (
      routed !== null &&
      (!directNeedsCheck() ||
        legacyGate(routed.value) === 0 ||
        canonicalState(routed.value, style, capitalize) === CANONICAL)
    ) {
      readSettled = true;
      return routed;
    }
  }
  if (state === AMBIGUOUS && (options?.decode ?? 'auto') !== false) {
    // Canonical as it stands: only a decoded reading can change it.
    const reading = chooseReading(s);
    if (reading === null || reading.encoding === null) return { value: s, changes: NO_CHANGES };
  }
  return reshape(s, options, (t, o) => normalizeWhole(t, nameContext(o)));
}

/**
 * The steps that look at the whole name before the word-by-word pipeline (`finish`): stray
 * punctuation removed, the reading chosen (as it stands or decoded, {@link chooseReading}) before
 * any change of case, words run together split when the name is read as it stands.
 */
function reshape(
  s: string,
  options: NormalizeNameOptions | undefined,
  finish: (text: string, options: NormalizeNameOptions | undefined) => NormalizedName,
): NormalizedName {
  const style = options?.style ?? 'traditional';
  const capitalize = options?.capitalize ?? true;
  const stripped = stripStrayPunctuation(s);
  const core = stripped ?? s;
  const changes: NameChange[] = [];
  if (stripped !== null) changes.push('punctuation-removed');
  let r: NormalizedName | null = null;
  const auto = (options?.decode ?? 'auto') === 'auto';
  const plain = auto ? { ...options, decode: false as const } : options;
  if (auto) {
    const reading = chooseReading(core);
    if (reading !== null && reading.encoding !== null) {
      changes.push(`decoded-${reading.encoding}`);
      // A syllable split by a space is joined in decoded text too (so that normalising again
      // changes nothing).
      const joined = joinSplitSyllables(reading.text);
      if (joined !== null) changes.push('words-joined');
      const text = joined ?? reading.text;
      // Decoded text with a letter only Unicode has cannot be read as legacy text again: the
      // router (decoding on) finishes it fastest; otherwise decoding stays off.
      r = finish(text, legacyGate(text) === 0 ? options : plain);
    } else if (reading !== null) {
      const joined = joinSplitSyllables(core);
      if (joined !== null) changes.push('words-joined');
      const split = splitRunTogether(joined ?? core);
      if (split !== null) changes.push('words-split');
      r = finish(split ?? joined ?? core, plain);
    }
  }
  if (r === null) {
    const decode = options?.decode ?? 'auto';
    const joined = decode === 'auto' || decode === false ? joinSplitSyllables(core) : null;
    if (joined !== null) changes.push('words-joined');
    const split = splitRunTogether(joined ?? core);
    if (split !== null) changes.push('words-split');
    r = finish(split ?? joined ?? core, options);
  }
  // Read as it stands, then cleaned (invisible characters, composition, case): if that reads as
  // legacy text now (`n` + U+0303 composes to `ñ`), decode it, so that normalising twice changes
  // nothing.
  if (auto && changes.every((c) => !c.startsWith('decoded-'))) {
    for (
      let pass = 0;
      pass < 2 &&
      r.value !== core &&
      legacyGate(r.value) !== 0 &&
      canonicalState(r.value, style, capitalize) !== CANONICAL;
      pass++
    ) {
      const again = chooseReading(r.value);
      if (again === null || again.encoding === null) break;
      const next = finish(again.text, plain);
      if (next.value === r.value) break;
      changes.push(`decoded-${again.encoding}`);
      r = { value: next.value, changes: [...r.changes, ...next.changes] };
    }
  }
  // Case mapping outside Vietnamese can leave combining marks (Turkish İ lowercases to i + U+0307):
  // the output is NFC whatever the script.
  if (!isCleanNfc(r.value)) {
    const nfc = r.value.normalize('NFC');
    if (nfc !== r.value) r = { value: nfc, changes: r.changes };
  }
  if (changes.length === 0) return r;
  for (const c of r.changes) if (!changes.includes(c)) changes.push(c);
  return { value: r.value, changes };
}

function normalizeWhole(s: string, ctx: NameContext): NormalizedName {
  if (isCanonical(s, ctx.style, ctx.capitalize)) return { value: s, changes: NO_CHANGES };
  if (ctx.decode === 'auto' || ctx.decode === false) {
    const routed = routeName(s, ctx);
    if (routed !== null) return routed;
    const common = normalizeCommon(s, ctx);
    if (common !== null) return common;
  }
  return normalizeGeneral(s, ctx);
}

/**
 * {@link normalizeName} without its one-scan paths (`normalizeCommon` and the one-scan finish of
 * decoded text), keeping only the canonical-input check: the reference the tests hold them to.
 */
export function normalizeNameGeneral(s: string, options?: NormalizeNameOptions): NormalizedName {
  return settled(s, readNameGeneral(s, options), options, readNameGeneral);
}

function readNameGeneral(s: string, options: NormalizeNameOptions | undefined): NormalizedName {
  const style = options?.style ?? 'traditional';
  const capitalize = options?.capitalize ?? true;
  if (isCanonical(s, style, capitalize)) return { value: s, changes: NO_CHANGES };
  return reshape(s, options, (t, o) =>
    isCanonical(t, style, capitalize)
      ? { value: t, changes: NO_CHANGES }
      : normalizeGeneral(t, nameContext(o), false),
  );
}

function normalizeGeneral(s: string, ctx: NameContext, fast = true): NormalizedName {
  let once = normalizeOnce(s, ctx, fast);
  let result = once.result;
  // Changing the case of text that was not decoded can turn it into recognisable legacy text
  // (`yÌ` → `Yì`, CP1258 for Ý): repeat until nothing changes, so the result is a fixed point.
  for (let pass = 0; pass < 3 && ctx.decode === 'auto'; pass++) {
    if (once.final) break;
    const enc = detectEncoding(result.value).encoding;
    if (enc === 'unicode' || enc === 'ascii') break;
    once = normalizeOnce(result.value, ctx, fast);
    const next = once.result;
    if (next.value === result.value) break;
    const merged = [...result.changes];
    for (const c of next.changes) if (!merged.includes(c)) merged.push(c);
    result = { value: next.value, changes: merged };
  }
  return result;
}

function normalizeOnce(s: string, ctx: NameContext, fast: boolean): Once {
  const changes: NameChange[] = [];
  let text = s;
  const decode = ctx.decode;
  if (decode !== false) {
    const enc = decode === 'auto' ? detectEncoding(s).encoding : decode;
    if (enc !== 'unicode' && enc !== 'ascii') {
      const decoded = decodeWith(cleanBeforeDecoding(s), enc);
      if (decoded !== s) {
        text = decoded;
        changes.push(`decoded-${enc}`);
      }
    }
  }
  if (fast && text !== s) {
    const detectAfter = decode === 'auto';
    const quick = normalizeDecoded(text, ctx, { before: changes, detectAfter });
    if (quick !== null) return { result: quick, final: detectAfter };
  }
  const nfc = toNfc(text);
  if (nfc !== text) changes.push('unicode-normalized');
  // Words: the runs between plain spaces (toNfc mapped the others), in one scan.
  const words: string[] = [];
  let whitespace = false;
  let eth = false;
  const n = nfc.length;
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? codeAt(nfc, i) : 0x20;
    if (c === 0x20) {
      if (i > start) words.push(start === 0 && i === n ? nfc : nfc.slice(start, i));
      else if (n > 0) whitespace = true;
      start = i + 1;
    } else if (c === 0xd0 || c === 0xf0) eth = true;
  }
  if (whitespace) changes.push('whitespace');
  /** Whether some word was replaced (then the words are joined again). */
  let wordChanged = false;

  const telex = ctx.telex;
  if (telex !== false && words.some(mayBeTyped)) {
    const repairs = words.map((w) => repairTelexWord(w));
    const count = repairs.filter((r) => r !== null).length;
    // Auto: some word has a tone key, every other word is a syllable (diacritics may be missing),
    // and a lone repair must give a frequent name syllable (`Noor Khan` stays).
    const auto =
      repairs.some((r) => r?.toneKey === true) &&
      words.every((w, k) => repairs[k] !== null || analyzeSyllable(w, true).error === null);
    if (telex === true || auto) {
      let repaired = false;
      for (let k = 0; k < words.length; k++) {
        const r = repairs[k];
        if (r != null && (telex === true || count >= 2 || isCommonNameSyllable(r.value))) {
          words[k] = r.value;
          repaired = true;
        }
      }
      if (repaired) {
        changes.push('telex-repaired');
        wordChanged = true;
      }
    }
  }

  // Ð/ð (Icelandic eth, U+00D0/U+00F0) look like Đ/đ and replace them in converted data.
  if (eth) {
    let lookalike = false;
    for (let k = 0; k < words.length; k++) {
      const w = words[k] ?? '';
      if (w.includes('Ð') || w.includes('ð')) {
        const fixed = w.replaceAll('Ð', 'Đ').replaceAll('ð', 'đ');
        if (analyzeSyllable(fixed).error === null) {
          words[k] = fixed;
          lookalike = true;
        }
      }
    }
    if (lookalike) {
      changes.push('lookalike-replaced');
      wordChanged = true;
    }
  }

  let toneChanged = false;
  let caseChanged = false;
  for (let k = 0; k < words.length; k++) {
    const f = finishWord(words[k] as string, ctx.style, ctx.capitalize);
    if (f.tone) toneChanged = true;
    if (f.case) caseChanged = true;
    if (f.tone || f.case) {
      words[k] = f.value;
      wordChanged = true;
    }
  }
  if (toneChanged) changes.push('tone-placement');
  if (caseChanged) changes.push('capitalization');
  // Unchanged words, one space apart: the text itself.
  const value = whitespace || wordChanged ? words.join(' ') : nfc;
  return { result: { value, changes }, final: false };
}

/**
 * One pass of the pipeline. `final`: detection is known to find Unicode or ASCII in the result,
 * so no further pass is needed.
 */
interface Once {
  readonly result: NormalizedName;
  readonly final: boolean;
}

/**
 * The string-only shortcut of {@link normalizeName}.
 *
 * @example
 * ```ts
 * normalizeNameString('TRẦN  THỊ  BÍCH'); // 'Trần Thị Bích'
 * ```
 */
export function normalizeNameString(s: string, options?: NormalizeNameOptions): string {
  return normalizeName(s, options).value;
}
