import type { Result } from '../result.js';
import { issue } from './issue.js';
import type { Sex } from './types.js';

/**
 * Codes of {@link parseSex}.
 * - `SEX_MISSING`: empty or blank.
 * - `SEX_NUMERIC_CODE`: a digit (`1`, `0`, `2`) without `numericCodes` saying what it means
 *   (systems disagree: 1/0 and 1/2 are both common).
 * - `SEX_UNRECOGNISED`: any other text.
 */
export type SexIssueCode = 'SEX_MISSING' | 'SEX_NUMERIC_CODE' | 'SEX_UNRECOGNISED';

/** Options of {@link parseSex}. */
export interface SexOptions {
  /** What digit codes mean in this file, e.g. `{ '1': 'male', '0': 'female' }` (default: none). */
  readonly numericCodes?: Readonly<Record<string, Sex>>;
}

const MALE: Sex = 'male';
const FEMALE: Sex = 'female';

/**
 * Lower-case spellings (NFC, NFD, legacy encodings read as Windows-1252, ASCII) to sex. Keys are
 * looked up after trimming and lower-casing, so the common cases cost one `Map` lookup.
 */
const SPELLINGS = new Map<string, Sex>([
  ['nam', MALE],
  ['nam giới', MALE],
  ['nam gioi', MALE],
  ['trai', MALE],
  ['m', MALE],
  ['male', MALE],
  ['man', MALE],
  ['boy', MALE],
  ['ông', MALE],
  ['nữ', FEMALE],
  ['nu\u031b\u0303', FEMALE], // NFD (macOS, Word)
  ['nu\u0303\u031b', FEMALE], // NFD, combining marks in the wrong order
  ['nữ giới', FEMALE],
  ['nu gioi', FEMALE],
  ['nu', FEMALE],
  ['nư', FEMALE],
  ['nử', FEMALE],
  ['nũ', FEMALE],
  ['gái', FEMALE],
  ['gai', FEMALE],
  ['f', FEMALE],
  ['female', FEMALE],
  ['woman', FEMALE],
  ['girl', FEMALE],
  ['bà', FEMALE],
  ['n÷', FEMALE], // TCVN3 (ABC) read as Windows-1252
  ['nöõ', FEMALE], // VNI-Windows read as Windows-1252
  ['nu~', FEMALE], // VIQR
  ['nu+~', FEMALE], // VIQR
]);

const MISSING = issue('SEX_MISSING' as const, 'No sex given');
const UNRECOGNISED = issue('SEX_UNRECOGNISED' as const, 'Not a recognised sex value');

function isBlankCode(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 46;
}

/**
 * Parses a sex (giới tính) column: `Nam`/`Nữ` in any case, with or without diacritics or in a
 * legacy encoding, `M`/`F`, `male`/`female`. Digits only mean something with `numericCodes`.
 *
 * @example
 * ```ts
 * parseSex('Nữ');                                   // { success: true, data: 'female' }
 * parseSex('1', { numericCodes: { '1': 'male', '0': 'female' } }); // { success: true, data: 'male' }
 * parseSex('1');                                    // { success: false, issues: [{ code: 'SEX_NUMERIC_CODE', ... }] }
 * ```
 */
export function parseSex(input: string, options?: SexOptions): Result<Sex, SexIssueCode> {
  if (typeof input !== 'string') return { success: false, issues: [MISSING] };
  let start = 0;
  let end = input.length;
  while (start < end && isBlankCode(input.charCodeAt(start))) start++;
  while (end > start && isBlankCode(input.charCodeAt(end - 1))) end--;
  if (start === end) return { success: false, issues: [MISSING] };
  const key = (start === 0 && end === input.length ? input : input.slice(start, end)).toLowerCase();
  const hit = SPELLINGS.get(key) ?? SPELLINGS.get(key.normalize('NFC').replace(/\s+/g, ' '));
  if (hit !== undefined) return { success: true, data: hit };
  const codes = options?.numericCodes;
  if (codes !== undefined && Object.hasOwn(codes, key)) {
    const v = codes[key];
    if (v !== undefined) return { success: true, data: v };
  }
  let digits = true;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) {
      digits = false;
      break;
    }
  }
  if (digits) {
    return {
      success: false,
      issues: [
        issue(
          'SEX_NUMERIC_CODE',
          `Numeric sex code ${key} needs the numericCodes option to be read`,
        ),
      ],
    };
  }
  return { success: false, issues: [UNRECOGNISED] };
}
