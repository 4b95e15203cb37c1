/**
 * The Vietnamese syllable (âm tiết): onset (phụ âm đầu) + rhyme (vần) + tone (thanh điệu), and a
 * validator used by legacy-encoding detection, Telex repair, tone placement and the matcher.
 *
 * @module
 */

import type { Result } from '../result.js';
import { codeAt } from './chars.js';
import {
  D_STROKE_LOWER,
  D_STROKE_UPPER,
  infoBase,
  infoTone,
  TABLE_SIZE,
  type ToneIndex,
  VOWEL_BASES,
  VOWEL_INFO,
} from './letters.js';
import { createWordMemo, memoGet, memoSet } from './word-memo.js';

/** Names of the six tones, indexed like {@link ToneIndex}. */
export const TONE_NAMES = ['ngang', 'huyen', 'hoi', 'nga', 'sac', 'nang'] as const;
/** A tone name (thanh): ngang (level), huyền, hỏi, ngã, sắc, nặng. */
export type ToneName = (typeof TONE_NAMES)[number];

/**
 * `LOWER_BASE[c]`: the lowercase toneless letter of code unit `c` (`Ấ` → `â`, `Đ` → `đ`, `Q` → `q`),
 * or 0 when `c` is not a letter of the Vietnamese alphabet (ASCII letters count, so that `f`, `j`, `w`,
 * `z` reach the onset check and fail there).
 */
export const LOWER_BASE: Uint16Array = (() => {
  const t = new Uint16Array(TABLE_SIZE);
  for (let c = 0x41; c <= 0x5a; c++) t[c] = c + 0x20;
  for (let c = 0x61; c <= 0x7a; c++) t[c] = c;
  t[D_STROKE_LOWER] = D_STROKE_LOWER;
  t[D_STROKE_UPPER] = D_STROKE_LOWER;
  for (let c = 0; c < TABLE_SIZE; c++) {
    const info = VOWEL_INFO[c] ?? 0;
    if (info !== 0) t[c] = codeAt(VOWEL_BASES, infoBase(info));
  }
  return t;
})();

const VOWEL_LETTERS = new Set(VOWEL_BASES);
const MODIFIED_VOWELS = new Set('ăâêôơư');

/**
 * Whether the lowercase toneless letter is a vowel.
 *
 * @example
 * ```ts
 * isVowelLetter('ơ'); // true
 * ```
 */
export function isVowelLetter(ch: string | undefined): boolean {
  return ch !== undefined && VOWEL_LETTERS.has(ch);
}

/**
 * Every rhyme (vần) of standard Vietnamese, toneless, lowercase, as written after an onset. ă and
 * â never end a syllable (`vâ`, `lă` are not words): they always take a final consonant or glide.
 */
const RHYME_LIST = `a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu
iêc iêm iên iêng iêp iêt iêu
y yêm yên yêt yêu
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut
uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưng ưt ưu
ươc ươi ươm ươn ương ươp ươt ươu
oa oac oach oai oam oan oang oanh oao oap oat oay
oăc oăm oăn oăng oăt
oe oen oeng oeo oet
uân uâng uât uây
uê uêch uênh
uy uya uych uyn uynh uyp uyt uyu
uyên uyêt
uơ`;

/** The valid rhymes. */
export const RHYMES: ReadonlySet<string> = new Set(RHYME_LIST.split(/\s+/));

/** ă â ê ô ơ ư đ → a a e o o u d, by code unit. */
const FOLD_VOWEL: ReadonlyMap<number, string> = new Map([
  [0x103, 'a'],
  [0xe2, 'a'],
  [0xea, 'e'],
  [0xf4, 'o'],
  [0x1a1, 'o'],
  [0x1b0, 'u'],
  [0x111, 'd'],
]);

/**
 * Removes vowel modifiers and the đ stroke from a toneless lowercase key.
 *
 * @example
 * ```ts
 * foldKey('nguyên'); // 'nguyen'
 * ```
 */
