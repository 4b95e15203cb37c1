/**
 * Frequency tables of Vietnamese personal names (họ, tên đệm, tên), for synthetic data and
 * fast-check arbitraries. Plain data only: every table is a readonly array of `{ value, weight }`,
 * every value is NFC with the traditional tone placement (Hòa, Thủy, Khỏe, Thúy), as official
 * lists write them (DESIGN.md §6 "Text").
 *
 * Weights are relative (they need not sum to anything). Surname weights are percentage shares of
 * the population (Nguyễn 38%, Trần 11%, Lê 9.5%, Phạm 7%, Hoàng/Huỳnh 5%, Phan 4.5%, Vũ/Võ 4% …,
 * DESIGN.md §6); middle and given name weights are plausible orders of magnitude (common names
 * tens to hundreds, rare ones 1–3) chosen so that namesakes occur naturally in large samples and
 * rare names remain strong evidence for a linker.
 *
 * @module
 */

/**
 * One value of a frequency table with its relative weight (> 0).
 *
 * @example
 * ```ts
 * const e: WeightedValue = { value: 'Nguyễn', weight: 38 };
 * ```
 */
export interface WeightedValue<T = string> {
  readonly value: T;
  readonly weight: number;
}

/** A frequency table: a readonly array of weighted values. */
export type WeightedTable<T = string> = readonly WeightedValue<T>[];

/**
 * A frequency table written as text: `value weight` entries separated by commas (a value may have
 * several words: `Tôn Thất 0.02`), in table order. `T` names the values' type (e.g. the formats
 * of a writer); the text is not checked against it.
 *
 * @example
 * ```ts
 * weightedTable('Nguyễn 38, Tôn Thất 0.02'); // [{ value: 'Nguyễn', weight: 38 }, { value: 'Tôn Thất', weight: 0.02 }]
 * ```
 */
export function weightedTable<T extends string = string>(source: string): WeightedTable<T> {
  return source.split(',').map((entry) => {
    const text = entry.trim();
    const cut = text.lastIndexOf(' ');
    return { value: text.slice(0, cut) as T, weight: Number(text.slice(cut + 1)) };
  });
}

/**
 * Surnames (họ) with their approximate share of the population in percent (the table sums to
 * about 100, so a weight is a share). Includes a few
 * two-syllable surnames (Tôn Thất, Âu Dương, Nguyễn Phúc) at
 * tiny shares, so that name parsers meet them.
 */
export const SURNAMES: WeightedTable = /*#__PURE__*/ weightedTable(`
  Nguyễn 38, Trần 11, Lê 9.5, Phạm 7, Phan 4.5, Hoàng 3, Huỳnh 2, Vũ 2, Võ 2, Đặng 2.1,
  Bùi 2, Đỗ 1.4, Hồ 1.3, Ngô 1.3, Dương 1, Lý 0.5, Đào 0.6, Đoàn 0.5, Trương 0.6, Đinh 0.5,
  Lâm 0.4, Mai 0.4, Trịnh 0.4, Hà 0.4, Lương 0.3, Lưu 0.3, Cao 0.3, Tô 0.2, Tạ 0.2,
  Châu 0.2, Thái 0.2, Phùng 0.2, Quách 0.1, La 0.1, Kiều 0.1, Chu 0.1, Triệu 0.1, Tăng 0.1,
  Vương 0.1, Hứa 0.1, Nông 0.1, Mạc 0.05, Giang 0.05, Khổng 0.03, Lục 0.03, Diệp 0.03,
  Âu 0.03, Lại 0.2, Đàm 0.2, Tống 0.2, Thân 0.2, Ông 0.15, Lò 0.2, Thạch 0.2, Danh 0.15,
  Kim 0.1, Sơn 0.1, Khúc 0.1, Lã 0.1, Trình 0.1, Bạch 0.1, Mã 0.1, Vi 0.1, Ninh 0.1,
  Nghiêm 0.1, Doãn 0.1, Cù 0.1, Văn 0.1, Đồng 0.1, Giáp 0.1, Quan 0.1, Từ 0.1, Hầu 0.05,
  Chế 0.05, Phó 0.05, Ung 0.05, Tiêu 0.05, Lăng 0.05, Mạch 0.05, Ôn 0.05, Khương 0.05,
  Viên 0.05, Quàng 0.05, Tôn Thất 0.02, Âu Dương 0.01, Nguyễn Phúc 0.01
`);

/**
 * Birth year from which the "younger" middle-name tables apply. Văn (men) and Thị (women) were the
 * default middle names of earlier generations and became much less common among people born since
 * the late 1980s.
 */
export const MIDDLE_NAME_COHORT_SPLIT_YEAR = 1985;

