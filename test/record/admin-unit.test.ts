import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommune, parseDistrict } from '../../src/record/index.js';

describe('parseCommune', () => {
  it.each([
    ['P.5', 'Phường 5', 'phuong', 5],
    ['P5', 'Phường 5', 'phuong', 5],
    ['p.05', 'Phường 5', 'phuong', 5],
    ['Phường 05', 'Phường 5', 'phuong', 5],
    ['phuong 5', 'Phường 5', 'phuong', 5],
    ['F.5', 'Phường 5', 'phuong', 5],
    ['X. An Bình', 'Xã An Bình', 'xa', undefined],
    ['xã an bình', 'Xã An Bình', 'xa', undefined],
    ['Xa An Binh', 'Xã An Binh', 'xa', undefined],
    ['TT. Phú Mỹ', 'Thị trấn Phú Mỹ', 'thi-tran', undefined],
    ['TT Phú Mỹ', 'Thị trấn Phú Mỹ', 'thi-tran', undefined],
    ['Thị trấn Phú Mỹ', 'Thị trấn Phú Mỹ', 'thi-tran', undefined],
    ['Đặc khu Phú Quốc', 'Đặc khu Phú Quốc', 'dac-khu', undefined],
    ['Phường Hòa Hải', 'Phường Hòa Hải', 'phuong', undefined],
    ['Xuân Lộc', 'Xuân Lộc', undefined, undefined],
    ['Phú Mỹ', 'Phú Mỹ', undefined, undefined],
    ['  hòa   bình ', 'Hòa Bình', undefined, undefined],
  ])('%j → %j', (input, value, type, number) => {
    const r = parseCommune(input);
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.value).toBe(value);
    expect(r.data.type).toBe(type);
    expect(r.data.number).toBe(number);
    expect(r.data.warnings).toEqual([]);
  });

  it.each([
    ['', 'ADMIN_UNIT_MISSING'],
    [' ', 'ADMIN_UNIT_MISSING'],
    ['P.', 'ADMIN_UNIT_UNRECOGNISED'],
    ['Xã ', 'ADMIN_UNIT_UNRECOGNISED'],
    ['Phường', 'ADMIN_UNIT_UNRECOGNISED'],
  ])('%j → %s', (input, code) => {
    const r = parseCommune(input);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([code]);
  });

  it('warns when a district is in the commune column', () => {
    const r = parseCommune('Quận 1');
    expect(r.success && r.data.warnings.map((w) => w.code)).toEqual(['ADMIN_UNIT_LEVEL_MISMATCH']);
  });
});

describe('parseDistrict', () => {
  it.each([
    ['Q.1', 'Quận 1'],
    ['Q1', 'Quận 1'],
    ['Quận 01', 'Quận 1'],
    ['H. Củ Chi', 'Huyện Củ Chi'],
    ['huyen cu chi', 'Huyện Cu Chi'],
    ['TX. Phú Mỹ', 'Thị xã Phú Mỹ'],
    ['TP. Thủ Đức', 'Thành phố Thủ Đức'],
    ['Quận Bình Thạnh', 'Quận Bình Thạnh'],
    ['Quang Trung', 'Quang Trung'],
  ])('%j → %j (kept although districts were abolished in 2025)', (input, value) => {
    const r = parseDistrict(input);
    expect(r.success && r.data.value).toBe(value);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        parseDistrict(s);
        parseCommune(s);
      }),
      { numRuns: 500 },
    );
  });
});
