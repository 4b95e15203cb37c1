/**
 * Province code tables: the 63 pre-2025 provinces (mã tỉnh of the General Statistics Office, also the
 * place-of-birth part `PPP = 0 + code` of a CCCD), the 34 provinces in force from 1 July 2025
 * (NQ 202/2025/QH15, QĐ 19/2025/QĐ-TTg) and the old → new mapping. Source: DESIGN.md §6.
 *
 * Names use the official traditional tone placement (Thanh Hóa, Khánh Hòa, Hòa Bình).
 *
 * @module
 */

/**
 * Whether a unit is a centrally-run city (thành phố trực thuộc trung ương) or a province (tỉnh).
 */
export type ProvinceKind = 'city' | 'province';

/** A province or centrally-run city as it existed until 30 June 2025 (63 units). */
export interface OldProvince {
  /** Two-digit GSO code, e.g. `'01'` (Hà Nội), `'79'` (TP Hồ Chí Minh). */
  readonly code: string;
  /** The three-digit place-of-birth prefix of a CCCD (`'0' + code`), e.g. `'001'`. */
  readonly cccdPrefix: string;
  /** Short name without the unit word, e.g. `'Thanh Hóa'`, `'Hồ Chí Minh'`. */
  readonly name: string;
  /** Full official name, e.g. `'Tỉnh Thanh Hóa'`, `'Thành phố Hồ Chí Minh'`. */
  readonly fullName: string;
  readonly kind: ProvinceKind;
  /**
   * Code(s) of the post-2025 province this territory now belongs to: one code, or two when the
   * province was split (Tiền Giang: `['80', '82']`).
   */
  readonly newCodes: readonly string[];
}

/** A province or centrally-run city in force from 1 July 2025 (34 units). */
export interface NewProvince {
  /** Two-digit code, e.g. `'01'`, `'80'` (Tây Ninh). */
  readonly code: string;
  /** Short name without the unit word, e.g. `'Huế'`, `'Tây Ninh'`. */
  readonly name: string;
  /** Full official name, e.g. `'Thành phố Huế'`, `'Tỉnh Tây Ninh'`. */
  readonly fullName: string;
  readonly kind: ProvinceKind;
  /** Pre-2025 codes whose territory (wholly or partly) belongs to this province. */
  readonly oldCodes: readonly string[];
}

/** The post-2025 province(s) an old code maps to. */
export interface NewProvinceCandidates {
  /** One candidate, or two when the old province was split between them. */
  readonly candidates: readonly NewProvince[];
  /** `true` when there is more than one candidate (only Tiền Giang, old code 82). */
  readonly ambiguous: boolean;
}

// [code, name, kind] — DESIGN.md §6, "Province codes (PPP)".
const OLD_ROWS: readonly (readonly [string, string, ProvinceKind])[] = [
  ['01', 'Hà Nội', 'city'],
  ['02', 'Hà Giang', 'province'],
  ['04', 'Cao Bằng', 'province'],
  ['06', 'Bắc Kạn', 'province'],
  ['08', 'Tuyên Quang', 'province'],
  ['10', 'Lào Cai', 'province'],
  ['11', 'Điện Biên', 'province'],
  ['12', 'Lai Châu', 'province'],
  ['14', 'Sơn La', 'province'],
  ['15', 'Yên Bái', 'province'],
  ['17', 'Hòa Bình', 'province'],
  ['19', 'Thái Nguyên', 'province'],
  ['20', 'Lạng Sơn', 'province'],
  ['22', 'Quảng Ninh', 'province'],
  ['24', 'Bắc Giang', 'province'],
  ['25', 'Phú Thọ', 'province'],
  ['26', 'Vĩnh Phúc', 'province'],
  ['27', 'Bắc Ninh', 'province'],
  ['30', 'Hải Dương', 'province'],
  ['31', 'Hải Phòng', 'city'],
  ['33', 'Hưng Yên', 'province'],
  ['34', 'Thái Bình', 'province'],
  ['35', 'Hà Nam', 'province'],
  ['36', 'Nam Định', 'province'],
  ['37', 'Ninh Bình', 'province'],
  ['38', 'Thanh Hóa', 'province'],
  ['40', 'Nghệ An', 'province'],
  ['42', 'Hà Tĩnh', 'province'],
  ['44', 'Quảng Bình', 'province'],
  ['45', 'Quảng Trị', 'province'],
  ['46', 'Thừa Thiên Huế', 'province'],
  ['48', 'Đà Nẵng', 'city'],
  ['49', 'Quảng Nam', 'province'],
  ['51', 'Quảng Ngãi', 'province'],
  ['52', 'Bình Định', 'province'],
  ['54', 'Phú Yên', 'province'],
  ['56', 'Khánh Hòa', 'province'],
  ['58', 'Ninh Thuận', 'province'],
  ['60', 'Bình Thuận', 'province'],
  ['62', 'Kon Tum', 'province'],
  ['64', 'Gia Lai', 'province'],
  ['66', 'Đắk Lắk', 'province'],
  ['67', 'Đắk Nông', 'province'],
  ['68', 'Lâm Đồng', 'province'],
  ['70', 'Bình Phước', 'province'],
  ['72', 'Tây Ninh', 'province'],
  ['74', 'Bình Dương', 'province'],
  ['75', 'Đồng Nai', 'province'],
  ['77', 'Bà Rịa - Vũng Tàu', 'province'],
  ['79', 'Hồ Chí Minh', 'city'],
  ['80', 'Long An', 'province'],
  ['82', 'Tiền Giang', 'province'],
  ['83', 'Bến Tre', 'province'],
  ['84', 'Trà Vinh', 'province'],
  ['86', 'Vĩnh Long', 'province'],
  ['87', 'Đồng Tháp', 'province'],
  ['89', 'An Giang', 'province'],
  ['91', 'Kiên Giang', 'province'],
  ['92', 'Cần Thơ', 'city'],
  ['93', 'Hậu Giang', 'province'],
  ['94', 'Sóc Trăng', 'province'],
  ['95', 'Bạc Liêu', 'province'],
  ['96', 'Cà Mau', 'province'],
];

