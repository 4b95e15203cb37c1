import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NEW_PROVINCES, OLD_PROVINCES } from '../../src/id/index.js';
import { listProvinces, PROVINCE_ALIASES, parseProvince } from '../../src/record/index.js';
import { encodeLegacy, foldDiacritics } from '../../src/text/index.js';

function code(input: string): string | undefined {
  const r = parseProvince(input);
  return r.success ? r.data.code : undefined;
}

describe('parseProvince', () => {
  it.each([
    ['TP.HCM', '79'],
    ['TP HCM', '79'],
    ['Tp Hồ Chí Minh', '79'],
    ['Thành phố Hồ Chí Minh', '79'],
    ['HCM', '79'],
    ['Sài Gòn', '79'],
    ['sai gon', '79'],
    ['Ho Chi Minh City', '79'],
    ['ha noi', '01'],
    ['Hà Nội', '01'],
    ['HN', '01'],
    ['Tỉnh Thừa Thiên - Huế', '46'],
    ['Thừa Thiên-Huế', '46'],
    ['Huế', '46'],
    ['Thành phố Huế', '46'],
    ['Bà Rịa - Vũng Tàu', '77'],
    ['BR-VT', '77'],
    ['Thanh Hoá', '38'],
    ['THANH HÓA', '38'],
    ['Khánh Hoà', '56'],
    ['Đăk Lăk', '66'],
    ['Dak Lak', '66'],
    ['Đắc Lắc', '66'],
    ['Bắc Cạn', '06'],
    ['T. An Giang', '89'],
    ['Tỉnh  Kiên   Giang', '91'],
    ['79', '79'],
    ['079', '79'],
    ['01', '01'],
  ])('%j → %s', (input, expected) => {
    expect(code(input)).toBe(expected);
  });

  it.each([
    ['', 'PROVINCE_MISSING'],
    ['  ', 'PROVINCE_MISSING'],
    ['xyz', 'PROVINCE_UNRECOGNISED'],
    ['ĐN', 'PROVINCE_UNRECOGNISED'],
    ['03', 'PROVINCE_UNRECOGNISED'],
    ['1', 'PROVINCE_UNRECOGNISED'],
    ['---', 'PROVINCE_UNRECOGNISED'],
  ])('%j → %s', (input, c) => {
    const r = parseProvince(input);
    expect(r.success ? [] : r.issues.map((i) => i.code)).toEqual([c]);
  });

  it('accepts one typo with a warning, and can be told not to', () => {
    const r = parseProvince('Ha Noii');
    expect(r.success && r.data.code).toBe('01');
    expect(r.success && r.data.warnings.map((w) => w.code)).toEqual(['PROVINCE_FUZZY_MATCH']);
    expect(parseProvince('Ha Noii', { fuzzy: false }).success).toBe(false);
  });

  it('decodes legacy encodings', () => {
    const tcvn3 = encodeLegacy('Thành phố Hồ Chí Minh', 'tcvn3');
    const r = parseProvince(tcvn3);
    expect(r.success && r.data.code).toBe('79');
    expect(r.success && r.data.warnings.map((w) => w.code)).toEqual(['PROVINCE_LEGACY_ENCODING']);
    expect(code(encodeLegacy('Đà Nẵng', 'vni'))).toBe('48');
  });

  it('maps to the post-2025 provinces, two for Tiền Giang', () => {
    const bd = parseProvince('Bình Dương');
    expect(bd.success && bd.data.newCodes).toEqual(['79']);
    const tg = parseProvince('Tiền Giang');
    expect(tg.success && tg.data.newCodes).toEqual(['80', '82']);
  });

  it('recognises all 63 provinces by name, full name, ASCII, code and CCCD prefix', () => {
    expect(listProvinces()).toHaveLength(63);
    for (const p of OLD_PROVINCES) {
      for (const s of [
        p.name,
        p.fullName,
        foldDiacritics(p.name),
        foldDiacritics(p.fullName).toLowerCase(),
        p.name.toUpperCase(),
        p.code,
        p.cccdPrefix,
      ]) {
        expect([s, code(s)]).toEqual([s, p.code]);
      }
    }
  });

  it('recognises every post-2025 province name as the old province of that name', () => {
    for (const p of NEW_PROVINCES) {
      const r = parseProvince(p.fullName);
      expect(r.success && r.data.newCodes).toContain(p.code);
    }
  });

  it('aliases never point to two provinces', () => {
    const seen = new Map<string, string>();
    for (const [c, list] of Object.entries(PROVINCE_ALIASES)) {
      for (const a of list ?? []) {
        expect(seen.get(a) ?? c).toBe(c);
        seen.set(a, c);
        expect(code(a)).toBe(c);
      }
    }
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const r = parseProvince(s);
        if (r.success) expect(r.data.code).toMatch(/^\d\d$/);
      }),
      { numRuns: 1000 },
    );
  });
});
