/**
 * fast-check arbitraries for ID numbers: valid CCCD / CMND / passport numbers and the damage
 * spreadsheets do to them (DESIGN.md §6).
 * @module
 */
import fc from 'fast-check';
import { VnReconcileError } from '../errors.js';
import { OLD_PROVINCES, oldProvinceByCode } from '../id/index.js';
import { type DamagedId, damageId, FORMATTING, ID_DAMAGES, type IdDamage } from './id-damage.js';

/** Options of {@link cccdArbitrary} and {@link cccdPartsArbitrary}. */
export interface CccdArbitraryOptions {
  /** Pre-2025 two-digit province code(s) of birth registration (default: all 63). */
  readonly province?: string | readonly string[];
  /** Sex encoded in the century digit (default: both). */
  readonly sex?: 'male' | 'female';
  /** Birth year range, inclusive, clamped to 1900–2399 (default 1920–2024). */
  readonly birthYear?: { readonly min?: number; readonly max?: number };
  /**
   * `vietnam` (default): `PPP` is `0` + a province code; `abroad`: a country code 101–295;
   * `any`: either (abroad about 1 in 10).
   */
  readonly placeOfBirth?: 'vietnam' | 'abroad' | 'any';
}

/** A generated CCCD with the parts it was built from. */
export interface GeneratedCccd {
  /** The 12-digit number. */
  readonly value: string;
  /** `PPP`. */
  readonly placeCode: string;
  /** Two-digit province code when born in Vietnam. */
  readonly provinceCode?: string;
  /** Country-of-birth code (101–295) when born abroad. */
  readonly countryCode?: number;
  readonly sex: 'male' | 'female';
  readonly birthYear: number;
  /** The six-digit serial. */
  readonly serial: string;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * Valid CCCD numbers together with the parts they encode.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(cccdPartsArbitrary({ province: '38' }), (c) => c.value.startsWith('038')));
 * ```
 */
export function cccdPartsArbitrary(
  options: CccdArbitraryOptions = {},
): fc.Arbitrary<GeneratedCccd> {
  const requested =
    options.province === undefined
      ? OLD_PROVINCES.map((p) => p.code)
      : typeof options.province === 'string'
        ? [options.province]
        : [...options.province];
  const provinces = requested.filter((c) => oldProvinceByCode(c) !== undefined);
  if (provinces.length === 0) {
    throw new VnReconcileError('OPTION_INVALID', 'cccdArbitrary: no known province code given');
  }
  const min = Math.max(1900, Math.min(2399, Math.floor(options.birthYear?.min ?? 1920)));
  const max = Math.max(min, Math.min(2399, Math.floor(options.birthYear?.max ?? 2024)));
  const place = options.placeOfBirth ?? 'vietnam';
  const domestic = fc.constantFrom(...provinces).map((code) => ({ code, country: 0 }));
  const abroad = fc.integer({ min: 101, max: 295 }).map((country) => ({ code: '', country }));
  const placeArb =
    place === 'vietnam'
      ? domestic
      : place === 'abroad'
        ? abroad
        : fc.oneof({ arbitrary: domestic, weight: 9 }, { arbitrary: abroad, weight: 1 });
  const sexArb =
    options.sex === undefined
      ? fc.constantFrom<'male' | 'female'>('male', 'female')
      : fc.constant(options.sex);
  return fc
    .tuple(placeArb, sexArb, fc.integer({ min, max }), fc.integer({ min: 0, max: 999_999 }))
    .map(([p, sex, birthYear, serialNumber]) => {
      const g = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
      const placeCode = p.country === 0 ? `0${p.code}` : String(p.country);
      const serial = pad(serialNumber, 6);
      const value = `${placeCode}${g}${pad(birthYear % 100, 2)}${serial}`;
      return p.country === 0
        ? { value, placeCode, provinceCode: p.code, sex, birthYear, serial }
        : { value, placeCode, countryCode: p.country, sex, birthYear, serial };
    });
}

/**
 * Valid 12-digit CCCD numbers (strings).
 *
 * @example
 * ```ts
 * fc.sample(cccdArbitrary({ sex: 'female', birthYear: { min: 2000, max: 2009 } }), 1); // ['0563051234…']
 * ```
 */
export function cccdArbitrary(options: CccdArbitraryOptions = {}): fc.Arbitrary<string> {
  return cccdPartsArbitrary(options).map((c) => c.value);
}

/**
 * 9-digit CMND numbers. The prefix (issuing provincial police) is not constrained: vn-reconcile
 * has no sourced table of CMND prefixes, and `parseIdNumber` accepts any 9 digits.
 *
 * @example
 * ```ts
 * fc.sample(cmndArbitrary(), 1)[0]?.length; // 9
 * ```
 */
export function cmndArbitrary(): fc.Arbitrary<string> {
  return fc.integer({ min: 0, max: 999_999_999 }).map((n) => pad(n, 9));
}

/**
 * Passport numbers: one capital letter + 7 digits.
 *
 * @example
 * ```ts
 * fc.sample(passportArbitrary(), 1); // ['C0312457']
 * ```
 */
export function passportArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.integer({ min: 65, max: 90 }), fc.integer({ min: 0, max: 9_999_999 }))
    .map(([letter, n]) => String.fromCharCode(letter) + pad(n, 7));
}

/** Options of {@link damagedIdArbitrary}. */
export interface DamagedIdArbitraryOptions {
  /** Canonical IDs to damage (default: CCCD 70%, CMND 20%, passport 10%). */
  readonly ids?: fc.Arbitrary<string>;
  /** Damages to choose from (default: all). Digit damages (and `decimal-zero`) are replaced by `spaces` on passports. */
  readonly damages?: readonly IdDamage[];
}

/**
 * A canonical ID with one spreadsheet damage applied, reporting which one and the original.
 *
 * @example
 * ```ts
 * fc.assert(
 *   fc.property(damagedIdArbitrary({ damages: ['spaces', 'number'] }), (d) => {
 *     const r = parseIdNumber(d.damaged);
 *     return !r.success || r.data.value === d.original;
 *   }),
 * );
 * ```
 */
export function damagedIdArbitrary(
  options: DamagedIdArbitraryOptions = {},
): fc.Arbitrary<DamagedId> {
  const ids =
    options.ids ??
    fc.oneof(
      { arbitrary: cccdArbitrary(), weight: 7 },
      { arbitrary: cmndArbitrary(), weight: 2 },
      { arbitrary: passportArbitrary(), weight: 1 },
    );
  const damages = options.damages ?? ID_DAMAGES;
  if (damages.length === 0) {
    throw new VnReconcileError('OPTION_INVALID', 'damagedIdArbitrary: no damage given');
  }
  return fc.tuple(ids, fc.constantFrom(...damages)).map(([id, damage]) => {
    const isPassport = id.length > 0 && !/^\d/.test(id);
    const applicable = !isPassport || (FORMATTING.has(damage) && damage !== 'decimal-zero');
    return damageId(id, applicable ? damage : 'spaces');
  });
}
