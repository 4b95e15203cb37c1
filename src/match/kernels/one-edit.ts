import type { CodeKernel } from './kernel.js';

/**
 * Whether two code-unit ranges are within one edit of each other under optimal string alignment
 * (one insertion, deletion, substitution, or swap of two adjacent units; equal ranges count).
 * Linear time, no tables: the fast path for "one typo" levels, equal to `osaCodes(…) <= 1`.
 *
 * @example
 * ```ts
 * const a = codesOf('Hương'), b = codesOf('Hưogn');
 * withinOneEdit(a, 0, a.length, b, 0, b.length); // false (two edits)
 * ```
 */
export const withinOneEdit: CodeKernel<boolean> = (a, ao, al, b, bo, bl) => {
  const d = al - bl;
  if (d > 1 || d < -1) return false;
  let i = 0;
  const n = al < bl ? al : bl;
  while (i < n && a[ao + i] === b[bo + i]) i++;
  if (i === n) return true; // equal, or one trailing insertion
  if (d === 0) {
    // Substitution at i, or a swap of i and i + 1.
    let j = i + 1;
    if (j < al && a[ao + i] === b[bo + j] && a[ao + j] === b[bo + i]) j = i + 2;
    while (j < al && a[ao + j] === b[bo + j]) j++;
    if (j === al) return true;
    // The swap did not pan out: try the plain substitution.
    j = i + 1;
    while (j < al && a[ao + j] === b[bo + j]) j++;
    return j === al;
  }
  // One deletion from the longer side at i.
  if (d === 1) {
    for (let j = i; j < bl; j++) if (a[ao + j + 1] !== b[bo + j]) return false;
    return true;
  }
  for (let j = i; j < al; j++) if (a[ao + j] !== b[bo + j + 1]) return false;
  return true;
};
