/**
 * Header recognition (DESIGN.md §5, the file boundary): which column of a file holds which engine
 * column, from the header names officials really use (`Họ và tên`, `Ngày sinh`, `Số CMND/CCCD`,
 * `SĐT`, …), the English ones (`name`, `sex`, `date_of_birth`, `cccd`, …) and `--map` renames.
 * Pure and browser-safe: the file readers of `vn-reconcile/node` call it with the header row.
 *
 * Messages name column positions (1-based) and header names, never a cell value.
 *
 * @module
 */
import { type Issue, isNonEmpty, type Result } from '../result.js';
import { foldDiacritics, OTHER_SURNAMES, STRONG_SURNAMES } from '../text/index.js';
import { type CellValue, ENGINE_COLUMNS, type EngineColumn, isEngineColumn } from './columns.js';

/**
 * How an alias is used when several headers could give the same column.
 * - `fallback`: used only when no other header gives the column (`id`, `Năm sinh`, `Thường trú`).
 * - `cmnd`: a CMND column is the `id_number` unless another header gives `id_number` (a CCCD
 *   column), then it is the `old_id_number`.
 * - `family-middle`: `Họ đệm` / `Họ và tên đệm` hold họ + tên đệm, the `family_name`, unless a
 *   plain `Họ` column exists, then they hold the tên đệm, the `middle_name`.
 */
export type HeaderAliasRule = 'fallback' | 'cmnd' | 'family-middle';

/** One header name recognised for an engine column. */
export interface HeaderAlias {
  /** The header as files write it (matching ignores case, spacing, punctuation, diacritics). */
  readonly header: string;
  readonly column: EngineColumn;
  readonly rule?: HeaderAliasRule;
}

function aliases(
  column: EngineColumn,
  headers: readonly string[],
  rule?: HeaderAliasRule,
): HeaderAlias[] {
  return headers.map((header) =>
    rule === undefined ? { header, column } : { header, column, rule },
  );
}

/**
 * The header names recognised for each engine column (besides the column's own name), for docs
 * and help texts. Matching ignores case, spaces, punctuation and Vietnamese diacritics (`đ` = `d`),
 * so `Ho ten`, `HỌ TÊN` and `họ_tên` are all `Họ tên`. See {@link HeaderAliasRule} for `rule`.
 *
 * @example
 * ```ts
 * HEADER_ALIASES.filter((a) => a.column === 'dob').map((a) => a.header);
 * // ['Ngày sinh', 'Ngày tháng năm sinh', …, 'Năm sinh', 'birth year', …]
 * ```
 */
