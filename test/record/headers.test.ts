import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnForHeader,
  describeRecognizedColumns,
  ENGINE_COLUMNS,
  type EngineColumn,
  foldDiacritics,
  HEADER_ALIASES,
  isEngineColumn,
  joinNameParts,
  normalizeHeader,
  type RawRecordInput,
  type RecognizedColumns,
  rawRecordFromRow,
  recognizeColumns,
} from '../../src/index.js';
import { cleanRecord } from '../../src/record/index.js';

function ok(headers: readonly string[], map?: Record<string, string>): RecognizedColumns {
  const r = recognizeColumns(headers, map === undefined ? {} : { map });
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('\n'));
  return r.data;
}

/** Engine column → header, for compact assertions. */
function columnsOf(r: RecognizedColumns): Record<string, string> {
  return Object.fromEntries(r.found.map((f) => [f.column, f.header]));
}

function codes(headers: readonly string[], map?: Record<string, string>): string[] {
  const r = recognizeColumns(headers, map === undefined ? {} : { map });
  return r.success ? [] : r.issues.map((i) => i.code);
}

describe('recognizeColumns: the headers real files use', () => {
  it('an official list (issue 14)', () => {
    const r = ok([
      'STT',
      'Họ và tên',
      'Ngày sinh',
      'Giới tính',
      'Số CMND/CCCD',
      'Số điện thoại',
      'Tỉnh/Thành phố',
      'Quận/Huyện',
      'Phường/Xã',
    ]);
    expect(columnsOf(r)).toEqual({
      full_name: 'Họ và tên',
      dob: 'Ngày sinh',
      gender: 'Giới tính',
      id_number: 'Số CMND/CCCD',
      phone: 'Số điện thoại',
      province: 'Tỉnh/Thành phố',
      district: 'Quận/Huyện',
      commune: 'Phường/Xã',
    });
    expect(r.columns.full_name).toEqual({
      column: 'full_name',
      index: 1,
      header: 'Họ và tên',
      by: 'alias',
    });
    expect(r.columnAt).toEqual([
      undefined,
      'full_name',
      'dob',
      'gender',
      'id_number',
      'phone',
      'province',
      'district',
      'commune',
    ]);
    expect(r.unrecognized).toEqual([{ index: 0, header: 'STT' }]);
    expect(describeRecognizedColumns(r)[0]).toBe('Họ và tên → full_name');
  });

  it('a child vaccination list', () => {
    expect(
      columnsOf(ok(['STT', 'Họ và tên trẻ', 'Ngày sinh trẻ', 'Giới tính trẻ', 'Họ tên mẹ', 'SĐT'])),
    ).toEqual({
      full_name: 'Họ và tên trẻ',
      dob: 'Ngày sinh trẻ',
      gender: 'Giới tính trẻ',
      phone: 'SĐT',
    });
  });

  it('plain English headers (issue 14)', () => {
    expect(columnsOf(ok(['name', 'sex', 'date_of_birth', 'cccd']))).toEqual({
      full_name: 'name',
      gender: 'sex',
      dob: 'date_of_birth',
      id_number: 'cccd',
    });
    expect(
      columnsOf(
        ok([
          'Full Name',
          'Gender',
          'Birth_Date',
          'National ID',
          'Mobile',
          'City',
          'Ward',
          'Address',
        ]),
      ),
    ).toEqual({
      full_name: 'Full Name',
      gender: 'Gender',
      dob: 'Birth_Date',
      id_number: 'National ID',
      phone: 'Mobile',
      province: 'City',
      commune: 'Ward',
      address: 'Address',
    });
  });

  it.each([
    ['Họ và tên', 'full_name'],
    ['Họ tên', 'full_name'],
    ['Ho ten', 'full_name'],
    ['HO_TEN', 'full_name'],
    ['họ-và-tên', 'full_name'],
    ['Họ và tên (*)', 'full_name'],
    ['fullname', 'full_name'],
    ['Ngày sinh', 'dob'],
    ['Ngày tháng năm sinh', 'dob'],
    ['NTNS', 'dob'],
    ['Năm sinh', 'dob'],
    ['birthdate', 'dob'],
    ['DOB', 'dob'],
    ['Phái', 'gender'],
    ['Giới tính', 'gender'],
    ['CMND/CCCD', 'id_number'],
    ['CCCD', 'id_number'],
    ['Số CCCD', 'id_number'],
    ['Số định danh', 'id_number'],
    ['Số định danh cá nhân', 'id_number'],
    ['CMND', 'id_number'],
    ['id', 'id_number'],
    ['Số CMND cũ', 'old_id_number'],
    ['CMND cũ', 'old_id_number'],
    ['old_cmnd', 'old_id_number'],
    ['old_id_number', 'old_id_number'],
    ['SĐT', 'phone'],
    ['SDT', 'phone'],
    ['Điện thoại', 'phone'],
    ['Di động', 'phone'],
    ['tel', 'phone'],
    ['Tỉnh', 'province'],
    ['Tỉnh/TP', 'province'],
    ['Huyện', 'district'],
    ['Xã', 'commune'],
    ['Xã/Phường/Thị trấn', 'commune'],
    ['Địa chỉ', 'address'],
    ['Nơi ở hiện tại', 'address'],
    ['Thường trú', 'address'],
    ['Họ', 'family_name'],
    ['surname', 'family_name'],
    ['last name', 'family_name'],
    ['family name', 'family_name'],
    ['Họ đệm', 'family_name'],
    ['Họ và tên đệm', 'family_name'],
    ['Tên đệm', 'middle_name'],
    ['Đệm', 'middle_name'],
    ['middle name', 'middle_name'],
    ['Tên', 'given_name'],
    ['first name', 'given_name'],
    ['given name', 'given_name'],
    ['NS', 'dob'],
    ['GT', 'gender'],
    ['province_name', 'province'],
    ['Tên tỉnh', 'province'],
    ['district_name', 'district'],
    ['commune_name', 'commune'],
    ['ward_name', 'commune'],
    ['addr', 'address'],
  ] as const)('%s → %s', (header, column) => {
    expect(columnForHeader(header)).toBe(column);
  });

  it('reads past notes in parentheses, but a note that names the column counts first', () => {
    expect(columnForHeader('Ngày sinh (dd/mm/yyyy)')).toBe('dob');
    expect(columnForHeader('Giới tính (Nam/Nữ)')).toBe('gender');
    expect(columnForHeader('Số CMND/CCCD (12 số)')).toBe('id_number');
    expect(columnForHeader('Số điện thoại [10 số]')).toBe('phone');
    expect(columnForHeader('CMND (cũ)')).toBe('old_id_number');
    expect(columnForHeader('(*)')).toBeUndefined();
    expect(columnsOf(ok(['Họ và tên (*)', 'CCCD', 'CMND (cũ)']))).toEqual({
      full_name: 'Họ và tên (*)',
      id_number: 'CCCD',
      old_id_number: 'CMND (cũ)',
    });
  });

  it('leaves unrelated headers alone', () => {
    for (const h of ['STT', 'Ghi chú', 'Dân tộc', 'Mã BHYT', 'Ngày tiêm', 'Loại vắc xin', '']) {
      expect(columnForHeader(h)).toBeUndefined();
    }
  });

  it('split name columns: Họ + Tên đệm + Tên, and Họ và tên đệm + Tên', () => {
    expect(columnsOf(ok(['Họ', 'Tên đệm', 'Tên', 'Ngày sinh']))).toEqual({
      family_name: 'Họ',
      middle_name: 'Tên đệm',
      given_name: 'Tên',
      dob: 'Ngày sinh',
    });
    expect(columnsOf(ok(['Họ và tên đệm', 'Tên']))).toEqual({
      family_name: 'Họ và tên đệm',
      given_name: 'Tên',
    });
    // Beside a plain Họ column, Họ đệm is the tên đệm.
    expect(columnsOf(ok(['Họ', 'Họ đệm', 'Tên']))).toEqual({
      family_name: 'Họ',
      middle_name: 'Họ đệm',
      given_name: 'Tên',
    });
  });

  it('CMND is the old number when a CCCD column exists', () => {
    expect(columnsOf(ok(['Họ tên', 'CMND', 'CCCD']))).toEqual({
      full_name: 'Họ tên',
      old_id_number: 'CMND',
      id_number: 'CCCD',
    });
    expect(columnsOf(ok(['Họ tên', 'Số CMND']))).toEqual({
      full_name: 'Họ tên',
      id_number: 'Số CMND',
    });
    expect(columnsOf(ok(['Họ tên', 'Số CMND', 'Số CMND cũ']))).toEqual({
      full_name: 'Họ tên',
      id_number: 'Số CMND',
      old_id_number: 'Số CMND cũ',
    });
  });

  it('an exact name beats an alias, an alias beats a fallback; both are reported', () => {
    const r = ok(['id', 'full_name', 'Họ tên', 'id_number']);
    expect(columnsOf(r)).toEqual({ full_name: 'full_name', id_number: 'id_number' });
    expect(r.passedOver).toEqual([
      { index: 0, header: 'id', column: 'id_number', usedIndex: 3, reason: 'weaker' },
      { index: 2, header: 'Họ tên', column: 'full_name', usedIndex: 1, reason: 'weaker' },
    ]);
    const addr = ok(['Họ tên', 'Thường trú', 'Nơi ở hiện tại']);
    expect(addr.columns.address?.header).toBe('Nơi ở hiện tại');
    expect(describeRecognizedColumns(addr)).toContain(
      'Thường trú (column 2) not used: address comes from column 3',
    );
    expect(ok(['Họ tên', 'Năm sinh']).columns.dob?.header).toBe('Năm sinh');
    expect(ok(['Họ tên', 'Năm sinh', 'Ngày sinh']).columns.dob?.header).toBe('Ngày sinh');
  });

  it('the exact canonical names still work, in any case', () => {
    const r = ok(['ID', ' Full_Name ', 'DOB', 'gender', 'id_number', 'phone']);
    expect(r.columns.full_name).toEqual({
      column: 'full_name',
      index: 1,
      header: ' Full_Name ',
      by: 'exact',
    });
    expect(r.columns.dob?.by).toBe('exact');
  });
});

