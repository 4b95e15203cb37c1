/**
 * The population model: households of people with names, dates of birth, places of birth,
 * identity numbers and phones. Internal to the generator; {@link generateRegister} turns people
 * into register rows and {@link generateList} damages them into list rows.
 *
 * @module
 */
import {
  MIDDLE_NAME_COHORT_SPLIT_YEAR,
  NAME_TABLES_BY_SEX,
  SECOND_MIDDLE_NAMES,
  SURNAMES,
  type WeightedTable,
  weightedTable,
} from '../names-data.js';
import {
  buildGeography,
  type Commune,
  type District,
  makeAddress,
  type ProvinceGeography,
} from './geography.js';
import type { Random } from './prng.js';
import { PROVINCE_FACTS } from './provinces-data.js';
import { createSampler, type Sampler } from './sampler.js';

/** Sex as the register records it: 0 = male (Nam), 1 = female (Nữ). */
export type SexCode = 0 | 1;

/** Where a household lives. */
export interface Residence {
  /** Index into the generator's geography (PROVINCE_FACTS order). */
  readonly provinceIndex: number;
  readonly province: string;
  readonly district: string;
  readonly commune: string;
  readonly address: string;
  /** The district as a unit (kind + bare name), for the list's spelling variants. */
  readonly districtUnit: District;
  /** The commune as a unit (kind + bare name). */
  readonly communeUnit: Commune;
}

/** One synthetic person (internal model, richer than a register row). */
export interface Person {
  /** 0-based position in the register (−1 for people outside the register). */
  readonly index: number;
  readonly surname: string;
  /** Middle names (tên đệm), zero, one or two. */
  readonly middle: readonly string[];
  readonly given: string;
  readonly fullName: string;
  readonly sex: SexCode;
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** `YYYY-MM-DD`. */
  readonly dob: string;
  /** GSO code of the province where the birth was registered (the CCCD's PPP). */
  readonly birthProvince: number;
  /** 12-digit CCCD / personal identification number. */
  readonly cccd: string;
  /** Old 9-digit CMND, or empty. */
  readonly cmnd: string;
  /** 10-digit mobile number, or empty. */
  readonly phone: string;
  readonly household: Household;
  /** Set when this person is one of twins: the index of the twin within the household. */
  readonly twinOf: number;
}

/** People living together at one address. */
export interface Household {
  readonly residence: Residence;
  /**
   * Everyone drawn for the household. The register's last household may be cut short by the
   * register size: its extra members (index ≥ size) exist here but not in the register.
   */
  readonly members: readonly Person[];
}

/** The last day a register person can be born on (the register snapshot). */
export const REGISTER_SNAPSHOT = { year: 2024, month: 12, day: 31 } as const;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/**
 * Days in a month of the Gregorian calendar.
 *
 * @example
 * ```ts
 * daysInMonth(2024, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0)) return 29;
  return DAYS_IN_MONTH[month - 1] ?? 30;
}

const PAD2: readonly string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/**
 * Two-digit zero-padded form of 0–99, from a table.
 *
 * @example
 * ```ts
 * pad2(7); // '07'
 * ```
 */
export function pad2(n: number): string {
  return PAD2[n] ?? String(n).padStart(2, '0');
}

/**
 * `count` random decimal digits (count ≤ 9), zero-padded.
 *
 * @example
 * ```ts
 * randomDigits(createRandom(1), 7); // e.g. '0412345'
 * ```
 */
export function randomDigits(random: Random, count: number): string {
  const base = POWERS_OF_TEN[count] ?? 10 ** count;
  return String(base + random.int(base)).slice(1);
}

const POWERS_OF_TEN = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9] as const;

/** Mobile prefixes in use since the 2018 migration, weighted roughly by subscribers. */
const MOBILE_PREFIXES: WeightedTable = /*#__PURE__*/ weightedTable(`
  086 4, 096 8, 097 9, 098 9, 032 4, 033 4, 034 4, 035 4, 036 4, 037 4, 038 4, 039 4, 088 2,
  091 6, 094 5, 081 2, 082 2, 083 2, 084 2, 085 2, 089 2, 090 6, 093 5, 070 2, 076 2, 077 2,
  078 2, 079 2, 092 1, 056 1, 058 1, 099 0.3, 059 0.3
`);

