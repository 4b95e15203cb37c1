/**
 * Public face of the `id` part: CCCD, CMND and passport numbers — parse, validate, decode,
 * repair, check against a person, mask; province code tables.
 * @module
 */
export { VnReconcileError } from '../errors.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';

export type { IdIssueCode } from './issues.js';
export { ID_ISSUE_CODES, ID_ISSUE_LABELS_VI } from './issues.js';
export type { IdKind } from './kind.js';
export type { MaskDigitsOptions } from './mask.js';
export { maskDigits, maskIdNumber } from './mask.js';
export { IdNumberError, parseIdNumber, parseIdNumberOrThrow } from './parse.js';
export type {
  CheckIdAgainstPersonOptions,
  IdCheckOutcome,
  IdCheckSkipReason,
  IdPersonCheck,
  IdPersonField,
  PartialDateLike,
  PersonFacts,
} from './person.js';
export { checkIdAgainstPerson } from './person.js';
export type {
  NewProvince,
  NewProvinceCandidates,
  OldProvince,
  ProvinceKind,
} from './provinces.js';
export {
  NEW_PROVINCES,
  newProvinceByCode,
  newProvincesForOldCode,
  newProvincesForOldNumber,
  OLD_PROVINCES,
  oldProvinceByCode,
  oldProvinceByNumber,
} from './provinces.js';
export type { IdRepair, IdRepairCode, IdRepairConfidence } from './repairs.js';
export { ID_REPAIR_CODES, ID_REPAIR_LABELS_VI } from './repairs.js';
export type {
  CccdAbroadParts,
  CccdCommonParts,
  CccdDomesticParts,
  CccdParts,
  ParsedCccd,
  ParsedCmnd9,
  ParsedId,
  ParsedPassport,
  ParseIdNumberOptions,
} from './types.js';
