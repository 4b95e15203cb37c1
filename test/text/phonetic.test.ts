import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseNameArbitrary } from '../../src/testing/text.js';
import { foldDiacritics, phoneticKey } from '../../src/text/index.js';

describe('phoneticKey', () => {
  it.each([
    ['Trần Thị Ngọc Giang', 'chan thi ngot zan'],
    ['Nguyễn Văn An', 'nguien van an'],
    ['', ''],
    ['  Lê   ', 'le'],
    ['Hélène', 'helene'],
  ])('%j → %j', (input, key) => {
    expect(phoneticKey(input)).toBe(key);
  });

  it.each([
    ['Dung', 'Giung', 'd/gi'],
    ['Dung', 'Rung', 'd/r'],
    ['Đào', 'Dao', 'đ/d'],
    ['Trung', 'Chung', 'ch/tr'],
    ['Sơn', 'Xơn', 's/x'],
    ['Lan', 'Lang', 'final n/ng'],
    ['Phúc', 'Phút', 'final c/t'],
    ['Kỳ', 'Kì', 'i/y'],
    ['Thủy', 'Thuỷ', 'tone placement'],
    ['Hoàng', 'Huỳnh', 'Hoàng/Huỳnh'],
    ['Vũ', 'Võ', 'Vũ/Võ'],
    ['Nguyễn Thị Thủy', 'Nguyen Thi Thuy', 'missing diacritics'],
    ['Khanh', 'Cánh', 'no: kh ≠ k'],
  ])('%s ~ %s (%s)', (a, b, what) => {
    if (what.startsWith('no:')) expect(phoneticKey(a)).not.toBe(phoneticKey(b));
    else expect(phoneticKey(a)).toBe(phoneticKey(b));
  });

  it('merges hỏi and ngã when tones are kept', () => {
    expect(phoneticKey('Nguyễn', { tone: true })).toBe('nguien2');
    expect(phoneticKey('Nguyển', { tone: true })).toBe('nguien2');
    expect(phoneticKey('Nguyên', { tone: true })).toBe('nguien0');
    expect(phoneticKey('Ngọc Lan', { tone: true })).toBe('ngot5 lan0');
  });

  fcTest.prop([vietnameseNameArbitrary()], { numRuns: 200 })(
    'survives missing diacritics, case and tone placement',
    (n) => {
      const k = phoneticKey(n.fullName);
      expect(phoneticKey(foldDiacritics(n.fullName))).toBe(k);
      expect(phoneticKey(n.fullName.toUpperCase())).toBe(k);
      expect(phoneticKey(n.fullName.normalize('NFD'))).toBe(k);
      expect(k.split(' ')).toHaveLength(n.fullName.split(' ').length);
    },
  );

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 40 })], { numRuns: 300 })(
    'is ASCII and never throws',
    (s) => {
      expect(/^[a-z0-9 ]*$/.test(phoneticKey(s))).toBe(true);
    },
  );
});