function regionalSurnames(region: 0 | 1 | 2): WeightedTable {
  // Hoàng/Huỳnh and Vũ/Võ are regional forms of the same names (DESIGN.md §6).
  const shares: Record<string, readonly [number, number, number]> = {
    Hoàng: [4.6, 3, 0.8],
    Huỳnh: [0.1, 0.6, 4],
    Vũ: [3.6, 1, 0.4],
    Võ: [0.2, 3, 3.6],
  };
  return SURNAMES.map((e) => {
    const s = shares[e.value];
    return s ? { value: e.value, weight: s[region] } : e;
  });
}

/** Samplers and lookup tables shared by every household of one generator. */
export interface PopulationModel {
  readonly geography: readonly ProvinceGeography[];
  readonly pickProvince: Sampler<number>;
  readonly pickSurname: readonly Sampler<string>[];
  readonly region: Uint8Array;
  readonly maleMiddleOlder: Sampler<string>;
  readonly maleMiddleYounger: Sampler<string>;
  readonly femaleMiddleOlder: Sampler<string>;
  readonly femaleMiddleYounger: Sampler<string>;
  readonly secondMiddle: Sampler<string>;
  readonly maleGiven: Sampler<string>;
  readonly femaleGiven: Sampler<string>;
  readonly mobilePrefix: Sampler<string>;
  /** Memo of one-element middle-name arrays (shared, never mutated). */
  readonly singleMiddle: Map<string, readonly string[]>;
}

/**
 * Builds the samplers of the population model (about a millisecond; reuse it).
 *
 * @example
 * ```ts
 * const model = createPopulationModel();
 * ```
 */
export function createPopulationModel(): PopulationModel {
  const geography = buildGeography();
  const { male, female } = NAME_TABLES_BY_SEX;
  const region = new Uint8Array(geography.length);
  geography.forEach((g, i) => {
    region[i] = g.facts.code < 38 ? 0 : g.facts.code < 49 ? 1 : 2;
  });
  return {
    geography,
    pickProvince: createSampler(PROVINCE_FACTS.map((p, i) => ({ value: i, weight: p.population }))),
    pickSurname: [
      createSampler(regionalSurnames(0)),
      createSampler(regionalSurnames(1)),
      createSampler(regionalSurnames(2)),
    ],
    region,
    maleMiddleOlder: createSampler(male.middleOlder),
    maleMiddleYounger: createSampler(male.middleYounger),
    femaleMiddleOlder: createSampler(female.middleOlder),
    femaleMiddleYounger: createSampler(female.middleYounger),
    secondMiddle: createSampler(SECOND_MIDDLE_NAMES),
    maleGiven: createSampler(male.given),
    femaleGiven: createSampler(female.given),
    mobilePrefix: createSampler(MOBILE_PREFIXES),
    singleMiddle: new Map(),
  };
}

/**
 * Draws a place of residence: a province by population, a district, a commune and an address.
 *
 * @example
 * ```ts
 * const home = drawResidence(createPopulationModel(), createRandom(1));
 * ```
 */
export function drawResidence(
  model: PopulationModel,
  random: Random,
  provinceIndex = model.pickProvince(random),
): Residence {
  const g = model.geography[provinceIndex] as ProvinceGeography;
  // Earlier districts (the provincial city, inner districts) are more populous.
  const nd = g.districts.length;
  const di = random.chance(0.4) ? random.int(Math.min(3, nd)) : random.int(nd);
  const d = g.districts[di] as District;
  const c = d.communes[random.int(d.communes.length)] as Commune;
  return {
    provinceIndex,
    province: g.facts.name,
    district: d.name,
    commune: c.name,
    address: makeAddress(random, d.urban, g.facts.code),
    districtUnit: d,
    communeUnit: c,
  };
}

