/**
 * `toNfc`: canonical composition with the repairs Vietnamese text needs.
 *
 * @module
 */
import {
  codeAt,
  isCombiningMark,
  isInvisible,
  isModifierMark,
  isSpaceLike,
  isToneMark,
  stripAndMapFrom,
} from './chars.js';
import { TABLE_SIZE, VOWEL_INFO } from './letters.js';

/**
 * Whether `c` is certainly already NFC-stable and needs no cleaning: printable ASCII, Latin-1
 * letters, Latin Extended-A/B below the combining block, and the precomposed Vietnamese block.
 */
function isCleanUnit(c: number): boolean {
  if (c < 0x7f) return c >= 0x20;
  if (c < 0xa1) return false;
  if (c < 0x0300) return c !== 0xad;
  return c >= 0x1ea0 && c <= 0x1ef9;
}

/**
 * Reorders each run of combining marks so that the vowel modifiers (circumflex, breve, horn) come
 * before the tone marks, drops invisible characters, maps space-like characters to U+0020 and lone
 * surrogates to U+FFFD. Works on an NFD string.
 */
function repairDecomposed(d: string): string {
  if (!needsRepair(d)) return d;
  let out = '';
  const n = d.length;
  let i = 0;
  while (i < n) {
    const c = codeAt(d, i);
    if (isCombiningMark(c)) {
      // Collect the run of combining marks; emit modifiers first, then everything else in order.
      let j = i;
      let hasToneBeforeModifier = false;
      let seenTone = false;
      while (j < n) {
        const m = codeAt(d, j);
        if (!isCombiningMark(m)) {
          if (isInvisible(m)) {
            j++;
            continue;
          }
          break;
        }
        if (isToneMark(m)) seenTone = true;
        else if (isModifierMark(m) && seenTone) hasToneBeforeModifier = true;
        j++;
      }
      if (!hasToneBeforeModifier) {
        for (let k = i; k < j; k++) {
          const m = codeAt(d, k);
          if (isCombiningMark(m) && m !== 0x034f) out += String.fromCharCode(m);
        }
      } else {
        let mods = '';
        let rest = '';
        for (let k = i; k < j; k++) {
          const m = codeAt(d, k);
          if (!isCombiningMark(m) || m === 0x034f) continue;
          if (isModifierMark(m)) mods += String.fromCharCode(m);
          else rest += String.fromCharCode(m);
        }
        out += mods + rest;
      }
      i = j;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < n ? codeAt(d, i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        out += d.slice(i, i + 2);
        i += 2;
      } else {
        out += '\ufffd';
        i++;
      }
      continue;
    }
    if (isSpaceLike(c)) out += ' ';
    else if (!isInvisible(c)) out += d[i];
    i++;
  }
  return out;
}

/** Whether {@link repairDecomposed} would change the NFD string `d` (one scan, no allocation). */
function needsRepair(d: string): boolean {
  let seenTone = false;
  for (let i = 0; i < d.length; i++) {
    const c = codeAt(d, i);
    if (c >= 0x0300 && c <= 0x036f) {
      if (c === 0x034f) return true;
      if (isToneMark(c)) seenTone = true;
      else if (seenTone && isModifierMark(c)) return true;
      continue;
    }
    seenTone = false;
    if (c === 0x20) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c === 0xad) return true;
    if (c >= 0xd800 && c <= 0xdfff) return true;
    if (c >= 0x1680 && (isSpaceLike(c) || isInvisible(c))) return true;
    if (c === 0x034f || c === 0x061c) return true;
  }
  return false;
}

/**
 * Returns `s` in Unicode NFC, repaired for the ways Vietnamese text is really typed:
 *
 * - the tone typed before the circumflex/breve/horn (`a` + `◌̃` + `◌̂`): both marks have combining
 *   class 230, so plain `normalize('NFC')` would give `ã◌̂` instead of `ẫ`; the marks are reordered
 *   first;
 * - zero-width characters, bidi controls, soft hyphens, BOMs and C0/C1 controls are removed;
 * - NBSP, tabs, line breaks and the other Unicode spaces become a plain space (runs are kept: use
 *   {@link normalizeName} to collapse them);
 * - lone surrogates become U+FFFD.
 *
 * Already-clean NFC text (the common case) is returned as is after one scan.
 *
 * @example
 * ```ts
 * toNfc('Nguye\u0302\u0303n'); // 'Nguyễn' (NFD, as macOS writes it)
 * toNfc('Tra\u0300\u0302n');   // 'Trần'   (tone typed before the circumflex)
 * toNfc('Lê\u00a0Văn\u200b');  // 'Lê Văn'
 * ```
 */
