/**
 * Vietnamese surnames (họ) used to parse names and to spot a reversed order.
 *
 * @module
 */

/**
 * Surnames that are almost never a middle or given name, even without diacritics: seeing one last
 * suggests the order was reversed (`An Nguyễn`). Vũ, Dương, Lâm, Đào… are left out because they are
 * also given names. The first twelve are the most frequent ones and outrank the others.
 */
export const STRONG_SURNAMES: readonly string[] = (
  'Nguyễn Trần Lê Phạm Huỳnh Phan Võ Đặng Bùi Đỗ Hồ Ngô Lý Đoàn Trịnh Trương Phùng ' +
  'Lương Lưu Quách Đinh Lại Hứa Mạc Triệu Đàm Khổng Nông Hầu Thạch Tống Diệp Doãn Khúc ' +
  'Lữ Tiêu Trình Nghiêm Khuất Giáp'
).split(' ');

/** Other surnames, some of them also common middle or given names (Hoàng, Mai, Hà, Văn…). */
export const OTHER_SURNAMES: readonly string[] = (
  'Vũ Dương Lâm Đào Vương Quản Phí Bế Lò Cù Âu Lã Tạ Mã Thân Danh Chế Ung Mạch Quàng ' +
  'Hoàng Mai Tô Hà Cao Châu Chu Thái Kiều Tăng Kim Lục Từ Văn La Quan Giang Hàn Khương ' +
  'Lạc Mạnh Ninh Ông Phó Quang Sơn Thi Tôn Trà Trang Ứng Uông Vi Viên Bạch Cung Điêu ' +
  'Đồng Hạ Hoa Kha Lăng Lam Mẫn Nhâm Ôn Phương Sầm Tiết Y Đàng Đậu Đồng Lò Lô Ma Mông'
).split(' ');

/**
 * Multi-word surnames (họ kép), longest first: royal-clan names (Nguyễn Phúc, Tôn Thất, Tôn Nữ,
 * Công Tằng Tôn Nữ, Công Huyền Tôn Nữ) and Sino-Vietnamese compounds (Âu Dương, Tư Mã…).
 */
export const COMPOUND_SURNAMES: readonly string[] = [
  'Công Tằng Tôn Nữ',
  'Công Huyền Tôn Nữ',
  'Nguyễn Phúc',
  'Nguyễn Phước',
  'Tôn Thất',
  'Tôn Nữ',
  'Âu Dương',
  'Tư Mã',
  'Gia Cát',
  'Thượng Quan',
  'Hoàng Phủ',
  'Công Tôn',
  'Tư Đồ',
  'Lệnh Hồ',
];
