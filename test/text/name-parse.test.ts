import { test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { vietnameseNameArbitrary } from '../../src/testing/text.js';
import {
  foldDiacritics,
  nameReadings,
  parseVietnameseName,
  type VietnameseName,
} from '../../src/text/index.js';
import { COMPOUND_SURNAMES, OTHER_SURNAMES, STRONG_SURNAMES } from '../../src/text/surnames.js';

const SURNAMES = new Set([...STRONG_SURNAMES, ...OTHER_SURNAMES]);
const FOLDED_SURNAMES = new Set([...SURNAMES].map((x) => foldDiacritics(x)));

/** The name parsed from `s` (a test failure when the parse fails). */
function nameOf(s: string): VietnameseName {
  const r = parseVietnameseName(s);
  if (!r.success) throw new Error(`no name in ${JSON.stringify(s)}: ${r.issues[0]?.code}`);
  return r.data;
}

describe('parseVietnameseName', () => {
  it.each([[''], ['   '], ['\u00a0\u200b']])('%j has no name: NAME_EMPTY', (s) => {
    const r = parseVietnameseName(s);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.code)).toEqual(['NAME_EMPTY']);
  });

  it.each<[string, Omit<VietnameseName, 'order' | 'confidence'>]>([
    [
      'Nguyễn Thị Minh Khai',
      { surname: 'Nguyễn', middle: ['Thị', 'Minh'], given: 'Khai', reversed: false },
    ],
    ['Lê Lợi', { surname: 'Lê', middle: [], given: 'Lợi', reversed: false }],
    ['Tôn Thất Thuyết', { surname: 'Tôn Thất', middle: [], given: 'Thuyết', reversed: false }],
    ['Tôn Nữ Thị Hoa', { surname: 'Tôn Nữ', middle: ['Thị'], given: 'Hoa', reversed: false }],
    ['Âu Dương Phong', { surname: 'Âu Dương', middle: [], given: 'Phong', reversed: false }],
    [
      'Nguyễn Phúc Vĩnh Lộc',
      { surname: 'Nguyễn Phúc', middle: ['Vĩnh'], given: 'Lộc', reversed: false },
    ],
    [
      'Công Tằng Tôn Nữ Thị Xuân',
      { surname: 'Công Tằng Tôn Nữ', middle: ['Thị'], given: 'Xuân', reversed: false },
    ],
    ['Tôn Thất', { surname: 'Tôn', middle: [], given: 'Thất', reversed: false }],
    ['An Nguyễn', { surname: 'Nguyễn', middle: [], given: 'An', reversed: true }],
    ['Mai Anh Trần', { surname: 'Trần', middle: ['Anh'], given: 'Mai', reversed: true }],
    ['Phong Âu Dương', { surname: 'Âu Dương', middle: [], given: 'Phong', reversed: true }],
    ['Lê Nguyễn', { surname: 'Lê', middle: [], given: 'Nguyễn', reversed: false }],
    ['Hà Thị Mai', { surname: 'Hà', middle: ['Thị'], given: 'Mai', reversed: false }],
    ['nguyen van an', { surname: 'nguyen', middle: ['van'], given: 'an', reversed: false }],
    ['Lan', { surname: '', middle: [], given: 'Lan', reversed: false }],
    ['  Trần\u00a0 Văn  Ba ', { surname: 'Trần', middle: ['Văn'], given: 'Ba', reversed: false }],
  ])('%j', (input, expected) => {
    expect(nameOf(input)).toMatchObject(expected);
  });

  fcTest.prop([vietnameseNameArbitrary()], { numRuns: 200 })(
    'reads generated names in order and reassembles them',
    (n) => {
      const p = nameOf(n.fullName);
      expect([p.surname, ...p.middle, p.given].join(' ')).toBe(n.fullName);
      expect(p.given).toBe(n.given);
      expect(p.reversed).toBe(false);
    },
  );

  fcTest.prop([vietnameseNameArbitrary({ middle: { min: 1, max: 2 } })], { numRuns: 200 })(
    'spots the reversed order of names with a strong surname',
    (n) => {
      const reversed = [n.given, ...n.middle, n.surname].join(' ');
      const p = nameOf(reversed);
      // A compound middle name that is itself a family name (Tôn Nữ, Tôn Thất) makes the
      // reversed name truly ambiguous (`Mai Tôn Nữ Phan`): such names are left out.
      const compoundMiddle = n.middle.some((m) => m.includes(' '));
      // The standard order is kept when the first word is itself a surname (`Hoàng Thị Đặng`,
      // `Lê Hà Phan`, `Nguyễn Văn Phan` are real names in that order, in the real-name lists);
      // with diacritics folded away, `Trinh` is Trịnh.
      const inDoubt = SURNAMES.has(n.given) || FOLDED_SURNAMES.has(foldDiacritics(n.given));
      if (
        !compoundMiddle &&
        !inDoubt &&
        ['Nguyễn', 'Trần', 'Phạm', 'Phan', 'Đặng', 'Bùi'].includes(n.surname)
      ) {
        expect(p.surname).toBe(n.surname);
        expect(p.middle.join(' ')).toBe(n.middle.join(' '));
        expect(p.given).toBe(n.given);
        expect(p.reversed).toBe(true);
      }
    },
  );

  it.each<[string, string, string, string, string]>([
    // input, surname, middle, given, order
    ['Quyền Nguyễn Văn', 'Nguyễn', 'Văn', 'Quyền', 'given_first'],
    ['Lan Trần Thị Ngọc', 'Trần', 'Thị Ngọc', 'Lan', 'given_first'],
    ['Quyen Nguyen Van', 'Nguyen', 'Van', 'Quyen', 'given_first'],
    ['Quyen Van Nguyen', 'Nguyen', 'Van', 'Quyen', 'western'],
    ['Luu Hai Dang', 'Luu', 'Hai', 'Dang', 'standard'],
    ['Cao Văn Huỳnh', 'Cao', 'Văn', 'Huỳnh', 'standard'],
    ['Trần Văn Nguyên', 'Trần', 'Văn', 'Nguyên', 'standard'],
    ['Tran Van Nguyen', 'Tran', 'Van', 'Nguyen', 'standard'],
    ['Nguyễn Văn Quyền', 'Nguyễn', 'Văn', 'Quyền', 'standard'],
    // Real names in the standard order (school lists) that were read reversed before.
    ['Hoàng Nguyễn Bảo Ngọc', 'Hoàng', 'Nguyễn Bảo', 'Ngọc', 'standard'],
    ['Tạ Nguyễn Huỳnh', 'Tạ', 'Nguyễn', 'Huỳnh', 'standard'],
    ['Kiều Thị Lê', 'Kiều', 'Thị', 'Lê', 'standard'],
    ['Triệu Văn Đặng', 'Triệu', 'Văn', 'Đặng', 'standard'],
  ])('reads %j in the likeliest order', (input, surname, middle, given, order) => {
    const p = nameOf(input);
    expect(p.surname).toBe(surname);
    expect(p.middle.join(' ')).toBe(middle);
    expect(p.given).toBe(given);
    expect(p.order).toBe(order);
    expect(p.reversed).toBe(order !== 'standard');
    expect(p.confidence).toBeGreaterThan(0.5);
    expect(p.confidence).toBeLessThanOrEqual(1);
  });

  it('weighs every reading: probabilities sum to 1, most probable first', () => {
    const r = nameReadings(['Hoàng', 'Lê', 'Minh']);
    expect(r.map((x) => x.order).sort()).toEqual(['given_first', 'standard', 'western']);
    expect(r.reduce((s, x) => s + x.probability, 0)).toBeCloseTo(1, 9);
    for (let i = 1; i < r.length; i++)
      expect(r[i - 1]!.probability).toBeGreaterThanOrEqual(r[i]!.probability);
    expect(nameReadings(['Lan'])).toEqual([]);
  });

  fcTest.prop([vietnameseNameArbitrary({ middle: { min: 1, max: 2 } })], { numRuns: 200 })(
    'reads split-and-rejoined names (given name, then surname and middle names) back',
    (n) => {
      const p = nameOf([n.given, n.surname, ...n.middle].join(' '));
      // A first word that is itself a surname keeps the standard order (`Huỳnh Ngô Văn`).
      if (
        ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Phan', 'Đặng', 'Bùi'].includes(n.surname) &&
        ['Văn', 'Thị'].includes(n.middle[n.middle.length - 1]!) &&
        !SURNAMES.has(n.given) &&
        // The surname and the first middle name may make a compound surname (Nguyễn Phúc).
        !COMPOUND_SURNAMES.includes(`${n.surname} ${n.middle[0]}`)
      ) {
        expect(p.order).toBe('given_first');
        expect(p.surname).toBe(n.surname);
        expect(p.given).toBe(n.given);
      }
    },
  );
});
