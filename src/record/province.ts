import { distance } from 'fastest-levenshtein';
import { OLD_PROVINCES } from '../id/index.js';
import { memoize } from '../memo.js';
import type { Issue, Result } from '../result.js';
import { decodeLegacy } from '../text/index.js';
import { issue, NO_WARNINGS } from './issue.js';
import { placeKey } from './place-key.js';
import { PROVINCE_ALIASES } from './province-spellings.js';

/**
 * Codes of {@link parseProvince}.
 * - `PROVINCE_MISSING`: empty or blank.
 * - `PROVINCE_UNRECOGNISED`: no province has this name or code.
 * - `PROVINCE_FUZZY_MATCH` (warning): one letter off a known spelling (`Ha Noii`), accepted.
 * - `PROVINCE_LEGACY_ENCODING` (warning): decoded from TCVN3/VNI/VIQR before matching.
 */
export type ProvinceIssueCode =
  | 'PROVINCE_MISSING'
  | 'PROVINCE_UNRECOGNISED'
  | 'PROVINCE_FUZZY_MATCH'
  | 'PROVINCE_LEGACY_ENCODING';

/** A recognised province (tỉnh/thành phố trực thuộc trung ương). */
export interface ParsedProvince {
  /** Pre-2025 two-digit GSO code (`79`); the CCCD place code is `0` + this. */
  readonly code: string;
  /** Official pre-2025 name without `Tỉnh`/`Thành phố` (`Hồ Chí Minh`). */
  readonly name: string;
  /**
   * Post-1 July 2025 province codes the area now belongs to: one code, or two where the old
   * province was split (Tiền Giang → Tây Ninh `80` and Đồng Tháp `82`).
   */
  readonly newCodes: readonly string[];
  readonly warnings: readonly Issue<'PROVINCE_FUZZY_MATCH' | 'PROVINCE_LEGACY_ENCODING'>[];
}

/** Options of {@link parseProvince}. */
export interface ProvinceOptions {
  /** Accept a spelling one or two edits away from a known one, with a warning (default true). */
  readonly fuzzy?: boolean;
}

interface Entry {
  readonly code: string;
  readonly name: string;
  readonly newCodes: readonly string[];
}

const BY_KEY = new Map<string, Entry>();
const ENTRIES: Entry[] = [];
for (const p of OLD_PROVINCES) {
  const entry: Entry = { code: p.code, name: p.name, newCodes: p.newCodes };
  ENTRIES.push(entry);
  BY_KEY.set(p.code, entry);
  BY_KEY.set(p.cccdPrefix, entry);
  for (const s of [p.name, p.fullName, ...(PROVINCE_ALIASES[p.code] ?? [])]) {
    BY_KEY.set(placeKey(s), entry);
  }
}
const FUZZY_KEYS = [...BY_KEY.keys()].filter((k) => k.length >= 5);

const PREFIXES = ['thanhpho', 'tinh', 'tp'];
/** Tried only for an exact match after the others: `T. An Giang` (tỉnh), `TP` written `T.P`. */
const SHORT_PREFIX = 't';

function lookup(key: string): Entry | undefined {
  const hit = BY_KEY.get(key);
  if (hit !== undefined) return hit;
  for (const p of PREFIXES) {
    if (key.length > p.length && key.startsWith(p)) {
      const rest = key.slice(p.length);
      const e = BY_KEY.get(rest);
      if (e !== undefined) return e;
      if (rest.endsWith('city')) return BY_KEY.get(rest.slice(0, -4));
    }
  }
  if (key.length > 4 && key.startsWith(SHORT_PREFIX)) return BY_KEY.get(key.slice(1));
  return undefined;
}

function fuzzy(key: string): Entry | undefined {
  let stripped = key;
  for (const p of PREFIXES) {
    if (stripped.length > p.length + 4 && stripped.startsWith(p)) {
      stripped = stripped.slice(p.length);
      break;
    }
  }
  if (stripped.length < 5) return undefined;
  const max = stripped.length >= 10 ? 2 : 1;
  let best: Entry | undefined;
  let bestD = max + 1;
  let tie = false;
  for (const k of FUZZY_KEYS) {
    if (Math.abs(k.length - stripped.length) > max) continue;
    const d = distance(k, stripped);
    const e = BY_KEY.get(k);
    if (d < bestD) {
      bestD = d;
      best = e;
      tie = false;
    } else if (d === bestD && e !== best) {
      tie = true;
    }
  }
  return tie ? undefined : best;
}

