import { describe, expect, it } from 'vitest';
import {
  NEW_PROVINCES,
  newProvinceByCode,
  newProvincesForOldCode,
  newProvincesForOldNumber,
  OLD_PROVINCES,
  oldProvinceByCode,
  oldProvinceByNumber,
} from '../../src/id/index.js';

// Copied verbatim from DESIGN.md §6 ("Province codes (PPP)").
const DESIGN_OLD =
  '001 Hà Nội, 002 Hà Giang, 004 Cao Bằng, 006 Bắc Kạn, 008 Tuyên Quang, 010 Lào Cai, 011 Điện Biên, 012 Lai Châu, 014 Sơn La, 015 Yên Bái, 017 Hòa Bình, 019 Thái Nguyên, 020 Lạng Sơn, 022 Quảng Ninh, 024 Bắc Giang, 025 Phú Thọ, 026 Vĩnh Phúc, 027 Bắc Ninh, 030 Hải Dương, 031 Hải Phòng, 033 Hưng Yên, 034 Thái Bình, 035 Hà Nam, 036 Nam Định, 037 Ninh Bình, 038 Thanh Hóa, 040 Nghệ An, 042 Hà Tĩnh, 044 Quảng Bình, 045 Quảng Trị, 046 Thừa Thiên Huế, 048 Đà Nẵng, 049 Quảng Nam, 051 Quảng Ngãi, 052 Bình Định, 054 Phú Yên, 056 Khánh Hòa, 058 Ninh Thuận, 060 Bình Thuận, 062 Kon Tum, 064 Gia Lai, 066 Đắk Lắk, 067 Đắk Nông, 068 Lâm Đồng, 070 Bình Phước, 072 Tây Ninh, 074 Bình Dương, 075 Đồng Nai, 077 Bà Rịa–Vũng Tàu, 079 TP Hồ Chí Minh, 080 Long An, 082 Tiền Giang, 083 Bến Tre, 084 Trà Vinh, 086 Vĩnh Long, 087 Đồng Tháp, 089 An Giang, 091 Kiên Giang, 092 Cần Thơ, 093 Hậu Giang, 094 Sóc Trăng, 095 Bạc Liêu, 096 Cà Mau';
// DESIGN.md §6 ("New codes").
const DESIGN_NEW =
  '01 Hà Nội, 04 Cao Bằng, 08 Tuyên Quang, 11 Điện Biên, 12 Lai Châu, 14 Sơn La, 15 Lào Cai, 19 Thái Nguyên, 20 Lạng Sơn, 22 Quảng Ninh, 24 Bắc Ninh, 25 Phú Thọ, 31 Hải Phòng, 33 Hưng Yên, 37 Ninh Bình, 38 Thanh Hóa, 40 Nghệ An, 42 Hà Tĩnh, 44 Quảng Trị, 46 Huế, 48 Đà Nẵng, 51 Quảng Ngãi, 52 Gia Lai, 56 Khánh Hòa, 66 Đắk Lắk, 68 Lâm Đồng, 75 Đồng Nai, 79 TP Hồ Chí Minh, 80 Tây Ninh, 82 Đồng Tháp, 86 Vĩnh Long, 91 An Giang, 92 Cần Thơ, 96 Cà Mau';
// DESIGN.md §6 ("Old → new"), "others unchanged".
const DESIGN_MAP =
  '02→08, 06→19, 10→15, 17/26→25, 27→24, 30→31, 34→33, 35/36→37, 45→44, 49→48, 54→66, 58→56, 60/67→68, 62→51, 64→52, 70→75, 72→80, 74/77→79, 83/84→86, 87→82, 89→91, 93/94→92, 95→96';

const parseList = (s: string) =>
  s.split(', ').map((item) => {
    const space = item.indexOf(' ');
    return [item.slice(0, space), item.slice(space + 1)] as const;
  });
// Our names drop "TP " and use the official " - " in Bà Rịa - Vũng Tàu.
const designName = (n: string) => n.replace(/^TP /, '').replace('–', ' - ');

