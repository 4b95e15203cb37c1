/**
 * Step 1 of `normalizeName`: the canonical-input check, one scan with no allocation.
 * @module
 */
import { codeAt } from '../chars.js';
import { LETTER_CASE, TABLE_SIZE, VOWEL_INFO } from '../letters.js';
import { LOWER_BASE } from '../syllable.js';
import { noMedialAfter, type ToneOptions, tonePlacementOk } from '../tone.js';
import type { FinishOptions } from './finish.js';
import { L1_KEYS, L1_SYLLABLE, latin1Gain, latin1Word } from './latin1-words.js';
import { chooseReading, READING_MARGIN } from './reading.js';

/**
 * What {@link isCanonical} reads per code unit, in one lookup: `VOWEL_INFO` in bits 0–7, 0x100
 * for a Vietnamese letter (`LOWER_BASE` set), {@link C_LATIN1} and {@link C_HIGH} for its range,
 * `LETTER_CASE` (1 upper, 2 lower) from bit 14; 0 for anything that is not a letter.
 */
/** {@link CANON_CLASS}: a letter from U+0080 to U+00FF. */
const C_LATIN1 = 0x800;
/** {@link CANON_CLASS}: a letter above U+00FF (only Unicode has it). */
const C_HIGH = 0x1000;

const CANON_CLASS: Uint16Array = (() => {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    if ((LOWER_BASE[c] as number) === 0) continue;
    const range = c >= 0x100 ? C_HIGH : c >= 0x80 ? C_LATIN1 : 0;
    t[c] = (VOWEL_INFO[c] as number) | 0x100 | range | ((LETTER_CASE[c] as number) << 14);
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
 * isCanonical('Lê Thị Hòa', { style: 'traditional', capitalize: true }); // true
 * isCanonical('Lê Thị Hoà', { style: 'traditional', capitalize: true }); // false
 * ```
 */
export function isCanonical(s: string, options: FinishOptions): boolean {
  return canonicalState(s, options) === CANONICAL;
}

/** {@link canonicalState}: not canonical. */
export const NOT_CANONICAL = 0;
/** {@link canonicalState}: canonical. */
export const CANONICAL = 1;
/** {@link canonicalState}: canonical as Unicode, but legacy text could read as better name words. */
export const AMBIGUOUS = 2;

/**
 * {@link isCanonical} with a third answer, {@link AMBIGUOUS}: the name is canonical as it stands,
 * but its Latin-1 words could be legacy text for better name words, so the whole-name reading
 * decides ({@link chooseReading}).
 *
 * @example
 * ```ts
 * canonicalState('Lê Thị Hòa', nameContext()) === CANONICAL; // true
 * canonicalState('LÊ THỊ HÒA', nameContext()) === NOT_CANONICAL; // true
 * ```
 */
export function canonicalState(s: string, options: FinishOptions): number {
  const capitalize = options.capitalize;
  const n = s.length;
  if (n === 0) return CANONICAL;
  // The class table as locals (module bindings are loaded and checked on every use in the loop).
  const classOf = CANON_CLASS;
  const tableSize = TABLE_SIZE;
  let unicodeOnly = false;
  /** What decoding could gain on the Latin-1 words (see chooseReading). */
  let gain = 0;
  let i = 0;
  while (i < n) {
    const start = i;
    /** The classes of the word's letters, or-ed. */
    let classes = 0;
    /** The case its next letter must have when capitalised: upper first, then lower. */
    let want = 1;
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
    // The word's last eight code units, eight bits each (latin1Word's key).
    let k0 = 0;
    let k1 = 0;
    for (; i < n; i++) {
      const c = codeAt(s, i);
      if (c === 0x20) break;
      k1 = (k1 << 8) | (k0 >>> 24);
      k0 = (k0 << 8) | c;
      if (c >= tableSize) return NOT_CANONICAL;
      const t = classOf[c] as number;
      if (t === 0) return NOT_CANONICAL;
      if (capitalize && t >> 14 !== want) return NOT_CANONICAL;
      want = 2;
      classes |= t;
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
    }
    const latin1 = (classes & C_LATIN1) !== 0;
    const wordUnicode = (classes & C_HIGH) !== 0;
    if (wordUnicode) unicodeOnly = true;
    if (i === start) return NOT_CANONICAL; // leading or double space
    if ((classes & (C_LATIN1 | C_HIGH)) === 0) {
      if ((latin1Word(s, start, i, k0, k1, false) & L1_KEYS) !== 0) return NOT_CANONICAL;
    } else if (latin1 && !wordUnicode) {
      // A word of Latin-1 letters may be legacy text, even in a name partly retyped in Unicode.
      // It is safe when it is a Vietnamese syllable (detection never decodes those).
      const w = latin1Word(s, start, i, k0, k1, !unicodeOnly);
      if ((w & L1_SYLLABLE) === 0) return NOT_CANONICAL;
      // Only a name without a Unicode-only letter can be read as legacy text as a whole.
      if (!unicodeOnly) gain += latin1Gain(w, start === 0, i === n);
    }
    // A tone on the only vowel is where both styles put it.
    if (tones > 1) return NOT_CANONICAL;
    if (tones === 1 && vowels > 1) {
      const first = LOWER_BASE[codeAt(s, start)] as number;
      const target = toneTarget(s, start, first, v, e, i, lastMod, b0, b1, b2, options);
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
 * Where `options.style` puts the tone of a word (as {@link tonePlacementOk} decides it), from
 * what {@link isCanonical} gathered in its scan: where the word starts and the lowercase base
 * letter of its first letter, the first run of vowels `[v, e)` with the bases of its first three
 * vowels, the word's end, and the last modified vowel (ă â ê ô ơ ư) in the run.
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
  options: ToneOptions,
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
  return options.style === 'modern' && modernPair ? start + 1 : start;
}

/** {@link toneTarget}: the tone stays where it was typed, on either vowel of the pair at `v`. */
const KEPT = -2;

/** Whether a tone at `tonePos` is on the pair at `v` ({@link KEPT}). */
function keptTone(start: number, v: number, tonePos: number): boolean {
  return start < v && (tonePos === v || tonePos === v + 1);
}
