import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  columnarReferenceFromPieces,
  compactPiece,
  compactReferenceColumn,
  concatColumns,
  exportDictionaries,
  lookupBlock,
  prepareSide,
  stringComparison,
  toColumnarReference,
  uniformPieces,
  vietnameseSpec,
} from '../../../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../../../src/record/index.js';
import { generateDataset } from '../../../src/testing/population/index.js';

/** Splits 0 … n into consecutive pieces at the given cut points. */
function pieces<T>(xs: readonly T[], cuts: readonly number[]): T[][] {
  const points = [...new Set(cuts.map((c) => c % (xs.length + 1)))].sort((a, b) => a - b);
  const out: T[][] = [];
  let from = 0;
  for (const p of points) {
    out.push(xs.slice(from, p));
    from = p;
  }
  out.push(xs.slice(from));
  return out;
}

describe('concatColumns and columnarReferenceFromPieces', () => {
  let register: CleanRecord[];
  beforeAll(() => {
    const d = generateDataset({ seed: 5, registerSize: 400, listSize: 10 });
    register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
  });

  /** First-occurrence relabelling: equal ids stay equal, different stay different. */
  function canonical(ids: Int32Array | undefined): number[] {
    const seen = new Map<number, number>();
    return [...(ids ?? [])].map((id) => {
      if (id < 0) return id;
      let c = seen.get(id);
      if (c === undefined) {
        c = seen.size;
        seen.set(id, c);
      }
      return c;
    });
  }

  fcTest.prop([fc.array(fc.nat(), { maxLength: 6 })], { numRuns: 20 })(
    'pieces prepared in order by one spec score exactly like the one-call reference',
    (cuts) => {
      const one = vietnameseSpec();
      const whole = toColumnarReference(prepareSide(register, one));
      const spec = vietnameseSpec();
      const parts = pieces(register, cuts).map((rows) => prepareSide(rows, spec));
      const joined = columnarReferenceFromPieces(parts);
      expect(joined.size).toBe(whole.size);
      expect(joined.blocks).toEqual(whole.blocks);
      // Ids are labels given in first-seen order, so pieces may number values differently; what
      // must agree is every comparison level and the term-frequency groups.
      spec.comparisons.forEach((c, k) => {
        const a = joined.columns[k]!;
        const b = whole.columns[k]!;
        expect(canonical(a.tfIds)).toEqual(canonical(b.tfIds));
        for (let i = 0; i < 40; i++)
          for (let j = 0; j < register.length; j++)
            if (c.compare(a, i, a, j) !== one.comparisons[k]!.compare(b, i, b, j))
              expect([c.name, i, j, c.compare(a, i, a, j)]).toEqual([
                c.name,
                i,
                j,
                one.comparisons[k]!.compare(b, i, b, j),
              ]);
      });
    },
  );

  it('gives the identical column when there is one piece or ids are assigned in record order', () => {
    const c = vietnameseSpec().comparisons.find((x) => x.name === 'dob')!;
    const whole = c.prepare(register);
    const d = vietnameseSpec().comparisons.find((x) => x.name === 'dob')!;
    expect(
      concatColumns([d.prepare(register.slice(0, 123)), d.prepare(register.slice(123))]),
    ).toEqual(whole);
  });

  it('keeps an aliased array (tfIds is ids) as one array, in the allocator’s memory', () => {
    const c = stringComparison<{ s: string }>({ name: 's', get: (r) => r.s });
    const a = c.prepare([{ s: 'an' }, { s: '' }]);
    const b = c.prepare([{ s: 'bình' }, { s: 'an' }]);
    const j = concatColumns([a, b], (n) => new SharedArrayBuffer(n)) as unknown as {
      ids: Int32Array;
      tfIds: Int32Array;
      codes: Uint16Array;
      start: Int32Array;
      len: Int32Array;
      size: number;
    };
    expect(j.size).toBe(4);
    expect(j.tfIds).toBe(j.ids);
    expect([...j.ids]).toEqual([0, -1, 1, 0]);
    expect(String.fromCharCode(...j.codes.subarray(j.start[2]!, j.start[2]! + j.len[2]!))).toBe(
      'bình',
    );
    expect(j.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('refuses layouts it does not know instead of concatenating them wrongly', () => {
    const odd = { size: 2, pool: Int32Array.of(1, 2, 3) };
    expect(() => concatColumns([odd, odd])).toThrow(/column\.pool.*unknown layout/);
    const f = { size: 1, f: () => 1 } as unknown as { size: number };
    expect(() => concatColumns([f, f])).toThrow(TypeError);
    expect(() => concatColumns([])).toThrow(RangeError);
  });

  it('builds block tables over all pieces from key hashes', () => {
    const spec = vietnameseSpec();
    const parts = pieces(register, [100, 250]).map((rows) => prepareSide(rows, spec));
    const whole = toColumnarReference(prepareSide(register, vietnameseSpec()));
    const id = whole.blocks[0]!;
    const first = register.findIndex((r) => r.idNumber.value);
    const key = spec.blocking[0]!.key(register[first]!)!;
    const joined = columnarReferenceFromPieces(parts);
    expect([...lookupBlock(joined.blocks[0]!, key)]).toEqual([...lookupBlock(id, key)]);
    expect(() => columnarReferenceFromPieces(parts, { keyHashes: [new Float64Array(3)] })).toThrow(
      /3 key hashes for 400/,
    );
  });
});

describe('compactPiece, uniformPieces and compactReferenceColumn', () => {
  let register: CleanRecord[];
  let list: CleanRecord[];
  beforeAll(() => {
    const d = generateDataset({ seed: 9, registerSize: 500, listSize: 200 });
    register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
    list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  });

  fcTest.prop(
    [fc.array(fc.nat(), { maxLength: 5 }), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 })],
    { numRuns: 12 },
  )(
    'pieces compacted as they arrive (or some not) give every pair the level of the plain reference',
    (cuts, compacted) => {
      const spec = vietnameseSpec();
      const parts = pieces(register, cuts).map((rows) => prepareSide(rows, spec));
      const plain = columnarReferenceFromPieces(parts);
      const dicts = exportDictionaries(spec);
      const left = prepareSide(list, spec);
      spec.comparisons.forEach((c, k) => {
        const held = parts.map((p, i) =>
          compacted[i % compacted.length]
            ? compactPiece(p.columns[k]!, c.dictionary)
            : p.columns[k]!,
        );
        const column = compactReferenceColumn(
          concatColumns(uniformPieces(held, c.dictionary)),
          dicts[k],
        );
        for (let i = 0; i < left.size; i++)
          for (const j of [i % plain.size, (i * 31 + 7) % plain.size, (i * 97 + 3) % plain.size])
            expect(c.compare(left.columns[k]!, i, column, j)).toBe(
              c.compare(left.columns[k]!, i, plain.columns[k]!, j),
            );
        // Exact values too: every record's string is the plain reference's.
        for (let j = 0; j < plain.size; j++)
          expect(c.compare(column, j, plain.columns[k]!, j)).toBe(
            c.compare(plain.columns[k]!, j, plain.columns[k]!, j),
          );
      });
    },
  );
});

describe('concatColumns of narrowed pieces', () => {
  it('widens offsets that outgrow the pieces’ type and mixed integer types', () => {
    // Two pieces of a token-list column whose offsets fit 16 bits each but not together, and
    // ids narrowed to different types.
    const n = 3;
    const piece = (ids: Int8Array | Int16Array) => ({
      size: n,
      x: new Int16Array(20_000).fill(7),
      xStart: Int16Array.of(0, 10_000, 15_000, 20_000),
      ids,
    });
    const joined = concatColumns([
      piece(Int8Array.of(1, -1, 2)),
      piece(Int16Array.of(300, 5, -2)),
    ]) as unknown as {
      size: number;
      x: Int16Array;
      xStart: Int32Array;
      ids: Int32Array;
    };
    expect(joined.size).toBe(6);
    expect(joined.xStart).toBeInstanceOf(Int32Array);
    expect([...joined.xStart]).toEqual([0, 10_000, 15_000, 20_000, 30_000, 35_000, 40_000]);
    expect(joined.ids).toBeInstanceOf(Int32Array);
    expect([...joined.ids]).toEqual([1, -1, 2, 300, 5, -2]);
    expect(joined.x.length).toBe(40_000);
  });
});
