/**
 * `damage(record)`: the real-world corruptions of the synthetic list generator (the same damage
 * classes and rates, `src/testing/population/damage.ts`) applied to any record a test has, not
 * only to generated people. No fast-check needed.
 *
 * @module
 */
import { parseDateOfBirth, parsePhone, parseSex } from '../record/index.js';
import { createDamager, type Damager } from './population/damage.js';
import {
  createPopulationModel,
  drawResidence,
  type Household,
  type Person,
  type PopulationModel,
} from './population/people.js';
import { createRandom } from './population/prng.js';
import {
  type DamageCode,
  type DamageRates,
  DEFAULT_DAMAGE_RATES,
  type ListRow,
} from './population/types.js';

/**
 * A record `damage` can work on: any of the canonical text columns (`full_name`, `dob`, `gender`,
 * `id_number`, `phone`, `province`, `district`, `commune`, `address`), and any other column, kept
 * as it is.
 */
export type DamageableRecord = { readonly [column: string]: string | undefined };

/** Options of {@link damage}. */
export interface DamageOptions {
  /** Seed of the damage (default 1): the same record, options and seed give the same copy. */
  readonly seed?: number;
  /**
   * Probability of each defect (missing codes take {@link DEFAULT_DAMAGE_RATES}). Set a code to 1
   * to force it where it can apply, or to 0 to rule it out.
   */
  readonly rates?: Partial<DamageRates>;
  /**
   * Apply only these defects (every other rate is 0), at the rates given or the default ones;
   * e.g. `only: ['NAME_NO_DIACRITICS']` with `rates: { NAME_NO_DIACRITICS: 1 }`.
   */
  readonly only?: readonly DamageCode[];
}

/** What {@link damage} returns: the damaged copy and the defects it carries. */
export interface DamagedCopy<R extends DamageableRecord> {
  /** The copy: every column of the record, the canonical ones (where present) damaged. */
  readonly record: { readonly [K in keyof R]: string };
  /** The defects applied, in `DAMAGE_CODES` order (empty: the copy is the record, reformatted). */
  readonly damages: readonly DamageCode[];
}

/** The fields a damage code touches (by prefix), to drop codes of a field the record lacks. */
const FIELD_OF_PREFIX: readonly (readonly [string, keyof ListRow])[] = [
  ['NAME_', 'full_name'],
  ['ID_', 'id_number'],
  ['DOB_', 'dob'],
  ['GENDER_', 'gender'],
  ['PHONE_', 'phone'],
];

let model: PopulationModel | undefined;
const damagers = new Map<string, Damager>();

/** The damager of these rates (built once per distinct rates; the population model once). */
function damagerFor(rates: DamageRates): Damager {
  const key = JSON.stringify(rates);
  let d = damagers.get(key);
  if (d === undefined) {
    model ??= createPopulationModel();
    d = createDamager(model, rates);
    if (damagers.size > 32) damagers.clear();
    damagers.set(key, d);
  }
  return d;
}

function ratesOf(options: DamageOptions): DamageRates {
  const given = { ...DEFAULT_DAMAGE_RATES, ...options.rates };
  // A residence move would replace the record's address with a synthetic one: never applied.
  const rates: Record<DamageCode, number> = { ...given, MOVED: 0 };
  if (options.only) {
    const keep = new Set(options.only);
    for (const code of Object.keys(rates) as DamageCode[]) if (!keep.has(code)) rates[code] = 0;
  }
  return rates;
}

const text = (v: string | undefined): string => (v ?? '').trim();

/**
 * Applies the real-world corruptions of Vietnamese health records to a copy of `record`: on the
 * name (no diacritics, TCVN3 / VNI bytes, NFD, modern tone placement, a typo, a missing or extra
 * middle name, Hoàng↔Huỳnh, reversed order, capitals, NBSP), the ID number (missing, a relative's,
 * a typo, a transposition, the old CMND, the leading zero lost, scientific notation, `'`, `.0`,
 * separators), the date of birth (missing, year only, day and month swapped, year ±1, 01/01
 * placeholder, and its written format), sex (missing, wrong, its spelling) and phone (missing,
 * another person's, the leading zero lost, the pre-2018 11-digit form, its spelling) and the place
 * (commune, district and province written into the address cell, their own cells empty, when the
 * record has an address column); a move to another residence is never applied. The damage classes and default rates are those of the
 * synthetic list (`generateList`), so a copy is as damaged as a real list row is on average.
 *
 * A column the record does not have stays absent; other columns are kept.
 *
 * @example
 * ```ts
 * const { record, damages } = damage(
 *   { full_name: 'Nguyễn Thị Hòa', dob: '1990-03-05', id_number: '001190012345', ma_ho: 'H1' },
 *   { seed: 7, only: ['NAME_NO_DIACRITICS'], rates: { NAME_NO_DIACRITICS: 1 } },
 * );
 * record.full_name; // 'Nguyen Thi Hoa'
 * damages; // ['NAME_NO_DIACRITICS']
 * record.ma_ho; // 'H1'
 * ```
 */
