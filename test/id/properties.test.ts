import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OLD_PROVINCES, type ParseIdNumberOptions, parseIdNumber } from '../../src/id/index.js';
import {
  cccdPartsArbitrary,
  cmndArbitrary,
  damagedIdArbitrary,
  passportArbitrary,
} from '../../src/testing/id.js';
import { FORMATTING_DAMAGES, ID_DAMAGES, type IdDamage } from '../../src/testing/id-damage.js';

const opts: ParseIdNumberOptions = { referenceDate: new Date('2026-06-01T00:00:00Z') };
const RUNS = { numRuns: 300 };

const FORMATTING = FORMATTING_DAMAGES;
const ZEROS: readonly IdDamage[] = ['lost-leading-zeros', 'number', 'float-text'];

describe('parseIdNumber properties', () => {
  it('parses any generated valid CCCD back to the same parts', () => {
    fc.assert(
      fc.property(cccdPartsArbitrary({ placeOfBirth: 'any' }), (c) => {
        const r = parseIdNumber(c.value, opts);
        if (!r.success || !('parts' in r.data)) return false;
        const p = r.data.parts;
        expect(r.data.kind).toBe('cccd');
        expect(r.data.value).toBe(c.value);
        expect(r.data.repairs).toEqual([]);
        expect(p.placeCode).toBe(c.placeCode);
        expect(p.sex).toBe(c.sex);
        expect(p.birthYear).toBe(c.birthYear);
        expect(p.twoDigitYear).toBe(c.birthYear % 100);
        expect(p.century).toBe(c.birthYear - (c.birthYear % 100));
        expect(p.serial).toBe(c.serial);
        if (p.bornAbroad) expect(p.countryCode).toBe(c.countryCode);
        else expect(p.province.code).toBe(c.provinceCode);
        return true;
      }),
      RUNS,
    );
  });

  it('honours the arbitrary options', () => {
    fc.assert(
      fc.property(
        cccdPartsArbitrary({
          province: ['38', '56'],
          sex: 'female',
          birthYear: { min: 2000, max: 2010 },
        }),
        (c) => {
          const r = parseIdNumber(c.value, opts);
          if (!r.success || !('parts' in r.data) || r.data.parts.bornAbroad) return false;
          const p = r.data.parts;
          return (
            ['Thanh Hóa', 'Khánh Hòa'].includes(p.province.name) &&
            p.sex === 'female' &&
            p.birthYear >= 2000 &&
            p.birthYear <= 2010
          );
        },
      ),
      RUNS,
    );
  });

  it('accepts every CMND and passport', () => {
    fc.assert(
      fc.property(fc.oneof(cmndArbitrary(), passportArbitrary()), (v) => {
        const r = parseIdNumber(v, opts);
        return r.success && r.data.value === v && r.data.repairs.length === 0;
      }),
      RUNS,
    );
  });

  it('formatting noise never changes the parsed value', () => {
    fc.assert(
      fc.property(damagedIdArbitrary({ damages: FORMATTING }), (d) => {
        const r = parseIdNumber(d.damaged, opts);
        return (
          r.success &&
          r.data.value === d.original &&
          r.data.repairs.every((x) => x.confidence === 'certain')
        );
      }),
      RUNS,
    );
  });

  it('any mix of separators, full-width digits, padding and an apostrophe keeps the value', () => {
    const sep = fc.constantFrom(' ', '-', '\u00a0', '–', '\u200b', '\t');
    const noisy = cccdPartsArbitrary({ placeOfBirth: 'any' }).chain((c) =>
      fc
        .tuple(
          fc.array(fc.tuple(fc.boolean(), fc.array(sep, { maxLength: 2 })), {
            minLength: 12,
            maxLength: 12,
          }),
          fc.boolean(),
          fc.constantFrom('', ' ', '  \n'),
        )
        .map(([perChar, apostrophe, pad]) => {
          let out = apostrophe ? "'" : '';
          perChar.forEach(([wide, seps], i) => {
            const d = c.value.charCodeAt(i);
            out += String.fromCharCode(wide ? d + 0xfee0 : d) + (i < 11 ? seps.join('') : '');
          });
          return { value: c.value, noisy: pad + out + pad };
        }),
    );
    fc.assert(
      fc.property(noisy, ({ value, noisy: input }) => {
        const r = parseIdNumber(input, opts);
        return r.success && r.data.value === value;
      }),
      RUNS,
    );
  });

  it('lost leading zeros are restored, or reported ambiguous or unrecoverable, never wrong', () => {
    fc.assert(
      fc.property(damagedIdArbitrary({ damages: ZEROS }), (d) => {
        const r = parseIdNumber(d.damaged, opts);
        if (r.success) return r.data.value === d.original;
        const code = r.issues[0]?.code;
        if (code === 'ID_AMBIGUOUS_REPAIR') return true;
        return !d.recoverable;
      }),
      { numRuns: 500 },
    );
  });

  it('scientific notation is always rejected, never guessed', () => {
    fc.assert(
      fc.property(
        damagedIdArbitrary({
          damages: ['scientific'],
          ids: cccdPartsArbitrary().map((c) => c.value),
        }),
        (d) => {
          const r = parseIdNumber(d.damaged, opts);
          return !r.success && r.issues[0]?.code === 'ID_SCIENTIFIC_NOTATION';
        },
      ),
      RUNS,
    );
  });

  it('damagedIdArbitrary reports a damage from the list and keeps the original', () => {
    fc.assert(
      fc.property(damagedIdArbitrary(), (d) => {
        return ID_DAMAGES.includes(d.damage) && parseIdNumber(d.original, opts).success;
      }),
      RUNS,
    );
  });

  it('rejects a CCCD whose century digit is changed to a future century', () => {
    fc.assert(
      fc.property(cccdPartsArbitrary(), fc.integer({ min: 4, max: 9 }), (c, g) => {
        const changed = `${c.value.slice(0, 3)}${g}${c.value.slice(4)}`;
        const r = parseIdNumber(changed, opts);
        return !r.success && r.issues.some((i) => i.code === 'CCCD_IMPOSSIBLE_CENTURY');
      }),
      RUNS,
    );
  });

  it('a changed century digit changes the decoded century or sex', () => {
    fc.assert(
      fc.property(cccdPartsArbitrary(), fc.integer({ min: 0, max: 3 }), (c, g) => {
        const original = Number(c.value[3]);
        fc.pre(g !== original);
        const changed = `${c.value.slice(0, 3)}${g}${c.value.slice(4)}`;
        const r = parseIdNumber(changed, opts);
        if (!r.success) return r.issues.some((i) => i.code === 'CCCD_FUTURE_BIRTH_YEAR');
        if (!('parts' in r.data)) return false;
        return r.data.parts.sex !== c.sex || r.data.parts.birthYear !== c.birthYear;
      }),
      RUNS,
    );
  });

  it('rejects an unknown province code', () => {
    const known = new Set(OLD_PROVINCES.map((p) => p.code));
    const unknown = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0')).filter(
      (c) => !known.has(c),
    );
    expect(unknown).toHaveLength(37);
    fc.assert(
      fc.property(cccdPartsArbitrary(), fc.constantFrom(...unknown), (c, code) => {
        const r = parseIdNumber(`0${code}${c.value.slice(3)}`, opts);
        return !r.success && r.issues[0]?.code === 'CCCD_BAD_PROVINCE';
      }),
      RUNS,
    );
  });
});

