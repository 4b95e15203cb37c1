import { memoize } from '../memo.js';
import type { Issue, Result } from '../result.js';
import { normalizeName } from '../text/index.js';
import { issue, NO_WARNINGS } from './issue.js';

/** The kind of a district-level (cấp huyện) or commune-level (cấp xã) unit. */
export type AdminUnitType =
  | 'phuong'
  | 'xa'
  | 'thi-tran'
  | 'dac-khu'
  | 'quan'
  | 'huyen'
  | 'thi-xa'
  | 'thanh-pho';

/** District level (abolished on 1 July 2025, still in older records) or commune level. */
export type AdminLevel = 'district' | 'commune';

/**
 * Codes of {@link parseCommune} and {@link parseDistrict}.
 * - `ADMIN_UNIT_MISSING`: empty or blank.
 * - `ADMIN_UNIT_UNRECOGNISED`: no name left after the prefix.
 * - `ADMIN_UNIT_LEVEL_MISMATCH` (warning): e.g. `Quận 1` in the commune column.
 */
export type AdminUnitIssueCode =
  | 'ADMIN_UNIT_MISSING'
  | 'ADMIN_UNIT_UNRECOGNISED'
  | 'ADMIN_UNIT_LEVEL_MISMATCH';

/** A normalised district or commune name. */
export interface ParsedAdminUnit {
  /** `Phường 5`, `Xã An Bình`, `Thị trấn Phú Mỹ`, `Quận 1`, `Huyện Củ Chi`, or the bare name. */
  readonly value: string;
  /** The unit type from the prefix, when there was one. */
  readonly type?: AdminUnitType;
  /** The level implied by the type. */
  readonly level?: AdminLevel;
  /** The name without the prefix (`5`, `An Bình`). */
  readonly name: string;
  /** Numbered wards and districts (`Phường 05` → 5). */
  readonly number?: number;
  readonly warnings: readonly Issue<'ADMIN_UNIT_LEVEL_MISMATCH'>[];
}

const LABEL: Readonly<Record<AdminUnitType, string>> = {
  phuong: 'Phường',
  xa: 'Xã',
  'thi-tran': 'Thị trấn',
  'dac-khu': 'Đặc khu',
  quan: 'Quận',
  huyen: 'Huyện',
  'thi-xa': 'Thị xã',
  'thanh-pho': 'Thành phố',
};

const LEVEL: Readonly<Record<AdminUnitType, AdminLevel>> = {
  phuong: 'commune',
  xa: 'commune',
  'thi-tran': 'commune',
  'dac-khu': 'commune',
  quan: 'district',
  huyen: 'district',
  'thi-xa': 'district',
  'thanh-pho': 'district',
};

/**
 * Prefixes in lower case (NFC), longest first so `thị xã` wins over `thị`. Abbreviations of one
 * letter (`p`, `x`, `q`, `h`, `f`: Saigon's `F.5` for phường 5) need a dot, a digit or a space after.
 */