export function damage<const R extends DamageableRecord>(
  record: R,
  options: DamageOptions = {},
): DamagedCopy<R> {
  const random = createRandom(options.seed ?? 1);
  const rates = ratesOf(options);
  const damager = damagerFor(rates);

  const fullName = text(record['full_name']).replace(/\s+/g, ' ');
  const words = fullName === '' ? [] : fullName.split(' ');
  const hasName = words.length >= 2;
  const dobText = text(record['dob']);
  const dob = dobText === '' ? undefined : parseDateOfBirth(dobText);
  const date = dob?.success ? dob.data.value : undefined;
  const fullDob =
    date?.month !== undefined && date.day !== undefined
      ? { year: date.year, month: date.month, day: date.day }
      : undefined;
  const sexText = text(record['gender']);
  const sex = sexText === '' ? undefined : parseSex(sexText);
  const phoneText = text(record['phone']);
  const parsedPhone = phoneText === '' ? undefined : parsePhone(phoneText);
  // The phone defects are those of mobile numbers (the 2018 migration, a lost leading zero).
  const mobile =
    parsedPhone?.success && parsedPhone.data.kind === 'mobile' ? parsedPhone.data.value : undefined;
  const id = text(record['id_number']);

  const female = sex?.success ? sex.data === 'female' : words.includes('Thị');
  const y = fullDob?.year ?? 1990;
  const m = fullDob?.month ?? 1;
  const d = fullDob?.day ?? 1;
  const pad = (n: number) => String(n).padStart(2, '0');
  model ??= createPopulationModel();
  const residence = drawResidence(model, random, 0);
  const members: Person[] = [];
  const household: Household = { residence, members };
  const person: Person = {
    index: -1,
    surname: hasName ? (words[0] as string) : 'Nguyễn',
    middle: hasName ? words.slice(1, -1) : [],
    given: hasName ? (words[words.length - 1] as string) : 'An',
    fullName: hasName ? fullName : 'Nguyễn An',
    sex: female ? 1 : 0,
    year: y,
    month: m,
    day: d,
    dob: `${y}-${pad(m)}-${pad(d)}`,
    birthProvince: 1,
    cccd: id,
    cmnd: '',
    phone: mobile ?? '',
    household,
    twinOf: -1,
  };
  members.push(person);
  const damaged = damager.damage(person, random);

  // Keep what the record lacks (or what could not be read) as it was, with no defect claimed.
  const present: Record<keyof ListRow, boolean> = {
    record_id: false,
    full_name: hasName,
    id_number: id !== '',
    dob: fullDob !== undefined,
    gender: sex?.success === true,
    phone: mobile !== undefined,
    province: false,
    district: false,
    commune: false,
    address: false,
  };
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) out[k] = v ?? '';
  for (const field of ['full_name', 'id_number', 'dob', 'gender', 'phone'] as const) {
    if (present[field] && field in record) out[field] = damaged[field];
  }
  // The whole place written into the address cell (rolled by the damager at its rate), applied
  // to the record's own place columns.
  const places = (['commune', 'district', 'province'] as const).filter(
    (c) => text(record[c]) !== '',
  );
  const placeInAddress =
    damaged.damages.includes('PLACE_IN_ADDRESS') && places.length > 0 && 'address' in record;
  if (placeInAddress) {
    out['address'] = [text(record['address']), ...places.map((c) => text(record[c]))]
      .filter((x) => x !== '')
      .join(', ');
    for (const c of places) out[c] = '';
  }
  const damages = damaged.damages.filter((code) => {
    if (code === 'PLACE_IN_ADDRESS') return placeInAddress;
    const entry = FIELD_OF_PREFIX.find(([prefix]) => code.startsWith(prefix));
    return entry !== undefined && present[entry[1]] && entry[1] in record;
  });
  return { record: out as { readonly [K in keyof R]: string }, damages };
}
