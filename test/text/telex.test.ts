import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toTelex, vietnameseTextArbitrary } from '../../src/testing/text.js';
import { isVietnameseSyllable, repairTelex } from '../../src/text/index.js';

describe('repairTelex', () => {
  it.each([
    ['Nguyeenx', 'Nguyễn'],
    ['Tran62', 'Trần'],
    ['Nguyeenx Vawn Hungf', 'Nguyễn Văn Hùng'],
    ['Truwowngf', 'Trường'],
    ['Phuowng', 'Phương'],
    ['Thafnh', 'Thành'],
    ['DDoox', 'Đỗ'],
    ['Dduwcs', 'Đức'],
    ['D9uc71', 'Đức'],
    ['Ngoc5', 'Ngọc'],
    ['Hoa2', 'Hòa'],
    ['NGUYEENX', 'NGUYỄN'],
    ['Thuyr', 'Thủy'],
    ['quyeets', 'quyết'],
    ['Lee', 'Lê'],
  ])('%s → %s', (input, value) => {
    expect(repairTelex(input)).toEqual({ value, repaired: true });
  });

  it.each([
    'Tran Van',
    'Lan',
    'Smith',
    'Tess',
    'Mary',
    'Hirsch',
    'Nguyễn',
    'Coong',
    '',
    'x',
    'Tran6x2',
  ])('leaves %j alone', (input) => {
    expect(repairTelex(input)).toEqual({ value: input, repaired: false });
  });

  fcTest.prop([vietnameseTextArbitrary({ casing: 'lower' })], { numRuns: 200 })(
    'undoes Telex typing of Vietnamese words where the keystrokes are not themselves a syllable',
    (s) => {
      const words = s.split(' ');
      const typed = words.map(toTelex);
      const r = repairTelex(typed.join(' '));
      words.forEach((w, k) => {
        const t = typed[k] ?? '';
        const out = r.value.split(' ')[k];
        if (t === w || isVietnameseSyllable(t)) expect(out).toBe(t);
        else expect(out).toBe(w);
      });
    },
  );

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 30 })], { numRuns: 300 })(
    'only ever produces syllables and is idempotent',
    (s) => {
      const r = repairTelex(s);
      const again = repairTelex(r.value);
      expect(again.value).toBe(r.value);
    },
  );
});
