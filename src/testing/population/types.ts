/**
 * Public types of the synthetic population generator: rows, truth, damage codes and their rates.
 *
 * @module
 */

import { CANONICAL_COLUMNS } from '../../record/index.js';

/** Canonical CSV columns shared by the register and the list (DESIGN.md §5), from the record part. */
export { CANONICAL_COLUMNS };

/** Columns of a register CSV: the key first, the canonical columns, then the old CMND. */
export const REGISTER_COLUMNS = ['person_id', ...CANONICAL_COLUMNS, 'old_id_number'] as const;

/** Columns of a damaged-list CSV: the key first, then the canonical columns. */
export const LIST_COLUMNS = ['record_id', ...CANONICAL_COLUMNS] as const;

/** Columns of a truth CSV (see {@link truthToRow}). */
export const TRUTH_COLUMNS = [
  'record_id',
  'person_id',
  'entity_id',
  'copy',
  'damages',
  'dob_format',
  'gender_format',
  'phone_format',
  'province_format',
  'commune_format',
] as const;

/**
 * One person of the synthetic population register (CSDLQG về dân cư), clean: NFC names with the
 * traditional tone placement, ISO dates, valid CCCD numbers.
 */
export type RegisterRow = {
  /** Stable key: `P` + the 0-based position in the register. */
  readonly person_id: string;
  readonly full_name: string;
  /** `YYYY-MM-DD`. */
  readonly dob: string;
  readonly gender: 'Nam' | 'Nữ';
  /** 12-digit CCCD `0PP G YY RRRRRR` (DESIGN.md §6). */
  readonly id_number: string;
  /** 10-digit mobile `0XXXXXXXXX`, or empty. */
  readonly phone: string;
  readonly province: string;
  readonly district: string;
  readonly commune: string;
  readonly address: string;
  /** Old 9-digit CMND (chứng minh nhân dân) of people who had one, or empty. */
  readonly old_id_number: string;
};

/** One row of the damaged vaccination list: every field is the raw string a spreadsheet held. */
export type ListRow = {
  /** Key of the list row: `R` + the 0-based position in the list. */
  readonly record_id: string;
} & { readonly [K in (typeof CANONICAL_COLUMNS)[number]]: string };

/**
 * A defect applied to a list row. Each has a rate in {@link DamageRates}; a rate is the
 * probability per list row among the rows where the defect can apply (see docs/synthetic-data.md).
 */
export type DamageCode =
  // Identity number: content (at most one).
  | 'ID_MISSING'
  | 'ID_RELATIVE'
  | 'ID_TYPO'
  | 'ID_TRANSPOSITION'
  | 'ID_OLD_CMND'
  // Identity number: spreadsheet damage (at most one, on top of the content).
  | 'ID_LEADING_ZERO_LOST'
  | 'ID_SCIENTIFIC'
  | 'ID_APOSTROPHE'
  | 'ID_DOT_ZERO'
  | 'ID_SEPARATORS'
  // Date of birth (at most one).
  | 'DOB_MISSING'
  | 'DOB_YEAR_ONLY'
  | 'DOB_DAY_MONTH_SWAP'
  | 'DOB_YEAR_OFF_BY_ONE'
  | 'DOB_PLACEHOLDER'
  // Name (independent).
  | 'NAME_MIDDLE_MISSING'
  | 'NAME_MIDDLE_EXTRA'
  | 'NAME_REGIONAL_SURNAME'
  | 'NAME_REVERSED'
  | 'NAME_GIVEN_FIRST'
  | 'NAME_SURNAME_TYPO'
  | 'NAME_TYPO'
  | 'NAME_MODERN_TONE'
  | 'NAME_NO_DIACRITICS'
  | 'NAME_UPPERCASE'
  | 'NAME_TCVN3'
  | 'NAME_VNI'
  | 'NAME_NFD'
  | 'NAME_NBSP'
  | 'NAME_DOUBLE_SPACE'
  // Gender.
  | 'GENDER_MISSING'
  | 'GENDER_WRONG'
  // Phone (at most one).
  | 'PHONE_MISSING'
  | 'PHONE_OTHER_PERSON'
  | 'PHONE_LOST_ZERO'
  | 'PHONE_OLD_11_DIGIT'
  // Residence.
  | 'MOVED'
  | 'PLACE_IN_ADDRESS';

/** Probability of each defect (0–1), by code. */
export type DamageRates = Readonly<Record<DamageCode, number>>;

