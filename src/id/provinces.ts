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

const CITY_WORD = 'Thành phố';
const PROVINCE_WORD = 'Tỉnh';

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

/**
 * Rows `[code, name, kind]` of a table written as `code full name` entries separated by commas:
 * the unit word of the full name (`Thành phố` or `Tỉnh`) gives the kind.
 */
function provinceRows(source: string): readonly (readonly [string, string, ProvinceKind])[] {
  return source.split(',').map((entry) => {
    const text = entry.trim();
    const code = text.slice(0, 2);
    const full = text.slice(3);
    return full.startsWith(CITY_WORD)
      ? [code, full.slice(CITY_WORD.length + 1), 'city']
      : [code, full.slice(PROVINCE_WORD.length + 1), 'province'];
  });
}

// `code full name`: DESIGN.md §6, "Province codes (PPP)".
const OLD_ROWS = /* @__PURE__ */ provinceRows(`
  01 Thành phố Hà Nội, 02 Tỉnh Hà Giang, 04 Tỉnh Cao Bằng, 06 Tỉnh Bắc Kạn,
  08 Tỉnh Tuyên Quang, 10 Tỉnh Lào Cai, 11 Tỉnh Điện Biên, 12 Tỉnh Lai Châu, 14 Tỉnh Sơn La,
  15 Tỉnh Yên Bái, 17 Tỉnh Hòa Bình, 19 Tỉnh Thái Nguyên, 20 Tỉnh Lạng Sơn, 22 Tỉnh Quảng Ninh,
  24 Tỉnh Bắc Giang, 25 Tỉnh Phú Thọ, 26 Tỉnh Vĩnh Phúc, 27 Tỉnh Bắc Ninh, 30 Tỉnh Hải Dương,
  31 Thành phố Hải Phòng, 33 Tỉnh Hưng Yên, 34 Tỉnh Thái Bình, 35 Tỉnh Hà Nam,
  36 Tỉnh Nam Định, 37 Tỉnh Ninh Bình, 38 Tỉnh Thanh Hóa, 40 Tỉnh Nghệ An, 42 Tỉnh Hà Tĩnh,
  44 Tỉnh Quảng Bình, 45 Tỉnh Quảng Trị, 46 Tỉnh Thừa Thiên Huế, 48 Thành phố Đà Nẵng,
  49 Tỉnh Quảng Nam, 51 Tỉnh Quảng Ngãi, 52 Tỉnh Bình Định, 54 Tỉnh Phú Yên, 56 Tỉnh Khánh Hòa,
  58 Tỉnh Ninh Thuận, 60 Tỉnh Bình Thuận, 62 Tỉnh Kon Tum, 64 Tỉnh Gia Lai, 66 Tỉnh Đắk Lắk,
  67 Tỉnh Đắk Nông, 68 Tỉnh Lâm Đồng, 70 Tỉnh Bình Phước, 72 Tỉnh Tây Ninh, 74 Tỉnh Bình Dương,
  75 Tỉnh Đồng Nai, 77 Tỉnh Bà Rịa - Vũng Tàu, 79 Thành phố Hồ Chí Minh, 80 Tỉnh Long An,
  82 Tỉnh Tiền Giang, 83 Tỉnh Bến Tre, 84 Tỉnh Trà Vinh, 86 Tỉnh Vĩnh Long, 87 Tỉnh Đồng Tháp,
  89 Tỉnh An Giang, 91 Tỉnh Kiên Giang, 92 Thành phố Cần Thơ, 93 Tỉnh Hậu Giang,
  94 Tỉnh Sóc Trăng, 95 Tỉnh Bạc Liêu, 96 Tỉnh Cà Mau
`);

// `code full name`: DESIGN.md §6, "New codes" (from 1 July 2025).
const NEW_ROWS = /* @__PURE__ */ provinceRows(`
  01 Thành phố Hà Nội, 04 Tỉnh Cao Bằng, 08 Tỉnh Tuyên Quang, 11 Tỉnh Điện Biên,
  12 Tỉnh Lai Châu, 14 Tỉnh Sơn La, 15 Tỉnh Lào Cai, 19 Tỉnh Thái Nguyên, 20 Tỉnh Lạng Sơn,
  22 Tỉnh Quảng Ninh, 24 Tỉnh Bắc Ninh, 25 Tỉnh Phú Thọ, 31 Thành phố Hải Phòng,
  33 Tỉnh Hưng Yên, 37 Tỉnh Ninh Bình, 38 Tỉnh Thanh Hóa, 40 Tỉnh Nghệ An, 42 Tỉnh Hà Tĩnh,
  44 Tỉnh Quảng Trị, 46 Thành phố Huế, 48 Thành phố Đà Nẵng, 51 Tỉnh Quảng Ngãi,
  52 Tỉnh Gia Lai, 56 Tỉnh Khánh Hòa, 66 Tỉnh Đắk Lắk, 68 Tỉnh Lâm Đồng, 75 Tỉnh Đồng Nai,
  79 Thành phố Hồ Chí Minh, 80 Tỉnh Tây Ninh, 82 Tỉnh Đồng Tháp, 86 Tỉnh Vĩnh Long,
  91 Tỉnh An Giang, 92 Thành phố Cần Thơ, 96 Tỉnh Cà Mau
`);

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
  return `${kind === 'city' ? CITY_WORD : PROVINCE_WORD} ${name}`;
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
