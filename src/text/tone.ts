/**
 * `normalizeTonePlacement`: puts each word's tone mark on the vowel where the chosen orthography
 * wants it.
 *
 * @module
 */
import { codeAt } from './chars.js';
import { infoBase, infoUpper, TABLE_SIZE, VOWEL_INFO, vowelCode } from './letters.js';
import { toNfc } from './nfc.js';
import { analyzeSyllable, LOWER_BASE, tonePosition } from './syllable.js';

/** Tone-placement orthography: `traditional` (hòa, khỏe, thủy; the default) or `modern` (hoà, khoẻ, thuỷ). */
export type ToneStyle = 'traditional' | 'modern';

/** Options of {@link normalizeTonePlacement}. */
export interface ToneOptions {
  /** Default `traditional`, the placement of official lists (Thanh Hóa, Khánh Hòa). */
  readonly style?: ToneStyle;
}

function isLetterCode(c: number): boolean {
  return c < TABLE_SIZE && (LOWER_BASE[c] ?? 0) !== 0;
}

/** Bit set of the modified vowel bases ă â ê ô ơ ư (base indexes 1 2 4 7 8 10). */
const MODIFIED_BASES = (1 << 1) | (1 << 2) | (1 << 4) | (1 << 7) | (1 << 8) | (1 << 10);

/**
 * Whether the tone of the word `s.slice(start, end)` already sits where `style` puts it, checked
 * on code units without allocating. `false` means "maybe not" (several tones, odd spelling…):
 * the caller then takes the full path.
 *
 * @example
 * ```ts
 * tonePlacementOk('hoà', 0, 3, 'traditional'); // false
 * ```
 */
export function tonePlacementOk(s: string, start: number, end: number, style: ToneStyle): boolean {
  let tonePos = -1;
  for (let i = start; i < end; i++) {
    const c = codeAt(s, i);
    if (c < 0xc0 || c >= TABLE_SIZE) continue;
    if (((VOWEL_INFO[c] ?? 0) & 0x70) !== 0) {
      if (tonePos >= 0) return false;
      tonePos = i;
    }
  }
  if (tonePos < 0) return true;
  // Onset: the letters before the first vowel, plus the u of qu and the i of gi before a vowel.
  let v = start;
  while (v < end && (VOWEL_INFO[codeAt(s, v)] ?? 0) === 0) v++;
  if (v === end) return false;
  const first = (LOWER_BASE[codeAt(s, start)] ?? 0) | 0;
  const next = v + 1 < end ? (VOWEL_INFO[codeAt(s, v + 1)] ?? 0) : 0;
  if (v === start + 1 && next !== 0) {
    const b = infoBase(VOWEL_INFO[codeAt(s, v)] ?? 0);
    if ((first === 0x71 && b === 9) || (first === 0x67 && b === 5)) v++;
  }
  let e = v;
  while (e < end && (VOWEL_INFO[codeAt(s, e)] ?? 0) !== 0) e++;
  const n = e - v;
  let target = -1;
  for (let i = e - 1; i >= v; i--) {
    if ((MODIFIED_BASES >> infoBase(VOWEL_INFO[codeAt(s, i)] ?? 0)) & 1) {
      target = i;
      break;
    }
  }
  if (target < 0) {
    if (n === 1) target = v;
    else if (e < end) target = e - 1;
    else if (n >= 3) target = v + 1;
    else {
      const b0 = infoBase(VOWEL_INFO[codeAt(s, v)] ?? 0);
      const b1 = infoBase(VOWEL_INFO[codeAt(s, v + 1)] ?? 0);
      const modernPair = (b0 === 6 && (b1 === 0 || b1 === 3)) || (b0 === 9 && b1 === 11);
      // No Vietnamese syllable has this pair after a labial or n (`Noé` is French): as typed.
      if (modernPair && noMedialAfter(s, start, v)) return tonePos === v || tonePos === v + 1;
      target = style === 'modern' && modernPair ? v + 1 : v;
    }
  }
  return target === tonePos;
}

/**
 * Whether the onset `s.slice(start, v)` is one that never takes the glide `o`/`u` of an open
 * `oa`, `oe`, `uy` in Vietnamese: the labials b, m, p, ph, v (the labial glide does not follow a
 * labial consonant) and n (no syllable `noa`, `noe`, `nuy`; `noãn` is closed, its tone on `a` in
 * both styles). A word such as `Noé` is then a foreign word whose tone has no Vietnamese place:
 * both positions are kept as typed.
 *
 * @example
 * ```ts
 * noMedialAfter('Noé', 0, 1); // true
 * noMedialAfter('Hoà', 0, 1); // false
 * ```
 */
