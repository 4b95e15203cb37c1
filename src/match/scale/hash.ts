/**
 * A 53-bit string hash for blocking keys: two independent 32-bit mixes over the UTF-16 code
 * units (FNV-1a and a multiply–rotate), joined into one safe integer held in a `Float64Array`.
 * Sorted arrays of these hashes replace `Map<string, …>` (capped at 2^24 entries by V8) in the
 * reference's blocking index. Two different keys collide with probability ≈ 2^-53 per pair; a
 * collision only merges two blocks (more candidates scored), it never loses a candidate.
 * @module
 */

/**
 * One part of a blocking key given in pieces ({@link hashKeyParts}, {@link joinKeyParts}): text,
 * or a number written as a template literal writes it (`${n}`: `7`, `1985`).
 */
export type KeyPart = string | number;

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
  ONE[0] = s;
  return hashKeyParts(ONE, 1);
}

/** The one-part key of {@link hashKey} (no array per call). */
const ONE: KeyPart[] = [''];

/**
 * The key that the first `count` parts make, joined with nothing in between (`${a}${b}…`).
 *
 * @example
 * ```ts
 * joinKeyParts(['hung', '|', 1985, '-', 7], 5); // 'hung|1985-7'
 * ```
 */
export function joinKeyParts(parts: readonly KeyPart[], count: number): string {
  let s = '';
  for (let i = 0; i < count; i++) s += `${parts[i]}`;
  return s;
}

/**
 * {@link hashKey} of {@link joinKeyParts}`(parts, count)`, without making that string: a
 * blocking rule with a key of several parts (a name key, `|`, a year…) hashes them where they
 * are (see `BlockingRule.keyHash`). A number is hashed as the text a template literal writes.
 *
 * @example
 * ```ts
 * hashKeyParts(['hung', '|', 1985], 3) === hashKey('hung|1985'); // true
 * ```
 */
export function hashKeyParts(parts: readonly KeyPart[], count: number): number {
  let length = 0;
  for (let i = 0; i < count; i++) length += `${parts[i]}`.length;
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ length;
  for (let i = 0; i < count; i++) {
    // A number's text comes from V8's number-to-string cache (years, months, days repeat).
    const s = `${parts[i]}`;
    for (let j = 0; j < s.length; j++) {
      const c = s.charCodeAt(j);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
      b ^= b >>> 15;
    }
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  return (b >>> 11) * 4294967296 + (a >>> 0);
}
