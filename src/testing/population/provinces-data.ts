/**
 * Province facts the generator needs, on top of the `id` part's province tables (names, full
 * names, post-2025 codes): an approximate population (2019 census, thousands) used as sampling
 * weight, and the 2-digit prefix of the old 9-digit CMND issued there (approximate: several
 * provinces shared a prefix).
 *
 * @module
 */
import { newProvinceByCode, OLD_PROVINCES } from '../../id/index.js';
import { stripDiacritics } from './text-damage.js';

/** One pre-2025 province as the generator sees it. */
export interface ProvinceFacts {
  /** GSO code as a number (1–96); the CCCD's place-of-birth part is `0` + two digits. */
  readonly code: number;
  /** Official short name (traditional tone placement), e.g. `Thanh Hóa`, `Hồ Chí Minh`. */
  readonly name: string;
  /** Official full name, e.g. `Tỉnh Thanh Hóa`, `Thành phố Hồ Chí Minh`. */
  readonly fullName: string;
  /** The short name without diacritics, e.g. `Thanh Hoa`. */
  readonly ascii: string;
  /** A centrally-run city (thành phố trực thuộc trung ương). */
  readonly city: boolean;
  /** Population in thousands (2019 census, rounded): the sampling weight. */
  readonly population: number;
  /** Two-digit prefix of 9-digit CMND numbers issued by this province's police. */
  readonly cmndPrefix: string;
  /** Names of the post-2025 province(s) its territory belongs to (two for Tiền Giang). */
  readonly newNames: readonly string[];
}

// [GSO code, population in thousands (2019), CMND prefix]
const ROWS: readonly (readonly [number, number, string])[] = [
  [1, 8054, '01'], // Hà Nội
  [2, 855, '07'], // Hà Giang
  [4, 531, '08'], // Cao Bằng
  [6, 314, '09'], // Bắc Kạn
  [8, 785, '07'], // Tuyên Quang
  [10, 731, '06'], // Lào Cai
  [11, 599, '04'], // Điện Biên
  [12, 461, '04'], // Lai Châu
  [14, 1249, '05'], // Sơn La
  [15, 822, '06'], // Yên Bái
  [17, 855, '11'], // Hòa Bình
  [19, 1287, '09'], // Thái Nguyên
  [20, 782, '08'], // Lạng Sơn
  [22, 1321, '10'], // Quảng Ninh
  [24, 1804, '12'], // Bắc Giang
  [25, 1464, '13'], // Phú Thọ
  [26, 1152, '13'], // Vĩnh Phúc
  [27, 1369, '12'], // Bắc Ninh
  [30, 1893, '14'], // Hải Dương
  [31, 2029, '03'], // Hải Phòng
  [33, 1253, '14'], // Hưng Yên
  [34, 1861, '15'], // Thái Bình
  [35, 853, '16'], // Hà Nam
  [36, 1781, '16'], // Nam Định
  [37, 983, '16'], // Ninh Bình
  [38, 3641, '17'], // Thanh Hóa
  [40, 3327, '18'], // Nghệ An
  [42, 1289, '18'], // Hà Tĩnh
  [44, 896, '19'], // Quảng Bình
  [45, 633, '19'], // Quảng Trị
  [46, 1129, '19'], // Thừa Thiên Huế
  [48, 1135, '20'], // Đà Nẵng
  [49, 1496, '20'], // Quảng Nam
  [51, 1232, '21'], // Quảng Ngãi
  [52, 1487, '21'], // Bình Định
  [54, 873, '22'], // Phú Yên
  [56, 1232, '22'], // Khánh Hòa
  [58, 591, '26'], // Ninh Thuận
  [60, 1231, '26'], // Bình Thuận
  [62, 540, '23'], // Kon Tum
  [64, 1514, '23'], // Gia Lai
  [66, 1870, '24'], // Đắk Lắk
  [67, 622, '24'], // Đắk Nông
  [68, 1297, '25'], // Lâm Đồng
  [70, 995, '28'], // Bình Phước
  [72, 1170, '29'], // Tây Ninh
  [74, 2426, '28'], // Bình Dương
  [75, 3097, '27'], // Đồng Nai
  [77, 1148, '27'], // Bà Rịa–Vũng Tàu
  [79, 8993, '02'], // TP Hồ Chí Minh
  [80, 1689, '30'], // Long An
  [82, 1765, '31'], // Tiền Giang
  [83, 1289, '32'], // Bến Tre
  [84, 1010, '33'], // Trà Vinh
  [86, 1023, '33'], // Vĩnh Long
  [87, 1600, '34'], // Đồng Tháp
  [89, 1908, '35'], // An Giang
  [91, 1724, '37'], // Kiên Giang
  [92, 1236, '36'], // Cần Thơ
  [93, 733, '36'], // Hậu Giang
  [94, 1200, '36'], // Sóc Trăng
  [95, 907, '38'], // Bạc Liêu
  [96, 1194, '38'], // Cà Mau
];

const POPULATION = new Map(
  ROWS.map(([code, population, prefix]) => [code, { population, prefix }]),
);

/** The 63 pre-2025 provinces, in code order. */
export const PROVINCE_FACTS: readonly ProvinceFacts[] = OLD_PROVINCES.map((p) => {
  const code = Number(p.code);
  const extra = POPULATION.get(code);
  return {
    code,
    name: p.name,
    fullName: p.fullName,
    ascii: stripDiacritics(p.name),
    city: p.kind === 'city',
    population: extra?.population ?? 1000,
    cmndPrefix: extra?.prefix ?? '01',
    newNames: p.newCodes.map((c) => newProvinceByCode(c)?.name ?? p.name),
  };
});

/** Extra everyday spellings of some provinces, beyond the systematic variants. */
export const PROVINCE_NICKNAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['HN', 'Hanoi', 'TP Hà Nội', 'Thành phố Hà Nội'],
  31: ['HP', 'TP Hải Phòng'],
  46: ['Tỉnh Thừa Thiên - Huế', 'Thừa Thiên-Huế', 'TT Huế', 'Huế', 'TT-Huế'],
  48: ['ĐN', 'TP Đà Nẵng'],
  66: ['Đăk Lăk', 'Dak Lak', 'Đắc Lắc', 'Đắk Lăk'],
  67: ['Đăk Nông', 'Dak Nong'],
  77: ['Bà Rịa–Vũng Tàu', 'Bà Rịa-Vũng Tàu', 'BR-VT', 'BRVT', 'Vũng Tàu', 'Tỉnh Bà Rịa Vũng Tàu'],
  79: [
    'TP.HCM',
    'TP Hồ Chí Minh',
    'TPHCM',
    'HCM',
    'Tp Hồ Chí Minh',
    'Thành phố Hồ Chí Minh',
    'Hồ Chí Minh',
    'Ho Chi Minh',
    'Sài Gòn',
    'tp hcm',
  ],
  92: ['TP Cần Thơ', 'Can Tho'],
  6: ['Bắc Cạn'],
};