export function noMedialAfter(s: string, start: number, v: number): boolean {
  const first = (LOWER_BASE[codeAt(s, start)] ?? 0) | 0;
  if (v === start + 1) {
    return first === 0x62 || first === 0x6d || first === 0x6e || first === 0x70 || first === 0x76;
  }
  return (
    v === start + 2 && first === 0x70 && ((LOWER_BASE[codeAt(s, start + 1)] ?? 0) | 0) === 0x68
  );
}

/**
 * Moves the tone of one word (`word`, NFC) if it is misplaced; returns the word unchanged otherwise.
 *
 * @example
 * ```ts
 * placeToneInWord('Thuỷ', 'traditional'); // 'Thủy'
 * ```
 */
export function placeToneInWord(word: string, style: ToneStyle): string {
  let toned = false;
  for (let i = 0; i < word.length; i++) {
    const c = codeAt(word, i);
    if (c >= 0xc0 && c < TABLE_SIZE && ((VOWEL_INFO[c] ?? 0) & 0x70) !== 0) {
      toned = true;
      break;
    }
  }
  if (!toned || tonePlacementOk(word, 0, word.length, style)) return word;
  const a = analyzeSyllable(word, true);
  if (a.error !== null || a.toneCount !== 1 || a.vowelEnd === a.vowelStart) return word;
  const cluster = a.key.slice(a.vowelStart, a.vowelEnd);
  const target = a.vowelStart + tonePosition(cluster, a.vowelEnd < a.key.length, style);
  if (target === a.tonePos) return word;
  const from = codeAt(word, a.tonePos);
  const to = codeAt(word, target);
  const fromInfo = VOWEL_INFO[from] ?? 0;
  const toInfo = VOWEL_INFO[to] ?? 0;
  if (fromInfo === 0 || toInfo === 0) return word;
  const plain = vowelCode(infoBase(fromInfo), 0, infoUpper(fromInfo));
  const withTone = vowelCode(infoBase(toInfo), a.tone, infoUpper(toInfo));
  let out = '';
  for (let i = 0; i < word.length; i++) {
    if (i === a.tonePos) out += String.fromCharCode(plain);
    else if (i === target) out += String.fromCharCode(withTone);
    else out += word[i];
  }
  return out;
}

/**
 * Puts the tone mark of every word on the right vowel, in the traditional (default) or modern
 * style, and repairs tones typed on the wrong vowel altogether (`tòan` → `toàn`,
 * `nghìên` → `nghiền`). `qu` and `gi` are initial consonants (`quý`, `già`); a modified vowel
 * (ă â ê ô ơ ư) takes the tone (`ươ` → on ơ, `uyê` → on ê); a closed syllable takes it on its last
 * vowel (`toán`, `huýt`); open clusters of three take it in the middle (`khoái`, `khuỷu`); open
 * pairs take it on the first vowel, except `oa`, `oe`, `uy` in the modern style (`hoà`).
 *
 * Words that are not Vietnamese syllables (foreign names, typos) are left as they are. The input
 * goes through {@link toNfc} first.
 *
 * @example
 * ```ts
 * normalizeTonePlacement('Thanh Hoá, thuỷ');                  // 'Thanh Hóa, thủy'
 * normalizeTonePlacement('Khánh Hòa', { style: 'modern' });   // 'Khánh Hoà'
 * normalizeTonePlacement('tòan');                             // 'toàn'
 * ```
 */
export function normalizeTonePlacement(s: string, options?: ToneOptions): string {
  const style = options?.style ?? 'traditional';
  const text = toNfc(s);
  let out = '';
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (!isLetterCode(codeAt(text, i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isLetterCode(codeAt(text, j))) j++;
    const word = text.slice(i, j);
    // A word followed by a mark that NFC could not compose (two tones) is left alone.
    const next = j < n ? codeAt(text, j) : 0;
    const placed = next >= 0x0300 && next <= 0x036f ? word : placeToneInWord(word, style);
    if (placed !== word) {
      out += text.slice(last, i) + placed;
      last = j;
    }
    i = j;
  }
  return last === 0 ? text : out + text.slice(last);
}
