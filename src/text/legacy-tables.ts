/**
 * Byte tables of the legacy Vietnamese encodings, transcribed from the published standards as
 * shipped in the glibc charmaps (TCVN5712-1, VISCII, CP1258, CP1252; VISCII is also RFC 1456's
 * table). Each `*_HIGH` string holds the Unicode character of bytes 0x80–0xFF in order (U+FFFD
 * for an unassigned byte); `*_LOW` lists the C0 positions that hold letters instead of controls.
 *
 * @module
 */

/** TCVN 5712:1993 (VN1, a superset of the ABC/VN3 font layout: the lowercase letters and the seven plain capitals Ă Â Ê Ô Ơ Ư Đ are at the same bytes; VN1 adds the toned capitals). 0xAD is ư, 0xB0–0xB4 are combining tone marks. */
export const TCVN3_HIGH =
  'ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ' +
  '\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ' +
  'ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò' +
  'ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

/** C0 bytes that hold capital letters in TCVN5712-1 (byte → code point). */
export const TCVN3_LOW: ReadonlyArray<readonly [number, number]> = [
  [0x01, 0x00da],
  [0x02, 0x1ee4],
  [0x04, 0x1eea],
  [0x05, 0x1eec],
  [0x06, 0x1eee],
  [0x11, 0x1ee8],
  [0x12, 0x1ef0],
  [0x13, 0x1ef2],
  [0x14, 0x1ef6],
  [0x15, 0x1ef8],
  [0x16, 0x00dd],
  [0x17, 0x1ef4],
];

/** VISCII 1.1 (RFC 1456), bytes 0x80–0xFF. */
export const VISCII_HIGH =
  'ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ' +
  'ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ' +
  'ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư' +
  'àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ';

/** C0 bytes that hold capital letters in VISCII (byte → code point). */
export const VISCII_LOW: ReadonlyArray<readonly [number, number]> = [
  [0x02, 0x1eb2],
  [0x05, 0x1eb4],
  [0x06, 0x1eaa],
  [0x14, 0x1ef6],
  [0x19, 0x1ef8],
  [0x1e, 0x1ef4],
];

/** Windows-1258: Latin-1 letters, Ă Ơ Ư Đ and five combining tone marks (0xCC, 0xD2, 0xDE, 0xEC, 0xF2). */
export const CP1258_HIGH =
  '€\ufffd‚ƒ„…†‡ˆ‰\ufffd‹Œ\ufffd\ufffd\ufffd\ufffd\u2018\u2019\u201c\u201d•–—˜™\ufffd›œ\ufffd\ufffdŸ' +
  '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿' +
  'ÀÁÂĂÄÅÆÇÈÉÊË\u0300ÍÎÏĐÑ\u0309ÓÔƠÖ×ØÙÚÛÜƯ\u0303ß' +
  'àáâăäåæçèéêë\u0301íîïđñ\u0323óôơö÷øùúûüư₫ÿ';

/** Windows-1252, the code page the legacy bytes are read as (U+FFFD for 0x81, 0x8D, 0x8F, 0x90, 0x9D). */
export const CP1252_HIGH =
  '€\ufffd‚ƒ„…†‡ˆ‰Š‹Œ\ufffdŽ\ufffd\ufffd\u2018\u2019\u201c\u201d•–—˜™š›œ\ufffdžŸ' +
  '\u00a0¡¢£¤¥¦§¨©ª«¬\u00ad®¯°±²³´µ¶·¸¹º»¼½¾¿' +
  'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖ×ØÙÚÛÜÝÞß' +
  'àáâãäåæçèéêëìíîïðñòóôõö÷øùúûüýþÿ';
