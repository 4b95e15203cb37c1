/**
 * The ID-number check the police step requires before verification.
 * @module
 */
import { type ParseIdNumberOptions, parseIdNumber } from '../id/index.js';

const STRICT: ParseIdNumberOptions = { repairs: false, kinds: ['cccd', 'cmnd12', 'cmnd9'] };

/**
 * Whether an ID number can go to police verification: a canonical CCCD (12 digits with a known
 * place-of-birth code and century digit), 12-digit CMND or 9-digit CMND, exactly as stored (no
 * spreadsheet repair needed: the village team must have corrected it). Passports are not in the
 * population register and are refused. Uses `parseIdNumber` of the `id` part.
 *
 * @example
 * ```ts
 * isVerifiableIdNumber('001090012345'); // true
 * isVerifiableIdNumber('003090012345'); // false: 003 is not a province code
 * isVerifiableIdNumber('38095012345'); // false: the leading zero must be restored first
 * ```
 */
export function isVerifiableIdNumber(value: string): boolean {
  const r = parseIdNumber(value, STRICT);
  return r.success && r.data.value === value;
}
