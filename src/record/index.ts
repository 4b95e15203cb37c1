/**
 * Public face of the `record` part: field parsers, zod schemas and `cleanRecord`.
 * @module
 */

export type { IdIssueCode, IdKind, IdRepairCode } from '../id/index.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';
export type { ToneStyle } from '../text/index.js';

export { type AddressIssueCode, type ParsedAddress, parseAddress } from './address.js';
export {
  type AdminLevel,
  type AdminUnitIssueCode,
  type AdminUnitType,
  type ParsedAdminUnit,
  parseCommune,
  parseDistrict,
} from './admin-unit.js';
export {
  type CleanRecordOptions,
  type CleanRecordsOptions,
  type CleanResult,
  cleanRecord,
  cleanRecords,
} from './clean.js';
export {
  CANONICAL_COLUMNS,
  type CanonicalColumn,
  type CellValue,
  ENGINE_COLUMNS,
  type EngineColumn,
  isCanonicalColumn,
  isEngineColumn,
  type RawRecord,
  type RawRecordInput,
} from './columns.js';
export {
  type DateOfBirthOptions,
  type DobErrorCode,
  type DobFormat,
  type DobIssueCode,
  type DobWarningCode,
  formatPartialDate,
  type ParsedDateOfBirth,
  parseDateOfBirth,
  parseDateOfBirthOrThrow,
} from './dob.js';
export {
  FORMULA_TRIGGERS,
  neutralizeFormula,
  startsLikeFormula,
  unneutralizeFormula,
} from './formula.js';
export {
  type ColumnSource,
  columnForHeader,
  describeRecognizedColumns,
  HEADER_ALIASES,
  type HeaderAlias,
  type HeaderAliasRule,
  type HeaderIssueCode,
  joinNameParts,
  type NamePart,
  normalizeHeader,
  type PassedOverHeader,
  type RecognizeColumnsOptions,
  type RecognizedColumn,
  type RecognizedColumns,
  rawRecordFromRow,
  recognizeColumns,
} from './headers.js';
export type { IdFieldIssueCode } from './id-field.js';
export type { NameIssueCode } from './name-field.js';
export {
  type ParsedPhone,
  type PhoneErrorCode,
  type PhoneIssueCode,
  type PhoneOptions,
  type PhoneWarningCode,
  parsePhone,
  parsePhoneOrThrow,
} from './phone.js';
export {
  LANDLINE_AREAS,
  MOBILE_MIGRATION_2018,
  MOBILE_PREFIXES,
  type MobileCarrier,
} from './phone-tables.js';
export {
  listProvinces,
  type ParsedProvince,
  type ProvinceIssueCode,
  type ProvinceOptions,
  parseProvince,
} from './province.js';
export { PROVINCE_ALIASES } from './province-spellings.js';
export {
  categoryOf,
  type RecordCheckCode,
  type RecordIssue,
  type RecordIssueCategory,
  type RecordIssueCode,
  type RecordIssueSeverity,
} from './record-issue.js';
export {
  cleanFieldSchema,
  cleanRecordSchema,
  partialDateSchema,
  rawRecordSchema,
} from './schema.js';
export { parseSex, type SexIssueCode, type SexOptions } from './sex.js';
export type { CleanField, CleanRecord, PartialDate, Sex } from './types.js';
