import type { CodeKernel } from './kernel.js';
import { clearPeq, dpRow, dpRow2, dpRow3, loadPeq, peq } from './scratch.js';

/**
 * Levenshtein distance between two code-unit ranges (insertions, deletions and substitutions
 * cost 1). Common prefix and suffix are trimmed first; the rest runs Myers' (1999) bit-parallel
 * algorithm when the shorter side has at most 32 code units, a two-row dynamic program otherwise.
 * Equal to the textbook definition for every input.
 *
 * @example
 * ```ts
 * const a = codesOf('Hương'), b = codesOf('Huong');
 * levenshteinCodes(a, 0, a.length, b, 0, b.length); // 1
 * ```
 */
export const levenshteinCodes: CodeKernel<number> = (a, ao, al, b, bo, bl) =>
  editDistance(false, a, ao, al, b, bo, bl);

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
export const osaCodes: CodeKernel<number> = (a, ao, al, b, bo, bl) =>
  editDistance(true, a, ao, al, b, bo, bl);

/**
 * The one frame of both edit distances: trim the common prefix and suffix, answer an empty side
 * directly, put the shorter side first, then run the bit-parallel kernel (shorter side ≤ 32 code
 * units) or the dynamic program. `osa` adds adjacent transpositions (Hyyrö instead of Myers).
 */
function editDistance(
  osa: boolean,
  a: Uint16Array,
  ao: number,
  al: number,
  b: Uint16Array,
  bo: number,
  bl: number,
): number {
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
    const t = a;
    a = b;
    b = t;
    const to = ao;
    ao = bo;
    bo = to;
    const tl = al;
    al = bl;
    bl = tl;
  }
  if (al <= 32) return osa ? hyyro32(a, ao, al, b, bo, bl) : myers32(a, ao, al, b, bo, bl);
  return osa ? osaDp(a, ao, al, b, bo, bl) : levenshteinDp(a, ao, al, b, bo, bl);
}

function myers32(p: Uint16Array, po: number, m: number, t: Uint16Array, to: number, n: number) {
  loadPeq(p, po, m);
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const eq = peq[t[to + j]!]!;
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    if (mh & last) score--;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  clearPeq(p, po, m);
  return score;
}

function levenshteinDp(
  a: Uint16Array,
  ao: number,
  al: number,
  b: Uint16Array,
  bo: number,
  bl: number,
) {
  const r = dpRow(al + 1);
  for (let i = 0; i <= al; i++) r[i] = i;
  for (let j = 1; j <= bl; j++) {
    const cb = b[bo + j - 1];
    let diag = r[0]!;
    r[0] = j;
    for (let i = 1; i <= al; i++) {
      const up = r[i]!;
      const cost = a[ao + i - 1] === cb ? 0 : 1;
      let v = diag + cost;
      const del = up + 1;
      const ins = r[i - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      r[i] = v;
      diag = up;
    }
  }
  return r[al]!;
}

function hyyro32(p: Uint16Array, po: number, m: number, t: Uint16Array, to: number, n: number) {
  loadPeq(p, po, m);
  const last = 1 << (m - 1);
  let vp = -1;
  let vn = 0;
  let d0 = 0;
  let pmOld = 0;
  let score = m;
  for (let j = 0; j < n; j++) {
    const pm = peq[t[to + j]!]!;
    const tr = ((~d0 & pm) << 1) & pmOld;
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
}

function osaDp(a: Uint16Array, ao: number, al: number, b: Uint16Array, bo: number, bl: number) {
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
      if (i > 1 && j > 1 && ca === b[bo + j - 2] && a[ao + i - 2] === cb) {
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
}