/** Whether `s` has characters that Vietnamese legacy encodings produce when read as Windows-1252. */
function looksLegacy(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x80 && c <= 0xff) || c === 0x2dc || c === 0x2c6 || c === 0x192) return true;
  }
  return false;
}

/**
 * Recognises a province (tỉnh/thành phố) from any common spelling: with or without diacritics or
 * the `Tỉnh`/`Thành phố`/`TP.` prefix, abbreviations (`HCM`, `TP.HCM`, `BRVT`, `HN`), old names
 * (`Sài Gòn`), post-2025 names (`Huế`), its two- or three-digit code, and text in a legacy
 * encoding. Returns the pre-2025 code and the post-2025 province(s).
 *
 * @example
 * ```ts
 * parseProvince('TP.HCM');               // data: { code: '79', name: 'Hồ Chí Minh', newCodes: ['79'], warnings: [] }
 * parseProvince('Tỉnh Thừa Thiên - Huế'); // data.code '46'
 * parseProvince('Bình Dương');           // data: { code: '74', newCodes: ['79'], ... }
 * ```
 */
export function parseProvince(
  input: string,
  options?: ProvinceOptions,
): Result<ParsedProvince, ProvinceIssueCode> {
  if (typeof input === 'string') {
    return options?.fuzzy === false ? strictMemo(input) : fuzzyMemo(input);
  }
  return parseProvinceUncached(input, options);
}

// Results are immutable and a province column holds few distinct spellings: memoise per input.
const fuzzyMemo = memoize((s) => parseProvinceUncached(s, undefined), 2048);
const strictMemo = memoize((s) => parseProvinceUncached(s, { fuzzy: false }), 2048);

function parseProvinceUncached(
  input: string,
  options: ProvinceOptions | undefined,
): Result<ParsedProvince, ProvinceIssueCode> {
  if (typeof input !== 'string') {
    return { success: false, issues: [issue('PROVINCE_MISSING', 'No province given')] };
  }
  const key = placeKey(input);
  if (key.length === 0) {
    const blank = input.trim().length === 0;
    return {
      success: false,
      issues: [
        blank
          ? issue('PROVINCE_MISSING', 'No province given')
          : issue('PROVINCE_UNRECOGNISED', 'Not a province name or code'),
      ],
    };
  }
  const hit = lookup(key);
  if (hit !== undefined) return found(hit, NO_WARNINGS);
  if (looksLegacy(input)) {
    const decoded = decodeLegacy(input);
    if (decoded !== input) {
      const e = lookup(placeKey(decoded));
      if (e !== undefined) {
        return found(e, [
          issue('PROVINCE_LEGACY_ENCODING', 'Decoded from a legacy Vietnamese encoding'),
        ]);
      }
    }
  }
  if (options?.fuzzy !== false) {
    const e = fuzzy(key);
    if (e !== undefined) {
      return found(e, [
        issue('PROVINCE_FUZZY_MATCH', `Read as ${e.name}, the closest known spelling`),
      ]);
    }
  }
  return {
    success: false,
    issues: [issue('PROVINCE_UNRECOGNISED', 'Not a province name or code')],
  };
}

function found(
  e: Entry,
  warnings: readonly Issue<'PROVINCE_FUZZY_MATCH' | 'PROVINCE_LEGACY_ENCODING'>[],
): Result<ParsedProvince, ProvinceIssueCode> {
  return { success: true, data: { code: e.code, name: e.name, newCodes: e.newCodes, warnings } };
}

/**
 * Every pre-2025 province as `{ code, name, newCodes }`, in code order.
 *
 * @example
 * ```ts
 * listProvinces().length; // 63
 * ```
 */
export function listProvinces(): readonly Omit<ParsedProvince, 'warnings'>[] {
  return ENTRIES;
}
