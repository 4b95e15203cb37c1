/**
 * The structural ID-number check the police step requires before verification.
 * @module
 */

/**
 * Whether a string is structurally a CCCD/CMND number: exactly 12 digits (CCCD or 12-digit CMND)
 * or exactly 9 digits (old CMND). No checksum exists for these numbers, so nothing more is checked
 * here; pass a stricter validator as `isValidIdNumber` in the transition context if you have one.
 *
 * @example
 * ```ts
 * isStructuralIdNumber('001203012345'); // true
 * isStructuralIdNumber('12345'); // false
 * ```
 */
export function isStructuralIdNumber(value: string): boolean {
  const n = value.length;
  if (n !== 12 && n !== 9) return false;
  for (let i = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