/** Men's middle names (tên đệm), people born before {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
export const MALE_MIDDLE_NAMES_OLDER: WeightedTable = /*#__PURE__*/ weightedTable(`
  Văn 520, Hữu 60, Đức 60, Minh 45, Quang 35, Công 30, Thanh 30, Xuân 25, Ngọc 22, Quốc 20,
  Đình 20, Tấn 18, Trọng 15, Duy 10, Viết 10, Bá 10, Kim 8, Mạnh 8, Thành 8, Chí 8, Hồng 6,
  Như 5, Anh 5, Tiến 5, Phước 5, Thế 5, Hoài 4, Bảo 3, Gia 2, Khắc 4
`);

/** Men's middle names (tên đệm), people born in or after {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
export const MALE_MIDDLE_NAMES_YOUNGER: WeightedTable = /*#__PURE__*/ weightedTable(`
  Văn 180, Minh 110, Đức 70, Quốc 55, Gia 55, Hoàng 45, Anh 40, Thanh 40, Hữu 35, Bảo 35,
  Tuấn 30, Quang 30, Công 25, Thành 20, Trung 18, Đăng 18, Nhật 18, Tấn 15, Ngọc 15,
  Xuân 12, Duy 12, Khánh 12, Trọng 10, Đình 10, Phúc 8, Thiên 8, Hải 8, Việt 8, Kim 4,
  Hoài 5
`);

/** Women's middle names (tên đệm), people born before {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
export const FEMALE_MIDDLE_NAMES_OLDER: WeightedTable = /*#__PURE__*/ weightedTable(`
  Thị 720, Ngọc 45, Thanh 35, Kim 30, Thu 25, Minh 15, Hồng 15, Xuân 12, Bích 12, Mỹ 10,
  Thúy 10, Hoài 6, Diệu 6, Như 6, Tuyết 5, Phương 5, Hải 4, Quỳnh 4, Lệ 4, Tôn Nữ 1
`);

/** Women's middle names (tên đệm), people born in or after {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
export const FEMALE_MIDDLE_NAMES_YOUNGER: WeightedTable = /*#__PURE__*/ weightedTable(`
  Thị 300, Ngọc 90, Thanh 45, Thu 40, Minh 40, Phương 35, Khánh 35, Bảo 30, Gia 25,
  Hoài 20, Kim 20, Mỹ 20, Quỳnh 20, Thùy 18, Thảo 15, Hồng 15, Diệu 12, Tường 10, Như 10,
  Xuân 10, Hà 8, Bích 6, An 8, Tuệ 5, Tôn Nữ 1
`);

/**
 * Second middle names, used by the generator when a name has two tên đệm (Nguyễn Thị Ngọc Anh,
 * Trần Văn Minh Khoa). Sex-neutral on purpose: the first middle name carries the sex marker.
 */
export const SECOND_MIDDLE_NAMES: WeightedTable = /*#__PURE__*/ weightedTable(`
  Ngọc 30, Minh 25, Thanh 20, Kim 12, Hồng 10, Thu 10, Bảo 10, Quốc 8, Xuân 8, Mỹ 8,
  Hoài 6, Phương 6, Anh 6, Hoàng 5, Gia 5
`);

/** Men's given names (tên), about 150 entries. */
export const MALE_GIVEN_NAMES: WeightedTable = /*#__PURE__*/ weightedTable(`
  Anh 120, Minh 110, Hùng 100, Dũng 95, Tuấn 95, Nam 90, Hải 80, Huy 80, Long 75, Hoàng 70,
  Thành 70, Đức 65, Khoa 60, Phúc 55, Trung 55, Hiếu 55, Quân 50, Sơn 50, Thắng 50,
  Cường 50, Tùng 45, Bình 45, Hưng 45, Tâm 40, Tú 35, Vinh 35, Khánh 35, Phong 35,
  Thịnh 30, Toàn 30, Tài 30, Trí 30, Lâm 30, Lộc 30, Nhân 28, Nghĩa 28, Quang 28, Tiến 28,
  Việt 25, Đạt 40, Duy 30, Hòa 25, Hậu 20, Hào 15, Hiệp 18, Kiên 20, Khải 15, Khang 20,
  Khôi 25, Kiệt 18, Mạnh 20, Nguyên 20, Nhật 18, Phát 20, Phú 18, Phước 18, Quý 15,
  Sang 15, Tân 15, Thái 15, Thiện 15, Thông 15, Thuận 15, Tín 12, Trọng 12, Trường 15,
  Tường 10, Vũ 15, Dương 12, Bảo 20, Châu 8, Chiến 15, Công 12, Cảnh 8, Danh 10, Định 8,
  Đông 8, Giang 10, Hà 8, Hiển 8, Hoan 6, Hoài 6, Hợp 6, Huấn 6, Khiêm 6, Lân 5, Linh 12,
  Lợi 8, Luân 6, Lực 6, Ninh 5, Phi 5, Phương 8, Quyết 8, Sỹ 5, Tấn 6, Thạch 4, Thiên 8,
  Thọ 6, Thuần 3, Thụy 3, Thủy 5, Tiệp 3, Toản 5, Triều 4, Trực 3, Tuyên 4, Uy 3, Vương 5,
  Vỹ 4, Xuân 6, An 15, Ân 6, Bách 6, Bằng 5, Biên 3, Cương 4, Đại 5, Đăng 8, Điền 3,
  Được 3, Giáp 2, Học 2, Huân 3, Khương 3, Lễ 2, Luyện 2, Mẫn 2, Nhựt 4, Pháp 2, Quảng 2,
  Quyền 4, Tạo 2, Tịnh 2, Tráng 2, Tuyển 2, Vượng 3, Khỏe 2, Hóa 2, Quỳnh 3, Thoại 2,
  Khuê 1, Nguyện 2, Hoạt 2, Toại 1, Khoái 1, Hiền 5, Nhất 3, Thuyên 2, Trãi 1
`);

