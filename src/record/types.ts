import type { IdKind } from '../id/index.js';

/**
 * A date of birth that may be only partly known (năm sinh only is common for older people).
 * `month` is present whenever `day` is.
 */
export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Sex as recorded (giới tính): `male` = Nam, `female` = Nữ. */
export type Sex = 'male' | 'female';

/** A cleaned field: the typed value (absent when missing or unusable) and the original text. */
export interface CleanField<T> {
  readonly value?: T;
  readonly original?: string;
}

/**
 * A typed, cleaned person record (one row of a vaccination list or of the register).
 * Every field keeps its original text; unknown input columns are kept in `extra`.
 */
export interface CleanRecord {
  /** The record key (first column unless configured). */
  readonly key: string;
  /** Họ và tên, normalised (NFC, single spaces, capitalised, traditional tone placement). */
  readonly fullName: CleanField<string>;
  /** Ngày sinh. */
  readonly dob: CleanField<PartialDate>;
  /** Giới tính. */
  readonly sex: CleanField<Sex>;
  /** Số CCCD/CMND/hộ chiếu, canonical digits (or passport letter + digits). */
  readonly idNumber: CleanField<string>;
  /** What kind of number `idNumber` is. */
  readonly idKind?: IdKind;
  /** Số điện thoại, 10-digit national form `0XXXXXXXXX`. */
  readonly phone: CleanField<string>;
  /** Tỉnh/thành phố: pre-2025 two-digit GSO code (e.g. `01` Hà Nội, `79` TP Hồ Chí Minh). */
  readonly provinceCode: CleanField<string>;
  /** Quận/huyện (kept even when the district no longer exists after July 2025). */
  readonly district: CleanField<string>;
  /** Xã/phường/thị trấn, normalised name. */
  readonly commune: CleanField<string>;
  /** Địa chỉ. */
  readonly address: CleanField<string>;
  /** Input columns that are not canonical, kept as they came. */
  readonly extra: Readonly<Record<string, string>>;
}