/**
 * Realistic default rates. Chosen so that about 60% of rows carry at least one defect and the
 * identity number is usable as-is in about 80% of rows (see docs/synthetic-data.md).
 */
export const DEFAULT_DAMAGE_RATES: DamageRates = {
  ID_MISSING: 0.05,
  ID_RELATIVE: 0.01,
  ID_TYPO: 0.015,
  ID_TRANSPOSITION: 0.005,
  ID_OLD_CMND: 0.05,
  ID_LEADING_ZERO_LOST: 0.06,
  ID_SCIENTIFIC: 0.005,
  ID_APOSTROPHE: 0.01,
  ID_DOT_ZERO: 0.005,
  ID_SEPARATORS: 0.01,
  DOB_MISSING: 0.005,
  DOB_YEAR_ONLY: 0.03,
  DOB_DAY_MONTH_SWAP: 0.015,
  DOB_YEAR_OFF_BY_ONE: 0.01,
  DOB_PLACEHOLDER: 0.01,
  NAME_MIDDLE_MISSING: 0.02,
  NAME_MIDDLE_EXTRA: 0.01,
  NAME_REGIONAL_SURNAME: 0.05,
  NAME_REVERSED: 0.01,
  NAME_GIVEN_FIRST: 0.01,
  NAME_SURNAME_TYPO: 0.01,
  NAME_TYPO: 0.02,
  NAME_MODERN_TONE: 0.3,
  NAME_NO_DIACRITICS: 0.08,
  NAME_UPPERCASE: 0.06,
  NAME_TCVN3: 0.01,
  NAME_VNI: 0.01,
  NAME_NFD: 0.03,
  NAME_NBSP: 0.01,
  NAME_DOUBLE_SPACE: 0.02,
  GENDER_MISSING: 0.02,
  GENDER_WRONG: 0.003,
  PHONE_MISSING: 0.1,
  PHONE_OTHER_PERSON: 0.03,
  PHONE_LOST_ZERO: 0.03,
  PHONE_OLD_11_DIGIT: 0.1,
  MOVED: 0.05,
  PLACE_IN_ADDRESS: 0.05,
};

/** Every damage code, in a stable order: the order in which they are applied and reported. */
export const DAMAGE_CODES = Object.keys(DEFAULT_DAMAGE_RATES) as readonly DamageCode[];

/** How the date of birth was written. */
export type DobFormat =
  | 'dd/mm/yyyy'
  | 'd/m/yyyy'
  | 'yyyy-mm-dd'
  | 'dd-mm-yyyy'
  | 'dd.mm.yyyy'
  | 'yyyymmdd'
  | 'ddmmyyyy'
  | 'dd/mm/yy'
  | 'excel-serial'
  | 'yyyy'
  | 'empty';

/** How the sex was written. */
export type GenderFormat =
  | 'Nam/Nữ'
  | 'nam/nữ'
  | 'NAM/NỮ'
  | 'Nam/Nu'
  | 'M/F'
  | 'male/female'
  | 'empty';

/** How the phone number was written. */
export type PhoneFormat = '0xxxxxxxxx' | '+84' | '84' | '0084' | 'spaced' | 'dotted' | 'empty';

/** How the province was written. */
export type ProvinceFormat =
  | 'official'
  | 'prefixed'
  | 'nickname'
  | 'ascii'
  | 'lowercase-ascii'
  | 'modern-tone'
  | 'post-2025'
  | 'empty';

/** How the commune and district were written. */
export type CommuneFormat = 'official' | 'abbreviated' | 'zero-padded' | 'bare' | 'ascii';

/** How each field of a list row was written (the formats the damage chose). */
export interface RowFormats {
  readonly dob_format: DobFormat;
  readonly gender_format: GenderFormat;
  readonly phone_format: PhoneFormat;
  readonly province_format: ProvinceFormat;
  readonly commune_format: CommuneFormat;
}

/** The ground truth of one list row. */
export interface ListTruth extends RowFormats {
  readonly record_id: string;
  /** The register person this row describes, or `null` for people not in the register. */
  readonly person_id: string | null;
  /** Same for every row of the same real person (`P…` in the register, `X…` outside). */
  readonly entity_id: string;
  /** 1 for the first row of this person in the list, 2 for a second record (a duplicate). */
  readonly copy: 1 | 2;
  /** Defects applied, in {@link DAMAGE_CODES} order. */
  readonly damages: readonly DamageCode[];
}

/** A list row with its truth, as the streaming API yields them. */
export interface ListEntry {
  readonly row: ListRow;
  readonly truth: ListTruth;
}
