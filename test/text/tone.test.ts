import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseTextArbitrary } from '../../src/testing/text.js';
import { foldDiacritics, normalizeName, normalizeTonePlacement } from '../../src/text/index.js';
import { noMedialAfter, tonePlacementOk } from '../../src/text/tone.js';

describe('normalizeTonePlacement', () => {
  it.each([
    // [input, traditional, modern]
    ['hoà', 'hòa', 'hoà'],
    ['hòa', 'hòa', 'hoà'],
    ['Thanh Hoá', 'Thanh Hóa', 'Thanh Hoá'],
    ['khoẻ', 'khỏe', 'khoẻ'],
    ['thuỷ', 'thủy', 'thuỷ'],
    ['THUỶ', 'THỦY', 'THUỶ'],
    ['Khánh Hòa', 'Khánh Hòa', 'Khánh Hoà'],
    ['quý', 'quý', 'quý'],
    ['qúy', 'quý', 'quý'],
    ['già', 'già', 'già'],
    ['gìa', 'già', 'già'],
    ['tòan', 'toàn', 'toàn'],
    ['nghìên', 'nghiền', 'nghiền'],
    ['Nguỹên', 'Nguyễn', 'Nguyễn'],
    ['Trừơng', 'Trường', 'Trường'],
    ['thuở', 'thuở', 'thuở'],
    ['khúya', 'khuýa', 'khuýa'],
    ['khuỷu', 'khuỷu', 'khuỷu'],
    ['khóai', 'khoái', 'khoái'],
    ['ngòeo', 'ngoèo', 'ngoèo'],
    ['huýt', 'huýt', 'huýt'],
    ['hoạch', 'hoạch', 'hoạch'],
    ['mùa', 'mùa', 'mùa'],
    ['muà', 'mùa', 'mùa'],
    ['cưả', 'cửa', 'cửa'],
    ['tuần', 'tuần', 'tuần'],
    ['tùân', 'tuần', 'tuần'],
    ['Hélène', 'Hélène', 'Hélène'],
    ['Hoà, Thuỷ và Khoẻ.', 'Hòa, Thủy và Khỏe.', 'Hoà, Thuỷ và Khoẻ.'],
    ['Hoa\u0300', 'Hòa', 'Hoà'],
  ])('%s → %s / %s', (input, traditional, modern) => {
    expect(normalizeTonePlacement(input)).toBe(traditional);
    expect(normalizeTonePlacement(input, { style: 'traditional' })).toBe(traditional);
    expect(normalizeTonePlacement(input, { style: 'modern' })).toBe(modern);
  });

  fcTest.prop([vietnameseTextArbitrary(), fc.constantFrom('traditional', 'modern' as const)], {
    numRuns: 200,
  })('is idempotent, keeps the letters, and the styles convert into each other', (s, style) => {
    const once = normalizeTonePlacement(s, { style });
    expect(normalizeTonePlacement(once, { style })).toBe(once);
    expect(foldDiacritics(once)).toBe(foldDiacritics(s));
    const other = style === 'modern' ? 'traditional' : 'modern';
    expect(normalizeTonePlacement(normalizeTonePlacement(once, { style: other }), { style })).toBe(
      once,
    );
  });

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 300 })(
    'never throws and is idempotent on arbitrary text',
    (s) => {
      const once = normalizeTonePlacement(s);
      expect(normalizeTonePlacement(once)).toBe(once);
    },
  );
});

describe('tonePlacementOk on one-vowel words (the canonical-name check skips it there)', () => {
  const toned = [...'àảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ'];
  const letters = [...toned, ...toned.map((c) => c.toUpperCase())];
  const onsets = ['', 'q', 'g', 'gh', 'ngh', 'th', 'Tr', 'Đ', 'NG', 'kh'];
  const finals = ['', 'n', 'ng', 'nh', 'c', 'ch', 'm', 'p', 't', 'NG'];
  it('is true wherever the only vowel carries the tone, in both styles', () => {
    for (const o of onsets) {
      for (const v of letters) {
        for (const f of finals) {
          const w = o + v + f;
          expect([w, tonePlacementOk(w, 0, w.length, 'traditional')]).toEqual([w, true]);
          expect([w, tonePlacementOk(w, 0, w.length, 'modern')]).toEqual([w, true]);
        }
      }
    }
  });
});

describe('a tone that has no Vietnamese place (labial or n onset before oa, oe, uy)', () => {
  it.each([
    ['Noé', 'Noé'],
    ['Noè', 'Noè'],
    ['Nóe', 'Nóe'],
    ['Boá', 'Boá'],
    ['Muỳ', 'Muỳ'],
    ['Phuý', 'Phuý'],
    ['Hoà', 'Hòa'],
    ['Khoẻ', 'Khỏe'],
    ['Thuỷ', 'Thủy'],
    ['Loà', 'Lòa'],
    ['Quý', 'Quý'],
  ])('%j stays or moves: %j', (input, traditional) => {
    expect(normalizeTonePlacement(input)).toBe(traditional);
    expect(normalizeName(input).value).toBe(traditional);
    // Either place is kept as typed, in both styles.
    if (input === traditional && noMedialAfter(input, 0, input.startsWith('Ph') ? 2 : 1)) {
      expect(normalizeName(input, { style: 'modern' }).value).toBe(input);
    }
  });

  it('leaves the French name Noé alone inside a full name', () => {
    expect(normalizeName('NOÉ nguyễn').value).toBe('Noé Nguyễn');
    expect(normalizeName('Hoà Noé').value).toBe('Hòa Noé');
  });

  it.each([
    ['Noé', true],
    ['Boa', true],
    ['Phuy', true],
    ['Hoà', false],
    ['Khoẻ', false],
    ['Quý', false],
  ])('noMedialAfter(%j) is %j', (w, expected) => {
    expect(noMedialAfter(w, 0, w.startsWith('Ph') ? 2 : 1)).toBe(expected);
  });
});
