/**
 * Repairs `parseIdNumber` may make, with how sure it is of each.
 * @module
 */

/**
 * A repair applied to reach the canonical value.
 *
 * - `TRIMMED_WHITESPACE`: leading/trailing whitespace removed.
 * - `STRIPPED_APOSTROPHE`: the spreadsheet text prefix `'` (or `‘`/`’`) removed.
 * - `STRIPPED_DECIMAL_ZERO`: a `.0` / `.00` (or `,0`) float suffix removed.
 * - `REMOVED_SEPARATORS`: inner spaces, NBSP, dots, commas, dashes or zero-width characters removed.
 * - `CONVERTED_FULLWIDTH_DIGITS`: full-width digits `０`–`９` turned into ASCII.
 * - `UPPERCASED_LETTER`: a passport's lowercase letter upper-cased.
 * - `RESTORED_LEADING_ZERO`: a CCCD stored as a number lost its leading `0` (11 → 12 digits).
 * - `RESTORED_TWO_LEADING_ZEROS`: codes 001–009 lost `00` (10 → 12 digits).
 * - `RESTORED_CMND_LEADING_ZERO`: a 9-digit CMND with prefix `0x` lost its `0` (8 → 9 digits).
 */
export type IdRepairCode =
  | 'TRIMMED_WHITESPACE'
  | 'STRIPPED_APOSTROPHE'
  | 'STRIPPED_DECIMAL_ZERO'
  | 'REMOVED_SEPARATORS'
  | 'CONVERTED_FULLWIDTH_DIGITS'
  | 'UPPERCASED_LETTER'
  | 'RESTORED_LEADING_ZERO'
  | 'RESTORED_TWO_LEADING_ZEROS'
  | 'RESTORED_CMND_LEADING_ZERO';

/**
 * How sure a repair is.
 * - `certain`: formatting only; the digits are unchanged.
 * - `high`: digits restored, and the result decodes to a valid CCCD (known province, possible
 *   century and year).
 * - `medium`: digits restored, but nothing could confirm the result (a CMND prefix is not checked).
 */
export type IdRepairConfidence = 'certain' | 'high' | 'medium';

/** One repair made by `parseIdNumber`. */
export interface IdRepair {
  readonly code: IdRepairCode;
  readonly confidence: IdRepairConfidence;
}

/**
 * Every repair code, in the order repairs are applied and listed.
 *
 * @example
 * ```ts
 * ID_REPAIR_CODES.length; // 9
 * ```
 */
export const ID_REPAIR_CODES: readonly IdRepairCode[] = Object.freeze([
  'TRIMMED_WHITESPACE',
  'STRIPPED_APOSTROPHE',
  'STRIPPED_DECIMAL_ZERO',
  'REMOVED_SEPARATORS',
  'CONVERTED_FULLWIDTH_DIGITS',
  'UPPERCASED_LETTER',
  'RESTORED_LEADING_ZERO',
  'RESTORED_TWO_LEADING_ZEROS',
  'RESTORED_CMND_LEADING_ZERO',
] as const);

/**
 * Vietnamese labels for UIs, one per repair code.
 *
 * @example
 * ```ts
 * ID_REPAIR_LABELS_VI.RESTORED_LEADING_ZERO; // 'Khôi phục chữ số 0 đầu bị mất'
 * ```
 */
export const ID_REPAIR_LABELS_VI: Readonly<Record<IdRepairCode, string>> =
  /* @__PURE__ */ Object.freeze({
    TRIMMED_WHITESPACE: 'Bỏ khoảng trắng ở đầu/cuối',
    STRIPPED_APOSTROPHE: 'Bỏ dấu nháy đơn đầu ô',
    STRIPPED_DECIMAL_ZERO: 'Bỏ đuôi thập phân ".0"',
    REMOVED_SEPARATORS: 'Bỏ dấu cách, dấu chấm, dấu gạch',
    CONVERTED_FULLWIDTH_DIGITS: 'Đổi chữ số toàn độ rộng sang chữ số thường',
    UPPERCASED_LETTER: 'Viết hoa chữ cái đầu số hộ chiếu',
    RESTORED_LEADING_ZERO: 'Khôi phục chữ số 0 đầu bị mất',
    RESTORED_TWO_LEADING_ZEROS: 'Khôi phục hai chữ số 0 đầu bị mất',
    RESTORED_CMND_LEADING_ZERO: 'Khôi phục chữ số 0 đầu của CMND 9 số',
  });

const CONFIDENCE: Readonly<Record<IdRepairCode, IdRepairConfidence>> = {
  TRIMMED_WHITESPACE: 'certain',
  STRIPPED_APOSTROPHE: 'certain',
  STRIPPED_DECIMAL_ZERO: 'certain',
  REMOVED_SEPARATORS: 'certain',
  CONVERTED_FULLWIDTH_DIGITS: 'certain',
  UPPERCASED_LETTER: 'certain',
  RESTORED_LEADING_ZERO: 'high',
  RESTORED_TWO_LEADING_ZEROS: 'high',
  RESTORED_CMND_LEADING_ZERO: 'medium',
};

/** One shared frozen object per repair code: listing a repair allocates nothing. */
export const REPAIR: Readonly<Record<IdRepairCode, IdRepair>> = Object.freeze(
  Object.fromEntries(
    ID_REPAIR_CODES.map((code) => [code, Object.freeze({ code, confidence: CONFIDENCE[code] })]),
  ) as Record<IdRepairCode, IdRepair>,
);
