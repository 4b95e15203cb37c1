/**
 * Reused scratch buffers for the string kernels. One set per module instance: JavaScript runs a
 * kernel to completion before another starts, and every kernel leaves the buffers clean (all-zero
 * `peq`), so no call ever sees another call's data.
 * @internal
 */

/** Pattern-match bit vectors, one 32-bit word per UTF-16 code unit; all zero between calls. */
export const peq = new Int32Array(0x10000);

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
