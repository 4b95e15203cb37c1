/**
 * Public face of the `record` part: field parsers, zod schemas and `cleanRecord`.
 * @module
 */
export type { CleanField, CleanRecord, PartialDate, Sex } from './types.js';
