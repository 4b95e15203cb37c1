import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseTextArbitrary } from '../../src/testing/text.js';
import {
  DIACRITIC_LETTERS_LOWER,
  DIACRITIC_LETTERS_UPPER,
  decodeLegacy,
  encodeLegacy,
  LEGACY_ENCODINGS,
  type LegacyEncoding,
} from '../../src/text/index.js';

const ALL_LETTERS = [...DIACRITIC_LETTERS_LOWER, ...DIACRITIC_LETTERS_UPPER];

describe('encodeLegacy / decodeLegacy tables', () => {
  it.each<[LegacyEncoding, string, string]>([
    ['tcvn3', 'Nguyễn Văn Hùng', 'NguyÔn V¨n Hïng'],
    ['tcvn3', 'Trương Thị Hòa', 'Tr\u00ad¬ng ThÞ Hßa'],
    ['tcvn3', 'Đặng Ước', '§Æng ¦íc'],
    ['tcvn3', 'NGUYỄN VĂN HÙNG', 'NGUYÔN V¡N HïNG'],
    ['tcvn3', 'LÊ THỊ ÁNH', 'L£ THÞ ¸NH'],
    ['vni', 'Nguyễn Văn Hùng', 'Nguyeãn Vaên Huøng'],
    ['vni', 'Trương Thị Hòa', 'Tröông Thò Hoøa'],
    ['vni', 'Đặng Ước', 'Ñaëng Öôùc'],
    ['vni', 'NGUYỄN VĂN HÙNG', 'NGUYEÃN VAÊN HUØNG'],
    ['vni', 'Lý Ỷ Ỵ', 'Lyù YÛ Î'],
    ['viqr', 'Nguyễn Văn Hùng', 'Nguye^~n Va(n Hu`ng'],
    ['viqr', 'Trương Thị Hòa', 'Tru+o+ng Thi. Ho`a'],
    ['viqr', 'Đặng Ước', "DDa(.ng U+o+'c"],
    ['viqr', 'NGUYỄN VĂN HÙNG', 'NGUYE^~N VA(N HU`NG'],
    ['viqr', 'Hoa. Ai? dd', 'Hoa\\. Ai\\? d\\d'],
    ['viscii', 'Nguyễn Văn Hùng', 'Nguy\u00adn Vån Hùng'],
    ['viscii', 'Trương Thị Hòa', 'Trß½ng Th¸ Hòa'],
    ['viscii', 'NGUYỄN VĂN HÙNG', 'NGUY\u008dN VÅN HÙNG'],
    ['cp1258', 'Nguyễn Văn Hùng', 'NguyêÞn Vãn Hùng'],
    ['cp1258', 'Trương Thị Hòa', 'Trýõng Thiò HoÌa'],
    ['cp1258', 'NGUYỄN VĂN HÙNG', 'NGUYÊÞN VÃN HÙNG'],
  ])('%s: %s ↔ %s', (encoding, unicode, legacy) => {
    expect(encodeLegacy(unicode, encoding)).toBe(legacy);
    expect(decodeLegacy(legacy, encoding)).toBe(unicode);
    expect(decodeLegacy(legacy)).toBe(unicode);
  });

  it.each(LEGACY_ENCODINGS.filter((e) => e !== 'tcvn3'))(
    '%s: all 134 letters round-trip',
    (encoding) => {
      for (const letter of ALL_LETTERS) {
        expect(decodeLegacy(encodeLegacy(letter, encoding), encoding), letter).toBe(letter);
      }
    },
  );

  it('tcvn3: all 134 letters round-trip (VN1 capitals, or in an all-caps context with ABC codes)', () => {
    for (const letter of ALL_LETTERS) {
      const vn1 = encodeLegacy(letter, 'tcvn3', { tcvn3Capitals: 'vn1' });
      expect(decodeLegacy(vn1, 'tcvn3', { tcvn3Capitals: 'vn1' }), letter).toBe(letter);
      const inContext = letter === letter.toUpperCase() ? `AN ${letter}` : `an ${letter}`;
      expect(decodeLegacy(encodeLegacy(inContext, 'tcvn3'), 'tcvn3'), letter).toBe(inContext);
    }
  });

  it('tcvn3: toned capitals use lowercase codes, as ABC typists did', () => {
    expect(encodeLegacy('Ánh', 'tcvn3')).toBe('¸nh');
    expect(decodeLegacy('¸nh', 'tcvn3')).toBe('ánh');
    expect(encodeLegacy('Ánh', 'tcvn3', { tcvn3Capitals: 'vn1' })).toBe('ƒnh');
    expect(decodeLegacy('ƒnh', 'tcvn3')).toBe('Ánh');
  });

  it.each([
    ['Tr¬ng', 'Trương'],
    ['C\u00eang', 'Cường'],
    ['Hng', 'Hưng'],
    ['L¬ng V¨n Th', 'Lương Văn Thư'],
  ])('tcvn3: restores a dropped ư (soft hyphen) in %j', (legacy, unicode) => {
    expect(decodeLegacy(legacy, 'tcvn3')).toBe(unicode);
  });

  it('tcvn3: attaches the separate tone bytes 0xB0–0xB4', () => {
    expect(decodeLegacy('a\u00b3', 'tcvn3')).toBe('á');
  });

  it('keeps characters an encoding cannot represent', () => {
    expect(encodeLegacy('Lê 王', 'tcvn3')).toBe('Lª 王');
    expect(decodeLegacy('Lª 王', 'tcvn3')).toBe('Lê 王');
  });

  for (const encoding of LEGACY_ENCODINGS) {
    fcTest.prop([vietnameseTextArbitrary({ casing: encoding === 'tcvn3' ? 'lower' : 'mixed' })], {
      numRuns: 60,
    })(`${encoding}: decode(encode(text)) is the text`, (s) => {
      expect(decodeLegacy(encodeLegacy(s, encoding), encoding)).toBe(s);
    });
  }

  fcTest.prop([vietnameseTextArbitrary()], { numRuns: 60 })(
    'tcvn3 with VN1 capitals round-trips any case; ABC codes round-trip up to case',
    (s) => {
      const vn1 = encodeLegacy(s, 'tcvn3', { tcvn3Capitals: 'vn1' });
      expect(decodeLegacy(vn1, 'tcvn3', { tcvn3Capitals: 'vn1' })).toBe(s);
      const abc = decodeLegacy(encodeLegacy(s, 'tcvn3'), 'tcvn3');
      expect(abc.toLowerCase()).toBe(s.toLowerCase());
    },
  );

  fcTest.prop([fc.string({ unit: 'grapheme-ascii' }), fc.constantFrom(...LEGACY_ENCODINGS)], {
    numRuns: 100,
  })('viqr escapes make any ASCII round-trip; others leave ASCII alone', (s, encoding) => {
    const e = encodeLegacy(s, encoding);
    if (encoding === 'viqr') expect(decodeLegacy(e, 'viqr')).toBe(s);
    else expect(e).toBe(s);
  });

  fcTest.prop(
    [fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom(...LEGACY_ENCODINGS)],
    {
      numRuns: 200,
    },
  )('never throws on arbitrary text', (s, encoding) => {
    expect(typeof decodeLegacy(s, encoding)).toBe('string');
    expect(typeof encodeLegacy(s, encoding)).toBe('string');
    expect(typeof decodeLegacy(s)).toBe('string');
  });
});