describe('recognizeColumns: --map', () => {
  it('wins over aliases and accepts every engine column', () => {
    const r = ok(['Họ và tên', 'ho_ten_khac', 'cmnd_cu', 'ho', 'ten'], {
      full_name: 'ho_ten_khac',
      old_id_number: 'cmnd_cu',
      family_name: 'ho',
      given_name: 'ten',
    });
    expect(r.columns.full_name).toEqual({
      column: 'full_name',
      index: 1,
      header: 'ho_ten_khac',
      by: 'map',
    });
    expect(r.columns.old_id_number?.by).toBe('map');
    expect(r.passedOver).toEqual([
      { index: 0, header: 'Họ và tên', column: 'full_name', usedIndex: 1, reason: 'mapped' },
    ]);
    expect(describeRecognizedColumns(r)).toContain('cmnd_cu → old_id_number (--map)');
  });

  it('finds the header exactly, then ignoring case, then loosely', () => {
    expect(ok(['Mã', 'NGAY SINH BN', 'ten'], { dob: 'ngay sinh bn' }).columns.dob?.index).toBe(1);
    expect(ok(['Mã', 'Ngày sinh BN', 'ten'], { dob: 'ngay_sinh_bn' }).columns.dob?.index).toBe(1);
  });

  it('resolves an ambiguity', () => {
    expect(codes(['Họ tên', 'Họ và tên'])).toEqual(['HEADER_AMBIGUOUS']);
    expect(ok(['Họ tên', 'Họ và tên'], { full_name: 'Họ và tên' }).columns.full_name?.index).toBe(
      1,
    );
  });

  it('reports unknown columns, missing headers, loose double matches and a header named twice', () => {
    expect(codes(['Họ tên'], { ngay_sinh: 'Họ tên' })).toEqual(['MAP_UNKNOWN_COLUMN']);
    expect(codes(['Họ tên'], { dob: 'ngay sinh' })).toEqual(['MAP_NOT_IN_HEADER']);
    expect(codes(['Họ tên', 'Ngày-sinh-BN', 'Ngay sinh BN!'], { dob: 'ngày sinh bn' })).toEqual([
      'MAP_AMBIGUOUS_HEADER',
    ]);
    expect(codes(['Họ tên', 'x'], { dob: 'x', phone: 'x' })).toEqual(['MAP_SAME_HEADER']);
  });
});

