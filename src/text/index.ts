/**
 * Public face of the `text` part: Vietnamese text as it really arrives (NFC/NFD/mixed, legacy
 * encodings, missing diacritics, Telex leftovers) made canonical and comparable.
 * @module
 */
export type { DetectedEncoding, EncodingDetection } from './detect.js';
export { decodeLegacy, detectEncoding } from './detect.js';
export { foldDiacritics } from './fold.js';
export type { EncodeLegacyOptions, LegacyEncoding } from './legacy.js';
export { encodeLegacy, LEGACY_ENCODINGS } from './legacy.js';
export { isCleanNfc, toNfc } from './nfc.js';
export type { NameChange, NormalizedName, NormalizeNameOptions } from './normalize-name.js';
export { normalizeName, normalizeNameString } from './normalize-name.js';
export type {
  SyllableIssueCode,
  SyllableOptions,
  ToneName,
  VietnameseSyllable,
} from './syllable.js';
export { isVietnameseSyllable, parseSyllable, TONE_NAMES } from './syllable.js';
export type { ToneOptions, ToneStyle } from './tone.js';
export { normalizeTonePlacement } from './tone.js';
