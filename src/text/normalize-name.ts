/**
 * `normalizeName`: the default cleaning pipeline for a Vietnamese personal name.
 *
 * @module
 */
import { toNfc } from './nfc.js';

/** What {@link normalizeName} changed, in pipeline order. */
export type NameChange = 'unicode-normalized' | 'whitespace' | 'capitalization';

/** Options of {@link normalizeName}. */
export interface NormalizeNameOptions {
  /** Unused in this first version. */
  readonly style?: 'traditional' | 'modern';
}

/** The result of {@link normalizeName}. */
export interface NormalizedName {
  readonly value: string;
  readonly changes: readonly NameChange[];
}

function collapseSpaces(s: string): string {
  return s
    .split(' ')
    .filter((w) => w.length > 0)
    .join(' ');
}

function capitalizeWords(s: string): string {
  return s
    .split(' ')
    .map((w) => (w.length === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join(' ');
}

/**
 * Normalises a personal name: NFC (with combining-order repair), one space between words, each
 * word capitalised. Returns the value and the list of changes made.
 *
 * @example
 * ```ts
 * normalizeName('  nguyễn   văn AN '); // { value: 'Nguyễn Văn An', changes: ['whitespace', 'capitalization'] }
 * ```
 */
export function normalizeName(s: string, _options?: NormalizeNameOptions): NormalizedName {
  const changes: NameChange[] = [];
  const nfc = toNfc(s);
  if (nfc !== s) changes.push('unicode-normalized');
  const spaced = collapseSpaces(nfc);
  if (spaced !== nfc) changes.push('whitespace');
  const cased = capitalizeWords(spaced);
  if (cased !== spaced) changes.push('capitalization');
  return { value: cased, changes };
}

/**
 * The string-only shortcut of {@link normalizeName}.
 *
 * @example
 * ```ts
 * normalizeNameString('TRẦN  THỊ  BÍCH'); // 'Trần Thị Bích'
 * ```
 */
export function normalizeNameString(s: string, options?: NormalizeNameOptions): string {
  return normalizeName(s, options).value;
}
