/**
 * Reused scratch buffers for the string kernels. One set per module instance: JavaScript runs a
 * kernel to completion before another starts, and every kernel leaves the buffers clean (all-zero
 * `peq`), so no call ever sees another call's data.
 * @internal
 */

/** Pattern-match bit vectors, one 32-bit word per UTF-16 code unit; all zero between calls. */
export const peq = new Int32Array(0x10000);

/**
 * Loads the pattern `p[po … po + m)` (m ≤ 32) into {@link peq}: bit i of the word of each code
 * unit is set where the pattern has that unit at i. Pair every call with {@link clearPeq}.
 * @internal
 *
 * @example
 * ```ts
 * loadPeq(codes, 0, 3); // peq[codes[0]] has bit 0 set, …
 * ```
 */
export function loadPeq(p: Uint16Array, po: number, m: number): void {
  for (let i = 0; i < m; i++) peq[p[po + i]!]! |= 1 << i;
}

/**
 * Resets the words {@link loadPeq} set for the same pattern, leaving {@link peq} all zero.
 * @internal
 *
 * @example
 * ```ts
 * clearPeq(codes, 0, 3);
 * ```
 */
export function clearPeq(p: Uint16Array, po: number, m: number): void {
  for (let i = 0; i < m; i++) peq[p[po + i]!] = 0;
}

let row = new Int32Array(64);
let row2 = new Int32Array(64);
let row3 = new Int32Array(64);
let flags = new Uint8Array(64);

/** A DP row of at least `n` cells (contents undefined). @internal */
export function dpRow(n: number): Int32Array {
  if (row.length < n) row = new Int32Array(Math.max(n, row.length * 2));
  return row;
}

/** A second DP row of at least `n` cells (contents undefined). @internal */
export function dpRow2(n: number): Int32Array {
  if (row2.length < n) row2 = new Int32Array(Math.max(n, row2.length * 2));
  return row2;
}

/** A third DP row of at least `n` cells (contents undefined). @internal */
export function dpRow3(n: number): Int32Array {
  if (row3.length < n) row3 = new Int32Array(Math.max(n, row3.length * 2));
  return row3;
}

/** A zeroed flag array of at least `n` cells. @internal */
export function zeroFlags(n: number): Uint8Array {
  if (flags.length < n) flags = new Uint8Array(Math.max(n, flags.length * 2));
  else flags.fill(0, 0, n);
  return flags;
}
