/**
 * Issue codes of the `id` part: stable identifiers a caller can switch on and store.
 * @module
 */

/**
 * Why an ID number was rejected (see docs/id.md for each case).
 *
 * - `ID_EMPTY`: nothing but whitespace/separators.
 * - `ID_INVALID_TYPE`: the input is neither a string, a number nor a bigint (untyped callers).
 * - `ID_NON_DIGIT`: a character that is not a digit, a separator or a passport's leading letter.
 * - `ID_WRONG_LENGTH`: a digit count no ID kind has and no spreadsheet repair explains.
 * - `ID_SCIENTIFIC_NOTATION`: text such as `1.23457E+11`: digits were lost, never guessed.
 * - `ID_PRECISION_LOST`: a JS number beyond 2^53 (incl. ≥ 1e21): its digits are rounded.
 * - `ID_INVALID_NUMBER`: a JS number that is negative, fractional, NaN or infinite.
 * - `ID_LOOKS_LIKE_PHONE`: the value is a Vietnamese phone number, not an ID.
 * - `ID_AMBIGUOUS_REPAIR`: restoring lost zeros gives a valid CCCD but the value is also a phone
 *   number that lost its zero/prefix: several readings, none chosen.
 * - `ID_REPAIR_FORBIDDEN`: the value would be valid after a repair the options forbid.
 * - `ID_KIND_NOT_ACCEPTED`: a valid number of a kind the options do not accept.
 * - `CCCD_BAD_PROVINCE`: a `0PP` place code that is not one of the 63 province codes.
 * - `CCCD_BAD_COUNTRY`: a place code outside `001`–`096` (provinces) and `101`–`295` (countries).
 * - `CCCD_IMPOSSIBLE_CENTURY`: the century/sex digit names a century that has not begun.
 * - `CCCD_FUTURE_BIRTH_YEAR`: the birth year is after the reference date's year.
 * - `PASSPORT_BAD_FORMAT`: starts with a letter but is not one letter + 7 digits.
 */
export type IdIssueCode =
  | 'ID_EMPTY'
  | 'ID_INVALID_TYPE'
  | 'ID_NON_DIGIT'
  | 'ID_WRONG_LENGTH'
  | 'ID_SCIENTIFIC_NOTATION'
  | 'ID_PRECISION_LOST'
  | 'ID_INVALID_NUMBER'
  | 'ID_LOOKS_LIKE_PHONE'
  | 'ID_AMBIGUOUS_REPAIR'
  | 'ID_REPAIR_FORBIDDEN'
  | 'ID_KIND_NOT_ACCEPTED'
  | 'CCCD_BAD_PROVINCE'
  | 'CCCD_BAD_COUNTRY'
  | 'CCCD_IMPOSSIBLE_CENTURY'
  | 'CCCD_FUTURE_BIRTH_YEAR'
  | 'PASSPORT_BAD_FORMAT';

/**
 * Every issue code, in documentation order.
 *
 * @example
 * ```ts
 * ID_ISSUE_CODES.includes('CCCD_BAD_PROVINCE'); // true
 * ```
 */
export const ID_ISSUE_CODES: readonly IdIssueCode[] = /* @__PURE__ */ Object.freeze([
  'ID_EMPTY',
  'ID_INVALID_TYPE',
  'ID_NON_DIGIT',
  'ID_WRONG_LENGTH',
  'ID_SCIENTIFIC_NOTATION',
  'ID_PRECISION_LOST',
  'ID_INVALID_NUMBER',
  'ID_LOOKS_LIKE_PHONE',
  'ID_AMBIGUOUS_REPAIR',
  'ID_REPAIR_FORBIDDEN',
  'ID_KIND_NOT_ACCEPTED',
  'CCCD_BAD_PROVINCE',
  'CCCD_BAD_COUNTRY',
  'CCCD_IMPOSSIBLE_CENTURY',
  'CCCD_FUTURE_BIRTH_YEAR',
  'PASSPORT_BAD_FORMAT',
] as const);

/**
 * Vietnamese labels for UIs (nhãn tiếng Việt), one per issue code.
 *
 * @example
 * ```ts
 * ID_ISSUE_LABELS_VI.CCCD_BAD_PROVINCE; // 'Mã tỉnh nơi đăng ký khai sinh không tồn tại'
 * ```
 */
export const ID_ISSUE_LABELS_VI: Readonly<Record<IdIssueCode, string>> =
  /* @__PURE__ */ Object.freeze({
    ID_EMPTY: 'Chưa có số CCCD/CMND',
    ID_INVALID_TYPE: 'Kiểu dữ liệu không hợp lệ',
    ID_NON_DIGIT: 'Số CCCD/CMND chứa ký tự không phải chữ số',
    ID_WRONG_LENGTH: 'Số CCCD/CMND sai độ dài',
    ID_SCIENTIFIC_NOTATION: 'Số bị Excel đổi sang dạng khoa học (mất chữ số), không khôi phục được',
    ID_PRECISION_LOST: 'Số quá lớn, các chữ số cuối đã bị làm tròn',
    ID_INVALID_NUMBER: 'Giá trị số không hợp lệ (âm, thập phân hoặc không phải số)',
    ID_LOOKS_LIKE_PHONE: 'Có vẻ là số điện thoại, không phải số CCCD/CMND',
    ID_AMBIGUOUS_REPAIR: 'Số bị mất chữ số 0 đầu nhưng có nhiều cách khôi phục, cần kiểm tra',
    ID_REPAIR_FORBIDDEN: 'Số cần được sửa định dạng nhưng việc sửa tự động bị tắt',
    ID_KIND_NOT_ACCEPTED: 'Loại giấy tờ không được chấp nhận',
    CCCD_BAD_PROVINCE: 'Mã tỉnh nơi đăng ký khai sinh không tồn tại',
    CCCD_BAD_COUNTRY: 'Mã quốc gia nơi sinh không hợp lệ',
    CCCD_IMPOSSIBLE_CENTURY: 'Mã thế kỷ và giới tính không thể có',
    CCCD_FUTURE_BIRTH_YEAR: 'Năm sinh trong số CCCD ở tương lai',
    PASSPORT_BAD_FORMAT: 'Số hộ chiếu sai định dạng (1 chữ cái và 7 chữ số)',
  });