describe('recognizeColumns: issues', () => {
  it('duplicate headers', () => {
    const r = recognizeColumns(['Họ tên', 'Ghi chú', 'Ghi chú']);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues).toEqual([
      {
        code: 'HEADER_DUPLICATE',
        message: 'Columns 2 and 3 have the same header "Ghi chú"',
        path: ['headers', 2],
      },
    ]);
  });

  it('no name and no ID column: lists the headers seen, not values that look like data', () => {
    const r = recognizeColumns(['Mã', 'Ngày tiêm', '038095012345', '05/03/1990']);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.code)).toEqual(['NO_NAME_OR_ID_COLUMN']);
    const message = r.issues[0]?.message ?? '';
    expect(message).toContain('1 "Mã", 2 "Ngày tiêm"');
    expect(message).not.toContain('038095012345');
    expect(message).not.toContain('1990');
    expect(codes([])).toEqual(['NO_NAME_OR_ID_COLUMN']);
  });

  it('a file without a header row: its first row (a person) is not repeated in messages', () => {
    const firstRow = [
      '1',
      'Nguyễn Văn An',
      '05/03/1990',
      'Nam',
      'Nguyen Thi Hoa',
      'an@x.vn',
      'Nam',
    ];
    const r = recognizeColumns(firstRow);
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(r.issues.map((i) => i.code)).toEqual(['HEADER_DUPLICATE', 'NO_NAME_OR_ID_COLUMN']);
    const text = r.issues.map((i) => i.message).join('\n');
    for (const personal of ['Nguyễn Văn An', 'Nguyen Thi Hoa', '1990', 'an@x.vn']) {
      expect(text).not.toContain(personal);
    }
    expect(text).toContain('2 (a value that looks like data, not a header)');
  });

  it('an ID column alone, or a name part alone, is enough', () => {
    expect(codes(['CCCD'])).toEqual([]);
    expect(codes(['Tên'])).toEqual([]);
  });

  it('messages name positions and headers', () => {
    const r = recognizeColumns(['Họ tên', 'Ho ten']);
    expect(r.success ? '' : r.issues[0]?.message).toBe(
      'column 1 "Họ tên" and column 2 "Ho ten" could each be full_name; say which with --map full_name=HEADER',
    );
  });
});