// [code, name, kind] — DESIGN.md §6, "New codes" (from 1 July 2025).
const NEW_ROWS: readonly (readonly [string, string, ProvinceKind])[] = [
  ['01', 'Hà Nội', 'city'],
  ['04', 'Cao Bằng', 'province'],
  ['08', 'Tuyên Quang', 'province'],
  ['11', 'Điện Biên', 'province'],
  ['12', 'Lai Châu', 'province'],
  ['14', 'Sơn La', 'province'],
  ['15', 'Lào Cai', 'province'],
  ['19', 'Thái Nguyên', 'province'],
  ['20', 'Lạng Sơn', 'province'],
  ['22', 'Quảng Ninh', 'province'],
  ['24', 'Bắc Ninh', 'province'],
  ['25', 'Phú Thọ', 'province'],
  ['31', 'Hải Phòng', 'city'],
  ['33', 'Hưng Yên', 'province'],
  ['37', 'Ninh Bình', 'province'],
  ['38', 'Thanh Hóa', 'province'],
  ['40', 'Nghệ An', 'province'],
  ['42', 'Hà Tĩnh', 'province'],
  ['44', 'Quảng Trị', 'province'],
  ['46', 'Huế', 'city'],
  ['48', 'Đà Nẵng', 'city'],
  ['51', 'Quảng Ngãi', 'province'],
  ['52', 'Gia Lai', 'province'],
  ['56', 'Khánh Hòa', 'province'],
  ['66', 'Đắk Lắk', 'province'],
  ['68', 'Lâm Đồng', 'province'],
  ['75', 'Đồng Nai', 'province'],
  ['79', 'Hồ Chí Minh', 'city'],
  ['80', 'Tây Ninh', 'province'],
  ['82', 'Đồng Tháp', 'province'],
  ['86', 'Vĩnh Long', 'province'],
  ['91', 'An Giang', 'province'],
  ['92', 'Cần Thơ', 'city'],
  ['96', 'Cà Mau', 'province'],
];

// Old code → new code(s) where the code changed (DESIGN.md §6); every other old code keeps its code.
const OLD_TO_NEW: Readonly<Record<string, readonly string[]>> = {
  '02': ['08'],
  '06': ['19'],
  '10': ['15'],
  '17': ['25'],
  '26': ['25'],
  '27': ['24'],
  '30': ['31'],
  '34': ['33'],
  '35': ['37'],
  '36': ['37'],
  '45': ['44'],
  '49': ['48'],
  '54': ['66'],
  '58': ['56'],
  '60': ['68'],
  '67': ['68'],
  '62': ['51'],
  '64': ['52'],
  '70': ['75'],
  '72': ['80'],
  '74': ['79'],
  '77': ['79'],
  '82': ['80', '82'],
  '83': ['86'],
  '84': ['86'],
  '87': ['82'],
  '89': ['91'],
  '93': ['92'],
  '94': ['92'],
  '95': ['96'],
};

function fullNameOf(name: string, kind: ProvinceKind): string {
  return `${kind === 'city' ? 'Thành phố' : 'Tỉnh'} ${name}`;
}

/**
 * The 63 provinces and centrally-run cities in force until 30 June 2025, in code order.
 *
 * @example
 * ```ts
 * OLD_PROVINCES.length; // 63
 * OLD_PROVINCES[0]; // { code: '01', cccdPrefix: '001', name: 'Hà Nội', kind: 'city', newCodes: ['01'], … }
 * ```
 */
