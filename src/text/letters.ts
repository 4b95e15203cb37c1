/**
 * The Vietnamese letter inventory as lookup tables keyed by UTF-16 code unit.
 *
 * Twelve vowel bases (a ă â e ê i o ô ơ u ư y) each carry one of six tones (thanh): ngang (none),
 * huyền (grave), hỏi (hook above), ngã (tilde), sắc (acute), nặng (dot below). With đ that makes the
 * 67 lowercase and 67 uppercase letters that carry a diacritic (plus the six plain vowels).
 *
 * @module
 */

/** The twelve vowel bases, in table order. */
export const VOWEL_BASES = 'aăâeêioôơuưy';
/** Uppercase vowel bases, same order as {@link VOWEL_BASES}. */
export const VOWEL_BASES_UPPER = 'AĂÂEÊIOÔƠUƯY';

/** Tone index: 0 ngang, 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng. */
export type ToneIndex = 0 | 1 | 2 | 3 | 4 | 5;

/** Lowercase vowels, six per base (ngang, huyền, hỏi, ngã, sắc, nặng). */
export const VOWELS_LOWER =
  'aàảãáạ' +
  'ăằẳẵắặ' +
  'âầẩẫấậ' +
  'eèẻẽéẹ' +
  'êềểễếệ' +
  'iìỉĩíị' +
  'oòỏõóọ' +
  'ôồổỗốộ' +
  'ơờởỡớợ' +
  'uùủũúụ' +
  'ưừửữứự' +
  'yỳỷỹýỵ';

/** Uppercase vowels, same order as {@link VOWELS_LOWER}. */
export const VOWELS_UPPER =
  'AÀẢÃÁẠ' +
  'ĂẰẲẴẮẶ' +
  'ÂẦẨẪẤẬ' +
  'EÈẺẼÉẸ' +
  'ÊỀỂỄẾỆ' +
  'IÌỈĨÍỊ' +
  'OÒỎÕÓỌ' +
  'ÔỒỔỖỐỘ' +
  'ƠỜỞỠỚỢ' +
  'UÙỦŨÚỤ' +
  'ƯỪỬỮỨỰ' +
  'YỲỶỸÝỴ';

/** Combining marks for the tones 1–5 (index 0 unused). */
export const TONE_MARKS = [0, 0x0300, 0x0309, 0x0303, 0x0301, 0x0323] as const;

/** Base indexes, for readability in the rules. */
export const B = {
  a: 0,
  ă: 1,
  â: 2,
  e: 3,
  ê: 4,
  i: 5,
  o: 6,
  ô: 7,
  ơ: 8,
  u: 9,
  ư: 10,
  y: 11,
} as const;

/** Table size: every Vietnamese letter is below U+1F00. */
export const TABLE_SIZE = 0x1f00;

/**
 * `VOWEL_INFO[code]` is 0 when `code` is not a Vietnamese vowel; otherwise
 * `(base + 1) | (tone << 4) | (upper << 7)`.
 */
export const VOWEL_INFO: Uint8Array = new Uint8Array(TABLE_SIZE);
/** `VOWEL_CODE[(base * 6 + tone) * 2 + upper]` is the precomposed code point. */
export const VOWEL_CODE: Uint16Array = new Uint16Array(144);

for (let i = 0; i < 72; i++) {
  const lo = VOWELS_LOWER.charCodeAt(i);
  const up = VOWELS_UPPER.charCodeAt(i);
  const base = Math.floor(i / 6);
  const tone = i % 6;
  VOWEL_INFO[lo] = (base + 1) | (tone << 4);
  VOWEL_INFO[up] = (base + 1) | (tone << 4) | 0x80;
  VOWEL_CODE[i * 2] = lo;
  VOWEL_CODE[i * 2 + 1] = up;
}

/**
 * Base index (0–11) of a vowel info byte.
 *
 * @example
 * ```ts
 * infoBase(VOWEL_INFO[0x1ec5] ?? 0); // 4 (ê)
 * ```
 */
export function infoBase(info: number): number {
  return (info & 0x0f) - 1;
}

/**
 * Tone (0–5) of a vowel info byte.
 *
 * @example
 * ```ts
 * infoTone(VOWEL_INFO[0x1ec5] ?? 0); // 3 (ngã)
 * ```
 */
export function infoTone(info: number): ToneIndex {
  return ((info >> 4) & 0x07) as ToneIndex;
}

/**
 * Whether a vowel info byte is uppercase.
 *
 * @example
 * ```ts
 * infoUpper(VOWEL_INFO[0x1ec4] ?? 0); // true (Ễ)
 * ```
 */
export function infoUpper(info: number): boolean {
  return (info & 0x80) !== 0;
}

/**
 * The precomposed vowel for a base, tone and case.
 *
 * @example
 * ```ts
 * String.fromCharCode(vowelCode(4, 3, false)); // 'ễ'
 * ```
 */
export function vowelCode(base: number, tone: number, upper: boolean): number {
  return VOWEL_CODE[(base * 6 + tone) * 2 + (upper ? 1 : 0)] ?? 0;
}

/** đ and Đ. */
export const D_STROKE_LOWER = 0x0111;
export const D_STROKE_UPPER = 0x0110;

/** The 67 lowercase letters with a diacritic (toned or modified vowels and đ). */
export const DIACRITIC_LETTERS_LOWER: string = (() => {
  let out = '';
  for (let i = 0; i < 72; i++) {
    const base = Math.floor(i / 6);
    const tone = i % 6;
    const plain = tone === 0 && 'aeiouy'.includes(VOWEL_BASES[base] ?? '');
    if (!plain) out += VOWELS_LOWER[i];
  }
  return `${out}đ`;
})();

/** The 67 uppercase letters with a diacritic. */
export const DIACRITIC_LETTERS_UPPER: string = DIACRITIC_LETTERS_LOWER.toUpperCase();

/** `LETTER_CASE[c]`: 1 for an uppercase letter, 2 for a lowercase letter, 0 otherwise (c < {@link TABLE_SIZE}). */
export const LETTER_CASE: Uint8Array = (() => {
  const t = new Uint8Array(TABLE_SIZE);
  for (let c = 0; c < TABLE_SIZE; c++) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    if (lower === upper) continue;
    if (ch === upper && lower.length === 1) t[c] = 1;
    else if (ch === lower) t[c] = 2;
  }
  return t;
})();
