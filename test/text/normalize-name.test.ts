import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corruptedNameArbitrary, vietnameseNameArbitrary } from '../../src/testing/text.js';
import {
  type NameChange,
  type NormalizeNameOptions,
  normalizeName,
  normalizeNameString,
} from '../../src/text/index.js';

describe('normalizeName', () => {
  it.each<[string, string, NameChange[]]>([
    ['Nguyễn Văn An', 'Nguyễn Văn An', []],
    ['', '', []],
    ['  nguyễn   văn AN ', 'Nguyễn Văn An', ['whitespace', 'capitalization']],
    ['TRẦN THỊ BÍCH', 'Trần Thị Bích', ['capitalization']],
    ['Nguye\u0302\u0303n Thi\u0323 Ma\u0300i', 'Nguyễn Thị Mài', ['unicode-normalized']],
    ['Nguye\u0303\u0302n', 'Nguyễn', ['unicode-normalized']],
    ['Lê\u00a0Văn\u200b An', 'Lê Văn An', ['unicode-normalized']],
    ['Lê \u00a0Văn', 'Lê Văn', ['unicode-normalized', 'whitespace']],
    ['Lê Thị Thuỷ', 'Lê Thị Thủy', ['tone-placement']],
    ['Lê Thị Hoà', 'Lê Thị Hòa', ['tone-placement']],
    ['NguyÔn V¨n Hïng', 'Nguyễn Văn Hùng', ['decoded-tcvn3']],
    ['NGUYÔN  V¡N  HïNG', 'Nguyễn Văn Hùng', ['decoded-tcvn3', 'whitespace', 'capitalization']],
    ['Tr¬ng ThÞ Hoµ', 'Trương Thị Hòa', ['decoded-tcvn3', 'tone-placement']],
    ['Nguyeãn Vaên Huøng', 'Nguyễn Văn Hùng', ['decoded-vni']],
    ['PHAÏM THÒ THU THUÛY', 'Phạm Thị Thu Thủy', ['decoded-vni', 'capitalization']],
    ['Nguye^~n Va(n Hu`ng', 'Nguyễn Văn Hùng', ['decoded-viqr']],
    ['Nguy\u00adn Vån Hùng', 'Nguyễn Văn Hùng', ['decoded-viscii']],
    ['NguyêÞn Vãn Hùng', 'Nguyễn Văn Hùng', ['decoded-cp1258']],
    ['Nguyeenx Vawn Hungf', 'Nguyễn Văn Hùng', ['telex-repaired']],
    ['Tran62 Thi5 Lan', 'Trần Thị Lan', ['telex-repaired']],
    ['Nguyen Van Hung', 'Nguyen Van Hung', []],
    ['nguyen van hung', 'Nguyen Van Hung', ['capitalization']],
    ['Hélène Müller', 'Hélène Müller', []],
    ['Max Planck', 'Max Planck', []],
    ['Lee Nguyen', 'Lee Nguyen', []],
    ["h'hen niê", "H'Hen Niê", ['capitalization']],
    ['Ðặng Văn Ðức', 'Đặng Văn Đức', ['lookalike-replaced']],
    ['Ðorothea', 'Ðorothea', []],
  ])('%j → %j', (input, value, changes) => {
    expect(normalizeName(input)).toEqual({ value, changes });
  });

  it('supports the modern style and switching steps off', () => {
    expect(normalizeNameString('Lê Thị Hòa', { style: 'modern' })).toBe('Lê Thị Hoà');
    expect(normalizeNameString('NguyÔn', { decode: false })).toBe('Nguyôn');
    expect(normalizeNameString('NguyÔn', { decode: 'tcvn3' })).toBe('Nguyễn');
    expect(normalizeNameString('Nguyeenx', { repairTelex: false })).toBe('Nguyeenx');
    expect(normalizeNameString('Noor Khan', { repairTelex: true })).toBe('Nổ Khan');
    expect(normalizeNameString('TRẦN', { capitalize: false })).toBe('TRẦN');
  });

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 400 })(
    'output is NFC, trimmed, single-spaced and idempotent for any input',
    (s) => {
      const { value } = normalizeName(s);
      expect(value.normalize('NFC')).toBe(value);
      expect(value.trim()).toBe(value);
      expect(value.includes('  ')).toBe(false);
      expect(normalizeNameString(value)).toBe(value);
    },
  );

  const otherScripts = fc.string({
    unit: fc.constantFrom(
      ...'İıŞşĞğÇçÖöÜü ΣσςΆάΐΰ ДдЁёЙй ǅǆǈǉ ẞß ﬁﬀ Å Ω K \u0307\u0301\u0300\u0308\u0323\u0302 aAeEiIoOuUyY'.split(
        '',
      ),
    ),
    maxLength: 20,
  });

  fcTest.prop(
    [
      otherScripts,
      fc.constantFrom<NormalizeNameOptions | undefined>(
        undefined,
        { style: 'modern' },
        { capitalize: false },
        { decode: false },
        { repairTelex: true },
      ),
    ],
    { numRuns: 500 },
  )('output is NFC whatever the script and options (Turkish İ, Greek final sigma…)', (s, o) => {
    const { value } = normalizeName(s, o);
    expect(value.normalize('NFC')).toBe(value);
  });

  it.each([['İSTANBUL'], ['iSTANBUL'], ['ǆORĐE'], ['ΣΟΦΙΑ'], ['Ｎｇｕｙễｎ']])(
    '%j comes out NFC',
    (s) => {
      const { value } = normalizeName(s);
      expect(value.normalize('NFC')).toBe(value);
    },
  );

  const legacyLooking = fc.string({
    unit: fc.constantFrom(
      ..."aăâeêioôơuưyđAĂÂEÊIOÔƠUƯYĐnghtcrsxq ¸µ¶·¨»¼½ÆÇÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÞßàáâãäåæèéêëìíîïðñòóôõöøùúûüýþ\u00ad\u00a0^~`'?.(+\u0300\u0301\u0302\u0303\u0309\u0323".split(
        '',
      ),
    ),
    maxLength: 25,
  });

  fcTest.prop([legacyLooking], { numRuns: 500 })(
    'is idempotent on text that looks half legacy, half Unicode (case changes do not re-decode)',
    (s) => {
      const { value } = normalizeName(s);
      expect(normalizeNameString(value)).toBe(value);
      expect(value.normalize('NFC')).toBe(value);
    },
  );

  // Strings that read as valid Unicode and as legacy text at once (`tâ` is TCVN3 for `tõ`, itself
  // TCVN3 for `từ`), or that read as legacy text only once cleaned (`\u00ADy ö` → `Y Ö`).
  it.each([
    ['yÌ'],
    ['nØ'],
    ['ß î'],
    ['tâ'],
    ['Tõ'],
    ['toì'],
    ['Tó'],
    ['\u00ady ö'],
    ['ể êì '],
    ['Y  \u0301'],
    ['Y\u00a0\u0301'],
  ])('reaches a fixed point on %j', (s) => {
    const value = normalizeNameString(s);
    expect(normalizeNameString(value)).toBe(value);
  });

  it.each([
    // Decoded into text that would be decoded again: the decoding is dropped.
    ['tâ', 'Tâ'],
    // Legacy text whose decoding is settled.
    ['Tõ', 'Từ'],
    // Read as legacy text once the invisible character and the case are cleaned.
    ['\u00ady ö', 'Y Ệ'],
    ['ể êì ', 'Ể Ế'],
    // A split syllable joins across several spaces or an NBSP.
    ['Tha  nh Hà', 'Thanh Hà'],
    ['Y\u00a0\u0301', 'Ý'],
  ])('%j → %j', (s, expected) => {
    expect(normalizeNameString(s)).toBe(expected);
  });

  fcTest.prop([vietnameseNameArbitrary()], { numRuns: 200 })(
    'leaves canonical names untouched (fast path)',
    (n) => {
      expect(normalizeName(n.fullName)).toEqual({ value: n.fullName, changes: [] });
    },
  );

  fcTest.prop([corruptedNameArbitrary()], { numRuns: 400 })(
    'repairs every repairable defect exactly',
    (c) => {
      const out = normalizeNameString(c.corrupted);
      if (c.repairable) expect(out).toBe(c.clean);
      expect(normalizeNameString(out)).toBe(out);
    },
  );

  fcTest.prop([corruptedNameArbitrary()], { numRuns: 200 })(
    'the modern style gives the same name up to tone placement',
    (c) => {
      const modern = normalizeNameString(c.corrupted, { style: 'modern' });
      const traditional = normalizeNameString(c.corrupted);
      expect(normalizeNameString(modern)).toBe(traditional);
    },
  );
});

describe('a syllable split by a space (issue 16)', () => {
  it.each([
    ['Tha nh', 'Thanh'],
    ['Nguyễn Tha nh Hà', 'Nguyễn Thanh Hà'],
    ['THA NH', 'Thanh'],
    ['Ng uyễn Văn A', 'Nguyễn Văn A'],
  ])('%j → %j (words joined)', (input, expected) => {
    const r = normalizeName(input);
    expect(r.value).toBe(expected);
    expect(r.changes).toContain('words-joined');
  });
  it.each([['Nguy en Van An'], ['Lê Văn An'], ['Tha Nh Bình']])(
    '%j keeps its words apart (both parts are words, or together no syllable)',
    (input) => {
      expect(normalizeName(input).changes).not.toContain('words-joined');
    },
  );
  fcTest.prop([vietnameseNameArbitrary()], { numRuns: 300 })(
    'never joins the words of a clean name, in any case',
    (n) => {
      for (const s of [n.fullName, n.fullName.toUpperCase(), n.fullName.toLowerCase()]) {
        expect(normalizeName(s).changes).not.toContain('words-joined');
      }
    },
  );
});
