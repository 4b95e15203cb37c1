/**
 * The administrative units of a free-text address (địa chỉ), as lists write it when they have no
 * separate province, district and commune columns: `Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Hà Nội`,
 * `P.5, Q.3, TP.HCM`, `xã Tân Lập - tỉnh Nghệ An`.
 */
import type { Result } from '../result.js';
import { type ParsedAdminUnit, parseCommune, parseDistrict } from './admin-unit.js';
import { issue } from './issue.js';
import { parseProvince } from './province.js';

/** The units found in an address; each is absent when the address does not name it. */
export interface ParsedAddress {
  /** Pre-2025 two-digit GSO code of the province (the last part of the address). */
  readonly provinceCode?: string;
  /** Quận/huyện/thị xã/thành phố thuộc tỉnh, normalised as by `parseDistrict`. */
  readonly district?: string;
  /** Xã/phường/thị trấn/đặc khu, normalised as by `parseCommune`. */
  readonly commune?: string;
}

/** Codes of {@link parseAddress}: `ADDRESS_MISSING` (blank), `ADDRESS_NO_UNITS` (none named). */
export type AddressIssueCode = 'ADDRESS_MISSING' | 'ADDRESS_NO_UNITS';

const COUNTRY = /^(?:vi[eệ]t\s*nam|vn)$/iu;

/** The address cut into its parts: at commas and semicolons, else at ` - `, else whole. */
function partsOf(address: string): string[] {
  const by = /[,;\n]/.test(address) ? /[,;\n]+/ : /\s+[-–]\s+/;
  const parts = address
    .split(by)
    .map((p) => p.trim().replace(/[.\s]+$/u, ''))
    .filter((p) => p.length > 0);
  while (parts.length > 0 && COUNTRY.test(parts[parts.length - 1]!)) parts.pop();
  return parts;
}

/** A unit named with its prefix (`Xã …`, `P.5`, `Huyện …`, `Q.1`) at the wanted level. */
function unitAt(part: string, level: 'district' | 'commune'): ParsedAdminUnit | undefined {
  const r = level === 'commune' ? parseCommune(part) : parseDistrict(part);
  return r.success && r.data.type !== undefined && r.data.level === level ? r.data : undefined;
}

/**
 * The province, district and commune an address names. Only what the address says for sure is
 * taken: the province from its last part (or the last two, for `Thừa Thiên - Huế`), by name,
 * abbreviation or prefix, without fuzzy matching; a district or commune only with its prefix
 * (`Huyện`, `Quận`, `Thị xã`, `Thành phố`, `Xã`, `Phường`, `Thị trấn` and their abbreviations), so
 * that a village (`Thôn 3`, `Xóm Bãi`) or a house number is never taken for one. A trailing
 * `Việt Nam` is ignored.
 *
 * @example
 * ```ts
 * const r = parseAddress('Thôn 3, Xã Tân Lập, Huyện Đan Phượng, Thành phố Hà Nội');
 * r.success && r.data; // { provinceCode: '01', district: 'Huyện Đan Phượng', commune: 'Xã Tân Lập' }
 * const s = parseAddress('P.5, Q.3, TP.HCM');
 * s.success && s.data; // { provinceCode: '79', district: 'Quận 3', commune: 'Phường 5' }
 * ```
 */
export function parseAddress(input: string): Result<ParsedAddress, AddressIssueCode> {
  if (typeof input !== 'string' || input.trim().length === 0)
    return { success: false, issues: [issue('ADDRESS_MISSING', 'No address given')] };
  const parts = partsOf(input);
  let end = parts.length;
  let provinceCode: string | undefined;
  for (const take of [2, 1]) {
    if (end < take || provinceCode !== undefined) continue;
    const tail = parts.slice(end - take).join(' - ');
    // A unit with its own prefix is not a province (`Thành phố Thủ Đức` is a district).
    if (take === 1 && unitAt(tail, 'district') && !/^(?:th[aà]nh\s*ph[oố]|tp)/iu.test(tail))
      continue;
    // A number ending an address is a house, ward or village number, not a province code.
    if (/^[\d\s./-]*$/.test(tail)) continue;
    const p = parseProvince(tail, { fuzzy: false });
    if (p.success) {
      provinceCode = p.data.code;
      end -= take;
    }
  }
  let district: string | undefined;
  let commune: string | undefined;
  for (let i = end - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (district === undefined && commune === undefined) {
      const d = unitAt(part, 'district');
      if (d !== undefined) {
        district = d.value;
        continue;
      }
    }
    if (commune === undefined) {
      const c = unitAt(part, 'commune');
      if (c !== undefined) {
        commune = c.value;
        break;
      }
    }
  }
  if (provinceCode === undefined && district === undefined && commune === undefined)
    return {
      success: false,
      issues: [issue('ADDRESS_NO_UNITS', 'The address names no province, district or commune')],
    };
  return {
    success: true,
    data: {
      ...(provinceCode !== undefined ? { provinceCode } : {}),
      ...(district !== undefined ? { district } : {}),
      ...(commune !== undefined ? { commune } : {}),
    },
  };
}
