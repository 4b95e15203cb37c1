/**
 * What `normalizeName` takes and gives: its options, its result and the changes it reports.
 * @module
 */

import type { LegacyEncoding } from '../legacy.js';
import type { ToneStyle } from '../tone.js';

/** What `normalizeName` changed, in pipeline order. */
export type NameChange =
  | 'decoded-tcvn3'
  | 'decoded-vni'
  | 'decoded-viqr'
  | 'decoded-viscii'
  | 'decoded-cp1258'
  | 'unicode-normalized'
  | 'whitespace'
  | 'telex-repaired'
  | 'lookalike-replaced'
  | 'tone-placement'
  | 'capitalization'
  | 'punctuation-removed'
  | 'words-split'
  | 'words-joined';

/** Options of `normalizeName`. */
export interface NormalizeNameOptions {
  /** Tone placement: `traditional` (default: hòa, khỏe, thủy) or `modern` (hoà, khoẻ, thuỷ). */
  readonly style?: ToneStyle;
  /**
   * Legacy decoding: `'auto'` (default) detects and decodes TCVN3, VNI, VIQR, VISCII and CP1258;
   * `false` never decodes; a {@link LegacyEncoding} forces that decoder.
   */
  readonly decode?: 'auto' | false | LegacyEncoding;
  /**
   * Telex/VNI keystroke repair (`Nguyeenx` → `Nguyễn`). `'auto'` (default) repairs only when some
   * word carries a tone key, every other word is a syllable (diacritics may be missing), and either
   * two or more words are repaired or the repaired word is a frequent name syllable — so `Lee`,
   * `Max Planck` or `Noor Khan` stay as they are; `true` repairs every word that becomes a
   * syllable; `false` never repairs.
   */
  readonly repairTelex?: 'auto' | boolean;
  /** Capitalise each word (default true). */
  readonly capitalize?: boolean;
}

/** The result of `normalizeName`. */
export interface NormalizedName {
  /** The normalised name: NFC, trimmed, one space between words. */
  readonly value: string;
  /** What was changed, in pipeline order (empty when the input was already canonical). */
  readonly changes: readonly NameChange[];
}

/** The (frozen) empty change list of a name left as it was. */
export const NO_CHANGES: readonly NameChange[] = Object.freeze([]);
