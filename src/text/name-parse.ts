/**
 * `parseVietnameseName`: họ (surname) + tên đệm (middle names) + tên (given name), in whichever
 * order the name was written (see {@link nameReadings}).
 *
 * @module
 */

import type { Result } from '../result.js';
import { type NameOrder, scoreReadings } from './name-order.js';
import { toNfc } from './nfc.js';

/** A Vietnamese name split into its parts. */
export interface VietnameseName {
  /** Họ, possibly compound (`Tôn Thất`); `''` when unknown (a single word). */
  readonly surname: string;
  /** Tên đệm, zero or more words (`['Thị']`, `['Văn', 'Minh']`). */
  readonly middle: readonly string[];
  /** Tên, the given name (the last word in Vietnamese order). */
  readonly given: string;
  /**
   * True when the name was read given name first (`An Nguyễn`, `Quyen Van Nguyen`,
   * `Quyền Nguyễn Văn`): {@link VietnameseName.order} is not `standard`.
   */
  readonly reversed: boolean;
  /**
   * The order the words were read in: `standard` (họ đệm tên), `given_first` (tên họ đệm, split
   * `Họ đệm` / `Tên` columns joined the other way round) or `western` (tên đệm họ).
   */
  readonly order: NameOrder;
  /**
   * Probability of the chosen reading among the readings of the name (0–1; 1 for zero or one
   * word): how sure the parser is of the order.
   */
  readonly confidence: number;
}

/** Why {@link parseVietnameseName} found no name: `NAME_EMPTY` (nothing but spaces) or `NAME_NOT_TEXT`. */
export type VietnameseNameIssueCode = 'NAME_EMPTY' | 'NAME_NOT_TEXT';

/**
 * Splits a full name into surname, middle names and given name. The input is only NFC-normalised
 * and split on whitespace (normalise it first with {@link normalizeName} for canonical spelling).
 * Every reading of the words — standard (họ, đệm, tên), given name first (tên, họ, đệm) and
 * Western (tên, đệm, họ) — is weighed by the surname's population share, how often each word is
 * a middle or a given name (Văn and Thị are middle names; Nguyễn, Trần… are practically never
 * given names) and how often each order is written; a reversed order is read only when the whole
 * name makes the standard one implausible (when in doubt, the standard order), and
 * {@link VietnameseName.confidence} says how sure the parser is. Compound surnames (Tôn Thất, Tôn
 * Nữ, Âu Dương, Nguyễn Phúc, Công Tằng Tôn Nữ…) are recognised when a given name follows them. A
 * single word is a given name. Returns the package's Result: a failure (`NAME_EMPTY`,
 * `NAME_NOT_TEXT`) when there is no word to read; never throws.
 *
 * @example
 * ```ts
 * const r = parseVietnameseName('Nguyễn Thị Minh Khai');
 * if (r.success) r.data.given; // 'Khai' (surname 'Nguyễn', middle ['Thị', 'Minh'], order 'standard')
 * parseVietnameseName('Tôn Thất Thuyết'); // { success: true, data: { surname: 'Tôn Thất', … } }
 * parseVietnameseName('An Nguyễn'); // data.order 'western'
 * parseVietnameseName('   '); // { success: false, issues: [{ code: 'NAME_EMPTY', … }] }
 * ```
 */
export function parseVietnameseName(s: string): Result<VietnameseName, VietnameseNameIssueCode> {
  // Untyped callers (a reader's number or null cell): a failure, never a throw.
  if (typeof s !== 'string') {
    return {
      success: false,
      issues: [{ code: 'NAME_NOT_TEXT', message: 'The name is not text' }],
    };
  }
  const words = toNfc(s)
    .split(' ')
    .filter((w) => w.length > 0);
  if (words.length === 0) {
    return { success: false, issues: [{ code: 'NAME_EMPTY', message: 'The name has no word' }] };
  }
  return { success: true, data: readName(words) };
}

/** {@link parseVietnameseName} of one or more words. */
function readName(words: readonly string[]): VietnameseName {
  const n = words.length;
  if (n === 1)
    return {
      surname: '',
      middle: [],
      given: words[0] ?? '',
      reversed: false,
      order: 'standard',
      confidence: 1,
    };
  const readings = scoreReadings(words);
  let best = readings[0];
  let total = 0;
  for (const r of readings) {
    total += r.score;
    if (best && r.score > best.score) best = r;
  }
  if (!best)
    return {
      surname: words[0] ?? '',
      middle: words.slice(1, n - 1),
      given: words[n - 1] ?? '',
      reversed: false,
      order: 'standard',
      confidence: 0,
    };
  return {
    surname:
      best.surnameLength === 1
        ? (words[best.surnameStart] ?? '')
        : words.slice(best.surnameStart, best.surnameStart + best.surnameLength).join(' '),
    middle: words.slice(best.middleStart, best.middleEnd),
    given: words[best.givenIndex] ?? '',
    reversed: best.order !== 'standard',
    order: best.order,
    confidence: total > 0 ? best.score / total : 0,
  };
}