/**
 * Unique-number allocator: the n-th number of a bucket is an affine permutation of n modulo the
 * bucket's range, so numbers look random, never repeat within a bucket, and need only a counter.
 * Register people count up from 0, people outside the register count down from the top, so the
 * two never collide.
 */
export interface NumberAllocator {
  readonly next: (bucket: number, range: number, fromTop: boolean) => number;
}

/**
 * Creates a {@link NumberAllocator} whose permutations depend on the seed.
 *
 * @example
 * ```ts
 * const alloc = createNumberAllocator(42, 100_000);
 * alloc.next(5, 1_000_000, false); // a 6-digit serial, unique within bucket 5
 * ```
 */
export function createNumberAllocator(seed: number, buckets: number): NumberAllocator {
  const up = new Uint32Array(buckets);
  const down = new Uint32Array(buckets);
  return {
    next(bucket, range, fromTop) {
      const counter = fromTop ? range - 1 - (down[bucket] ?? 0) : (up[bucket] ?? 0);
      if (fromTop) down[bucket] = (down[bucket] ?? 0) + 1;
      else up[bucket] = (up[bucket] ?? 0) + 1;
      // Multiplier coprime with 10^k (odd, not a multiple of 5); offset from seed and bucket.
      const mult = 7_919 * 2 + 1; // 15839
      const offset = (Math.imul(seed ^ Math.imul(bucket, 0x9e3779b1), 0x85ebca6b) >>> 0) % range;
      return (mult * counter + offset) % range;
    },
  };
}

/** Everything a household needs to draw its members. */
export interface HouseholdContext {
  readonly model: PopulationModel;
  readonly random: Random;
  readonly numbers: NumberAllocator;
  /** People outside the register take numbers from the top of each range. */
  readonly outsideRegister: boolean;
}

/** A person being built: every field of {@link Person}, writable, created with one shape. */
type Draft = { -readonly [K in keyof Person]: Person[K] };

function makeDraft(
  household: Household,
  surname: string,
  middle: readonly string[],
  given: string,
  sex: SexCode,
  year: number,
  month: number,
  day: number,
  birthProvince: number,
  phone: string,
): Draft {
  return {
    index: -1,
    surname,
    middle,
    given,
    fullName: '',
    sex,
    year,
    month,
    day,
    dob: '',
    birthProvince,
    cccd: '',
    cmnd: '',
    phone,
    household,
    twinOf: -1,
  };
}

const NO_MIDDLE: readonly string[] = [];

function middleFor(ctx: HouseholdContext, sex: SexCode, year: number): readonly string[] {
  const { model, random } = ctx;
  if (random.chance(0.01)) return NO_MIDDLE;
  const young = year >= MIDDLE_NAME_COHORT_SPLIT_YEAR;
  const first =
    sex === 0
      ? (young ? model.maleMiddleYounger : model.maleMiddleOlder)(random)
      : (young ? model.femaleMiddleYounger : model.femaleMiddleOlder)(random);
  if (random.chance(young ? 0.12 : 0.04)) {
    const second = model.secondMiddle(random);
    if (second !== first) return [first, second];
  }
  // One shared array per single middle name: most people have exactly one.
  let single = model.singleMiddle.get(first);
  if (single === undefined) {
    single = [first];
    model.singleMiddle.set(first, single);
  }
  return single;
}

function givenFor(ctx: HouseholdContext, sex: SexCode): string {
  return (sex === 0 ? ctx.model.maleGiven : ctx.model.femaleGiven)(ctx.random);
}

function birthProvinceFor(ctx: HouseholdContext, home: number, child: boolean): number {
  const { random, model } = ctx;
  const stay = child ? 0.95 : 0.8;
  const index = random.chance(stay) ? home : model.pickProvince(random);
  return PROVINCE_FACTS[index]?.code ?? 1;
}

function phoneFor(ctx: HouseholdContext, age: number): string {
  const { random } = ctx;
  const p = age < 15 ? 0 : age < 18 ? 0.6 : age >= 70 ? 0.6 : 0.9;
  if (!random.chance(p)) return '';
  return ctx.model.mobilePrefix(random) + randomDigits(random, 7);
}

