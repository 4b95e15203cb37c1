/**
 * The many ways a spreadsheet writes the same fact: dates of birth, sex, phone numbers, provinces,
 * districts and communes. Each writer takes the clean value and a format and returns the string.
 *
 * @module
 */
import { type WeightedTable, weightedTable } from '../names-data.js';
import type { AdminUnit } from './geography.js';
import { pad2 } from './people.js';
import type { Random } from './prng.js';
import { PROVINCE_NICKNAMES, type ProvinceFacts } from './provinces-data.js';
import { hasToneChoice, modernTone } from './text-damage.js';
import type {
  CommuneFormat,
  DobFormat,
  GenderFormat,
  PhoneFormat,
  ProvinceFormat,
} from './types.js';

/** Default weights of the date formats of a full date of birth (DESIGN.md §6). */
export const DOB_FORMAT_WEIGHTS: WeightedTable<DobFormat> = /*#__PURE__*/ weightedTable(`
  dd/mm/yyyy 45, d/m/yyyy 10, yyyy-mm-dd 10, dd-mm-yyyy 8, dd.mm.yyyy 4, yyyymmdd 3, ddmmyyyy 3,
  dd/mm/yy 7, excel-serial 10
`);

/** Default weights of the spellings of sex. */
export const GENDER_FORMAT_WEIGHTS: WeightedTable<GenderFormat> = /*#__PURE__*/ weightedTable(
  `Nam/Nữ 60, nam/nữ 12, NAM/NỮ 8, Nam/Nu 8, M/F 7, male/female 5`,
);

/** Default weights of the phone number layouts. */
export const PHONE_FORMAT_WEIGHTS: WeightedTable<PhoneFormat> = /*#__PURE__*/ weightedTable(
  `0xxxxxxxxx 70, +84 8, 84 5, 0084 2, spaced 8, dotted 7`,
);

/** Default weights of the province spellings. */
export const PROVINCE_FORMAT_WEIGHTS: WeightedTable<ProvinceFormat> = /*#__PURE__*/ weightedTable(`
  official 55, prefixed 12, nickname 8, ascii 10, lowercase-ascii 5, modern-tone 3, post-2025 5,
  empty 2
`);

/** Default weights of the district and commune spellings. */
export const COMMUNE_FORMAT_WEIGHTS: WeightedTable<CommuneFormat> = /*#__PURE__*/ weightedTable(
  `official 70, abbreviated 12, zero-padded 5, bare 8, ascii 5`,
);

const EXCEL_EPOCH_DAYS = Date.UTC(1899, 11, 30) / 86_400_000;

/**
 * The Excel serial number of a date (days since 1899-12-30, valid for dates after 1900-02-28,
 * which is where Excel's 1900 leap-year bug stops mattering).
 *
 * @example
 * ```ts
 * excelSerial(1990, 5, 17); // 33010
 * ```
 */
export function excelSerial(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000 - EXCEL_EPOCH_DAYS;
}

/**
 * Writes a date of birth in one of the spreadsheet formats. Components are written as given, so a
 * day/month swap with a day above 12 yields an impossible date, as real entries do.
 *
 * @example
 * ```ts
 * formatDob(1990, 5, 7, 'd/m/yyyy'); // '7/5/1990'
 * ```
 */
export function formatDob(year: number, month: number, day: number, format: DobFormat): string {
  const yyyy = String(year);
  switch (format) {
    case 'dd/mm/yyyy':
      return `${pad2(day)}/${pad2(month)}/${yyyy}`;
    case 'd/m/yyyy':
      return `${day}/${month}/${yyyy}`;
    case 'yyyy-mm-dd':
      return `${yyyy}-${pad2(month)}-${pad2(day)}`;
    case 'dd-mm-yyyy':
      return `${pad2(day)}-${pad2(month)}-${yyyy}`;
    case 'dd.mm.yyyy':
      return `${pad2(day)}.${pad2(month)}.${yyyy}`;
    case 'yyyymmdd':
      return `${yyyy}${pad2(month)}${pad2(day)}`;
    case 'ddmmyyyy':
      return `${pad2(day)}${pad2(month)}${yyyy}`;
    case 'dd/mm/yy':
      return `${pad2(day)}/${pad2(month)}/${pad2(year % 100)}`;
    case 'excel-serial':
      return String(excelSerial(year, month, day));
    case 'yyyy':
      return yyyy;
    case 'empty':
      return '';
  }
}

/**
 * Writes a sex (0 = male, 1 = female) in one of the common spellings.
 *
 * @example
 * ```ts
 * formatGender(1, 'Nam/Nu'); // 'Nu'
 * ```
 */
