import { jaroCodes, jaroWinklerCodes } from './jaro-winkler.js';
import { levenshteinCodes } from './levenshtein.js';
import { osaCodes } from './osa.js';

/**
 * The UTF-16 code units of `s` as a `Uint16Array` (the prepared form every kernel reads).
 *
 * @example
 * ```ts
 * codesOf('Hà'); // Uint16Array [72, 224]
 * ```
 */
export function codesOf(s: string): Uint16Array {
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * Levenshtein distance between two strings (convenience wrapper; on a hot path prepare the code
 * units once and call {@link levenshteinCodes}).
 *
 * @example
 * ```ts
 * levenshtein('Nguyễn', 'Nguyen'); // 1
 * ```
 */
export function levenshtein(a: string, b: string): number {
  const x = codesOf(a);
  const y = codesOf(b);
  return levenshteinCodes(x, 0, x.length, y, 0, y.length);
}

/**
 * Optimal string alignment (restricted Damerau–Levenshtein) distance between two strings.
 *
 * @example
 * ```ts
 * osaDistance('Thảo', 'Tahảo'.replace('ah', 'ha')); // 0
 * osaDistance('ab', 'ba'); // 1
 * ```
 */
export function osaDistance(a: string, b: string): number {
  const x = codesOf(a);
  const y = codesOf(b);
  return osaCodes(x, 0, x.length, y, 0, y.length);
}

/**
 * Jaro similarity between two strings, in [0, 1].
 *
 * @example
 * ```ts
 * jaro('MARTHA', 'MARHTA'); // 0.9444444444444445
 * ```
 */
export function jaro(a: string, b: string): number {
  const x = codesOf(a);
  const y = codesOf(b);
  return jaroCodes(x, 0, x.length, y, 0, y.length);
}

/**
 * Jaro–Winkler similarity between two strings, in [0, 1].
 *
 * @example
 * ```ts
 * jaroWinkler('MARTHA', 'MARHTA'); // 0.9611111111111111
 * ```
 */
export function jaroWinkler(a: string, b: string): number {
  const x = codesOf(a);
  const y = codesOf(b);
  return jaroWinklerCodes(x, 0, x.length, y, 0, y.length);
}
