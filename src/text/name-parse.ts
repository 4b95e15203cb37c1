/**
 * `parseVietnameseName`: họ (surname) + tên đệm (middle names) + tên (given name), in whichever
 * order the name was written (see {@link nameReadings}).
 *
 * @module
 */
import { type NameOrder, scoreReadings } from './name-order.js';
import { toNfc } from './nfc.js';

/** A Vietnamese name split into its parts. */
export interface VietnameseName {
  /** Họ, possibly compound (`Tôn Thất`); `''` when unknown (empty input or a single word). */
  readonly surname: string;
  /** Tên đệm, zero or more words (`['Thị']`, `['Văn', 'Minh']`). */
  readonly middle: readonly string[];
  /** Tên, the given name (the last word in Vietnamese order); `''` for empty input. */
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

/**
 * Splits a full name into surname, middle names and given name. The input is only NFC-normalised
 * and split on whitespace (normalise it first with {@link normalizeName} for canonical spelling).
 * Every reading of the words — standard (họ, đệm, tên), given name first (tên, họ, đệm) and
 * Western (tên, đệm, họ) — is weighed by the surname's population share, how often each word is
 * a middle or a given name (Văn and Thị are middle names; Nguyễn, Trần… are practically never
 * given names) and how often each order is written; the most probable wins, and
 * {@link VietnameseName.confidence} says how sure it is. Compound surnames (Tôn Thất, Tôn Nữ,
 * Âu Dương, Nguyễn Phúc, Công Tằng Tôn Nữ…) are recognised when a given name follows them. A
 * single word is a given name; empty input gives empty parts.
 *
 * @example
 * ```ts
 * parseVietnameseName('Nguyễn Thị Minh Khai');
 * // { surname: 'Nguyễn', middle: ['Thị', 'Minh'], given: 'Khai', reversed: false, order: 'standard', confidence: 0.99… }
 * parseVietnameseName('Tôn Thất Thuyết').surname; // 'Tôn Thất'
 * parseVietnameseName('An Nguyễn').order; // 'western'
 * parseVietnameseName('Quyền Nguyễn Văn').given; // 'Quyền' (order 'given_first')
 * ```
 */
export function parseVietnameseName(s: string): VietnameseName {
  // Untyped callers (a reader's number or null cell): an empty name, never a throw.
  if (typeof s !== 'string')
    return {
      surname: '',
      middle: [],
      given: '',
      reversed: false,
      order: 'standard',
      confidence: 1,
    };
  const words = toNfc(s)
    .split(' ')
    .filter((w) => w.length > 0);
  const n = words.length;
  if (n === 0)
    return {
      surname: '',
      middle: [],
      given: '',
      reversed: false,
      order: 'standard',
      confidence: 1,
    };
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