export function foldKey(key: string): string {
  let out = key;
  for (let i = 0; i < key.length; i++) {
    if (codeAt(key, i) >= 0x80) {
      out = '';
      for (let j = 0; j < key.length; j++) {
        const c = codeAt(key, j);
        out += c < 0x80 ? key[j] : (FOLD_VOWEL.get(c) ?? key[j]);
      }
      break;
    }
  }
  return out;
}

const RHYMES_FOLDED: ReadonlySet<string> = new Set([...RHYMES].map(foldKey));

/** Onsets of two or three letters, longest first. */
const LONG_ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'kh', 'ph', 'th', 'tr', 'gi', 'qu'] as const;
const SINGLE_ONSETS = new Set('bcdđghklmnprstvx');

/** Codes of why a string is not a Vietnamese syllable. */
export type SyllableIssueCode =
  | 'SYLLABLE_NOT_TEXT'
  | 'SYLLABLE_EMPTY'
  | 'SYLLABLE_NOT_A_LETTER'
  | 'SYLLABLE_BAD_ONSET'
  | 'SYLLABLE_BAD_RHYME'
  | 'SYLLABLE_BAD_SPELLING'
  | 'SYLLABLE_TONES'
  | 'SYLLABLE_STOP_TONE';

/**
 * The low-level analysis of a word. `key` is the lowercase toneless spelling; `onsetLen` letters of
 * it are the onset; the vowel cluster (nucleus with its medial) is `key.slice(vowelStart, vowelEnd)`.
 */
export interface SyllableAnalysis {
  readonly key: string;
  readonly onsetLen: number;
  readonly vowelStart: number;
  readonly vowelEnd: number;
  /** The tone found (0 if none). */
  readonly tone: ToneIndex;
  /** How many letters carry a tone mark (more than one makes the word invalid). */
  readonly toneCount: number;
  /** Index in `key` of the (first) toned letter, or -1. */
  readonly tonePos: number;
  /** 0 when valid; otherwise why not. */
  readonly error: SyllableIssueCode | null;
}

function fail(
  key: string,
  error: SyllableIssueCode,
  tone: ToneIndex = 0,
  toneCount = 0,
  tonePos = -1,
): SyllableAnalysis {
  return { key, onsetLen: 0, vowelStart: 0, vowelEnd: 0, tone, toneCount, tonePos, error };
}

function onsetLength(key: string): number {
  for (const o of LONG_ONSETS) {
    if (key.startsWith(o)) {
      if (o === 'gi' || o === 'qu') {
        // `gi` and `qu` are onsets only when a vowel follows (gì = g + ì; qu needs a vowel).
        if (isVowelLetter(key[2])) return 2;
        if (o === 'gi') return 1;
        return -1;
      }
      return o.length;
    }
  }
  const first = key[0];
  if (first === undefined) return -1;
  if (SINGLE_ONSETS.has(first)) return key.startsWith('q') ? -1 : 1;
  return isVowelLetter(first) ? 0 : -1;
}

const FRONT = new Set('eêiy');

function spellingOk(onset: string, rhymeFirst: string): boolean {
  switch (onset) {
    case 'c':
      return !FRONT.has(rhymeFirst);
    case 'k':
      return FRONT.has(rhymeFirst);
    case 'g':
      return rhymeFirst !== 'e' && rhymeFirst !== 'ê';
    case 'gh':
    case 'ngh':
      return rhymeFirst === 'e' || rhymeFirst === 'ê' || rhymeFirst === 'i';
    case 'ng':
      return rhymeFirst !== 'e' && rhymeFirst !== 'ê' && rhymeFirst !== 'i';
    case 'qu':
      return rhymeFirst !== 'u' && rhymeFirst !== 'o';
    default:
      return true;
  }
}

/**
 * Analyses one word (no spaces) as a Vietnamese syllable. With `missingDiacritics`, a rhyme is also
 * accepted when it matches a valid rhyme with its modifiers removed (`nguyen`), and stop finals
 * accept the level tone (`duc`).
 *
 * @example
 * ```ts
 * analyzeSyllable('Hòa').key; // 'hoa'
 * ```
 */
