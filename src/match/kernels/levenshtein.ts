import { clearPeq, dpRow, loadPeq, peq } from './scratch.js';

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
export function levenshteinCodes(
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
  if (al > bl) return bl <= 32 ? myers32(b, bo, bl, a, ao, al) : dp(b, bo, bl, a, ao, al);
  return al <= 32 ? myers32(a, ao, al, b, bo, bl) : dp(a, ao, al, b, bo, bl);
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

function dp(a: Uint16Array, ao: number, al: number, b: Uint16Array, bo: number, bl: number) {
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
