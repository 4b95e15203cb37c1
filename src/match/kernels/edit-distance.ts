import type { CodeKernel } from './kernel.js';
import { clearPeq, dpRow, dpRow2, dpRow3, loadPeq, peq } from './scratch.js';

/**
 * Levenshtein distance between two code-unit ranges (insertions, deletions and substitutions
 * cost 1). Common prefix and suffix are trimmed first; the rest runs Myers' (1999) bit-parallel
 * algorithm when the shorter side has at most 32 code units, a dynamic program otherwise.
 * Equal to the textbook definition for every input.
 *
 * @example
 * ```ts
 * const a = codesOf('Hương'), b = codesOf('Huong');
 * levenshteinCodes(a, 0, a.length, b, 0, b.length); // 1
 * ```
 */
export const levenshteinCodes: CodeKernel<number> = /* @__PURE__ */ editDistance(false);

/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): insertions, deletions,
 * substitutions and transpositions of two adjacent code units each cost 1, and no substring is
 * edited twice. Common prefix and suffix are trimmed; the rest runs Hyyrö's (2003) bit-parallel
 * algorithm when the shorter side has at most 32 code units, a three-row dynamic program otherwise.
 *
 * @example
 * ```ts
 * const a = codesOf('079123456789'), b = codesOf('079123456798');
 * osaCodes(a, 0, a.length, b, 0, b.length); // 1
 * ```
 */
export const osaCodes: CodeKernel<number> = /* @__PURE__ */ editDistance(true);

/** An edit-distance kernel with the transposition switch first (`osa`). */
type Frame = (osa: boolean, ...range: Parameters<CodeKernel<number>>) => number;

/**
 * The one frame of both edit distances: trim the common prefix and suffix, answer an empty side
 * directly, put the shorter side first, then run the bit-parallel kernel (shorter side ≤ 32 code
 * units) or the dynamic program. `osa` adds adjacent transpositions.
 */
function editDistance(osa: boolean): CodeKernel<number> {
  return (a, ao, al, b, bo, bl) => editDistanceCodes(osa, a, ao, al, b, bo, bl);
}

/**
 * @internal The frame itself, for callers that choose `osa` per call (the string functions).
 *
 * @example
 * ```ts
 * editDistanceCodes(true, a, 0, a.length, b, 0, b.length); // osaCodes(a, 0, a.length, b, 0, b.length)
 * ```
 */
export const editDistanceCodes: Frame = (osa, a, ao, al, b, bo, bl) => {
  while (al > 0 && bl > 0 && a[ao] === b[bo]) {
    ao++;
    bo++;
    al--;
    bl--;
  }
  while (al > 0 && bl > 0 && a[ao + al - 1] === b[bo + bl - 1]) {
    al--;
    bl--;
  }
  if (al === 0) return bl;
  if (bl === 0) return al;
  if (al > bl) {
    return bl <= 32 ? bitParallel(osa, b, bo, bl, a, ao, al) : dynamic(osa, b, bo, bl, a, ao, al);
  }
  return al <= 32 ? bitParallel(osa, a, ao, al, b, bo, bl) : dynamic(osa, a, ao, al, b, bo, bl);
};

/**
 * Myers' (1999) bit-parallel edit distance in Hyyrö's formulation, with Hyyrö's (2003)
 * transposition term when `osa`: pattern `p` of m ≤ 32 code units against text `t`.
 */
const bitParallel: Frame = (osa, p, po, m, t, to, n) => {
  loadPeq(p, po, m);
  const last = 1 << (m - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let pmOld = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const pm = peq[t[to + j]!]!;
    const tr = osa ? ((~d0 & pm) << 1) & pmOld : 0;
    d0 = (((pm & vp) + vp) ^ vp) | pm | vn | tr;
    let hp = vn | ~(d0 | vp);
    let hn = d0 & vp;
    if (hp & last) score++;
    if (hn & last) score--;
    hp = (hp << 1) | 1;
    hn <<= 1;
    vp = hn | ~(d0 | hp);
    vn = hp & d0;
    pmOld = pm;
  }
  clearPeq(p, po, m);
  return score;
};

/** The textbook dynamic program on three rows (the third for transpositions when `osa`). */
const dynamic: Frame = (osa, a, ao, al, b, bo, bl) => {
  let prev2 = dpRow(al + 1);
  let prev = dpRow2(al + 1);
  let cur = dpRow3(al + 1);
  for (let i = 0; i <= al; i++) prev[i] = i;
  for (let j = 1; j <= bl; j++) {
    const cb = b[bo + j - 1]!;
    cur[0] = j;
    for (let i = 1; i <= al; i++) {
      const ca = a[ao + i - 1]!;
      let v = prev[i - 1]! + (ca === cb ? 0 : 1);
      const del = prev[i]! + 1;
      const ins = cur[i - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (osa && i > 1 && j > 1 && ca === b[bo + j - 2] && a[ao + i - 2] === cb) {
        const tr = prev2[i - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[i] = v;
    }
    const tmp = prev2;
    prev2 = prev;
    prev = cur;
    cur = tmp;
  }
  return prev[al]!;
};