const PREFIXES: readonly (readonly [string, AdminUnitType])[] = (
  [
    ['phường', 'phuong'],
    ['phuong', 'phuong'],
    ['ph.', 'phuong'],
    ['p.', 'phuong'],
    ['p', 'phuong'],
    ['f.', 'phuong'],
    ['f', 'phuong'],
    ['xã', 'xa'],
    ['xa', 'xa'],
    ['x.', 'xa'],
    ['x', 'xa'],
    ['thị trấn', 'thi-tran'],
    ['thi tran', 'thi-tran'],
    ['t.trấn', 'thi-tran'],
    ['t.t.', 'thi-tran'],
    ['t.t', 'thi-tran'],
    ['tt.', 'thi-tran'],
    ['tt', 'thi-tran'],
    ['đặc khu', 'dac-khu'],
    ['dac khu', 'dac-khu'],
    ['quận', 'quan'],
    ['quan', 'quan'],
    ['q.', 'quan'],
    ['q', 'quan'],
    ['huyện', 'huyen'],
    ['huyen', 'huyen'],
    ['h.', 'huyen'],
    ['h', 'huyen'],
    ['thị xã', 'thi-xa'],
    ['thi xa', 'thi-xa'],
    ['tx.', 'thi-xa'],
    ['tx', 'thi-xa'],
    ['t.x.', 'thi-xa'],
    ['thành phố', 'thanh-pho'],
    ['thanh pho', 'thanh-pho'],
    ['tp.', 'thanh-pho'],
    ['tp', 'thanh-pho'],
    ['t.p.', 'thanh-pho'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Whether the prefix `p` (already matched) ends where a name may start. */
function boundaryAfter(lower: string, p: string): boolean {
  if (lower.length === p.length) return true;
  if (p.charCodeAt(p.length - 1) === 46) return true;
  const c = lower.charCodeAt(p.length);
  if (c === 32 || c === 46 || c === 160) return true;
  return isDigit(c);
}

function parseUnit(
  input: string,
  expected: AdminLevel,
): Result<ParsedAdminUnit, AdminUnitIssueCode> {
  if (typeof input !== 'string') {
    return { success: false, issues: [issue('ADMIN_UNIT_MISSING', 'No place name')] };
  }
  const text = input.trim().replace(/\s+/g, ' ').normalize('NFC');
  if (text.length === 0) {
    return { success: false, issues: [issue('ADMIN_UNIT_MISSING', 'No place name')] };
  }
  const lower = text.toLowerCase();
  let type: AdminUnitType | undefined;
  let rest = text;
  for (const [p, t] of PREFIXES) {
    if (lower.startsWith(p) && boundaryAfter(lower, p)) {
      type = t;
      rest = text.slice(p.length);
      break;
    }
  }
  // Separators left between prefix and name: `P. 5`, `X.- An Bình`, `Q: 1`.
  let i = 0;
  while (i < rest.length) {
    const c = rest.charCodeAt(i);
    if (c === 32 || c === 46 || c === 45 || c === 58 || c === 44) i++;
    else break;
  }
  rest = rest.slice(i).trim();
  if (rest.length === 0) {
    return {
      success: false,
      issues: [issue('ADMIN_UNIT_UNRECOGNISED', 'No name after the unit prefix')],
    };
  }
  let number: number | undefined;
  let name: string;
  let allDigits = true;
  for (let j = 0; j < rest.length; j++) {
    if (!isDigit(rest.charCodeAt(j))) {
      allDigits = false;
      break;
    }
  }
  if (allDigits && rest.length <= 3) {
    number = Number(rest);
    name = String(number);
  } else {
    name = normalizeName(rest, { repairTelex: false }).value;
  }
  const level = type === undefined ? undefined : LEVEL[type];
  const value = type === undefined ? name : `${LABEL[type]} ${name}`;
  const warnings =
    level !== undefined && level !== expected
      ? [
          issue(
            'ADMIN_UNIT_LEVEL_MISMATCH' as const,
            `A ${level}-level unit was given where a ${expected} was expected`,
          ),
        ]
      : NO_WARNINGS;
  const data: ParsedAdminUnit = {
    value,
    name,
    warnings,
    ...(type === undefined ? {} : { type }),
    ...(level === undefined ? {} : { level }),
    ...(number === undefined ? {} : { number }),
  };
  return { success: true, data };
}

// Results are immutable and these columns repeat a few thousand values: memoise per input.
const communeMemo = memoize((s) => parseUnit(s, 'commune'), 32_768);
const districtMemo = memoize((s) => parseUnit(s, 'district'), 8192);

/**
 * Normalises a commune-level unit (xã, phường, thị trấn, đặc khu): `P.5`, `p5`, `F.5`, `Phường 05`
 * → `Phường 5`; `X. An Bình`, `xa an binh` → `Xã An Bình`; `TT. Phú Mỹ` → `Thị trấn Phú Mỹ`.
 * Only the prefix and the spelling are normalised: full commune tables are not shipped, so the
 * name is not checked against a list.
 *
 * @example
 * ```ts
 * parseCommune('P.05'); // { success: true, data: { value: 'Phường 5', type: 'phuong', level: 'commune', name: '5', number: 5, warnings: [] } }
 * ```
 */
export function parseCommune(input: string): Result<ParsedAdminUnit, AdminUnitIssueCode> {
  return typeof input === 'string' ? communeMemo(input) : parseUnit(input, 'commune');
}

/**
 * Normalises a district-level unit (quận, huyện, thị xã, thành phố thuộc tỉnh): `Q.1`, `Quận 01`
 * → `Quận 1`; `H. Củ Chi` → `Huyện Củ Chi`. Districts were abolished on 1 July 2025 (NQ 202/2025/QH15)
 * but older records keep them: they are kept, never rejected.
 *
 * @example
 * ```ts
 * parseDistrict('Q.1'); // { success: true, data: { value: 'Quận 1', type: 'quan', level: 'district', name: '1', number: 1, warnings: [] } }
 * ```
 */
export function parseDistrict(input: string): Result<ParsedAdminUnit, AdminUnitIssueCode> {
  return typeof input === 'string' ? districtMemo(input) : parseUnit(input, 'district');
}
