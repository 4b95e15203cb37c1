/**
 * Capitalises each word of a place name (first letter upper case, the rest lower case) after NFC
 * and whitespace clean-up: `an BÌNH` → `An Bình`. Words joined by `-` keep the hyphen.
 *
 * @example
 * ```ts
 * titleCasePlace('  an   BÌNH '); // 'An Bình'
 * ```
 */
export function titleCasePlace(input: string): string {
  const words = input.normalize('NFC').trim().split(/\s+/);
  let out = '';
  for (const w of words) {
    if (w.length === 0) continue;
    const lower = w.toLowerCase();
    out += (out.length === 0 ? '' : ' ') + lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return out;
}
