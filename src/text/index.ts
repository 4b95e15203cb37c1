/**
 * Public face of the `text` part: Vietnamese text as it really arrives (NFC/NFD/mixed, legacy
 * encodings, missing diacritics, Telex leftovers) made canonical and comparable.
 * @module
 */
export type { Failure, Issue, Issues, Result, Success } from '../result.js';

export { isCommonNameSyllable } from './common-syllables.js';
export type { DetectedEncoding, EncodingDetection } from './detect.js';
export { decodeLegacy, detectEncoding } from './detect.js';
export { foldDiacritics } from './fold.js';
export type { DecodeLegacyOptions, EncodeLegacyOptions, LegacyEncoding } from './legacy.js';
export { encodeLegacy, LEGACY_ENCODINGS } from './legacy.js';
export {
  DIACRITIC_LETTERS_LOWER,
  DIACRITIC_LETTERS_UPPER,
  type ToneIndex,
} from './letters.js';
export type { NameChange, NormalizedName, NormalizeNameOptions } from './name/pipeline.js';
export { normalizeName, normalizeNameString } from './name/pipeline.js';
export type { NameOrder, NameReading } from './name-order.js';
export { nameReadings } from './name-order.js';
export type { VietnameseName, VietnameseNameIssueCode } from './name-parse.js';
export { parseVietnameseName } from './name-parse.js';
export { isCleanNfc, toNfc } from './nfc.js';
export type { PhoneticKeyOptions } from './phonetic.js';
export { phoneticKey } from './phonetic.js';
export { COMPOUND_SURNAMES, OTHER_SURNAMES, STRONG_SURNAMES } from './surnames.js';
export type {
  SyllableIssueCode,
  SyllableOptions,
  ToneName,
  VietnameseSyllable,
} from './syllable.js';
export { isVietnameseSyllable, parseSyllable, TONE_NAMES } from './syllable.js';
export type { TelexRepair } from './telex.js';
export { repairTelex } from './telex.js';
export type { ToneOptions, ToneStyle } from './tone.js';
export { normalizeTonePlacement } from './tone.js';