describe('the alias table', () => {
  it('no two spellings of different columns fold to the same header', () => {
    const seen = new Map<string, EngineColumn>();
    for (const column of ENGINE_COLUMNS) seen.set(normalizeHeader(column), column);
    for (const a of HEADER_ALIASES) {
      const key = normalizeHeader(a.header);
      expect(key, a.header).not.toBe('');
      const prev = seen.get(key);
      if (prev !== undefined) expect(prev, a.header).toBe(a.column);
      seen.set(key, a.column);
    }
  });

  it('every alias is recognised under case, spacing, punctuation and diacritic damage', () => {
    const damaged = fc.record({
      alias: fc.constantFrom(...HEADER_ALIASES),
      upper: fc.boolean(),
      fold: fc.boolean(),
      nfd: fc.boolean(),
      sep: fc.constantFrom(' ', '  ', '_', '.', '-', '/', ''),
      wrap: fc.constantFrom(['', ''], [' ', ' '], ['(', ')'], ['', ' (*)'], ['\ufeff', '']),
    });
    fc.assert(
      fc.property(damaged, ({ alias, upper, fold, nfd, sep, wrap }) => {
        let h = alias.header.split(' ').join(sep);
        if (fold) h = foldDiacritics(h);
        if (upper) h = h.toUpperCase();
        if (nfd) h = h.normalize('NFD');
        h = `${wrap[0]}${h}${wrap[1]}`;
        expect(columnForHeader(h)).toBe(alias.column);
      }),
    );
  });
});

