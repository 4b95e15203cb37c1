import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lastSevenDigits,
  packColumn,
  packValue,
  unpackCode,
} from '../../src/match/comparisons/packed-column.js';
import { idNumberComparison, phoneComparison } from '../../src/match/index.js';

/** Every kind of value: digits, passports, long digit strings, any text, text beyond U+00FF. */
const anyValue = fc.oneof(
  fc.stringMatching(/^[0-9]{1,17}$/),
  fc.stringMatching(/^[A-Z][0-9]{0,14}$/),
  fc.stringMatching(/^[a-zA-Z0-9]{0,3}$/),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('', '0', '9'.repeat(15), '9'.repeat(16), 'Z'.concat('9'.repeat(13)), 'B1234567'),
);

/** Whether a value is packed exactly (its characters can be read back). */
const exact = (v: string) => /^(?:[0-9]{1,15}|[A-Z][0-9]{0,13})$/.test(v);

describe('packed codes', () => {
  it('are equal exactly when the values are (0 only for no value), and safe integers', () => {
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        const x = packValue(a);
        const y = packValue(b);
        expect(Number.isSafeInteger(x)).toBe(true);
        expect(x === 0).toBe(a === '');
        // Hashed values may collide with a chance of 2^-52: never in these runs.
        expect(x === y).toBe(a === b);
      }),
      { numRuns: 3000 },
    );
  });

  it('give back the characters of a value packed exactly, and none of a hashed one', () => {
    const out = new Uint8Array(16);
    fc.assert(
      fc.property(anyValue, (v) => {
        const n = unpackCode(packValue(v), out);
        if (v === '') expect(n).toBe(0);
        else if (exact(v)) expect(String.fromCharCode(...out.subarray(0, n))).toBe(v);
        else expect(n).toBe(-1);
      }),
      { numRuns: 3000 },
    );
  });

  it('keep leading zeros, the longest digit strings and the letter ranges apart', () => {
    const values = ['0', '00', '000000000000', '1', '10', '9'.repeat(15), 'A', 'A0', 'Z0', 'B01'];
    expect(new Set(values.map(packValue)).size).toBe(values.length);
    expect(packValue('9'.repeat(15))).toBe(1_999_999_999_999_999);
  });

  it('read the last seven digits of an all-digit value only', () => {
    expect(lastSevenDigits(packValue('01681234567'))).toBe(1234567);
    expect(lastSevenDigits(packValue('0001234'))).toBe(1234);
    expect(lastSevenDigits(packValue('123456'))).toBe(-1);
    expect(lastSevenDigits(packValue('B1234567'))).toBe(-1);
    expect(lastSevenDigits(packValue('tel 1234567'))).toBe(-1);
    expect(lastSevenDigits(0)).toBe(-1);
  });

  it('keeps the TSDoc examples true', () => {
    expect(packValue('079085001234')).toBe(1079085001234);
    expect(packValue('')).toBe(0);
    expect(packValue('B1234567')).toBeLessThan(0);
    expect([...packColumn(['0381234567', undefined])]).toEqual([10381234567, 0]);
    const out = new Uint8Array(16);
    expect(unpackCode(packValue('B0123'), out)).toBe(5);
    expect([...out.subarray(0, 5)]).toEqual([66, 48, 49, 50, 51]);
  });
});

/** One side's identity numbers, as the comparison reads them. */
interface Ids {
  readonly id?: string;
  readonly old?: string;
}

/** The levels of `idNumberComparison`, defined on the strings (the comparison reads packed words). */
function idLevelByDefinition(a: Ids, b: Ids): number {
  const system = (v: string) => (v.length === 12 ? 1 : v.length === 9 ? 2 : 0);
  const xs = [a.id, a.old].filter((v): v is string => !!v);
  const ys = [b.id, b.old].filter((v): v is string => !!v);
  if (xs.length === 0 || ys.length === 0) return 0;
  if (xs.some((x) => ys.includes(x))) return 1;
  let best = 0;
  for (const x of xs)
    for (const y of ys) {
      const sx = system(x);
      const sy = system(y);
      if (sx !== sy && sx !== 0 && sy !== 0) continue;
      const l = nearByDefinition(x, y);
      if (best === 0 || l < best) best = l;
    }
  return best === 0 ? 4 : best;
}

function nearByDefinition(x: string, y: string): number {
  // Not packed exactly (no identity number looks like that): compared exact or not.
  if (x.length !== y.length || !exact(x) || !exact(y)) return 5;
  const diffs = [...x].flatMap((c, k) => (c === y[k] ? [] : [k]));
  if (diffs.length === 1) return 2;
  const [p, q] = diffs;
  if (diffs.length === 2 && q === p! + 1 && x[p!] === y[q] && x[q] === y[p!]) return 3;
  return 5;
}

describe('idNumberComparison on packed numbers', () => {
  const c = idNumberComparison<Ids>({
    name: 'id',
    get: (r) => (r.id ? { value: r.id } : undefined),
    alternate: (r) => (r.old ? { value: r.old } : undefined),
  });
  // Few digits, so that equal numbers, one digit off and transpositions all come up.
  const number = fc.oneof(
    fc.stringMatching(/^[0-2]{12}$/),
    fc.stringMatching(/^[0-2]{9}$/),
    fc.stringMatching(/^[AB][0-2]{7}$/),
    fc.constantFrom('', 'x'.repeat(20), 'x'.repeat(19) + 'y', '1'.repeat(16), '1'.repeat(15) + '2'),
  );
  const ids = fc.record({ id: number, old: number });

  it('gives every pair the level its definition on the strings gives', () => {
    fc.assert(
      fc.property(fc.array(ids, { minLength: 2, maxLength: 20 }), (records) => {
        const col = c.prepare(records);
        for (let i = 0; i < records.length; i++)
          for (let j = 0; j < records.length; j++) {
            const want = idLevelByDefinition(records[i]!, records[j]!);
            expect(c.compare(col, i, col, j)).toBe(want);
            for (const mask of [0b1, 0b10, 0b11, 0b100, 0b11111])
              expect(c.levelIn!(col, i, col, j, mask)).toBe((mask & (1 << want)) !== 0);
          }
      }),
      { numRuns: 300 },
    );
  });
});

describe('phoneComparison on packed numbers', () => {
  const c = phoneComparison<{ p?: string }>({ name: 'phone', get: (r) => r.p });
  it('is exact on equal numbers, same_last7 on equal last seven digits, else otherwise', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.stringMatching(/^0[0-1]{5,10}$/), fc.constant('')), {
          minLength: 2,
          maxLength: 12,
        }),
        (phones) => {
          const col = c.prepare(phones.map((p) => ({ p })));
          for (let i = 0; i < phones.length; i++)
            for (let j = 0; j < phones.length; j++) {
              const [x, y] = [phones[i]!, phones[j]!];
              const same7 = x.length >= 7 && y.length >= 7 && x.slice(-7) === y.slice(-7);
              const want = !x || !y ? 0 : x === y ? 1 : same7 ? 2 : 3;
              expect(c.compare(col, i, col, j)).toBe(want);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