export const OLD_PROVINCES: readonly OldProvince[] = /* @__PURE__ */ (() =>
  Object.freeze(
    OLD_ROWS.map(([code, name, kind]) =>
      Object.freeze({
        code,
        cccdPrefix: `0${code}`,
        name,
        fullName: fullNameOf(name, kind),
        kind,
        newCodes: Object.freeze(OLD_TO_NEW[code] ?? [code]),
      }),
    ),
  ))();

/**
 * The 34 provinces and centrally-run cities in force from 1 July 2025, in code order.
 *
 * @example
 * ```ts
 * NEW_PROVINCES.length; // 34
 * NEW_PROVINCES.find((p) => p.code === '80')?.name; // 'Tây Ninh'
 * ```
 */
export const NEW_PROVINCES: readonly NewProvince[] = /* @__PURE__ */ (() =>
  Object.freeze(
    NEW_ROWS.map(([code, name, kind]) =>
      Object.freeze({
        code,
        name,
        fullName: fullNameOf(name, kind),
        kind,
        oldCodes: Object.freeze(
          OLD_PROVINCES.filter((p) => p.newCodes.includes(code)).map((p) => p.code),
        ),
      }),
    ),
  ))();

/** A direct table indexed by the numeric code (0–99): O(1) lookups with no hashing on hot paths. */
function byNumber<T>(entries: readonly (readonly [string, T])[]): readonly (T | undefined)[] {
  const table = new Array<T | undefined>(100).fill(undefined);
  for (const [code, value] of entries) table[Number(code)] = value;
  return table;
}

const OLD_BY_NUMBER = /* @__PURE__ */ (() =>
  byNumber(OLD_PROVINCES.map((p) => [p.code, p] as const)))();
const NEW_BY_NUMBER = /* @__PURE__ */ (() =>
  byNumber(NEW_PROVINCES.map((p) => [p.code, p] as const)))();
const CANDIDATES_BY_NUMBER = /* @__PURE__ */ (() =>
  byNumber<NewProvinceCandidates>(
    OLD_PROVINCES.map((p) => {
      const candidates = p.newCodes
        .map((c) => NEW_BY_NUMBER[Number(c)])
        .filter((n): n is NewProvince => n !== undefined);
      return [
        p.code,
        Object.freeze({ candidates: Object.freeze(candidates), ambiguous: candidates.length > 1 }),
      ] as const;
    }),
  ))();

/** Parses a two-digit code string (`'01'`…`'99'`) to its number, or -1. */
function twoDigitCode(code: string): number {
  if (code.length !== 2) return -1;
  const a = code.charCodeAt(0) - 48;
  const b = code.charCodeAt(1) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9) return -1;
  return a * 10 + b;
}

/**
 * Looks up a pre-2025 province by its two-digit GSO code.
 *
 * @example
 * ```ts
 * oldProvinceByCode('38')?.name; // 'Thanh Hóa'
 * oldProvinceByCode('03'); // undefined
 * ```
 */
export function oldProvinceByCode(code: string): OldProvince | undefined {
  const n = twoDigitCode(code);
  return n < 0 ? undefined : OLD_BY_NUMBER[n];
}

/**
 * Looks up a pre-2025 province by its numeric code (0–99); used by hot paths that already hold
 * the digits.
 *
 * @example
 * ```ts
 * oldProvinceByNumber(1)?.name; // 'Hà Nội'
 * ```
 */
export function oldProvinceByNumber(code: number): OldProvince | undefined {
  return OLD_BY_NUMBER[code];
}

/**
 * Looks up a post-2025 province by its two-digit code.
 *
 * @example
 * ```ts
 * newProvinceByCode('46')?.name; // 'Huế'
 * newProvinceByCode('02'); // undefined (Hà Giang merged into Tuyên Quang)
 * ```
 */
export function newProvinceByCode(code: string): NewProvince | undefined {
  const n = twoDigitCode(code);
  return n < 0 ? undefined : NEW_BY_NUMBER[n];
}

/**
 * The post-2025 province(s) a pre-2025 code now belongs to. Tiền Giang (82) was split: both Tây
 * Ninh (80) and Đồng Tháp (82) are returned and `ambiguous` is `true`.
 *
 * @example
 * ```ts
 * newProvincesForOldCode('02')?.candidates.map((p) => p.name); // ['Tuyên Quang']
 * newProvincesForOldCode('82')?.ambiguous; // true
 * newProvincesForOldCode('03'); // undefined
 * ```
 */
export function newProvincesForOldCode(oldCode: string): NewProvinceCandidates | undefined {
  const n = twoDigitCode(oldCode);
  return n < 0 ? undefined : CANDIDATES_BY_NUMBER[n];
}

/**
 * Same as {@link newProvincesForOldCode} with a numeric code (0–99).
 *
 * @example
 * ```ts
 * newProvincesForOldNumber(87)?.candidates[0]?.code; // '82'
 * ```
 */
export function newProvincesForOldNumber(oldCode: number): NewProvinceCandidates | undefined {
  return CANDIDATES_BY_NUMBER[oldCode];
}