describe('recognizeColumns: properties', () => {
  it('never throws, on any header row and any map', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string(), fc.constantFrom(...HEADER_ALIASES.map((a) => a.header)))),
        fc.dictionary(
          fc.oneof(fc.string(), fc.constantFrom(...ENGINE_COLUMNS)),
          fc.oneof(fc.string(), fc.constant(undefined)),
        ),
        (headers, map) => {
          const r = recognizeColumns(headers, { map });
          if (r.success) {
            expect(r.data.columnAt.length).toBe(headers.length);
            for (const f of r.data.found) {
              expect(isEngineColumn(f.column)).toBe(true);
              expect(headers[f.index]).toBe(f.header);
            }
          } else {
            expect(r.issues.length).toBeGreaterThan(0);
          }
        },
      ),
    );
  });

  it('never throws on what a reader might give instead of strings', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (headers, options) => {
        const r = recognizeColumns(headers as string[], options as { map: Record<string, string> });
        expect(typeof r.success).toBe('boolean');
      }),
    );
  });

  it('unrelated headers never map to a column', () => {
    const unrelated = fc.constantFrom(
      'STT',
      'Ghi chú',
      'Dân tộc',
      'Quốc tịch',
      'Nghề nghiệp',
      'Mã BHYT',
      'Số thẻ BHYT',
      'Ngày tiêm',
      'Mũi tiêm',
      'Loại vắc xin',
      'Lô vắc xin',
      'Cơ sở tiêm',
      'Đối tượng',
      'Email',
      'Ngày cấp',
      'Nơi cấp',
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(unrelated, { minLength: 1 }),
        fc.boolean(),
        fc.nat(),
        (names, fold, seed) => {
          const headers = names.map((h, i) =>
            (fold ? foldDiacritics(h) : h)[(seed + i) % 2 === 0 ? 'toUpperCase' : 'toLowerCase'](),
          );
          const r = recognizeColumns(['Họ và tên', ...headers]);
          expect(r.success).toBe(true);
          if (r.success) expect(r.data.found.map((f) => f.header)).toEqual(['Họ và tên']);
        },
      ),
    );
  });
});

describe('joinNameParts', () => {
  it('joins họ + đệm + tên in Vietnamese order with single spaces', () => {
    expect(joinNameParts('Nguyễn', 'Văn', 'An')).toBe('Nguyễn Văn An');
    expect(joinNameParts('  Nguyễn ', ' Thị\u00a0 Thu ', 'Hà ')).toBe('Nguyễn Thị Thu Hà');
    expect(joinNameParts('Trần Thị', undefined, 'Bình')).toBe('Trần Thị Bình');
    expect(joinNameParts('Lê', '', 'Hoa')).toBe('Lê Hoa');
    expect(joinNameParts(null, null, 'Hoa')).toBe('Hoa');
    expect(joinNameParts(undefined, '  ', undefined)).toBe('');
  });

  it('never has a leading, trailing or double space, and keeps every word', () => {
    const part = fc.option(fc.string({ unit: fc.constantFrom('a', 'ễ', ' ', '\t', '\u00a0') }), {
      nil: undefined,
    });
    fc.assert(
      fc.property(part, part, part, (f, m, g) => {
        const s = joinNameParts(f, m, g);
        expect(s).toBe(s.trim());
        expect(s).not.toMatch(/\s\s/);
        const words = (x: string | undefined) => (x ?? '').split(/\s+/).filter(Boolean);
        expect(s.split(' ').filter(Boolean)).toEqual([...words(f), ...words(m), ...words(g)]);
      }),
    );
  });
});

