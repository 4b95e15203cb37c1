/**
 * Legacy text arrives as Unicode that some tool produced by reading the legacy bytes as
 * Windows-1252 (or as Latin-1). These helpers go between that text and the bytes.
 *
 * @module
 */
import { CP1252_HIGH } from './legacy-tables.js';

/** Above this code unit no Windows-1252 byte gives a character (™ U+2122 is the highest). */
const HIGH_LIMIT = 0x2200;

/** `HIGH_BYTE[c - 0x100]`: the byte a Windows-1252 reader shows as `c` (c ≥ U+0100), or 0. */
const HIGH_BYTE: Uint8Array = (() => {
  const t = new Uint8Array(HIGH_LIMIT - 0x100);
  for (let i = 0; i < 128; i++) {
    const c = CP1252_HIGH.charCodeAt(i);
    if (c !== 0xfffd && c >= 0x100) t[c - 0x100] = 0x80 + i;
  }
  return t;
})();

/**
 * The byte that the character `c` was read from, or -1 if no Windows-1252/Latin-1 byte gives it.
 * Latin-1 readings (C1 controls U+0080–U+009F) are accepted too.
 *
 * @example
 * ```ts
 * byteOf(0x20ac); // 0x80 (€)
 * ```
 */
export function byteOf(c: number): number {
  if (c < 0x100) return c;
  if (c >= HIGH_LIMIT) return -1;
  const b = HIGH_BYTE[c - 0x100] as number;
  return b === 0 ? -1 : b;
}

/**
 * The character a Windows-1252 reader shows for `byte` (unassigned bytes become C1 controls, as WHATWG does).
 *
 * @example
 * ```ts
 * charOfByte(0x80); // '€'
 * ```
 */
export function charOfByte(byte: number): string {
  if (byte < 0x80) return String.fromCharCode(byte);
  const c = CP1252_HIGH.charCodeAt(byte - 0x80);
  return c === 0xfffd ? String.fromCharCode(byte) : String.fromCharCode(c);
}

/**
 * Whether `c` could come from reading some byte as Windows-1252 or Latin-1.
 *
 * @example
 * ```ts
 * isCp1252Char(0x1ec5); // false (ễ)
 * ```
 */
export function isCp1252Char(c: number): boolean {
  return c < 0x100 || (c < HIGH_LIMIT && (HIGH_BYTE[c - 0x100] as number) !== 0);
}

/**
 * Builds `char code → byte` for a table of 128 high bytes plus optional C0 letters.
 *
 * @example
 * ```ts
 * reverseTable(VISCII_HIGH).get(0x1ea0); // 0x80 (Ạ)
 * ```
 */
export function reverseTable(
  high: string,
  low: ReadonlyArray<readonly [number, number]> = [],
): ReadonlyMap<number, number> {
  const m = new Map<number, number>();
  for (const [b, c] of low) m.set(c, b);
  for (let i = 0; i < 128; i++) {
    const c = high.charCodeAt(i);
    if (c !== 0xfffd && !m.has(c)) m.set(c, 0x80 + i);
  }
  return m;
}