export const HEADER_ALIASES: readonly HeaderAlias[] = Object.freeze([
  ...aliases('full_name', [
    'Họ và tên',
    'Họ tên',
    'Họ và tên đầy đủ',
    'Họ tên đầy đủ',
    'Tên đầy đủ',
    'Họ và tên công dân',
    'Họ tên bệnh nhân',
    'Họ và tên bệnh nhân',
    'Tên bệnh nhân',
    'Họ tên người bệnh',
    'Họ và tên người được tiêm',
    'Họ tên người được tiêm',
    'Họ và tên trẻ',
    'Họ tên trẻ',
    'name',
    'full name',
    'fullname',
    'patient name',
  ]),
  ...aliases('family_name', ['Họ', 'family name', 'surname', 'last name', 'lastname']),
  ...aliases(
    'family_name',
    ['Họ và tên đệm', 'Họ đệm', 'Họ và đệm', 'Họ lót', 'Họ và tên lót', 'Họ và chữ đệm'],
    'family-middle',
  ),
  ...aliases('middle_name', [
    'Tên đệm',
    'Đệm',
    'Chữ đệm',
    'Tên lót',
    'Chữ lót',
    'Lót',
    'middle name',
    'middlename',
  ]),
  ...aliases('given_name', ['Tên', 'Tên gọi', 'given name', 'first name', 'firstname', 'forename']),
  ...aliases('dob', [
    'Ngày sinh',
    'Ngày tháng năm sinh',
    'Ngày, tháng, năm sinh',
    'NTNS',
    'Sinh ngày',
    'Ngày sinh của trẻ',
    'Ngày sinh trẻ',
    'NS',
    'date of birth',
    'date_of_birth',
    'birth_date',
    'birthdate',
    'birthday',
  ]),
  ...aliases('dob', ['Năm sinh', 'birth year', 'year of birth', 'yob'], 'fallback'),
  ...aliases('gender', ['Giới tính', 'Giới', 'Phái', 'Nam/Nữ', 'Giới tính trẻ', 'GT', 'sex']),
  ...aliases('id_number', [
    'Số CMND/CCCD',
    'CMND/CCCD',
    'CCCD/CMND',
    'Số CCCD/CMND',
    'Số CMND/CCCD/Hộ chiếu',
    'CMND/CCCD/Hộ chiếu',
    'CCCD',
    'Số CCCD',
    'Căn cước công dân',
    'Số căn cước công dân',
    'Căn cước',
    'Số căn cước',
    'Số định danh',
    'Số định danh cá nhân',
    'Mã định danh',
    'Mã định danh cá nhân',
    'national id',
    'national id number',
    'citizen id',
  ]),
  ...aliases(
    'id_number',
    [
      'CMND',
      'Số CMND',
      'CMT',
      'Số CMT',
      'Chứng minh nhân dân',
      'Số chứng minh nhân dân',
      'Chứng minh thư',
      'Số chứng minh thư',
    ],
    'cmnd',
  ),
  ...aliases('id_number', ['id'], 'fallback'),
  ...aliases('old_id_number', [
    'Số CMND cũ',
    'CMND cũ',
    'Số CMT cũ',
    'CMT cũ',
    'Số chứng minh nhân dân cũ',
    'old_cmnd',
    'old id',
    'old id number',
  ]),
  ...aliases('phone', [
    'Số điện thoại',
    'Điện thoại',
    'SĐT',
    'Số ĐT',
    'Di động',
    'Số di động',
    'Điện thoại di động',
    'phone number',
    'mobile',
    'tel',
    'telephone',
  ]),
  ...aliases('province', [
    'Tỉnh/Thành phố',
    'Tỉnh/TP',
    'Tỉnh',
    'Tỉnh thành',
    'Tên tỉnh',
    'city',
    'province name',
    'province code',
  ]),
  ...aliases('district', [
    'Quận/Huyện',
    'Huyện/Quận',
    'Quận/Huyện/Thị xã',
    'Quận/Huyện/TX',
    'Huyện',
    'Quận',
    'Tên huyện',
    'district name',
  ]),
  ...aliases('commune', [
    'Phường/Xã',
    'Xã/Phường',
    'Xã/Phường/Thị trấn',
    'Phường/Xã/Thị trấn',
    'Xã',
    'Phường',
    'Tên xã',
    'ward',
    'ward name',
    'commune name',
  ]),
  ...aliases('address', [
    'Địa chỉ',
    'Nơi ở hiện tại',
    'Địa chỉ hiện tại',
    'Chỗ ở hiện tại',
    'Nơi cư trú',
    'addr',
  ]),
  ...aliases(
    'address',
    ['Thường trú', 'Địa chỉ thường trú', 'Nơi thường trú', 'Hộ khẩu thường trú'],
    'fallback',
  ),
]);

/**
 * The comparison form of a header: diacritics folded (`đ` → `d`), lower case, and only letters
 * and digits kept (spaces, `/`, `_`, `.`, `-`, parentheses, `*` and other punctuation dropped).
 *
 * @example
 * ```ts
 * normalizeHeader(' Số CMND/CCCD (*)'); // 'socmndcccd'
 * normalizeHeader('date_of_birth'); // 'dateofbirth'
 * ```
 */
export function normalizeHeader(header: string): string {
  const folded = foldDiacritics(header.normalize('NFC')).toLowerCase();
  let out = '';
  for (let i = 0; i < folded.length; i++) {
    const c = folded.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += folded[i];
  }
  return out;
}

/** A header without its parenthesised or bracketed notes: `Ngày sinh (dd/mm/yyyy)` → `Ngày sinh`. */
function withoutNotes(header: string): string {
  return header.replace(/\([^()]*\)|\[[^[\]]*\]/g, ' ');
}

/** The alias a header is: its whole text first (`CMND (cũ)`), then without its notes. */
function aliasOf(header: string): AliasHit | undefined {
  const table = aliasLookup();
  const key = normalizeHeader(header);
  if (key === '') return undefined;
  const hit = table.get(key);
  if (hit !== undefined) return hit;
  const bare = withoutNotes(header);
  if (bare === header) return undefined;
  const bareKey = normalizeHeader(bare);
  return bareKey === '' ? undefined : table.get(bareKey);
}

