import { describe, expect, it } from 'vitest';
import {
  type Comparison,
  dateComparison,
  exactComparison,
  familyNameComparison,
  givenNameComparison,
  idNumberComparison,
  type PreparedName,
  phoneComparison,
  placeComparison,
  prepareName,
  stringComparison,
} from '../../src/match/index.js';
import type { PartialDate } from '../../src/record/index.js';

/** The level label of comparing a with b (both prepared as one-record sides). */
function level<R>(c: Comparison<R>, a: R, b: R): string {
  const l = c.compare(c.prepare([a]), 0, c.prepare([b]), 0);
  return l === 0 ? 'null' : c.levels[l - 1]!;
}

describe('dateComparison', () => {
  const c = dateComparison<{ d?: PartialDate }>({ name: 'dob', get: (r) => r.d });
  const d = (year: number, month?: number, day?: number): { d: PartialDate } => ({
    d: { year, ...(month ? { month } : {}), ...(day ? { day } : {}) },
  });
  it.each([
    [d(1980, 5, 3), d(1980, 5, 3), 'exact'],
    [d(1980, 5, 3), d(1980, 3, 5), 'day_month_swapped'],
    [d(1980, 5, 3), d(1980, 5, 4), 'one_part_off'],
    [d(1980, 5, 3), d(1981, 5, 3), 'one_part_off'],
    [d(1980, 5, 3), d(1930, 5, 3), 'one_part_off'],
    [d(1980), d(1980, 5, 3), 'same_year'],
    [d(1980, 1, 1), d(1980, 5, 3), 'same_year'],
    [d(1980, 1, 1), d(1980, 1, 1), 'exact'],
    [d(1980, 6), d(1980, 5, 3), 'else'],
    [d(1980), d(1981, 5, 3), 'year_pm1'],
    [d(1980, 7, 9), d(1981, 5, 3), 'year_pm1'],
    [d(1980, 7, 9), d(1985, 5, 3), 'else'],
    [{}, d(1985, 5, 3), 'null'],
  ])('%j vs %j → %s', (a, b, want) => {
    expect(level(c, a, b)).toBe(want);
  });
});

describe('idNumberComparison', () => {
  const c = idNumberComparison<{ id?: string; old?: string }>({
    name: 'id',
    get: (r) => (r.id ? { value: r.id } : undefined),
    alternate: (r) => (r.old ? { value: r.old, kind: 'cmnd9' } : undefined),
  });
  it.each([
    [{ id: '079085001234' }, { id: '079085001234' }, 'exact'],
    [{ id: '079085001234' }, { id: '079085001235' }, 'one_digit_off'],
    [{ id: '079085001234' }, { id: '079085001243' }, 'transposition'],
    [{ id: '079085001234' }, { id: '079085009934' }, 'else'],
    [{ id: '271234567' }, { id: '079085001234', old: '271234567' }, 'exact'],
    [{ id: '271234568' }, { id: '079085001234', old: '271234567' }, 'one_digit_off'],
    [{ id: '271234567' }, { id: '079085001234' }, 'other_system'],
    [{}, { id: '079085001234' }, 'null'],
  ])('%j vs %j → %s', (a, b, want) => {
    expect(level(c, a, b)).toBe(want);
  });
  it('answers levelIn exactly as compare does, for every mask of levels', () => {
    const rows = [
      { id: '079085001234' },
      { id: '079085001235' },
      { id: '079085001243' },
      { id: '271234567' },
      { id: '079085001234', old: '271234567' },
      { id: '271234568' },
      {},
      { old: '271234567' },
    ];
    const col = c.prepare(rows);
    for (let i = 0; i < rows.length; i++)
      for (let j = 0; j < rows.length; j++)
        for (let mask = 0; mask < 1 << (c.levels.length + 1); mask++) {
          const want = (mask & (1 << c.compare(col, i, col, j))) !== 0;
          expect(c.levelIn?.(col, i, col, j, mask)).toBe(want);
        }
  });
});

describe('phoneComparison', () => {
  const c = phoneComparison<{ p?: string }>({ name: 'phone', get: (r) => r.p });
  it.each([
    ['0381234567', '0381234567', 'exact'],
    ['01681234567', '0381234567', 'same_last7'],
    ['0381234567', '0391234560', 'else'],
    // Last seven characters that are not digits agree on nothing (they once both read as 0).
    ['tel abcdefg', 'fax xyzuvwt', 'else'],
    [undefined, '0381234567', 'null'],
  ])('%s vs %s → %s', (a, b, want) => {
    expect(level(c, a === undefined ? {} : { p: a }, { p: b })).toBe(want);
  });
});

describe('placeComparison', () => {
  const c = placeComparison<{ p?: string; c?: string }>({
    name: 'place',
    province: (r) => r.p,
    commune: (r) => r.c,
    newProvince: (code) => ({ '74': '79', '79': '79', '01': '01' })[code],
    foldKey: (s) => s.toLowerCase(),
  });
  it.each([
    [{ p: '79', c: 'Bến Nghé' }, { p: '79', c: 'bến nghé' }, 'same_commune'],
    [{ p: '79', c: 'Bến Nghé' }, { p: '79', c: 'Đa Kao' }, 'same_province'],
    [{ p: '74', c: 'Dĩ An' }, { p: '79', c: 'Bến Nghé' }, 'same_merged_province'],
    [{ p: '01', c: 'Dĩ An' }, { p: '79', c: 'Bến Nghé' }, 'else'],
    [{}, { p: '79' }, 'null'],
  ])('%j vs %j → %s', (a, b, want) => {
    expect(level(c, a, b)).toBe(want);
  });
});

