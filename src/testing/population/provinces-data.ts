/**
 * Province facts the generator needs: the 63 pre-2025 provinces (GSO codes, DESIGN.md §6), an
 * approximate population (2019 census, thousands) used as sampling weight, the 2-digit prefix of
 * the old 9-digit CMND issued there (approximate: several provinces shared a prefix), and the
 * post-July-2025 province each one merged into (NQ 202/2025/QH15).
 *
 * @module
 */

/** One pre-2025 province as the generator sees it. */
export interface ProvinceFacts {
  /** GSO code without the leading 0 of the CCCD (1–96). */
  readonly code: number;
  /** Official name (traditional tone placement). */
  readonly name: string;
  /** Population in thousands (2019 census, rounded): the sampling weight. */
  readonly population: number;
  /** Two-digit prefix of 9-digit CMND numbers issued by this province's police. */
  readonly cmndPrefix: string;
  /** Code of the post-2025 province it belongs to (DESIGN.md §6). */
  readonly newCode: number;
}

/** The 63 pre-2025 provinces. */
export const PROVINCE_FACTS: readonly ProvinceFacts[] = [
  { code: 1, name: 'Hà Nội', population: 8054, cmndPrefix: '01', newCode: 1 },
  { code: 2, name: 'Hà Giang', population: 855, cmndPrefix: '07', newCode: 8 },
  { code: 4, name: 'Cao Bằng', population: 531, cmndPrefix: '08', newCode: 4 },
  { code: 6, name: 'Bắc Kạn', population: 314, cmndPrefix: '09', newCode: 19 },
  { code: 8, name: 'Tuyên Quang', population: 785, cmndPrefix: '07', newCode: 8 },
  { code: 10, name: 'Lào Cai', population: 731, cmndPrefix: '06', newCode: 15 },
  { code: 11, name: 'Điện Biên', population: 599, cmndPrefix: '04', newCode: 11 },
  { code: 12, name: 'Lai Châu', population: 461, cmndPrefix: '04', newCode: 12 },
  { code: 14, name: 'Sơn La', population: 1249, cmndPrefix: '05', newCode: 14 },
  { code: 15, name: 'Yên Bái', population: 822, cmndPrefix: '06', newCode: 15 },
  { code: 17, name: 'Hòa Bình', population: 855, cmndPrefix: '11', newCode: 25 },
  { code: 19, name: 'Thái Nguyên', population: 1287, cmndPrefix: '09', newCode: 19 },
  { code: 20, name: 'Lạng Sơn', population: 782, cmndPrefix: '08', newCode: 20 },
  { code: 22, name: 'Quảng Ninh', population: 1321, cmndPrefix: '10', newCode: 22 },
  { code: 24, name: 'Bắc Giang', population: 1804, cmndPrefix: '12', newCode: 24 },
  { code: 25, name: 'Phú Thọ', population: 1464, cmndPrefix: '13', newCode: 25 },
  { code: 26, name: 'Vĩnh Phúc', population: 1152, cmndPrefix: '13', newCode: 25 },
  { code: 27, name: 'Bắc Ninh', population: 1369, cmndPrefix: '12', newCode: 24 },
  { code: 30, name: 'Hải Dương', population: 1893, cmndPrefix: '14', newCode: 31 },
  { code: 31, name: 'Hải Phòng', population: 2029, cmndPrefix: '03', newCode: 31 },
  { code: 33, name: 'Hưng Yên', population: 1253, cmndPrefix: '14', newCode: 33 },
  { code: 34, name: 'Thái Bình', population: 1861, cmndPrefix: '15', newCode: 33 },
  { code: 35, name: 'Hà Nam', population: 853, cmndPrefix: '16', newCode: 37 },
  { code: 36, name: 'Nam Định', population: 1781, cmndPrefix: '16', newCode: 37 },
  { code: 37, name: 'Ninh Bình', population: 983, cmndPrefix: '16', newCode: 37 },
  { code: 38, name: 'Thanh Hóa', population: 3641, cmndPrefix: '17', newCode: 38 },
  { code: 40, name: 'Nghệ An', population: 3327, cmndPrefix: '18', newCode: 40 },
  { code: 42, name: 'Hà Tĩnh', population: 1289, cmndPrefix: '18', newCode: 42 },
  { code: 44, name: 'Quảng Bình', population: 896, cmndPrefix: '19', newCode: 44 },
  { code: 45, name: 'Quảng Trị', population: 633, cmndPrefix: '19', newCode: 44 },
  { code: 46, name: 'Thừa Thiên Huế', population: 1129, cmndPrefix: '19', newCode: 46 },
  { code: 48, name: 'Đà Nẵng', population: 1135, cmndPrefix: '20', newCode: 48 },
  { code: 49, name: 'Quảng Nam', population: 1496, cmndPrefix: '20', newCode: 48 },
  { code: 51, name: 'Quảng Ngãi', population: 1232, cmndPrefix: '21', newCode: 51 },
  { code: 52, name: 'Bình Định', population: 1487, cmndPrefix: '21', newCode: 52 },
  { code: 54, name: 'Phú Yên', population: 873, cmndPrefix: '22', newCode: 66 },
  { code: 56, name: 'Khánh Hòa', population: 1232, cmndPrefix: '22', newCode: 56 },
  { code: 58, name: 'Ninh Thuận', population: 591, cmndPrefix: '26', newCode: 56 },
  { code: 60, name: 'Bình Thuận', population: 1231, cmndPrefix: '26', newCode: 68 },
  { code: 62, name: 'Kon Tum', population: 540, cmndPrefix: '23', newCode: 51 },
  { code: 64, name: 'Gia Lai', population: 1514, cmndPrefix: '23', newCode: 52 },
  { code: 66, name: 'Đắk Lắk', population: 1870, cmndPrefix: '24', newCode: 66 },
  { code: 67, name: 'Đắk Nông', population: 622, cmndPrefix: '24', newCode: 68 },
  { code: 68, name: 'Lâm Đồng', population: 1297, cmndPrefix: '25', newCode: 68 },
  { code: 70, name: 'Bình Phước', population: 995, cmndPrefix: '28', newCode: 75 },
  { code: 72, name: 'Tây Ninh', population: 1170, cmndPrefix: '29', newCode: 80 },
  { code: 74, name: 'Bình Dương', population: 2426, cmndPrefix: '28', newCode: 79 },
  { code: 75, name: 'Đồng Nai', population: 3097, cmndPrefix: '27', newCode: 75 },
  { code: 77, name: 'Bà Rịa–Vũng Tàu', population: 1148, cmndPrefix: '27', newCode: 79 },
  { code: 79, name: 'TP Hồ Chí Minh', population: 8993, cmndPrefix: '02', newCode: 79 },
  { code: 80, name: 'Long An', population: 1689, cmndPrefix: '30', newCode: 80 },
  { code: 82, name: 'Tiền Giang', population: 1765, cmndPrefix: '31', newCode: 82 },
  { code: 83, name: 'Bến Tre', population: 1289, cmndPrefix: '32', newCode: 86 },
  { code: 84, name: 'Trà Vinh', population: 1010, cmndPrefix: '33', newCode: 86 },
  { code: 86, name: 'Vĩnh Long', population: 1023, cmndPrefix: '33', newCode: 86 },
  { code: 87, name: 'Đồng Tháp', population: 1600, cmndPrefix: '34', newCode: 82 },
  { code: 89, name: 'An Giang', population: 1908, cmndPrefix: '35', newCode: 91 },
  { code: 91, name: 'Kiên Giang', population: 1724, cmndPrefix: '37', newCode: 91 },
  { code: 92, name: 'Cần Thơ', population: 1236, cmndPrefix: '36', newCode: 92 },
  { code: 93, name: 'Hậu Giang', population: 733, cmndPrefix: '36', newCode: 92 },
  { code: 94, name: 'Sóc Trăng', population: 1200, cmndPrefix: '36', newCode: 92 },
  { code: 95, name: 'Bạc Liêu', population: 907, cmndPrefix: '38', newCode: 96 },
  { code: 96, name: 'Cà Mau', population: 1194, cmndPrefix: '38', newCode: 96 },
];

