import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskDigits, maskIdNumber } from '../../src/id/index.js';

describe('maskIdNumber', () => {
  it.each<[string | number, string]>([
    ['001090012345', '001******345'],
    [' 001 090 012 345 ', '001******345'],
    [38095012345, '038******345'],
    ['012345678', '01*****78'],
    ['B1234567', 'B1****67'],
    ['003090012345', '003******345'],
    ['12', '**'],
    ['1234567', '*******'],
    ['', ''],
  ])('%j → %s', (id, masked) => {
    expect(maskIdNumber(id)).toBe(masked);
  });
});

describe('maskDigits', () => {
  it.each<[string, Parameters<typeof maskDigits>[1], string]>([
    ['001090012345', undefined, '001******345'],
    ['0912345678', { keepStart: 0, keepEnd: 3 }, '*******678'],
    ['0912345678', { keepStart: 3, keepEnd: 3, maskChar: '•' }, '09•••••678'],
    ['123456', undefined, '1***56'],
    ['1234', { keepStart: 4, keepEnd: 4 }, '1**4'],
    ['Nguyễn', { keepStart: 1, keepEnd: 0 }, 'N*****'],
    ['abc', { minMaskedShare: 1 }, '***'],
  ])('%j %j → %s', (value, options, masked) => {
    expect(maskDigits(value, options)).toBe(masked);
  });

  it('keeps the length, the ends it reveals, and masks at least half', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{0,40}$/), (s) => {
        const m = maskDigits(s);
        const stars = m.split('').filter((c) => c === '*').length;
        const kept = m.replace(/\*/g, '');
        return (
          m.length === s.length &&
          stars >= Math.ceil(s.length / 2) &&
          s.startsWith(m.slice(0, m.indexOf('*') < 0 ? m.length : m.indexOf('*'))) &&
          kept.length === s.length - stars
        );
      }),
      { numRuns: 300 },
    );
  });
});