describe('Vietnamese name comparisons', () => {
  const given = givenNameComparison<string>({ name: 'given', get: (s) => s });
  const family = familyNameComparison<string>({ name: 'family', get: (s) => s });
  it.each([
    ['Nguyễn Văn Dũng', 'Nguyễn Văn Dũng', 'exact', 'exact'],
    ['Nguyễn Văn Dũng', 'NGUYEN VAN DUNG', 'folded', 'folded'],
    ['Huỳnh Thị Mai', 'Hoàng Thị Mai', 'exact', 'phonetic'],
    ['Vũ Đức Giang', 'Võ Đức Dang', 'phonetic', 'phonetic'],
    ['Huỳnh Thị Mai', 'Hoàng Mai', 'exact', 'middle_missing'],
    ['Trần Mai', 'Trần Thị Ngọc Mai', 'exact', 'middle_missing'],
    ['Mai Nguyễn', 'Nguyễn Mai', 'exact', 'exact'],
    ['Nguyễn Thị Hương', 'Nguyễn Thị Hươgn', 'fuzzy', 'exact'],
    ['Nguyễn Thị Hương', 'Nguyễn Thị Hươn', 'phonetic', 'exact'],
    ['Trần Thị Lan', 'Trần Thj Lan', 'exact', 'fuzzy'],
    ['Nguyễn Văn An', 'Nguyễn Thị Bình', 'else', 'surname_only'],
    ['Lê Văn An', 'Phạm Thị Bình', 'else', 'else'],
    ['An', 'Nguyễn An', 'exact', 'null'],
    ['Khiêm Văn Mai', 'Mai Văn Khiêm', 'other_order', 'other_order'],
    // Split Họ đệm / Tên columns joined back given name first: read back by the parser.
    ['Quyền Nguyễn Văn', 'Nguyễn Văn Quyền', 'exact', 'exact'],
    ['Quyen Van Nguyen', 'Nguyễn Văn Quyền', 'folded', 'folded'],
    // The parser keeps the standard order for both, the words are the same: other order.
    ['Hoàng Lê Minh', 'Lê Minh Hoàng', 'other_order', 'other_order'],
    ['Thu Quàng Thảo', 'Quàng Thảo Thu', 'other_order', 'other_order'],
    // Same words, another person? Only the order differs, and that is what the level says.
    ['Nguyễn Thị Lan Anh', 'Nguyễn Thị Anh Lan', 'other_order', 'other_order'],
    // A surname with one slip and a middle name missing.
    ['Nguễn Văn Thành', 'Nguyễn Thành', 'exact', 'surname_typo'],
    ['Ngyuen Hai', 'Nguyen Van Hai', 'exact', 'surname_typo'],
    // Two-letter surnames one edit apart are other families.
    ['Lê Văn An', 'Lý An', 'exact', 'else'],
  ])('%s vs %s → given %s, family %s', (a, b, g, f) => {
    expect(level(given, a, b)).toBe(g);
    expect(level(family, a, b)).toBe(f);
  });

  it('compares names a caller prepared without the folded parts the same', () => {
    // `parts` may come from the caller's own parse: the folded parts are then computed.
    const bare = (s: string): PreparedName | undefined => {
      const p = prepareName(s);
      if (!p) return undefined;
      const { givenFolded, familyFolded, surnameFolded, ...rest } = p;
      return rest;
    };
    const givenBare = givenNameComparison<string>({ name: 'given', parts: bare });
    const familyBare = familyNameComparison<string>({ name: 'family', parts: bare });
    const names = [
      'Nguyễn Văn Dũng',
      'NGUYEN VAN DUNG',
      'Nguễn Văn Thành',
      'Nguyễn Thành',
      'Đỗ Thị Hương',
      'Do Thi Huong',
      'Ngyuen Hai',
    ];
    for (const a of names) {
      for (const b of names) {
        expect(level(givenBare, a, b)).toBe(level(given, a, b));
        expect(level(familyBare, a, b)).toBe(level(family, a, b));
      }
    }
    expect(prepareName('Đỗ Thị Hương')).toMatchObject({
      givenFolded: 'huong',
      familyFolded: 'do thi',
      surnameFolded: 'do',
    });
  });
});

describe('stringComparison and exactComparison', () => {
  const s = stringComparison<string>({
    name: 's',
    get: (x) => x,
    levels: [
      { kind: 'osa', max: 1 },
      { kind: 'levenshtein', max: 2 },
      { kind: 'jaroWinkler', min: 0.8 },
    ],
  });
  it.each([
    ['19850312', '19850312', 'exact'],
    ['19850312', '19850321', 'osa<=1'],
    ['19850312', '19850399', 'lev<=2'],
    ['martha', 'marhtaxx', 'jw>=0.8'],
    ['abc', 'xyz', 'else'],
    ['', 'xyz', 'null'],
  ])('%s vs %s → %s', (a, b, want) => {
    expect(level(s, a, b)).toBe(want);
  });
  it('exact: exact, else, null', () => {
    const e = exactComparison<string>({ name: 'e', get: (x) => x });
    expect([level(e, 'a', 'a'), level(e, 'a', 'b'), level(e, '', 'b')]).toEqual([
      'exact',
      'else',
      'null',
    ]);
  });
});
