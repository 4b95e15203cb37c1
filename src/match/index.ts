/**
 * Public face of the `match` part: string kernels, comparisons, blocking, the Fellegi–Sunter
 * model with EM, scoring with explanations, decisions and resolution.
 * @module
 */
export { jaroCodes, jaroWinklerCodes } from './kernels/jaro-winkler.js';
export { levenshteinCodes } from './kernels/levenshtein.js';
export { osaCodes } from './kernels/osa.js';
export { codesOf, jaro, jaroWinkler, levenshtein, osaDistance } from './kernels/strings.js';
