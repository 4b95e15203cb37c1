/**
 * Masking for logs and UIs: nothing in vn-reconcile logs a raw ID number.
 * @module
 */
import { parseIdNumber } from './parse.js';

/** Options of {@link maskDigits}. */
export interface MaskDigitsOptions {
  /** Characters kept at the start (default 3). */
  readonly keepStart?: number;
  /** Characters kept at the end (default 3). */
  readonly keepEnd?: number;
  /** The mask character (default `*`). */
  readonly maskChar?: string;
  /**
   * At least this share of the characters is always masked (default 0.5): short values keep fewer
   * characters than `keepStart`/`keepEnd` ask for.
   */
  readonly minMaskedShare?: number;
}

/**
 * Masks the middle of a value, keeping a few characters at each end, and never less than half
 * of it masked.
 *
 * @example
 * ```ts
 * maskDigits('001090012345'); // '001******345'
 * maskDigits('0912345678', { keepStart: 0, keepEnd: 3 }); // '*******678'
 * ```
 */
export function maskDigits(value: string, options: MaskDigitsOptions = {}): string {
  const chars = Array.from(value);
  const n = chars.length;
  const maskChar = options.maskChar ?? '*';
  const share = Math.min(1, Math.max(0, options.minMaskedShare ?? 0.5));
  const maxKept = Math.floor(n * (1 - share));
  let keepStart = Math.max(0, Math.floor(options.keepStart ?? 3));
  let keepEnd = Math.max(0, Math.floor(options.keepEnd ?? 3));
  while (keepStart + keepEnd > maxKept) {
    if (keepStart >= keepEnd && keepStart > 0) keepStart--;
    else keepEnd--;
  }
  return (
    chars.slice(0, keepStart).join('') +
    maskChar.repeat(n - keepStart - keepEnd) +
    chars.slice(n - keepEnd).join('')
  );
}

/**
 * Masks an ID number for logs and UIs: the canonical value when it parses (CCCD `001******345`,
 * CMND `01*****78`, passport `B1****67`), else the trimmed input with the same rule (values
 * shorter than 8 characters are masked entirely). The place
 * code of a CCCD stays readable; the serial does not.
 *
 * @example
 * ```ts
 * maskIdNumber('001090012345'); // '001******345'
 * maskIdNumber(38095012345); // '038******345'
 * ```
 */
export function maskIdNumber(id: string | number): string {
  const r = parseIdNumber(id);
  const value = r.success ? r.data.value : String(id).trim();
  if (value.length < 8) return '*'.repeat(value.length);
  if (value.length >= 12) return maskDigits(value, { keepStart: 3, keepEnd: 3 });
  return maskDigits(value, { keepStart: 2, keepEnd: 2 });
}
