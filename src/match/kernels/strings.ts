import { levenshteinCodes, osaCodes } from './edit-distance.js';
import { jaroCodes, jaroWinklerCodes } from './jaro-winkler.js';

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

let pair = new Uint16Array(128);

/**
 * Both strings' code units in one reused buffer (`a` at 0, `b` at `a.length`): the string
 * functions run the code kernels without allocating, so they are as fast as a peer that works on
 * strings directly (bench/strings.bench.ts).
 */
function loadPair(a: string, b: string): Uint16Array {
  const al = a.length;
  const bl = b.length;
  if (pair.length < al + bl) pair = new Uint16Array(2 * (al + bl));
  const p = pair;
  for (let i = 0; i < al; i++) p[i] = a.charCodeAt(i);
  for (let j = 0; j < bl; j++) p[al + j] = b.charCodeAt(j);
  return p;
}

/**
 * Levenshtein distance between two strings, over UTF-16 code units (like fastest-levenshtein).
 * On a hot path over prepared records, call {@link levenshteinCodes} on the code arrays.
 *
 * @example
 * ```ts
 * levenshtein('Nguyễn', 'Nguyen'); // 1
 * ```
 */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const p = loadPair(a, b);
  return levenshteinCodes(p, 0, a.length, p, a.length, b.length);
}

/**
 * Optimal string alignment (restricted Damerau–Levenshtein) distance between two strings, over
 * UTF-16 code units.
 *
 * @example
 * ```ts
 * osaDistance('Thảo', 'Tahảo'.replace('ah', 'ha')); // 0
 * osaDistance('ab', 'ba'); // 1
 * ```
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const p = loadPair(a, b);
  return osaCodes(p, 0, a.length, p, a.length, b.length);
}

/**
 * Jaro similarity between two strings, in [0, 1], over UTF-16 code units.
 *
 * @example
 * ```ts
 * jaro('MARTHA', 'MARHTA'); // 0.9444444444444445
 * ```
 */
export function jaro(a: string, b: string): number {
  const p = loadPair(a, b);
  return jaroCodes(p, 0, a.length, p, a.length, b.length);
}

/**
 * Jaro–Winkler similarity between two strings, in [0, 1], over UTF-16 code units.
 *
 * @example
 * ```ts
 * jaroWinkler('MARTHA', 'MARHTA'); // 0.9611111111111111
 * ```
 */
export function jaroWinkler(a: string, b: string): number {
  const p = loadPair(a, b);
  return jaroWinklerCodes(p, 0, a.length, p, a.length, b.length);
}
