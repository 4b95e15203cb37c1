/**
 * `repairTelex`: undo Telex / VNI keystrokes left in text typed with the input method switched off
 * (`Nguyeenx` → `Nguyễn`, `Tran62` → `Trần`).
 *
 * @module
 */
import { codeAt } from './chars.js';
import { infoBase, infoTone, infoUpper, TABLE_SIZE, VOWEL_INFO, vowelCode } from './letters.js';
import { toNfc } from './nfc.js';
import { analyzeSyllable, tonePosition } from './syllable.js';

/** The result of {@link repairTelex}. */
export interface TelexRepair {
  readonly value: string;
  /** Whether at least one word was repaired. */
  readonly repaired: boolean;
}

const TELEX_TONES: Readonly<Record<string, number>> = { f: 1, r: 2, x: 3, s: 4, j: 5 };
const VNI_TONES: Readonly<Record<string, number>> = { '1': 4, '2': 1, '3': 2, '4': 3, '5': 5 };

interface Letter {
  code: number;
}

function baseOf(code: number): number {
  const info = code < TABLE_SIZE ? (VOWEL_INFO[code] ?? 0) : 0;
  return info === 0 ? -1 : infoBase(info);
}

function isUpperCode(code: number): boolean {
  if (code >= 0x41 && code <= 0x5a) return true;
  const info = code < TABLE_SIZE ? (VOWEL_INFO[code] ?? 0) : 0;
  return info !== 0 && infoUpper(info);
}

function withBase(code: number, base: number): number {
  return vowelCode(base, 0, isUpperCode(code));
}

/** Applies a modifier to the last matching vowel; returns false if none. */
function modify(letters: Letter[], from: readonly number[], to: readonly number[]): boolean {
  for (let k = letters.length - 1; k >= 0; k--) {
    const l = letters[k] as Letter;
    const idx = from.indexOf(baseOf(l.code));
    if (idx >= 0) {
      l.code = withBase(l.code, to[idx] ?? 0);
      return true;
    }
  }
  return false;
}

/** The horn: `uo` → `ươ` together (but `quo` → `quơ`), else the last u or o. */
function horn(letters: Letter[]): boolean {
  for (let k = letters.length - 1; k >= 0; k--) {
    const l = letters[k] as Letter;
    const b = baseOf(l.code);
    if (b === 6) {
      l.code = withBase(l.code, 8);
      const prev = letters[k - 1];
      const beforePrev = letters[k - 2];
      const isQu = beforePrev !== undefined && (beforePrev.code | 0x20) === 0x71;
      if (prev !== undefined && baseOf(prev.code) === 9 && !isQu) {
        prev.code = withBase(prev.code, 10);
      }
      return true;
    }
    if (b === 9) {
      l.code = withBase(l.code, 10);
      return true;
    }
  }
  return false;
}

function onlyConsonantsAfter(word: string, from: number): boolean {
  for (let k = from; k < word.length; k++) {
    const ch = (word[k] ?? '').toLowerCase();
    if ('aeiouy'.includes(ch)) return false;
  }
  return true;
}

/** The outcome of repairing one word, or null when nothing applies. */
export interface TelexWordRepair {
  readonly value: string;
  /** A tone key (Telex s f r x j, VNI 1–5) was found and applied. */
  readonly toneKey: boolean;
}

/**
 * Repairs one word; null if the word is already a syllable, has no keystrokes, or the result is not
 * a valid Vietnamese syllable.
 *
 * @example
 * ```ts
 * repairTelexWord('Nguyeenx'); // { value: 'Nguyễn', toneKey: true }
 * ```
 */
export function repairTelexWord(word: string): TelexWordRepair | null {
  if (word.length < 2 || word.length > 16) return null;
  const known = MEMO.get(word);
  if (known !== undefined) return known;
  const r = repairWord(word);
  if (MEMO.size >= 16_384) MEMO.clear();
  MEMO.set(word, r);
  return r;
}

/** Memo of word repairs (bounded, module-private, immutable values). */
const MEMO = new Map<string, TelexWordRepair | null>();

