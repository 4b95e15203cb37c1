/**
 * Folded lookup keys for place names: lower-case ASCII letters and digits only, so that `TP. Hồ Chí
 * Minh`, `tp ho chi minh` and `TP.HCM`'s `hcm` compare by plain string equality.
 */

/** Base ASCII letter (lower case) for every Latin letter with diacritics, 0 for marks to drop. */
const FOLD = new Uint8Array(0x1f00);

for (let c = 0xc0; c < 0x1f00; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD').charCodeAt(0);
  const lower = base >= 65 && base <= 90 ? base + 32 : base;
  if (lower >= 97 && lower <= 122) FOLD[c] = lower;
}
FOLD[0x110] = 100; // Đ: no decomposition
FOLD[0x111] = 100; // đ

/**
 * Folds a place name to its lookup key: diacritics removed (`đ` → `d`), lower case, and every
 * character that is not a letter or digit dropped (spaces, dots, dashes, combining marks).
 *
 * @example
 * ```ts
 * placeKey('Tỉnh Thừa Thiên - Huế'); // 'tinhthuathienhue'
 * ```
 */
export function placeKey(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 128) {
      if (c >= 97 && c <= 122) out += input[i];
      else if (c >= 65 && c <= 90) out += String.fromCharCode(c + 32);
      else if (c >= 48 && c <= 57) out += input[i];
    } else if (c < 0x1f00) {
      const f = FOLD[c] ?? 0;
      if (f !== 0) out += String.fromCharCode(f);
    }
  }
  return out;
}
