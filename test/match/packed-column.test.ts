import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isMissingAt,
  packColumn,
  samePackedValue,
  unpackValue,
} from '../../src/match/comparisons/packed-column.js';
import { idNumberComparison, phoneComparison } from '../../src/match/index.js';

/** Every kind of value: short Latin-1 text, digits, long text, text beyond U+00FF, NUL. */
const anyValue = fc.oneof(
  fc.stringMatching(/^[0-9]{1,16}$/),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.integer({ min: 0, max: 0x1ff }).map((c) => String.fromCharCode(c)) }),
  fc.constantFrom('', 'B1234567', '079085001234', 'x'.repeat(16), 'x'.repeat(17), 'a\u0000b'),
);

describe('packed columns', () => {
  it('holds two values as equal exactly when they are (missing never equal)', () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 1, maxLength: 12 }), (values) => {
        const c = packColumn(values);
        for (let i = 0; i < values.length; i++) {
          expect(isMissingAt(c, i)).toBe(values[i] === '');
          for (let j = 0; j < values.length; j++)
            expect(samePackedValue(c, i, c, j)).toBe(values[i] !== '' && values[i] === values[j]);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('gives back the characters of a packed value, and none of a hashed one', () => {
    const out = new Uint8Array(16);
    fc.assert(
      fc.property(anyValue, (v) => {
        const n = unpackValue(packColumn([v]), 0, out);
        const packed = v.length <= 16 && [...v].every((ch) => ch > '\u0000' && ch <= '\u00ff');
        if (v === '') expect(n).toBe(0);
        else if (packed) expect(String.fromCharCode(...out.subarray(0, n))).toBe(v);
        else expect(n).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });

  it('treats undefined and null as missing, like the empty string', () => {
    const c = packColumn([undefined, null, '', '0']);
    expect([0, 1, 2, 3].map((i) => isMissingAt(c, i))).toEqual([true, true, true, false]);
  });

  it('keeps the TSDoc examples true', () => {
    const c = packColumn(['079085001234', undefined]);
    expect(c.w0[0]).toBe(0x30 | (0x37 << 8) | (0x39 << 16) | (0x30 << 24));
    expect(isMissingAt(c, 1)).toBe(true);
    const out = new Uint8Array(16);
    expect(unpackValue(packColumn(['B1234567']), 0, out)).toBe(8);
    expect([...out.subarray(0, 3)]).toEqual([66, 49, 50]);
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
  // Longer than a packed value holds: compared exact or not (no identity number is that long).
  if (x.length !== y.length || x.length > 16) return 5;
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
    fc.constantFrom('', 'x'.repeat(20), 'x'.repeat(19) + 'y'),
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
        fc.array(fc.oneof(fc.stringMatching(/^0[0-1]{9,10}$/), fc.constant('')), {
          minLength: 2,
          maxLength: 12,
        }),
        (phones) => {
          const col = c.prepare(phones.map((p) => ({ p })));
          for (let i = 0; i < phones.length; i++)
            for (let j = 0; j < phones.length; j++) {
              const [x, y] = [phones[i]!, phones[j]!];
              const want = !x || !y ? 0 : x === y ? 1 : x.slice(-7) === y.slice(-7) ? 2 : 3;
              expect(c.compare(col, i, col, j)).toBe(want);
            }
        },
      ),
      { numRuns: 300 },
    );
  });
});