interface AliasHit {
  readonly column: EngineColumn;
  readonly rule?: HeaderAliasRule;
}

let aliasTable: ReadonlyMap<string, AliasHit> | undefined;

/** Normalised header → alias, built on first use (nothing built at module load). */
function aliasLookup(): ReadonlyMap<string, AliasHit> {
  if (aliasTable !== undefined) return aliasTable;
  const table = new Map<string, AliasHit>();
  // Each engine column's own name, in any spelling (`Full Name`, `date-of-birth`, `old.id.number`).
  for (const column of ENGINE_COLUMNS) table.set(normalizeHeader(column), { column });
  for (const a of HEADER_ALIASES) {
    table.set(
      normalizeHeader(a.header),
      a.rule === undefined ? a : { column: a.column, rule: a.rule },
    );
  }
  aliasTable = table;
  return table;
}

/**
 * The engine column a header name gives on its own (without looking at the other headers), or
 * `undefined`. A CMND column is reported as `id_number` and `Họ đệm` as `family_name`:
 * {@link recognizeColumns} decides with the whole header row.
 *
 * @example
 * ```ts
 * columnForHeader('Họ và tên'); // 'full_name'
 * columnForHeader('SĐT'); // 'phone'
 * columnForHeader('Ghi chú'); // undefined
 * ```
 */
export function columnForHeader(header: string): EngineColumn | undefined {
  const text = headerText(header);
  const exact = text.trim().toLowerCase();
  if (isEngineColumn(exact)) return exact;
  return aliasOf(text)?.column;
}

/**
 * Codes of {@link recognizeColumns}.
 * - `HEADER_DUPLICATE`: two columns have the same header (their cells would overwrite each other).
 * - `HEADER_AMBIGUOUS`: two headers give the same engine column equally well (`Họ tên` and
 *   `Họ và tên`); `--map` says which one to use.
 * - `NO_NAME_OR_ID_COLUMN`: no header gives a name (full or split) or an ID number.
 * - `MAP_UNKNOWN_COLUMN`: a `--map` key is not an engine column.
 * - `MAP_NOT_IN_HEADER`: a `--map` value names no header of the file.
 * - `MAP_AMBIGUOUS_HEADER`: a `--map` value matches several headers only loosely (case, spacing,
 *   diacritics); write it exactly.
 * - `MAP_SAME_HEADER`: two `--map` keys name the same header.
 */
export type HeaderIssueCode =
  | 'HEADER_DUPLICATE'
  | 'HEADER_AMBIGUOUS'
  | 'NO_NAME_OR_ID_COLUMN'
  | 'MAP_UNKNOWN_COLUMN'
  | 'MAP_NOT_IN_HEADER'
  | 'MAP_AMBIGUOUS_HEADER'
  | 'MAP_SAME_HEADER';

/** How a header was recognised: its name is the engine column's, it is an alias, or `--map`. */
export type ColumnSource = 'exact' | 'alias' | 'map';

/** One engine column found in the header row. */
export interface RecognizedColumn {
  readonly column: EngineColumn;
  /** 0-based position in the header row. */
  readonly index: number;
  /** The header as it is in the file. */
  readonly header: string;
  readonly by: ColumnSource;
}

/** A header that could give an engine column but another header gives it. */
export interface PassedOverHeader {
  readonly index: number;
  readonly header: string;
  /** The column this header would have given. */
  readonly column: EngineColumn;
  /** Position of the header used for `column` instead. */
  readonly usedIndex: number;
  /** `mapped`: `--map` chose another header; `weaker`: a better name exists (`Thường trú` < `Địa chỉ`). */
  readonly reason: 'mapped' | 'weaker';
}

/** What {@link recognizeColumns} found. */
export interface RecognizedColumns {
  /** The header row as given (non-text header cells as text, an empty cell as `''`). */
  readonly headers: readonly string[];
  /** Engine column → where it comes from. */
  readonly columns: Readonly<Partial<Record<EngineColumn, RecognizedColumn>>>;
  /** The recognised columns in header order. */
  readonly found: readonly RecognizedColumn[];
  /** For each header position, the engine column it gives (`undefined`: kept as an extra column). */
  readonly columnAt: readonly (EngineColumn | undefined)[];
  /** Headers that could have given a column another header gives. They are kept as extra columns. */
  readonly passedOver: readonly PassedOverHeader[];
  /** Headers that give no engine column (kept as extra columns). */
  readonly unrecognized: readonly { readonly index: number; readonly header: string }[];
}