export function analyzeSyllable(word: string, missingDiacritics = false): SyllableAnalysis {
  if (word.length > MAX_MEMO_WORD) return analyze(word, missingDiacritics);
  const memo = missingDiacritics ? MEMO_LOOSE : MEMO_STRICT;
  const known = memoGet(memo, word, 0, word.length);
  if (known !== undefined) return known;
  const a = analyze(word, missingDiacritics);
  memoSet(memo, word, a);
  return a;
}

/**
 * Names reuse a few thousand syllables, so analyses are memoised (a bounded, module-private cache
 * of immutable results; it never changes what a call returns).
 */
const MEMO_STRICT = createWordMemo<SyllableAnalysis>();
const MEMO_LOOSE = createWordMemo<SyllableAnalysis>();
const MAX_MEMO_WORD = 12;

function analyze(word: string, missingDiacritics: boolean): SyllableAnalysis {
  if (word.length === 0) return fail('', 'SYLLABLE_EMPTY');
  let key = '';
  let tone: ToneIndex = 0;
  let toneCount = 0;
  let tonePos = -1;
  for (let i = 0; i < word.length; i++) {
    const c = codeAt(word, i);
    const base = c < TABLE_SIZE ? (LOWER_BASE[c] ?? 0) : 0;
    if (base === 0) return fail(key, 'SYLLABLE_NOT_A_LETTER');
    const t = infoTone(VOWEL_INFO[c] ?? 0);
    if (t !== 0) {
      toneCount++;
      if (tonePos < 0) {
        tone = t;
        tonePos = key.length;
      }
    }
    key += String.fromCharCode(base);
  }
  if (toneCount > 1) return fail(key, 'SYLLABLE_TONES', tone, toneCount, tonePos);
  const onsetLen = onsetLength(key);
  if (onsetLen < 0) return fail(key, 'SYLLABLE_BAD_ONSET', tone, toneCount, tonePos);
  const onset = key.slice(0, onsetLen);
  const rhyme = key.slice(onsetLen);
  const set = missingDiacritics ? RHYMES_FOLDED : RHYMES;
  const r = missingDiacritics ? foldKey(rhyme) : rhyme;
  const rhymeOk =
    set.has(r) ||
    (onset === 'gi' && set.has(`i${r}`)) ||
    (onset === 'qu' && r[0] === 'y' && set.has(`u${r}`));
  if (!rhymeOk) return fail(key, 'SYLLABLE_BAD_RHYME', tone, toneCount, tonePos);
  if (!spellingOk(onset, rhyme[0] ?? '')) {
    return fail(key, 'SYLLABLE_BAD_SPELLING', tone, toneCount, tonePos);
  }
  let vowelEnd = onsetLen;
  while (vowelEnd < key.length && isVowelLetter(key[vowelEnd])) vowelEnd++;
  const coda = key.slice(vowelEnd);
  const stop = coda === 'c' || coda === 'ch' || coda === 'p' || coda === 't';
  if (stop && tone !== 4 && tone !== 5 && !(missingDiacritics && tone === 0)) {
    return fail(key, 'SYLLABLE_STOP_TONE', tone, toneCount, tonePos);
  }
  return { key, onsetLen, vowelStart: onsetLen, vowelEnd, tone, toneCount, tonePos, error: null };
}

/**
 * Where the tone mark belongs in a vowel cluster: an index into `cluster` (a lowercase toneless
 * string of vowels), given whether a final consonant follows.
 *
 * Traditional and modern placement differ only for the open clusters `oa`, `oe`, `uy`
 * (traditional `hòa, khỏe, thủy`; modern `hoà, khoẻ, thuỷ`).
 *
 * @example
 * ```ts
 * tonePosition('oa', false); // 0 (hòa); tonePosition('oa', false, 'modern') is 1 (hoà)
 * ```
 */
export function tonePosition(
  cluster: string,
  hasCoda: boolean,
  style: 'traditional' | 'modern' = 'traditional',
): number {
  const n = cluster.length;
  if (n <= 1) return 0;
  for (let j = n - 1; j >= 0; j--) if (MODIFIED_VOWELS.has(cluster[j] ?? '')) return j;
  if (hasCoda) return n - 1;
  if (n >= 3) return 1;
  if (style === 'modern' && (cluster === 'oa' || cluster === 'oe' || cluster === 'uy')) return 1;
  return 0;
}

