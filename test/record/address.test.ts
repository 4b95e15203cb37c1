import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRecord, listProvinces, parseAddress } from '../../src/record/index.js';

describe('parseAddress', () => {
  it.each([
    [
      'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội',
      { provinceCode: '01', district: 'Huyện Đan Phượng', commune: 'Xã Tân Lập' },
    ],
    ['P.5, Q.3, TP.HCM', { provinceCode: '79', district: 'Quận 3', commune: 'Phường 5' }],
    ['xã Tân Lập - tỉnh Nghệ An', { provinceCode: '40', commune: 'Xã Tân Lập' }],
    [
      '123 Lê Lợi, Phường Bến Thành, Quận 1, TP. Hồ Chí Minh, Việt Nam',
      { provinceCode: '79', district: 'Quận 1', commune: 'Phường Bến Thành' },
    ],
    ['Phường Thủy Xuân, Thừa Thiên - Huế', { provinceCode: '46', commune: 'Phường Thủy Xuân' }],
    [
      'Khu 2, TT. Phùng, H. Đan Phượng, HN',
      { provinceCode: '01', district: 'Huyện Đan Phượng', commune: 'Thị trấn Phùng' },
    ],
    ['Thành phố Thủ Đức', { district: 'Thành phố Thủ Đức' }],
    ['Phú Mỹ, Bà Rịa - Vũng Tàu', { provinceCode: '77' }],
  ])('%s', (address, expected) => {
    expect(parseAddress(address)).toEqual({ success: true, data: expected });
  });

  it('takes no village, hamlet, street or house number for a unit', () => {
    for (const a of [
      'Xóm Bãi, Thôn Đông',
      'Phố Huế',
      'Số 12 ngõ 5',
      'Ấp 3',
      'tổ 5 khu 2',
      '10',
      '12, 79',
    ]) {
      const r = parseAddress(a);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues[0]!.code).toBe('ADDRESS_NO_UNITS');
    }
    expect(parseAddress('  ')).toMatchObject({
      success: false,
      issues: [{ code: 'ADDRESS_MISSING' }],
    });
  });

  it('never throws, and anything it finds is a known unit', () => {
    const codes = new Set(listProvinces().map((p) => p.code));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), (input) => {
        const r = parseAddress(input as string);
        if (!r.success) return;
        if (r.data.provinceCode !== undefined) expect(codes.has(r.data.provinceCode)).toBe(true);
        if (r.data.commune !== undefined)
          expect(r.data.commune).toMatch(/^(Xã|Phường|Thị trấn|Đặc khu) /);
        if (r.data.district !== undefined)
          expect(r.data.district).toMatch(/^(Huyện|Quận|Thị xã|Thành phố) /);
      }),
    );
  });

  it('finds the units of an address built from them, whatever comes before', () => {
    const provinces = listProvinces();
    fc.assert(
      fc.property(
        fc.constantFrom(...provinces),
        fc.constantFrom('Xã', 'Phường', 'Thị trấn', 'xã', 'P.', 'X.'),
        fc.constantFrom('Tân Lập', 'An Bình', 'Hòa Phú', '7'),
        fc.constantFrom('Huyện', 'Quận', 'Thị xã', 'H.', 'Q.'),
        fc.constantFrom('Đan Phượng', 'Long Thành', '3'),
        fc.constantFrom('', 'Thôn 3, ', 'Số 12 Lê Lợi, ', 'Xóm Bãi; '),
        fc.constantFrom('', ', Việt Nam'),
        (p, ct, cn, dt, dn, before, after) => {
          const r = parseAddress(`${before}${ct} ${cn}, ${dt} ${dn}, ${p.name}${after}`);
          expect(r.success).toBe(true);
          if (!r.success) return;
          expect(r.data.provinceCode).toBe(p.code);
          expect(r.data.commune).toMatch(new RegExp(`${cn}$`));
          expect(r.data.district).toMatch(new RegExp(`${dn}$`));
        },
      ),
    );
  });
});

describe('cleanRecord reads the place from the address when its columns are empty', () => {
  it('fills only the empty ones (a value with a blank or no original)', () => {
    const { record } = cleanRecord({
      full_name: 'Lê Văn An',
      address: 'Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Hà Nội',
      commune: '',
      province: 'Nghệ An',
    });
    expect(record.commune).toEqual({ value: 'Xã Tân Lập', original: '' });
    expect(record.district).toEqual({ value: 'Huyện Đan Phượng' });
    expect(record.provinceCode).toEqual({ value: '40', original: 'Nghệ An' }); // the column wins
    expect(record.address.original).toBe('Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Hà Nội');
  });

  it('leaves a column that holds a value alone, even an unrecognised one', () => {
    const r = cleanRecord({
      full_name: 'Lê Văn An',
      address: 'Xã Tân Lập, Hà Nội',
      province: 'Atlantis',
    });
    expect(r.record.provinceCode.value).toBeUndefined();
    expect(r.issues.map((i) => i.code)).toContain('PROVINCE_UNRECOGNISED');
  });
});