/** Options of {@link recognizeColumns}. */
export interface RecognizeColumnsOptions {
  /**
   * `--map` renames: engine column → the file's header. Wins over every alias; accepts every
   * engine column (`old_id_number`, `family_name`, … included). The header is matched exactly,
   * then ignoring case and surrounding spaces, then as {@link normalizeHeader} forms.
   */
  readonly map?: Readonly<Record<string, string | undefined>>;
}

/** The text of a header cell: readers give strings, but an xlsx header may be a number or empty. */
function headerText(h: unknown): string {
  if (typeof h === 'string') return h;
  if (typeof h === 'number' || typeof h === 'boolean' || typeof h === 'bigint') return String(h);
  return '';
}

/** A header for a message: quoted, escaped, at most 60 characters. */
function show(header: string): string {
  return JSON.stringify(header.length > 60 ? `${header.slice(0, 60)}…` : header);
}

function at(index: number, header: string): string {
  return `column ${index + 1} ${show(header)}`;
}

let surnameSets:
  | { readonly exact: ReadonlySet<string>; readonly folded: ReadonlySet<string> }
  | undefined;

function surnames() {
  if (surnameSets === undefined) {
    const lower = (w: string) => w.normalize('NFC').toLowerCase();
    surnameSets = {
      exact: new Set([...STRONG_SURNAMES, ...OTHER_SURNAMES].map(lower)),
      folded: new Set(STRONG_SURNAMES.map((w) => foldDiacritics(lower(w)))),
    };
  }
  return surnameSets;
}

/**
 * A "header" that looks like a cell of data, as in a file without a header row: a date, an ID or
 * a phone (four digits in a row), an e-mail, or a person's name (two words or more, the first a
 * surname). Messages do not repeat such a header: it may be personal data.
 */
function looksLikeData(header: string): boolean {
  if (/\d{4}|@/.test(header)) return true;
  const words = header.normalize('NFC').toLowerCase().trim().split(/\s+/);
  const first = words[0];
  if (words.length < 2 || first === undefined) return false;
  const { exact, folded } = surnames();
  return exact.has(first) || folded.has(foldDiacritics(first));
}

/** A header from the file for a message, unless it looks like data. */
function showHeader(header: string): string {
  return looksLikeData(header) ? '(a value that looks like data, not a header)' : show(header);
}

interface Candidate {
  readonly index: number;
  readonly column: EngineColumn;
  readonly by: 'exact' | 'alias';
  /** 3 exact name, 2 alias, 1 fallback alias. */
  readonly rank: number;
}

const NAME_OR_ID: readonly EngineColumn[] = [
  'full_name',
  'family_name',
  'middle_name',
  'given_name',
  'id_number',
  'old_id_number',
];

function findMapped(
  texts: readonly string[],
  theirs: string,
): { index: number } | { ambiguous: readonly number[] } | undefined {
  const exact = texts.indexOf(theirs);
  if (exact >= 0) return { index: exact };
  const loose = (s: string) => s.trim().toLowerCase();
  const wanted = loose(theirs);
  const byCase = texts.findIndex((t) => loose(t) === wanted);
  if (byCase >= 0) return { index: byCase };
  const key = normalizeHeader(theirs);
  if (key === '') return undefined;
  const hits: number[] = [];
  texts.forEach((t, i) => {
    if (normalizeHeader(t) === key) hits.push(i);
  });
  if (hits.length === 1) return { index: hits[0] as number };
  return hits.length > 1 ? { ambiguous: hits } : undefined;
}

