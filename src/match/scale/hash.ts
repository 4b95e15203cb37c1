/**
 * A 53-bit string hash for blocking keys: two independent 32-bit mixes over the UTF-16 code
 * units (FNV-1a and a multiply–rotate), joined into one safe integer held in a `Float64Array`.
 * Sorted arrays of these hashes replace `Map<string, …>` (capped at 2^24 entries by V8) in the
 * reference's blocking index. Two different keys collide with probability ≈ 2^-53 per pair; a
 * collision only merges two blocks (more candidates scored), it never loses a candidate.
 * @module
 */

/**
 * The 53-bit hash of a blocking key (a non-negative safe integer).
 *
 * @example
 * ```ts
 * hashKey('1985|hung') === hashKey('1985|hung'); // true
 * Number.isSafeInteger(hashKey('x')); // true
 * ```
 */
export function hashKey(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  return (b >>> 11) * 4294967296 + (a >>> 0);
}