function adult(
  ctx: HouseholdContext,
  household: Household,
  sex: SexCode,
  year: number,
  surname?: string,
): Draft {
  const { random, model } = ctx;
  const home = household.residence.provinceIndex;
  const month = 1 + random.int(12);
  const day = 1 + random.int(daysInMonth(year, month));
  return makeDraft(
    household,
    surname ?? (model.pickSurname[model.region[home] ?? 0] as Sampler<string>)(random),
    middleFor(ctx, sex, year),
    givenFor(ctx, sex),
    sex,
    year,
    month,
    day,
    birthProvinceFor(ctx, home, false),
    phoneFor(ctx, REGISTER_SNAPSHOT.year - year),
  );
}

function hasGiven(siblings: readonly Draft[], given: string): boolean {
  for (const s of siblings) if (s.given === given) return true;
  return false;
}

function addChildren(
  ctx: HouseholdContext,
  household: Household,
  drafts: Draft[],
  fatherSurname: string,
  motherSurname: string,
  motherYear: number,
  max: number,
): void {
  const { random } = ctx;
  const wanted = 1 + (random.chance(0.7) ? random.int(2) : random.int(max));
  let year = motherYear + 18 + random.int(12);
  const siblings: Draft[] = [];
  const useMother = random.chance(0.03);
  const home = household.residence.provinceIndex;
  let sharedMiddle: [readonly string[] | undefined, readonly string[] | undefined] = [
    undefined,
    undefined,
  ];
  if (!random.chance(0.5)) sharedMiddle = [[], []];
  for (let k = 0; k < wanted && year <= REGISTER_SNAPSHOT.year; k++) {
    const twins = random.chance(0.015) ? 2 : 1;
    const month = 1 + random.int(12);
    const day = 1 + random.int(daysInMonth(year, month));
    const birthProvince = birthProvinceFor(ctx, home, true);
    for (let t = 0; t < twins; t++) {
      const sex: SexCode = random.chance(0.512) ? 0 : 1;
      let middle: readonly string[] = middleFor(ctx, sex, year);
      const shared = sharedMiddle[sex];
      if (shared !== undefined) {
        if (shared.length === 0) sharedMiddle[sex] = middle;
        else middle = shared;
      }
      let given = givenFor(ctx, sex);
      for (let tries = 0; tries < 5 && hasGiven(siblings, given); tries++) {
        given = givenFor(ctx, sex);
      }
      const draft = makeDraft(
        household,
        useMother ? motherSurname : fatherSurname,
        middle,
        given,
        sex,
        year,
        month,
        day,
        birthProvince,
        phoneFor(ctx, REGISTER_SNAPSHOT.year - year),
      );
      if (t === 1) draft.twinOf = drafts.length - 1;
      if (t === 1) {
        const first = drafts[drafts.length - 1];
        if (first) first.twinOf = drafts.length;
      }
      drafts.push(draft);
      siblings.push(draft);
    }
    year += 1 + random.int(6);
  }
  let motherPhone = '';
  for (const d of drafts) if (d.sex === 1 && d.year === motherYear) motherPhone = d.phone;
  for (const s of siblings) {
    if (s.phone === '' && REGISTER_SNAPSHOT.year - s.year < 15 && random.chance(0.5)) {
      s.phone = motherPhone;
    }
  }
}

function headYear(random: Random): number {
  // Sum of two uniforms: heads of household born 1945–2001, most around 1973.
  return 1945 + random.int(29) + random.int(29);
}

