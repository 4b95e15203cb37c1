/**
 * Public face of the `text` part: Vietnamese text as it really arrives (NFC/NFD/mixed, legacy
 * encodings, missing diacritics, Telex leftovers) made canonical and comparable.
 * @module
 */
export { foldDiacritics } from './fold.js';
export { isCleanNfc, toNfc } from './nfc.js';
export type { NameChange, NormalizedName, NormalizeNameOptions } from './normalize-name.js';
export { normalizeName, normalizeNameString } from './normalize-name.js';
