/**
 * The fast paths of the text part against the straightforward code they shortcut: each must give
 * exactly the same answer on clean, damaged and arbitrary input.
 */
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruptedNameArbitrary, vietnameseNameArbitrary } from '../../src/testing/text.js';
import { detectEncodingScored } from '../../src/text/detect.js';
import { foldGeneral } from '../../src/text/fold.js';
import {
  detectEncoding,
  encodeLegacy,
  foldDiacritics,
  LEGACY_ENCODINGS,
  type NormalizeNameOptions,
  normalizeName,
  toNfc,
} from '../../src/text/index.js';
import { normalizeNameGeneral } from '../../src/text/name/pipeline.js';
import { toNfcFull } from '../../src/text/nfc.js';

/** Pieces that exercise the branches: letters of every kind, marks, spaces, invisibles, keys. */
const PIECES = [
  ...'NguyenTranLeHoQKhGiBcdghklmnprstvxwzDd',
  ...'aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵđĐ',
  ...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝĂƠƯỄỆẠ',
  ...'ñǘçüößæøÐðØ',
  '\u0300',
  '\u0301',
  '\u0302',
  '\u0303',
  '\u0306',
  '\u0309',
  '\u031b',
  '\u0323',
  '\u0308',
  '\u0340',
  '\u034f',
  ' ',
  '  ',
  '\u00a0',
  '\u200b',
  '\u00ad',
  '\u2003',
  '\ufeff',
  '\t',
  "'",
  '-',
  '`',
  '?',
  '~',
  '.',
  '^',
  '(',
  '+',
  '¨',
  '¬',
  'µ',
  '\ud800',
  '😀',
];

const pieces = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((xs) => xs.join(''));

/** Names as they arrive: clean, damaged, legacy-encoded whole, or any Unicode. */
const names = fc.oneof(
  vietnameseNameArbitrary().map((n) => n.fullName),
  corruptedNameArbitrary().map((c) => c.corrupted),
  fc
    .tuple(vietnameseNameArbitrary(), fc.constantFrom(...LEGACY_ENCODINGS))
    .map(([n, e]) => encodeLegacy(n.fullName, e)),
  pieces,
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const OPTIONS: readonly (NormalizeNameOptions | undefined)[] = [
  undefined,
  { style: 'modern' },
  { capitalize: false },
  { decode: false },
  { repairTelex: true },
  { repairTelex: false },
  { decode: 'tcvn3' },
];

describe('normalizeName fast paths', () => {
  fcTest.prop([names], { numRuns: 1500 })('give what the general path gives', (s) => {
    for (const options of OPTIONS) {
      expect(normalizeName(s, options)).toEqual(normalizeNameGeneral(s, options));
    }
  });

  it.each([
    'Trần  Thị  Thư\u200b',
    ' lê\u00a0văn thuỷ ',
    'NGUYỄN\u2003VĂN\u200b AN',
    'Ng\u200buyễn Văn',
    'Nguye\u0302\u0303n \u00a0Thi\u0323',
    'Nguyê\u0303n Văn',
    'Khoẽ Hoà',
    'Lê Hà',
    'le ha',
    'Đdoàn',
    'NguyÔn V¨n Hïng',
    'Nguyeenx Vawn',
    'Hélène Müller',
    '\u034FÝĐÌ',
    'V\u200b\u00a0 Vån',
    'V\u00a0 Vån',
    'Va\u00a0(n Hu\u200b`ng',
    'Nguye\u2003^~n',
    'Ad\u00a0dinh',
    '\u034FABảo',
    '\u200bNGUYỄNTHỊ',
    '\u200b',
    '   ',
  ])('%j: same as the general path', (s) => {
    for (const options of OPTIONS) {
      expect(normalizeName(s, options)).toEqual(normalizeNameGeneral(s, options));
    }
  });
});

describe('detectEncoding early answer', () => {
  fcTest.prop([names], { numRuns: 1500 })('gives what scoring every encoding gives', (s) => {
    expect(detectEncoding(s)).toEqual(detectEncodingScored(s));
  });
});

describe('toNfc strip path', () => {
  const strip = fc.constantFrom('\u200b', '\u00a0', '\u00ad', '\u2003', '\ufeff', '\t', '\u0085');
  fcTest.prop([pieces, strip, pieces], { numRuns: 3000 })(
    'equals the full decompose–repair–compose path on text with something to strip',
    (a, x, b) => {
      const s = a + x + b;
      expect(toNfc(s)).toBe(toNfcFull(s));
    },
  );

  it('equals the full path for every BMP character around a stripped character and a mark', () => {
    for (let c = 0; c < 0x10000; c += 1) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [`${ch}\u200b\u0302`, `${ch}\u0301\u00a0`, `\u00a0${ch}\u0306`]) {
        if (toNfc(s) !== toNfcFull(s)) expect([s, toNfc(s)]).toEqual([s, toNfcFull(s)]);
      }
    }
  });
});

describe('foldDiacritics buffers', () => {
  const long = fc
    .array(fc.constantFrom(...PIECES), { minLength: 60, maxLength: 200 })
    .map((xs) => xs.join(''));
  fcTest.prop([fc.oneof(names, long)], { numRuns: 2000 })(
    'give what the one-array reference gives, at every length',
    (s) => {
      expect(foldDiacritics(s)).toBe(foldGeneral(s));
    },
  );

  it('folds the same text the same way after longer and shorter calls (no stale buffer)', () => {
    const inputs = ['Nguyễn Văn Hùng', 'Lê', 'Đặng Thị Ngọc Ánh Dương', 'Straße', 'Ư', ''];
    const first = inputs.map(foldDiacritics);
    expect([...inputs].reverse().map(foldDiacritics).reverse()).toEqual(first);
    expect(first).toEqual(['Nguyen Van Hung', 'Le', 'Dang Thi Ngoc Anh Duong', 'Strasse', 'U', '']);
  });
});
