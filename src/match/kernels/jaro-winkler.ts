import type { CodeKernel } from './kernel.js';
import { clearPeq, loadPeq, peq, zeroFlags } from './scratch.js';

let matchedA = new Uint16Array(64);

/**
 * Jaro similarity of two code-unit ranges, in [0, 1]: the textbook definition (match window
 * ⌊max(|a|, |b|) / 2⌋ − 1, greedy first-free matching in order of `a`, t = half the number of
 * matched characters out of order, as a real number). Runs on bit masks over `b` when
 * `|b| ≤ 32`, on flag arrays otherwise. Two empty strings are identical (1); one empty gives 0.
 *
 * @example
 * ```ts
 * const a = codesOf('MARTHA'), b = codesOf('MARHTA');
 * jaroCodes(a, 0, 6, b, 0, 6); // 0.9444…
 * ```
 */
export const jaroCodes: CodeKernel<number> = (a, ao, al, b, bo, bl) => {
  if (al === 0 || bl === 0) return al === bl ? 1 : 0;
  const w = Math.max(0, ((al > bl ? al : bl) >> 1) - 1);
  if (matchedA.length < bl) matchedA = new Uint16Array(bl * 2);
  const ma = matchedA;
  let m = 0;
  let trans = 0;
  if (bl <= 32) {
    loadPeq(b, bo, bl);
    let used = 0;
    for (let i = 0; i < al; i++) {
      const lo = i > w ? i - w : 0;
      const hi = i + w < bl - 1 ? i + w : bl - 1;
      if (lo > hi) break;
      const width = hi - lo + 1;
      const range = (width === 32 ? -1 : (1 << width) - 1) << lo;
      const cand = peq[a[ao + i]!]! & ~used & range;
      if (cand !== 0) {
        used |= cand & -cand;
        ma[m++] = a[ao + i]!;
      }
    }
    clearPeq(b, bo, bl);
    if (m === 0) return 0;
    let k = 0;
    while (used !== 0) {
      const bit = used & -used;
      if (b[bo + 31 - Math.clz32(bit)] !== ma[k]) trans++;
      k++;
      used ^= bit;
    }
  } else {
    const flags = zeroFlags(bl);
    for (let i = 0; i < al; i++) {
      const lo = i > w ? i - w : 0;
      const hi = i + w < bl - 1 ? i + w : bl - 1;
      const c = a[ao + i]!;
      for (let j = lo; j <= hi; j++) {
        if (flags[j] === 0 && b[bo + j] === c) {
          flags[j] = 1;
          ma[m++] = c;
          break;
        }
      }
    }
    if (m === 0) return 0;
    let k = 0;
    for (let j = 0; j < bl; j++) {
      if (flags[j] === 1) {
        if (b[bo + j] !== ma[k]) trans++;
        k++;
      }
    }
  }
  return (m / al + m / bl + (m - trans / 2) / m) / 3;
};

/**
 * Jaro–Winkler similarity (Winkler 1990): Jaro plus a bonus of 0.1 per character of common
 * prefix (at most 4), applied when the Jaro similarity exceeds 0.7 — the same definition as the
 * `jaro-winkler` package and Winkler's strcmp95 without its extra adjustments.
 *
 * @example
 * ```ts
 * const a = codesOf('DWAYNE'), b = codesOf('DUANE');
 * jaroWinklerCodes(a, 0, 6, b, 0, 5); // 0.84
 * ```
 */
export const jaroWinklerCodes: CodeKernel<number> = (a, ao, al, b, bo, bl) => {
  const j = jaroCodes(a, ao, al, b, bo, bl);
  if (j <= 0.7) return j;
  const lim = al < bl ? (al < 4 ? al : 4) : bl < 4 ? bl : 4;
  let l = 0;
  while (l < lim && a[ao + l] === b[bo + l]) l++;
  return j + l * 0.1 * (1 - j);
};
