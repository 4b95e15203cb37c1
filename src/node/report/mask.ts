/**
 * Masking of personal data in the review queue: the report shows enough to decide a pair and no
 * more, unless the caller asks for the raw values.
 * @module
 */
import { maskDigits, maskIdNumber } from '../../id/index.js';

/** How a column is masked. */
export type MaskKind = 'key' | 'public' | 'id' | 'name' | 'phone' | 'date' | 'text';

const KEY = /(^|_)id$|^id_|_key$/i;
const ID = /id_?number|cccd|cmnd|cmt|passport|ho_?chieu|dinh_?danh|identity|so_?giay/i;
const PHONE = /phone|mobile|tel|sdt|dien_?thoai/i;
const DATE = /dob|date|birth|ngay|sinh/i;
const NAME = /name|ten/i;
const PUBLIC =
  /^(gender|sex|gioi_?tinh|province|tinh|district|huyen|commune|ward|xa|phuong|province_code|ethnicity|dan_?toc)$/i;

/**
 * The masking rule of a column, from its name: identity numbers keep the place code and the last
 * three digits, phones the last three digits, dates the year, names (and any column not known to
 * be harmless, such as an address) the first letter of each word; record keys and
 * administrative units stay readable.
 *
 * @example
 * ```ts
 * maskKindOf('id_number'); // 'id'
 * maskKindOf('full_name'); // 'name'
 * maskKindOf('record_id'); // 'key'
 * maskKindOf('address'); // 'text'
 * ```
 */
export function maskKindOf(column: string): MaskKind {
  const c = column.trim();
  if (ID.test(c)) return 'id';
  if (KEY.test(c)) return 'key';
  if (PUBLIC.test(c)) return 'public';
  if (PHONE.test(c)) return 'phone';
  if (DATE.test(c)) return 'date';
  if (NAME.test(c)) return 'name';
  return 'text';
}

/**
 * First letter of each word, with a dot (`Nguyễn Văn An` → `N. V. A.`); digits become `#`.
 *
 * @example
 * ```ts
 * maskWords('Nguyễn Văn An'); // 'N. V. A.'
 * maskWords('12 Lê Lợi'); // '#. L. L.'
 * ```
 */
export function maskWords(value: string): string {
  return value
    .normalize('NFC')
    .split(/[\s,.;/\\-]+/u)
    .filter((w) => w.length > 0)
    .map((w) => {
      const first = Array.from(w)[0] ?? '';
      return `${/\p{N}/u.test(first) ? '#' : first.toLocaleUpperCase('vi')}.`;
    })
    .join(' ');
}

/**
 * A phone number with only its last three digits shown (`0912345678` → `*******678`).
 *
 * @example
 * ```ts
 * maskPhone('0912 345 678'); // '*******678'
 * ```
 */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length === 0) return value.trim() === '' ? '' : '***';
  return maskDigits(digits, { keepStart: 0, keepEnd: 3 });
}

/**
 * The year of a date, or `****` when no year can be seen (`15/03/1985` → `1985`).
 *
 * @example
 * ```ts
 * maskDate('1985-03-15'); // '1985'
 * maskDate('31123'); // '****'
 * ```
 */
export function maskDate(value: string): string {
  if (value.trim() === '') return '';
  const year = /(?:^|\D)((?:18|19|20)\d\d)(?:\D|$)/.exec(value);
  return year?.[1] ?? '****';
}

const keep = (value: string) => value;

/** The mask of each kind of column. */
const MASKS: Readonly<Record<MaskKind, (value: string) => string>> = {
  key: keep,
  public: keep,
  id: maskIdNumber,
  phone: maskPhone,
  date: maskDate,
  name: maskWords,
  text: maskWords,
};

/**
 * Masks one value by the rule of its column ({@link maskKindOf}).
 *
 * @example
 * ```ts
 * maskValue('id_number', '038095012345'); // '038******345'
 * maskValue('phone', '0912345678'); // '*******678'
 * maskValue('dob', '15/03/1985'); // '1985'
 * ```
 */
export function maskValue(column: string, value: string): string {
  if (value.trim() === '') return value;
  return MASKS[maskKindOf(column)](value);
}