/** A Vietnamese syllable split into its parts (lowercase, toneless spelling). */
export interface VietnameseSyllable {
  /** Initial consonant (phụ âm đầu), e.g. `ngh`, `qu`, `gi`, or `''`. */
  readonly onset: string;
  /** The rhyme (vần) as written after the onset, toneless: `uyên`, `ương`, `a`. */
  readonly rhyme: string;
  /** The vowel cluster of the rhyme (medial + nucleus), e.g. `uyê`. */
  readonly vowels: string;
  /** The final consonant or semivowel (âm cuối), e.g. `ng`, `ch`, `i`, or `''`. */
  readonly coda: string;
  /** Tone index 0–5 (ngang, huyền, hỏi, ngã, sắc, nặng). */
  readonly tone: ToneIndex;
  /** Tone name. */
  readonly toneName: ToneName;
}

/** Options of {@link parseSyllable} and {@link isVietnameseSyllable}. */
export interface SyllableOptions {
  /**
   * Accept spellings whose vowel modifiers and tone were lost (`Nguyen`, `Duc`), by comparing with
   * the modifier-free rhymes. Default false.
   */
  readonly missingDiacritics?: boolean;
}

const MESSAGES: Readonly<Record<SyllableIssueCode, string>> = {
  SYLLABLE_NOT_TEXT: 'Expected text',
  SYLLABLE_EMPTY: 'The syllable is empty',
  SYLLABLE_NOT_A_LETTER: 'The syllable contains a character that is not a Vietnamese letter',
  SYLLABLE_BAD_ONSET: 'The syllable does not start with a Vietnamese initial consonant or vowel',
  SYLLABLE_BAD_RHYME: 'The rhyme is not a Vietnamese rhyme',
  SYLLABLE_BAD_SPELLING: 'The spelling breaks the c/k, g/gh, ng/ngh or qu rules',
  SYLLABLE_TONES: 'More than one tone mark',
  SYLLABLE_STOP_TONE: 'A syllable ending in c, ch, p or t takes only the sắc or nặng tone',
};

/**
 * Parses one word as a Vietnamese syllable: onset + rhyme + tone, with the spelling rules
 * (c/k/q, g/gh, ng/ngh) and the rule that stop finals (c, ch, p, t) take only sắc or nặng.
 *
 * @example
 * ```ts
 * parseSyllable('Nguyễn');
 * // { success: true, data: { onset: 'ng', rhyme: 'uyên', vowels: 'uyê', coda: 'n', tone: 3, toneName: 'nga' } }
 * parseSyllable('Müller').success; // false
 * ```
 */
export function parseSyllable(
  s: string,
  options?: SyllableOptions,
): Result<VietnameseSyllable, SyllableIssueCode> {
  // Untyped callers: never throw.
  if (typeof s !== 'string') {
    return {
      success: false,
      issues: [{ code: 'SYLLABLE_NOT_TEXT', message: MESSAGES.SYLLABLE_NOT_TEXT }],
    };
  }
  const a = analyzeSyllable(s, options?.missingDiacritics === true);
  if (a.error !== null) {
    return { success: false, issues: [{ code: a.error, message: MESSAGES[a.error] }] };
  }
  return {
    success: true,
    data: {
      onset: a.key.slice(0, a.onsetLen),
      rhyme: a.key.slice(a.onsetLen),
      vowels: a.key.slice(a.vowelStart, a.vowelEnd),
      coda: a.key.slice(a.vowelEnd),
      tone: a.tone,
      toneName: TONE_NAMES[a.tone],
    },
  };
}

/**
 * Whether `s` (one word) is a valid Vietnamese syllable. Case-insensitive; expects NFC.
 *
 * @example
 * ```ts
 * isVietnameseSyllable('Trường'); // true
 * isVietnameseSyllable('tác');    // true
 * isVietnameseSyllable('tàc');    // false: stop final with huyền
 * isVietnameseSyllable('Nguyen'); // false (true with { missingDiacritics: true })
 * ```
 */
export function isVietnameseSyllable(s: string, options?: SyllableOptions): boolean {
  return analyzeSyllable(s, options?.missingDiacritics ?? false).error === null;
}