/**
 * Recognises the engine columns of a header row: each header's own name (any case), its
 * Vietnamese or English alias ({@link HEADER_ALIASES}; case, spacing, punctuation and diacritics
 * ignored, and notes in parentheses too: `Ngày sinh (dd/mm/yyyy)`), or `options.map`, which wins. Says, for every column found, which header it came from
 * and how, so that a summary can print `Họ và tên → full_name` ({@link describeRecognizedColumns}).
 *
 * When two headers give the same column: `--map` beats an exact name, which beats an alias, which
 * beats a fallback alias (`id`, `Năm sinh`, `Thường trú`); two equally good headers are
 * `HEADER_AMBIGUOUS`. A CMND column beside a CCCD column is the `old_id_number`; `Họ đệm` beside
 * `Họ` is the `middle_name`. Headers that give nothing are kept as extra columns and listed.
 *
 * Never throws. Fails with `NO_NAME_OR_ID_COLUMN` when no header gives a name (full or split) or an
 * ID number; messages name positions and headers, never cell values (a header that looks like data,
 * as in a file without a header row, is not repeated).
 *
 * @example
 * ```ts
 * const r = recognizeColumns(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD']);
 * if (r.success) r.data.columns.full_name; // { column: 'full_name', index: 1, header: 'Họ và tên', by: 'alias' }
 * recognizeColumns(['ma', 'ho_ten_bn'], { map: { full_name: 'ho_ten_bn' } }).success; // true
 * ```
 */