export function formatGender(sex: 0 | 1, format: GenderFormat): string {
  if (format === 'empty') return '';
  // Each format is named by its two spellings, male first: `Nam/Nữ`, `M/F`, `male/female`.
  const cut = format.indexOf('/');
  return sex === 0 ? format.slice(0, cut) : format.slice(cut + 1);
}

/**
 * Writes a national-form phone number (`0` + 9 or 10 digits) in one of the common layouts.
 *
 * @example
 * ```ts
 * formatPhone('0912345678', '+84'); // '+84912345678'
 * ```
 */
export function formatPhone(phone: string, format: PhoneFormat): string {
  if (phone === '') return '';
  const rest = phone.slice(1);
  switch (format) {
    case '0xxxxxxxxx':
      return phone;
    case '+84':
      return `+84${rest}`;
    case '84':
      return `84${rest}`;
    case '0084':
      return `0084${rest}`;
    case 'spaced':
      return `${phone.slice(0, 4)} ${phone.slice(4, 7)} ${phone.slice(7)}`;
    case 'dotted':
      return `${phone.slice(0, 4)}.${phone.slice(4, 7)}.${phone.slice(7)}`;
    case 'empty':
      return '';
  }
}

/** Pre-2018 11-digit mobile prefixes by their current 3-digit prefix (DESIGN.md §6). */
export const OLD_MOBILE_PREFIX: Readonly<Record<string, string>> = {
  '070': '0120',
  '079': '0121',
  '077': '0122',
  '076': '0126',
  '078': '0128',
  '083': '0123',
  '084': '0124',
  '085': '0125',
  '081': '0127',
  '082': '0129',
  '032': '0162',
  '033': '0163',
  '034': '0164',
  '035': '0165',
  '036': '0166',
  '037': '0167',
  '038': '0168',
  '039': '0169',
  '056': '0186',
  '058': '0188',
  '059': '0199',
};

function provincePrefixed(facts: ProvinceFacts, random: Random): string {
  const r = random.int(4);
  if (r < 2) return facts.fullName;
  if (!facts.city) return `T. ${facts.name}`;
  return r === 2 ? `TP. ${facts.name}` : `Tp ${facts.name}`;
}

/**
 * Writes a province in one of the spellings seen in spreadsheets. Returns the spelling and the
 * format actually used (a format that does not apply, such as `modern-tone` for a name without
 * an oa/oe/uy syllable, falls back to `official`).
 *
 * @example
 * ```ts
 * formatProvince(hcmFacts, 'nickname', createRandom(1)); // e.g. { text: 'TP.HCM', format: 'nickname' }
 * ```
 */
export function formatProvince(
  facts: ProvinceFacts,
  format: ProvinceFormat,
  random: Random,
): { readonly text: string; readonly format: ProvinceFormat } {
  switch (format) {
    case 'prefixed':
      return { text: provincePrefixed(facts, random), format };
    case 'nickname': {
      const nick = PROVINCE_NICKNAMES[facts.code];
      if (nick === undefined) return { text: provincePrefixed(facts, random), format: 'prefixed' };
      return { text: nick[random.int(nick.length)] ?? facts.name, format };
    }
    case 'ascii':
      return { text: facts.ascii, format };
    case 'lowercase-ascii':
      return { text: facts.ascii.toLowerCase(), format };
    case 'modern-tone':
      return hasToneChoice(facts.name)
        ? { text: modernTone(facts.name), format }
        : { text: facts.name, format: 'official' };
    case 'post-2025':
      return { text: facts.newNames[random.int(facts.newNames.length)] ?? facts.name, format };
    case 'empty':
      return { text: '', format };
    case 'official':
      return { text: facts.name, format };
  }
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  Phường: 'P.',
  Xã: 'X.',
  'Thị trấn': 'TT.',
  Quận: 'Q.',
  Huyện: 'H.',
  'Thị xã': 'TX.',
  'Thành phố': 'TP.',
};

/**
 * Writes a district or commune in one of the common spellings.
 *
 * @example
 * ```ts
 * formatUnit(phuong5, 'zero-padded', createRandom(1)); // 'Phường 05'
 * ```
 */
export function formatUnit(unit: AdminUnit, format: CommuneFormat, random: Random): string {
  const { kind, bare, numeric } = unit;
  switch (format) {
    case 'official':
      return unit.name;
    case 'abbreviated': {
      const abbr = ABBREVIATIONS[kind] ?? kind;
      return random.chance(0.5) ? `${abbr}${bare}` : `${abbr} ${bare}`;
    }
    case 'zero-padded':
      return numeric && bare.length === 1 ? `${kind} 0${bare}` : unit.name;
    case 'bare':
      return numeric ? unit.name : bare;
    case 'ascii':
      return unit.ascii;
  }
}
