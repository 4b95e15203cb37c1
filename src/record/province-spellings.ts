/**
 * Other spellings of the 63 provinces in use until 30 June 2025, by their two-digit GSO code,
 * besides the official names of the `id` part's `OLD_PROVINCES`: abbreviations, old and
 * post-2025 names and variant spellings found in records. Matching folds diacritics, case, spaces and
 * punctuation (see `placeKey`), so `Thanh Hoá`/`thanh hoa`/`THANH-HÓA` need no entry of their own.
 */
export const PROVINCE_ALIASES: Readonly<Partial<Record<string, readonly string[]>>> = {
  '01': ['HN', 'Hanoi', 'Hà Nội city'],
  '06': ['Bắc Cạn'],
  '31': ['HP'],
  '46': ['Huế', 'TT Huế', 'TTH', 'Thừa Thiên'],
  '66': ['Đắc Lắc', 'Đắk Lăk', 'Đắc Lắk', 'Dak Lac'],
  '67': ['Đắc Nông'],
  '77': ['BRVT', 'BR-VT', 'Vũng Tàu', 'Bà Rịa'],
  '79': ['HCM', 'HCMC', 'TPHCM', 'Sài Gòn', 'SG', 'Hồ Chí Minh city', 'Sài Gòn - Gia Định'],
};
