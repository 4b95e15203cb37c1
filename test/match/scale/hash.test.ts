import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashKey, hashKeyParts, joinKeyParts, type KeyPart } from '../../../src/match/index.js';

describe('hashKey', () => {
  it('keeps its values (prepared register files store them: a change needs a new file version)', () => {
    expect(hashKey('')).toBe(3296496345982209);
    expect(hashKey('1985|hung')).toBe(6702522261335960);
    expect(hashKey('ngUyen|1985-7-3')).toBe(1221614820271220);
    expect(hashKey('Nguyễn Văn Anh|79|xa an binh')).toBe(4077366266140823);
  });
});

const part: fc.Arbitrary<KeyPart> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('|', '-', 'ngUyen', 'xa an binh'),
  fc.integer({ min: 0, max: 2_147_483_647 }),
  fc.integer({ min: 1900, max: 2030 }),
  fc.integer({ min: -50, max: 50 }),
  fc.double(),
  fc.constantFrom(2_147_483_648, 1e21, -0, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
);

describe('key parts', () => {
  it('join as a template literal writes them', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        expect(joinKeyParts(parts, parts.length)).toBe(parts.map((p) => `${p}`).join(''));
      }),
    );
  });

  it('hash as hashKey of their join, without the string', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), fc.nat(8), (parts, cut) => {
        const count = Math.min(cut, parts.length);
        expect(hashKeyParts(parts, count)).toBe(hashKey(joinKeyParts(parts, count)));
      }),
      { numRuns: 2000 },
    );
  });

  it('examples: digits, separators, a part past the count', () => {
    expect(hashKeyParts(['hung', '|', 1985, '-', 7, '-', 3, 'ignored'], 7)).toBe(
      hashKey('hung|1985-7-3'),
    );
    expect(hashKeyParts([10, 100, 1000000000], 3)).toBe(hashKey('101001000000000'));
    expect(hashKeyParts([], 0)).toBe(hashKey(''));
  });
});
