/**
 * `phoneticKey`: a key on which the regional and spelling confusions of Vietnamese names collide.
 *
 * @module
 */
import { codeAt } from './chars.js';
import { foldDiacritics } from './fold.js';
import { infoTone, TABLE_SIZE, VOWEL_INFO } from './letters.js';
import { toNfc } from './nfc.js';
import { createWordMemo, memoGet, memoSet } from './word-memo.js';

/** Options of {@link phoneticKey}. */
export interface PhoneticKeyOptions {
  /**
   * Append a tone class digit to each word (0 ngang, 1 huyền, 2 hỏi or ngã, 4 sắc, 5 nặng). Off by
   * default, because a name typed without diacritics has lost its tones.
   */
  readonly tone?: boolean;
}

/** Onsets, longest first, with their class. */
const ONSETS: readonly (readonly [string, string])[] = [
  ['ngh', 'ng'],
  ['ng', 'ng'],
  ['nh', 'nh'],
  ['ch', 'ch'],
  ['tr', 'ch'],
  ['gh', 'g'],
  ['gi', 'z'],
  ['kh', 'kh'],
  ['ph', 'f'],
  ['th', 'th'],
  ['qu', 'kw'],
  ['b', 'b'],
  ['c', 'k'],
  ['k', 'k'],
  ['q', 'k'],
  ['d', 'z'],
  ['r', 'z'],
  ['z', 'z'],
  ['j', 'z'],
  ['g', 'g'],
  ['h', 'h'],
  ['l', 'l'],
  ['m', 'm'],
  ['n', 'n'],
  ['p', 'p'],
  ['f', 'f'],
  ['s', 's'],
  ['x', 's'],
  ['t', 't'],
  ['v', 'v'],
  ['w', 'v'],
];

/** Whole-word regional variants of the same surname, compared without diacritics. */
const WORD_ALIASES: Readonly<Record<string, string>> = { huynh: 'hoang', vo: 'vu' };

const TONE_CLASS = ['0', '1', '2', '2', '4', '5'] as const;

function isVowel(ch: string): boolean {
  return ch === 'a' || ch === 'e' || ch === 'i' || ch === 'o' || ch === 'u' || ch === 'y';
}

function wordKey(folded: string): string {
  const w = WORD_ALIASES[folded] ?? folded;
  let onset = '';
  let rest = w;
  for (const [o, cls] of ONSETS) {
    if (w.startsWith(o)) {
      onset = cls;
      rest = w.slice(o.length);
      // `gi` before a consonant or at the end keeps its vowel: gìn = z + in, gì = z + i.
      if (o === 'gi' && (rest.length === 0 || !isVowel(rest[0] ?? ''))) rest = `i${rest}`;
      break;
    }
  }
  let rhyme = '';
  for (const ch of rest) rhyme += ch === 'y' ? 'i' : ch;
  if (rhyme.endsWith('ng')) rhyme = rhyme.slice(0, -1);
  else if (rhyme.endsWith('c') && !rhyme.endsWith('ch')) rhyme = `${rhyme.slice(0, -1)}t`;
  return onset + rhyme;
}

function toneOf(word: string): number {
  for (let i = 0; i < word.length; i++) {
    const c = codeAt(word, i);
    const t = c < TABLE_SIZE ? infoTone(VOWEL_INFO[c] ?? 0) : 0;
    if (t !== 0) return t;
  }
  return 0;
}

/** Names reuse a few thousand words: keys are memoised (bounded, module-private, immutable values). */
const MEMO = createWordMemo<string>();
const MEMO_TONE = createWordMemo<string>();

/** The key of the word `text.slice(start, end)`. */
function keyOfWord(text: string, start: number, end: number, withTone: boolean): string {
  const memo = withTone ? MEMO_TONE : MEMO;
  const known = memoGet(memo, text, start, end);
  if (known !== undefined) return known;
  const word = text.slice(start, end);
  const raw = foldDiacritics(word).toLowerCase();
  let folded = '';
  for (let k = 0; k < raw.length; k++) {
    const c = codeAt(raw, k);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) folded += raw[k];
  }
  const key =
    folded.length === 0 ? '' : wordKey(folded) + (withTone ? TONE_CLASS[toneOf(word)] : '');
  if (word.length <= 16) memoSet(memo, word, key);
  return key;
}

/**
 * A phonetic key for a Vietnamese name, word by word (space-separated), that makes the usual
 * confusions collide: diacritics and tones dropped (so a name typed without them gets the same
 * key), đ/d/gi/r (and z, j) merged, ch/tr, s/x, c/k/q, g/gh, ng/ngh, ph/f, i/y, final n/ng, final
 * c/t, and the regional surname pairs Hoàng/Huỳnh and Vũ/Võ. With `{ tone: true }` a tone digit is
 * appended, with hỏi and ngã merged. See docs/text.md for the exact table.
 *
 * @example
 * ```ts
 * phoneticKey('Trần Thị Ngọc Giang'); // 'chan thi ngot zan'
 * phoneticKey('Chan Thi Ngoc Dang');  // 'chan thi ngot zan'
 * phoneticKey('Huỳnh Văn Võ');        // 'hoan van vu'
 * ```
 */
export function phoneticKey(s: string, options?: PhoneticKeyOptions): string {
  const withTone = options?.tone === true;
  const text = toNfc(s);
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && codeAt(text, i) === 0x20) i++;
    let j = i;
    while (j < n && codeAt(text, j) !== 0x20) j++;
    if (j > i) {
      const k = keyOfWord(text, i, j, withTone);
      if (k.length > 0) out += out.length === 0 ? k : ` ${k}`;
    }
    i = j;
  }
  return out;
}