describe('rawRecordFromRow', () => {
  it('puts engine columns under their names and every other column under its header', () => {
    const r = ok(['STT', 'Họ và tên', 'Ngày sinh', 'Số CMND/CCCD', 'CMND cũ', 'Ghi chú']);
    const row = rawRecordFromRow(['7', 'nguyễn văn an', 33000, 38095012345, 12345678, 'x'], r);
    expect({ ...row }).toEqual({
      full_name: 'nguyễn văn an',
      dob: 33000,
      id_number: 38095012345,
      old_id_number: 12345678,
      STT: '7',
      'Ghi chú': 'x',
    });
    const cleaned = cleanRecord(row as RawRecordInput);
    expect(cleaned.record.fullName.value).toBe('Nguyễn Văn An');
    expect(cleaned.record.idNumber.value).toBe('038095012345');
    expect(cleaned.record.extra).toEqual({ old_id_number: '12345678', STT: '7', 'Ghi chú': 'x' });
  });

  it('joins split name columns when there is no full name', () => {
    const split = ok(['Họ', 'Tên đệm', 'Tên']);
    expect(rawRecordFromRow([' Nguyễn ', 'Thị  Thu', 'Hà'], split)['full_name']).toBe(
      'Nguyễn Thị Thu Hà',
    );
    expect(rawRecordFromRow(['Trần Thị', 'Bình'], ok(['Họ và tên đệm', 'Tên']))['full_name']).toBe(
      'Trần Thị Bình',
    );
    const both = ok(['Họ và tên', 'Họ', 'Tên']);
    expect(rawRecordFromRow(['Lê Văn Tám', 'Lê', 'Tám'], both)['full_name']).toBe('Lê Văn Tám');
    expect(rawRecordFromRow(['', 'Lê', 'Tám'], both)['full_name']).toBe('Lê Tám');
    expect(rawRecordFromRow([null, null, null], split)['full_name']).toBeUndefined();
  });

  it('loses nothing: passed-over, empty, clashing headers and cells past the header row', () => {
    const r = ok(['dob', 'ngay_sinh_bn', '', '__proto__', 'id'], { dob: 'ngay_sinh_bn' });
    const row = rawRecordFromRow(['1990', '05/03/1990', 'a', 'b', '001', 'extra cell'], r);
    expect({ ...row }).toEqual({
      dob: '05/03/1990',
      column_1: '1990',
      column_3: 'a',
      ['__proto__']: 'b',
      id_number: '001',
      column_6: 'extra cell',
    });
    expect(Object.keys(row)).toHaveLength(6);
  });

  it('property: every cell of the row is somewhere in the record', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.oneof(fc.constantFrom(...HEADER_ALIASES.map((a) => a.header)), fc.string()),
          {
            maxLength: 8,
          },
        ),
        fc.array(
          fc.string({ minLength: 1 }).map((s) => `v:${s}`),
          { maxLength: 10 },
        ),
        (headers, cells) => {
          const r = recognizeColumns(['Họ và tên', ...headers]);
          if (!r.success) return;
          const row = rawRecordFromRow(['v:name', ...cells], r.data);
          const values = Object.values(row);
          for (const c of ['v:name', ...cells]) expect(values).toContain(c);
        },
      ),
    );
  });
});