export function recognizeColumns(
  headers: readonly string[],
  options: RecognizeColumnsOptions = {},
): Result<RecognizedColumns, HeaderIssueCode> {
  const issues: Issue<HeaderIssueCode>[] = [];
  const list: readonly unknown[] = Array.isArray(headers) ? headers : [];
  const texts = list.map(headerText);

  const firstAt = new Map<string, number>();
  texts.forEach((t, i) => {
    const prev = firstAt.get(t);
    if (prev === undefined) {
      firstAt.set(t, i);
      return;
    }
    issues.push({
      code: 'HEADER_DUPLICATE',
      message:
        t === ''
          ? `Columns ${prev + 1} and ${i + 1} both have an empty header`
          : `Columns ${prev + 1} and ${i + 1} have the same header ${showHeader(t)}`,
      path: ['headers', i],
    });
  });

  const chosen = new Map<EngineColumn, RecognizedColumn>();
  const mappedIndex = new Map<number, EngineColumn>();
  const map = options !== null && typeof options === 'object' ? options.map : undefined;
  if (map !== null && typeof map === 'object') {
    for (const [key, theirs] of Object.entries(map)) {
      if (theirs === undefined) continue;
      const column = key.trim().toLowerCase();
      if (!isEngineColumn(column)) {
        issues.push({
          code: 'MAP_UNKNOWN_COLUMN',
          message: `--map ${show(key)}: not a column the engine reads (${ENGINE_COLUMNS.join(', ')})`,
          path: ['map', key],
        });
        continue;
      }
      const found = typeof theirs === 'string' ? findMapped(texts, theirs) : undefined;
      if (found === undefined) {
        issues.push({
          code: 'MAP_NOT_IN_HEADER',
          message: `--map ${column}=${show(headerText(theirs))}: no header of the file has that name`,
          path: ['map', key],
        });
        continue;
      }
      if ('ambiguous' in found) {
        issues.push({
          code: 'MAP_AMBIGUOUS_HEADER',
          message: `--map ${column}=${show(headerText(theirs))}: matches columns ${found.ambiguous
            .map((i) => i + 1)
            .join(', ')}; write the header exactly`,
          path: ['map', key],
        });
        continue;
      }
      const index = found.index;
      const other = mappedIndex.get(index);
      if (other !== undefined || chosen.has(column)) {
        issues.push({
          code: 'MAP_SAME_HEADER',
          message:
            other !== undefined
              ? `--map ${column} and --map ${other} both name ${at(index, texts[index] ?? '')}`
              : `--map ${column} is given twice`,
          path: ['map', key],
        });
        continue;
      }
      mappedIndex.set(index, column);
      chosen.set(column, { column, index, header: texts[index] ?? '', by: 'map' });
    }
  }

  // What each header not named by --map could give, before looking at the other headers.
  const raw: { index: number; column: EngineColumn; exact: boolean; rule?: HeaderAliasRule }[] = [];
  const unrecognized: { index: number; header: string }[] = [];
  texts.forEach((t, index) => {
    if (mappedIndex.has(index)) return;
    const exact = t.trim().toLowerCase();
    if (isEngineColumn(exact)) {
      raw.push({ index, column: exact, exact: true });
      return;
    }
    const hit = aliasOf(t);
    if (hit === undefined) unrecognized.push({ index, header: t });
    else if (hit.rule === undefined) raw.push({ index, column: hit.column, exact: false });
    else raw.push({ index, column: hit.column, exact: false, rule: hit.rule });
  });

  // The rules that look at the whole row: CMND beside CCCD, Họ đệm beside Họ.
  const givesPlain = (column: EngineColumn) =>
    chosen.has(column) || raw.some((c) => c.column === column && c.rule === undefined);
  const otherId = givesPlain('id_number');
  const plainFamily = givesPlain('family_name');
  const candidates: Candidate[] = raw.map((c) => {
    let column = c.column;
    if (c.rule === 'cmnd' && otherId) column = 'old_id_number';
    if (c.rule === 'family-middle' && plainFamily) column = 'middle_name';
    const rank = c.exact ? 3 : c.rule === 'fallback' ? 1 : 2;
    return { index: c.index, column, by: c.exact ? 'exact' : 'alias', rank };
  });

  const passedOver: PassedOverHeader[] = [];
  const ambiguousColumns = new Set<EngineColumn>();
  for (const column of ENGINE_COLUMNS) {
    const group = candidates.filter((c) => c.column === column);
    if (group.length === 0) continue;
    const mapped = chosen.get(column);
    if (mapped !== undefined) {
      for (const c of group) {
        passedOver.push({
          index: c.index,
          header: texts[c.index] ?? '',
          column,
          usedIndex: mapped.index,
          reason: 'mapped',
        });
      }
      continue;
    }
    const best = Math.max(...group.map((c) => c.rank));
    const top = group.filter((c) => c.rank === best);
    if (top.length > 1) {
      ambiguousColumns.add(column);
      issues.push({
        code: 'HEADER_AMBIGUOUS',
        message: `${top
          .map((c) => at(c.index, texts[c.index] ?? ''))
          .join(' and ')} could each be ${column}; say which with --map ${column}=HEADER`,
        path: ['headers', (top[1] as Candidate).index],
      });
      continue;
    }
    const winner = top[0] as Candidate;
    chosen.set(column, {
      column,
      index: winner.index,
      header: texts[winner.index] ?? '',
      by: winner.by,
    });
    for (const c of group) {
      if (c === winner) continue;
      passedOver.push({
        index: c.index,
        header: texts[c.index] ?? '',
        column,
        usedIndex: winner.index,
        reason: 'weaker',
      });
    }
  }

  if (!NAME_OR_ID.some((c) => chosen.has(c) || ambiguousColumns.has(c))) {
    const seen =
      texts.length === 0
        ? 'the header row is empty'
        : `headers seen: ${texts
            .slice(0, 40)
            .map((t, i) => `${i + 1} ${showHeader(t)}`)
            .join(', ')}${texts.length > 40 ? `, … (${texts.length} columns)` : ''}`;
    issues.push({
      code: 'NO_NAME_OR_ID_COLUMN',
      message: `No column gives a name (Họ và tên, or Họ + Tên) or an ID number (Số CMND/CCCD); ${seen}. If the file has no header row, add one; or name the columns with --map`,
      path: ['headers'],
    });
  }

  if (isNonEmpty(issues)) return { success: false, issues };
  const found = [...chosen.values()].sort((a, b) => a.index - b.index);
  const columnAt: (EngineColumn | undefined)[] = texts.map(() => undefined);
  for (const f of found) columnAt[f.index] = f.column;
  passedOver.sort((a, b) => a.index - b.index);
  return {
    success: true,
    data: {
      headers: texts,
      columns: Object.fromEntries(chosen) as Partial<Record<EngineColumn, RecognizedColumn>>,
      found,
      columnAt,
      passedOver,
      unrecognized,
    },
  };
}

/**
 * One line per recognised column, in header order, for a run summary: `Họ và tên → full_name`,
 * `(--map)` after a mapped one, then a line for each header passed over.
 *
 * @example
 * ```ts
 * const r = recognizeColumns(['Họ và tên', 'dob', 'Nơi ở hiện tại', 'Thường trú']);
 * if (r.success) describeRecognizedColumns(r.data);
 * // ['Họ và tên → full_name', 'dob → dob', 'Nơi ở hiện tại → address',
 * //  'Thường trú (column 4) not used: address comes from column 3']
 * ```
 */
export function describeRecognizedColumns(r: RecognizedColumns): string[] {
  const lines = r.found.map((f) => `${f.header} → ${f.column}${f.by === 'map' ? ' (--map)' : ''}`);
  for (const p of r.passedOver) {
    lines.push(
      `${p.header} (column ${p.index + 1}) not used: ${p.column} comes from column ${
        p.usedIndex + 1
      }${p.reason === 'mapped' ? ' (--map)' : ''}`,
    );
  }
  return lines;
}