describe('OLD_PROVINCES', () => {
  const design = parseList(DESIGN_OLD);
  it('has the 63 codes and names of DESIGN.md, in order', () => {
    expect(OLD_PROVINCES).toHaveLength(63);
    expect(OLD_PROVINCES.map((p) => [p.cccdPrefix, p.name])).toEqual(
      design.map(([c, n]) => [c, designName(n)]),
    );
  });
  it('derives the 2-digit code and the CCCD prefix consistently', () => {
    for (const p of OLD_PROVINCES) {
      expect(p.cccdPrefix).toBe(`0${p.code}`);
      expect(p.code).toMatch(/^\d\d$/);
    }
  });
  it('marks exactly the five centrally-run cities', () => {
    expect(OLD_PROVINCES.filter((p) => p.kind === 'city').map((p) => p.code)).toEqual([
      '01',
      '31',
      '48',
      '79',
      '92',
    ]);
  });
  it('uses the traditional tone placement and NFC', () => {
    const names = OLD_PROVINCES.map((p) => p.name);
    expect(names).toContain('Thanh Hóa');
    expect(names).toContain('Khánh Hòa');
    expect(names).toContain('Hòa Bình');
    for (const n of names) expect(n).toBe(n.normalize('NFC'));
  });
  it.each([
    ['01', 'Hà Nội', 'Thành phố Hà Nội'],
    ['38', 'Thanh Hóa', 'Tỉnh Thanh Hóa'],
    ['79', 'Hồ Chí Minh', 'Thành phố Hồ Chí Minh'],
    ['77', 'Bà Rịa - Vũng Tàu', 'Tỉnh Bà Rịa - Vũng Tàu'],
  ])('oldProvinceByCode(%s) is %s', (code, name, fullName) => {
    expect(oldProvinceByCode(code)).toMatchObject({ code, name, fullName });
    expect(oldProvinceByNumber(Number(code))?.name).toBe(name);
  });
  it.each(['03', '00', '99', '1', '001', 'ab', '', '１２'])('has no province %j', (code) => {
    expect(oldProvinceByCode(code)).toBeUndefined();
  });
});

describe('NEW_PROVINCES', () => {
  const design = parseList(DESIGN_NEW);
  it('has the 34 codes and names of DESIGN.md, in order', () => {
    expect(NEW_PROVINCES).toHaveLength(34);
    expect(NEW_PROVINCES.map((p) => [p.code, p.name])).toEqual(
      design.map(([c, n]) => [c, designName(n)]),
    );
  });
  it('marks the six centrally-run cities', () => {
    expect(NEW_PROVINCES.filter((p) => p.kind === 'city').map((p) => p.name)).toEqual([
      'Hà Nội',
      'Hải Phòng',
      'Huế',
      'Đà Nẵng',
      'Hồ Chí Minh',
      'Cần Thơ',
    ]);
  });
  it.each([
    ['46', 'Huế'],
    ['80', 'Tây Ninh'],
    ['82', 'Đồng Tháp'],
  ])('newProvinceByCode(%s) is %s', (code, name) => {
    expect(newProvinceByCode(code)?.name).toBe(name);
  });
  it('has no removed code', () => {
    expect(newProvinceByCode('02')).toBeUndefined();
    expect(newProvinceByCode('87')).toBeUndefined();
  });
  it('lists the old codes of each new province, covering all 63 (Tiền Giang twice)', () => {
    expect(newProvinceByCode('80')?.oldCodes).toEqual(['72', '80', '82']);
    expect(newProvinceByCode('82')?.oldCodes).toEqual(['82', '87']);
    expect(newProvinceByCode('79')?.oldCodes).toEqual(['74', '77', '79']);
    expect(NEW_PROVINCES.reduce((n, p) => n + p.oldCodes.length, 0)).toBe(64);
  });
});

describe('newProvincesForOldCode', () => {
  const changed = new Map<string, string>();
  for (const part of DESIGN_MAP.split(', ')) {
    const [from = '', to = ''] = part.split('→');
    for (const f of from.split('/')) changed.set(f, to);
  }
  it('maps every old code to valid new code(s), following DESIGN.md', () => {
    for (const p of OLD_PROVINCES) {
      const r = newProvincesForOldCode(p.code);
      expect(r).toBeDefined();
      if (p.code === '82') continue;
      expect(r?.ambiguous).toBe(false);
      expect(r?.candidates.map((c) => c.code)).toEqual([changed.get(p.code) ?? p.code]);
      expect(newProvinceByCode(r?.candidates[0]?.code ?? '')).toBeDefined();
    }
  });
  it('marks the Tiền Giang split as ambiguous', () => {
    const r = newProvincesForOldCode('82');
    expect(r?.ambiguous).toBe(true);
    expect(r?.candidates.map((c) => [c.code, c.name])).toEqual([
      ['80', 'Tây Ninh'],
      ['82', 'Đồng Tháp'],
    ]);
    expect(newProvincesForOldNumber(82)).toBe(r);
  });
  it('returns undefined for unknown codes', () => {
    expect(newProvincesForOldCode('03')).toBeUndefined();
    expect(newProvincesForOldCode('x')).toBeUndefined();
  });
});