export function toNfc(s: string): string {
  const n = s.length;
  let i = 0;
  while (i < n && isCleanUnit(codeAt(s, i))) i++;
  if (i === n) return s;
  const repair = repairNeeded(s, i);
  // Most input only needs composing: no tone typed before a modifier, nothing to strip or map.
  if (repair === REPAIR_NONE) return s.normalize('NFC');
  if (repair === REPAIR_STRIP) {
    const t = stripAndMapFrom(s, 0);
    return isCleanNfc(t) ? t : t.normalize('NFC');
  }
  return repairDecomposed(s.normalize('NFD')).normalize('NFC');
}

/**
 * The full repair: decompose, reorder the marks, strip and map, compose. {@link toNfc} takes it
 * only when it could differ from the cheaper paths; the tests check that the cheaper paths agree
 * with it.
 */
export function toNfcFull(s: string): string {
  return repairDecomposed(s.normalize('NFD')).normalize('NFC');
}

/** {@link repairNeeded}: plain NFC is enough. */
const REPAIR_NONE = 0;
/**
 * {@link repairNeeded}: invisible or space-like characters to strip or map, no surrogate, and no
 * run of combining marks where a tone comes before a vowel modifier (counting the marks a
 * precomposed letter decomposes into, and skipping invisible characters as the full repair does).
 * The full repair then only strips and maps, and stripping and mapping commute with canonical
 * decomposition and ordering, so strip-and-map then NFC gives the same text.
 */
const REPAIR_STRIP = 1;
/** {@link repairNeeded}: the full decompose–repair–compose path. */
const REPAIR_FULL = 2;

/**
 * Which repair `s` needs (from index `from`, the first unit that is not clean): a vowel modifier
 * mark right after a tone mark or a toned letter, a lone surrogate or the combining grapheme
 * joiner take the full path; characters {@link repairDecomposed} would strip or map take the
 * strip path when the text has no combining mark.
 */
function repairNeeded(s: string, from: number): number {
  // Whether the current combining run already holds a tone (as a mark or in a toned base letter).
  const prev = from > 0 ? codeAt(s, from - 1) : 0;
  let toneInRun = prev < TABLE_SIZE && ((VOWEL_INFO[prev] as number) & 0x70) !== 0;
  // The same, conservatively, for the strip path: invisible characters do not end the run (the
  // full repair skips them), and any base letter that may decompose with a tone counts.
  let hazard = mayHoldTone(prev);
  let hazardSeen = false;
  let strip = false;
  let marks = false;
  // A circumflex or breve mark in the run: canonical ordering moves a later dot below (class 220)
  // in front of it (class 230), so decomposing puts a tone before the modifier.
  let modifierInRun = false;
  for (let i = from; i < s.length; i++) {
    const c = codeAt(s, i);
    if (c >= 0x0300 && c <= 0x036f) {
      if (c === 0x034f) return REPAIR_FULL;
      marks = true;
      if (isModifierMark(c)) {
        if (toneInRun) return REPAIR_FULL;
        if (hazard) hazardSeen = true;
        if (c !== 0x031b) modifierInRun = true;
      } else {
        if (c === 0x0323 && modifierInRun) return REPAIR_FULL;
        if (isToneMark(c)) toneInRun = true;
        // Conservatively any other mark too (U+0340 decomposes to the grave tone mark).
        hazard = true;
      }
      continue;
    }
    toneInRun = c < TABLE_SIZE && ((VOWEL_INFO[c] as number) & 0x70) !== 0;
    modifierInRun = false;
    if (isCleanUnit(c) || c === 0x20) {
      hazard = mayHoldTone(c);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) return REPAIR_FULL;
    if (
      c < 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      c === 0xad ||
      c === 0x061c ||
      (c >= 0x1680 && (isSpaceLike(c) || isInvisible(c)))
    ) {
      strip = true;
      if (isSpaceLike(c)) hazard = false;
    } else hazard = mayHoldTone(c);
  }
  if (!strip) return REPAIR_NONE;
  // Without a tone before a modifier in any run, the full repair only strips and maps.
  return marks && hazardSeen ? REPAIR_FULL : REPAIR_STRIP;
}

/**
 * Whether the canonical decomposition of `c` may hold a tone mark (conservative: true for every
 * character outside ASCII except the untoned Vietnamese letters and đ).
 */
function mayHoldTone(c: number): boolean {
  if (c < 0x80 || c === 0x110 || c === 0x111) return false;
  const info = c < TABLE_SIZE ? (VOWEL_INFO[c] as number) : 0;
  return info === 0 || (info & 0x70) !== 0;
}

/**
 * Whether `s` is already what {@link toNfc} would return (a cheap check for the common case; a
 * `false` answer means "maybe not").
 *
 * @example
 * ```ts
 * isCleanNfc('Nguyễn Văn An'); // true
 * isCleanNfc('Nguye\u0302\u0303n'); // false
 * ```
 */
export function isCleanNfc(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isCleanUnit(codeAt(s, i))) return false;
  return true;
}