function repairWord(word: string): TelexWordRepair | null {
  if (analyzeSyllable(word).error === null) return null;
  const letters: Letter[] = [];
  let tone = 0;
  let keys = 0;
  let toneKey = false;
  let seenVowel = false;
  for (let i = 0; i < word.length; i++) {
    const code = codeAt(word, i);
    const ch = (word[i] ?? '').toLowerCase();
    const prev = letters[letters.length - 1];
    const prevLower = prev === undefined ? '' : String.fromCharCode(prev.code).toLowerCase();
    const vniTone = VNI_TONES[ch];
    const telexTone = TELEX_TONES[ch];
    if (vniTone !== undefined) {
      if (toneKey) return null;
      tone = vniTone;
      keys++;
      toneKey = true;
    } else if (ch === '6') {
      if (!modify(letters, [0, 3, 6], [2, 4, 7])) return null;
      keys++;
    } else if (ch === '7') {
      if (!horn(letters)) return null;
      keys++;
    } else if (ch === '8') {
      if (!modify(letters, [0], [1])) return null;
      keys++;
    } else if (ch === '9') {
      if (prev === undefined || prevLower !== 'd') return null;
      prev.code = prev.code === 0x44 ? 0x110 : 0x111;
      keys++;
    } else if (ch === 'd' && prevLower === 'd') {
      (prev as Letter).code = (prev as Letter).code === 0x44 ? 0x110 : 0x111;
      keys++;
    } else if ((ch === 'a' || ch === 'e' || ch === 'o') && prevLower === ch) {
      const p = prev as Letter;
      p.code = withBase(p.code, ch === 'a' ? 2 : ch === 'e' ? 4 : 7);
      keys++;
    } else if (ch === 'w') {
      if (prev !== undefined && baseOf(prev.code) === 0) prev.code = withBase(prev.code, 1);
      else if (!horn(letters)) letters.push({ code: code === 0x57 ? 0x1af : 0x1b0 });
      keys++;
    } else if (telexTone !== undefined && seenVowel) {
      // One tone key, not doubled (`ss` types a literal s), and no vowel after it (`Mary`).
      if (toneKey || !onlyConsonantsAfter(word, i + 1)) return null;
      tone = telexTone;
      keys++;
      toneKey = true;
    } else if (ch === 'z' && seenVowel) {
      tone = 0;
      keys++;
    } else {
      if (ch >= '0' && ch <= '9') return null;
      letters.push({ code });
    }
    if (letters.length > 0 && baseOf((letters[letters.length - 1] as Letter).code) >= 0) {
      seenVowel = true;
    }
  }
  if (keys === 0) return null;
  let plain = '';
  for (const l of letters) plain += String.fromCharCode(l.code);
  let value = plain;
  if (tone !== 0) {
    const a = analyzeSyllable(plain, true);
    if (a.error !== null || a.vowelEnd === a.vowelStart) return null;
    const cluster = a.key.slice(a.vowelStart, a.vowelEnd);
    const at = a.vowelStart + tonePosition(cluster, a.vowelEnd < a.key.length);
    const c = codeAt(plain, at);
    const info = VOWEL_INFO[c] ?? 0;
    if (info === 0 || infoTone(info) !== 0) return null;
    value =
      plain.slice(0, at) +
      String.fromCharCode(vowelCode(infoBase(info), tone, infoUpper(info))) +
      plain.slice(at + 1);
  }
  if (analyzeSyllable(value).error !== null) return null;
  return { value, toneKey };
}

/**
 * Repairs Telex and VNI keystroke leftovers word by word — doubled vowels (`aa` → â), `w` (ă ơ ư),
 * `dd` (đ), the tone keys `s f r x j` after a vowel, and VNI digits `1`–`9` — but only where the
 * word is not already a Vietnamese syllable and the repaired word is one, so `Lan`, `Tran` or
 * `Smith` stay as they are.
 *
 * @example
 * ```ts
 * repairTelex('Nguyeenx Vawn Hungf'); // { value: 'Nguyễn Văn Hùng', repaired: true }
 * repairTelex('Tran62');              // { value: 'Trần', repaired: true }
 * repairTelex('Tran Van');            // { value: 'Tran Van', repaired: false }
 * ```
 */
export function repairTelex(s: string): TelexRepair {
  const text = toNfc(s);
  let out = '';
  let repaired = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    if (codeAt(text, i) === 0x20) {
      out += ' ';
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && codeAt(text, j) !== 0x20) j++;
    const word = text.slice(i, j);
    const r = repairTelexWord(word);
    if (r === null) out += word;
    else {
      out += r.value;
      repaired = true;
    }
    i = j;
  }
  return { value: repaired ? out : text, repaired };
}