describe('parseIdNumber never throws', () => {
  const check = (input: unknown) => {
    const r = parseIdNumber(input as string, opts);
    if (r.success) {
      expect(typeof r.data.value).toBe('string');
    } else {
      expect(r.issues.length).toBeGreaterThan(0);
    }
    return true;
  };
  it('on any string', () => {
    fc.assert(fc.property(fc.string(), check), { numRuns: 1000 });
  });
  it('on any full-Unicode string', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), check), { numRuns: 1000 });
  });
  it('on strings made of ID-like characters', () => {
    const chars = fc.constantFrom(..."0123456789 .,-'eE+B\u00a0０".split(''));
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 20 }).map((a) => a.join('')),
        check,
      ),
      { numRuns: 2000 },
    );
  });
  it('on any number', () => {
    fc.assert(fc.property(fc.double(), check), { numRuns: 1000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), check), RUNS);
    fc.assert(
      fc.property(fc.bigInt(), (b) => check(b)),
      RUNS,
    );
  });
  it('on anything', () => {
    fc.assert(fc.property(fc.anything(), check), RUNS);
  });
  it('on 1 MB inputs, in linear time', () => {
    const mb = 1 << 20;
    const inputs = [
      '1'.repeat(mb),
      ' '.repeat(mb),
      `${'1'.repeat(mb)}x`,
      `${'1'.repeat(mb)}E+11`,
      `${'1'.repeat(mb)}.0`,
      `${'0'.repeat(mb - 12)}001090012345`,
      '１'.repeat(mb),
      `'${'-'.repeat(mb)}`,
      `B${'1'.repeat(mb)}`,
    ];
    for (const s of inputs) {
      const r = parseIdNumber(s, opts);
      expect(r.success).toBe(false);
    }
    const r = parseIdNumber(`${' '.repeat(mb)}001090012345${' '.repeat(mb)}`, opts);
    expect(r.success && r.data.value).toBe('001090012345');
  });
});