function drafts(ctx: HouseholdContext, household: Household): Draft[] {
  const { random, model } = ctx;
  const home = household.residence.provinceIndex;
  const out: Draft[] = [];
  const kind = random.float();
  const pickSurname = model.pickSurname[model.region[home] ?? 0] as Sampler<string>;
  if (kind < 0.12) {
    out.push(adult(ctx, household, random.chance(0.45) ? 0 : 1, 1938 + random.int(69)));
    return out;
  }
  const husbandYear = headYear(random);
  const wifeYear = Math.min(2004, husbandYear + random.int(9) - 1);
  if (kind < 0.2) {
    // Single parent with children (most often the mother).
    const mother = random.chance(0.7);
    const parent = adult(ctx, household, mother ? 1 : 0, mother ? wifeYear : husbandYear);
    out.push(parent);
    const otherSurname = pickSurname(random);
    addChildren(
      ctx,
      household,
      out,
      mother ? otherSurname : parent.surname,
      mother ? parent.surname : otherSurname,
      wifeYear,
      3,
    );
    return out;
  }
  const husband = adult(ctx, household, 0, husbandYear);
  const wife = adult(ctx, household, 1, wifeYear);
  // Three generations: one or two of the husband's parents (born 1928 or later) live with them.
  const gfYear = husbandYear - 22 - random.int(17);
  if (kind >= 0.85 && gfYear >= 1928) {
    const gmYear = Math.min(husbandYear - 18, gfYear + random.int(8));
    if (random.chance(0.6)) out.push(adult(ctx, household, 0, gfYear, husband.surname));
    if (out.length === 0 || random.chance(0.7)) out.push(adult(ctx, household, 1, gmYear));
  }
  out.push(husband, wife);
  if (kind >= 0.3) addChildren(ctx, household, out, husband.surname, wife.surname, wifeYear, 4);
  return out;
}

function cccd(ctx: HouseholdContext, d: Draft): string {
  const century = d.year >= 2000 ? 2 : 0;
  const g = century + d.sex;
  const yy = d.year % 100;
  const bucket = (d.birthProvince * 10 + g) * 100 + yy;
  const serial = ctx.numbers.next(bucket, 1_000_000, ctx.outsideRegister);
  return `0${pad2(d.birthProvince)}${g}${pad2(yy)}${String(1_000_000 + serial).slice(1)}`;
}

function cmnd(ctx: HouseholdContext, d: Draft, homeIndex: number): string {
  const { random } = ctx;
  if (d.year > 2001 || !random.chance(d.year < 1990 ? 0.6 : 0.4)) return '';
  const byHome = random.chance(0.85);
  const facts = byHome
    ? PROVINCE_FACTS[homeIndex]
    : PROVINCE_FACTS.find((p) => p.code === d.birthProvince);
  const prefix = facts?.cmndPrefix ?? '01';
  const bucket = 97_000 + Number(prefix);
  const serial = ctx.numbers.next(bucket, 10_000_000, ctx.outsideRegister);
  return prefix + String(10_000_000 + serial).slice(1);
}

/**
 * Draws one household at a fresh residence, with 1–9 members. `firstIndex` is the register index of
 * its first member (or −1 for people outside the register).
 *
 * @example
 * ```ts
 * const ctx = { model: createPopulationModel(), random: createRandom(1),
 *   numbers: createNumberAllocator(1, NUMBER_BUCKETS), outsideRegister: false };
 * drawHousehold(ctx, 0).members.length; // 1 to 9
 * ```
 */
export function drawHousehold(ctx: HouseholdContext, firstIndex: number): Household {
  const residence = drawResidence(ctx.model, ctx.random);
  const members: Person[] = [];
  const household: Household = { residence, members };
  const list = drafts(ctx, household);
  for (let i = 0; i < list.length; i++) {
    const d = list[i] as Draft;
    d.index = firstIndex < 0 ? -1 : firstIndex + i;
    d.fullName =
      d.middle.length === 0
        ? `${d.surname} ${d.given}`
        : d.middle.length === 1
          ? `${d.surname} ${d.middle[0]} ${d.given}`
          : `${d.surname} ${d.middle.join(' ')} ${d.given}`;
    d.dob = `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
    d.cccd = cccd(ctx, d);
    d.cmnd = cmnd(ctx, d, residence.provinceIndex);
    members.push(d);
  }
  return household;
}

/** Number of buckets a {@link NumberAllocator} needs for {@link drawHousehold}. */
export const NUMBER_BUCKETS = 97_100;