/** Women's given names (tên), about 150 entries. */
export const FEMALE_GIVEN_NAMES: WeightedTable = /*#__PURE__*/ weightedTable(`
  Anh 110, Linh 105, Hương 100, Lan 80, Hà 80, Hoa 75, Mai 75, Ngọc 70, Thảo 70, Trang 70,
  Nhung 50, Thủy 55, Thúy 45, Hằng 50, Hạnh 45, Hiền 45, Huyền 45, Hồng 45, Loan 35,
  Liên 30, Ly 30, My 30, Nga 35, Ngân 35, Nhi 40, Oanh 25, Phương 45, Quỳnh 35, Quyên 20,
  Tâm 25, Thanh 30, Thu 30, Thư 30, Trâm 25, Trinh 25, Tuyết 25, Uyên 25, Vân 30, Vy 30,
  Yến 35, Dung 30, Duyên 25, Giang 25, Hòa 20, Hoài 10, Huệ 20, Khánh 12, Khuê 6, Kim 10,
  Lệ 10, Liễu 6, Lụa 4, Mến 6, Miên 3, Mơ 4, Nguyệt 15, Nhàn 12, Nhạn 4, Nhiên 4,
  Phượng 20, Sen 5, Sương 8, Tiên 15, Thắm 10, Thơ 10, Thoa 12, Thục 4, Thùy 15, Thương 15,
  Tình 6, Trà 6, Trúc 10, Tú 8, Tươi 6, Xuân 15, An 20, Ánh 15, Bích 8, Bình 6, Cúc 8,
  Chi 20, Châu 12, Diễm 8, Diệp 4, Dịu 4, Đào 8, Điệp 4, Gấm 3, Hạ 5, Hân 15, Hậu 8,
  Hiên 3, Hiếu 4, Hường 10, Khanh 6, Lam 4, Lành 4, Lâm 3, Lộc 3, Mận 3, Minh 8, Na 4,
  Nết 3, Ngà 4, Ngát 3, Nhâm 2, Nhật 2, Nhớ 2, Nụ 3, Quế 3, Quý 4, Sáu 2, Thêu 2, Thi 4,
  Thiện 2, Thịnh 2, Thơm 4, Thuận 3, Thụy 4, Tuyền 8, Vi 6, Viên 2, Xoan 2, Xuyến 3, Ý 3,
  Khỏe 1, Hoàng 2, Hải 6, Hợi 2, Nương 2, Vui 2, Yên 3, Ngoan 3, Thoại 2, Hoan 2, Khuyên 4,
  Tuyến 3, Nguyện 2, Quyến 2, Kiều 4, Lài 2, Lựu 2, Mỹ 6, Phúc 3, Trân 6, Tuệ 4, Hảo 4,
  Nguyên 5, Cẩm 3, Hiệp 2
`);

/** The tên đệm and tên tables of one sex. */
export interface SexNameTables {
  /** Middle names of people born before {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
  readonly middleOlder: WeightedTable;
  /** Middle names of people born in or after {@link MIDDLE_NAME_COHORT_SPLIT_YEAR}. */
  readonly middleYounger: WeightedTable;
  readonly given: WeightedTable;
}

/** The middle and given name tables by sex, as the generators pick them. */
export const NAME_TABLES_BY_SEX: { readonly male: SexNameTables; readonly female: SexNameTables } =
  {
    male: {
      middleOlder: MALE_MIDDLE_NAMES_OLDER,
      middleYounger: MALE_MIDDLE_NAMES_YOUNGER,
      given: MALE_GIVEN_NAMES,
    },
    female: {
      middleOlder: FEMALE_MIDDLE_NAMES_OLDER,
      middleYounger: FEMALE_MIDDLE_NAMES_YOUNGER,
      given: FEMALE_GIVEN_NAMES,
    },
  };