/** The 34 provinces from 1 July 2025 (DESIGN.md §6), by new code. */
export const NEW_PROVINCE_NAMES: Readonly<Record<number, string>> = {
  1: 'Hà Nội',
  4: 'Cao Bằng',
  8: 'Tuyên Quang',
  11: 'Điện Biên',
  12: 'Lai Châu',
  14: 'Sơn La',
  15: 'Lào Cai',
  19: 'Thái Nguyên',
  20: 'Lạng Sơn',
  22: 'Quảng Ninh',
  24: 'Bắc Ninh',
  25: 'Phú Thọ',
  31: 'Hải Phòng',
  33: 'Hưng Yên',
  37: 'Ninh Bình',
  38: 'Thanh Hóa',
  40: 'Nghệ An',
  42: 'Hà Tĩnh',
  44: 'Quảng Trị',
  46: 'Huế',
  48: 'Đà Nẵng',
  51: 'Quảng Ngãi',
  52: 'Gia Lai',
  56: 'Khánh Hòa',
  66: 'Đắk Lắk',
  68: 'Lâm Đồng',
  75: 'Đồng Nai',
  79: 'TP Hồ Chí Minh',
  80: 'Tây Ninh',
  82: 'Đồng Tháp',
  86: 'Vĩnh Long',
  91: 'An Giang',
  92: 'Cần Thơ',
  96: 'Cà Mau',
};

/** Extra everyday spellings of some provinces, beyond the systematic variants. */
export const PROVINCE_NICKNAMES: Readonly<Record<number, readonly string[]>> = {
  1: ['HN', 'Hanoi', 'TP Hà Nội', 'Thành phố Hà Nội'],
  31: ['HP', 'TP Hải Phòng'],
  46: ['Tỉnh Thừa Thiên - Huế', 'Thừa Thiên-Huế', 'TT Huế', 'Huế', 'TT-Huế'],
  48: ['ĐN', 'TP Đà Nẵng'],
  66: ['Đăk Lăk', 'Dak Lak', 'Đắc Lắc', 'Đắk Lăk'],
  67: ['Đăk Nông', 'Dak Nong'],
  77: ['Bà Rịa - Vũng Tàu', 'BR-VT', 'BRVT', 'Vũng Tàu', 'Tỉnh Bà Rịa Vũng Tàu'],
  79: [
    'TP.HCM',
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
