import { editDistanceCodes } from './edit-distance.js';
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
 * `a[as … ae)` then `b[bs … be)` as code units in one reused buffer: the string functions run the
 * code kernels without allocating, so they are as fast as a peer that works on strings directly
 * (bench/strings.bench.ts).
 */
function loadPair(a: string, as: number, ae: number, b: string, bs: number, be: number) {
  const n = ae - as + be - bs;
  if (pair.length < n) pair = new Uint16Array(2 * n);
  const p = pair;
  let k = 0;
  for (let i = as; i < ae; i++) p[k++] = a.charCodeAt(i);
  for (let j = bs; j < be; j++) p[k++] = b.charCodeAt(j);
  return p;
}

/**
 * An edit distance of two strings: the common prefix and suffix are trimmed on the strings (they
 * change no edit distance), only the rest is copied for the kernel.
 */
function trimmedDistance(a: string, b: string, osa: boolean): number {
  let s = 0;
  let ae = a.length;
  let be = b.length;
  while (s < ae && s < be && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  while (ae > s && be > s && a.charCodeAt(ae - 1) === b.charCodeAt(be - 1)) {
    ae--;
    be--;
  }
  const al = ae - s;
  const bl = be - s;
  if (al === 0) return bl;
  if (bl === 0) return al;
  const p = loadPair(a, s, ae, b, s, be);
  return editDistanceCodes(osa, p, 0, al, p, al, bl);
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
  return trimmedDistance(a, b, false);
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
  return trimmedDistance(a, b, true);
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
  const p = loadPair(a, 0, a.length, b, 0, b.length);
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
  const p = loadPair(a, 0, a.length, b, 0, b.length);
  return jaroWinklerCodes(p, 0, a.length, p, a.length, b.length);
}