/** One part of a split name: a reader's cell, which may be missing. */
/** One part of a split name (họ, tên đệm or tên) as a file gives it: empty when missing. */
export type NamePart = string | null | undefined;

function partText(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number' && Number.isFinite(p)) return String(p);
  return '';
}

/**
 * Joins split name columns in Vietnamese order, họ + tên đệm + tên, each trimmed, one space
 * between words, empty parts skipped. Works for `Họ và tên đệm` + `Tên` too (pass the first as
 * `family` and no `middle`). Returns `''` when every part is empty.
 *
 * @example
 * ```ts
 * joinNameParts('Nguyễn', ' Văn ', 'An'); // 'Nguyễn Văn An'
 * joinNameParts('Trần Thị', undefined, 'Bình'); // 'Trần Thị Bình' (Họ và tên đệm + Tên)
 * joinNameParts('Lê', '', 'Hoa'); // 'Lê Hoa'
 * ```
 */
export function joinNameParts(family: NamePart, middle: NamePart, given: NamePart): string {
  let out = '';
  for (const p of [family, middle, given]) {
    const words = partText(p)
      .split(/[\s\u00a0\u200b\ufeff]+/)
      .filter((w) => w !== '');
    if (words.length === 0) continue;
    out = out === '' ? words.join(' ') : `${out} ${words.join(' ')}`;
  }
  return out;
}

function isBlankCell(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

/**
 * Builds the row `cleanRecord` takes from one data row of a file, with the columns
 * {@link recognizeColumns} found: each engine column under its own name (`full_name`, `dob`, …,
 * `old_id_number`, `family_name`, …), and every other column under its header, so that nothing is
 * lost. When the `full_name` cell is missing or blank, the split name columns are joined
 * ({@link joinNameParts}). An other column whose header is empty or already used as a key (an
 * engine column's name, a duplicate) is kept as `column_N` (N its 1-based position); cells beyond
 * the header row as `column_N` too. Cells are passed on as they are (numbers, dates, `null`):
 * `cleanRecord` reads them.
 *
 * @example
 * ```ts
 * const r = recognizeColumns(['STT', 'Họ', 'Tên đệm', 'Tên', 'Ngày sinh', 'CCCD']);
 * if (r.success) rawRecordFromRow(['1', 'Nguyễn', 'Văn', 'An', 33000, 38095012345], r.data);
 * // { family_name: 'Nguyễn', middle_name: 'Văn', given_name: 'An', dob: 33000, id_number: 38095012345,
 * //   STT: '1', full_name: 'Nguyễn Văn An' }
 * ```
 */
export function rawRecordFromRow(
  cells: readonly unknown[],
  columns: RecognizedColumns,
): Record<string, CellValue> {
  // No prototype: a header such as `__proto__` is an ordinary key, its cell is kept.
  const row = Object.create(null) as Record<string, CellValue>;
  const list: readonly unknown[] = Array.isArray(cells) ? cells : [];
  const cell = (v: unknown): CellValue =>
    v === null ||
    v === undefined ||
    typeof v === 'string' ||
    typeof v === 'number' ||
    typeof v === 'bigint' ||
    typeof v === 'boolean' ||
    v instanceof Date
      ? v
      : // Not a cell type: passed as text so that cleanRecord can report it, not silently dropped.
        String(v);
  for (const f of columns.found) row[f.column] = cell(list[f.index]);
  const taken = new Set<string>(ENGINE_COLUMNS);
  const width = Math.max(list.length, columns.headers.length);
  for (let i = 0; i < width; i++) {
    if (columns.columnAt[i] !== undefined) continue;
    const header = columns.headers[i] ?? '';
    const key = header === '' || taken.has(header) ? `column_${i + 1}` : header;
    taken.add(key);
    row[key] = cell(list[i]);
  }
  const parts = [row['family_name'], row['middle_name'], row['given_name']];
  if (isBlankCell(row['full_name']) && parts.some((p) => !isBlankCell(p))) {
    const [family, middle, given] = parts.map((p) => (typeof p === 'string' ? p : partText(p)));
    row['full_name'] = joinNameParts(family, middle, given);
  }
  return row;
}
