/**
 * Syllables that are frequent in Vietnamese personal names (surnames, middle and given names),
 * about 450, including every syllable of the synthetic-data name tables.
 * Legacy-encoding detection gives a decoding a bonus when it produces them: `Leâ Thò` is VNI for
 * `Lê Thị`, although TCVN3 would also give syllables (`Leõ Thũ`).
 *
 * @module
 */
import { placeToneInWord } from './tone.js';

const LIST =
  'nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đào đoàn vương trịnh ' +
  'trương lâm phùng mai tô hà tạ cao lương lưu quách châu chu đinh thái kiều lại tăng hứa mạc triệu ' +
  'đàm khổng kim lục nông hầu thạch tống la từ văn quan diệp doãn giang hàn khúc khương lã lữ mã ' +
  'ninh phí thân tiêu tôn thất nữ âu thị đức minh quốc hữu công quang thanh xuân ngọc đình trọng ' +
  'tuấn gia bảo thế mạnh thu phương thùy thúy thủy hồng mỹ diệu khánh hoài tuyết quỳnh anh hùng ' +
  'dũng hải nam long sơn thắng huy khoa phúc quân trung cường hiếu vinh toàn thành tùng hưng ' +
  'nguyên phong thuận hòa quý ước lực linh trang hương lan hoa thảo huyền hạnh nhung yến vân nga ' +
  'hằng loan dung uyên ánh nguyệt xoan khuê ý ưng an bình chi cúc duy đạt điệp đông hạ hậu hiền ' +
  'hiệp hoan học hợp huệ khải khang khôi kiên lành lập liên lộc luân lụa my mẫn my nhàn nhân ' +
  'nhật nhi như oanh phát phi phú phước quyên quyết sang sáng sinh tài tâm tân thái thắm thăng ' +
  'thiện thịnh thoa thơ thông thư thương tiến tín tình trâm trí triều trinh trúc tú tùng tường ' +
  'tuyền uy vi việt vĩnh vy xuyến yên ái ân ' +
  'biên bá bách bích bạch bằng chiến chí chế cù cương cảnh cẩm danh diễm duyên dịu giáp gấm hiên ' +
  'hiển hoạt huân huấn hào hân hóa hường hảo hợi khanh khiêm khoái khuyên khắc khỏe kiệt lam ' +
  'liễu luyện ly lài lân lò lăng lễ lệ lợi lựu miên mơ mạch mận mến na nghiêm nghĩa ngoan nguyện ' +
  'ngà ngát ngân nhiên nhâm nhạn nhất nhớ nhựt nương nết nụ pháp phó phượng quyến quyền quàng ' +
  'quảng quế sen sáu sương sỹ thi thiên thoại thuyên thuần thêu thơm thọ thục thụy tiên tiệp ' +
  'toại toản trà tráng trân trãi trình trường trực tuyên tuyến tuyển tuệ tươi tạo tấn tịnh ung ' +
  'viên viết vui vượng vỹ ôn ông điền đăng được đại định đồng';

/** The set (lowercase NFC). */
export const COMMON_NAME_SYLLABLES: ReadonlySet<string> = new Set(LIST.split(' '));

/**
 * Whether `w` (one word, any case, either tone placement) is a syllable frequent in Vietnamese
 * personal names (Nguyễn, Thị, Văn, Hùng, Hòa…): a built-in list of about 450 syllables.
 *
 * @example
 * ```ts
 * isCommonNameSyllable('HOÀ'); // true
 * isCommonNameSyllable('Nổ');  // false
 * ```
 */
export function isCommonNameSyllable(w: string): boolean {
  return COMMON_NAME_SYLLABLES.has(placeToneInWord(w.toLowerCase(), 'traditional'));
}
