/**
 * The synthetic population register (CSDLQG về dân cư): people in households, streamed row by row.
 *
 * @module
 */
import {
  createNumberAllocator,
  createPopulationModel,
  drawHousehold,
  type HouseholdContext,
  NUMBER_BUCKETS,
  type Person,
  type PopulationModel,
} from './people.js';
import { createRandom, deriveSeed } from './prng.js';
import type { RegisterRow } from './types.js';

/** Options of {@link generateRegister} and {@link generatePeople}. */
export interface RegisterOptions {
  /** Any 32-bit integer; the same seed always gives the same register. */
  readonly seed: number;
  /** Number of people. */
  readonly size: number;
  /** A model built once with `createPopulationModel()`, to share between calls (optional). */
  readonly model?: PopulationModel;
}

/** Stream numbers of the independent random sources derived from one seed. */
export const STREAM = { register: 1, numbers: 2, list: 3, outside: 4 } as const;

/**
 * Streams the people of the register (the internal model, with household, place of birth and
 * twins), in register order: household by household, `size` people in all.
 *
 * @example
 * ```ts
 * for (const p of generatePeople({ seed: 1, size: 10 })) console.log(p.fullName, p.cccd);
 * ```
 */
export function* generatePeople(options: RegisterOptions): Generator<Person, void, undefined> {
  const next = createPeopleCursor(options);
  for (let p = next(); p !== undefined; p = next()) yield p;
}

/**
 * The register as a cursor: each call returns the next person, then `undefined` at the end. The
 * same sequence as {@link generatePeople}, without the iterator protocol on hot paths.
 *
 * @example
 * ```ts
 * const next = createPeopleCursor({ seed: 1, size: 3 });
 * next()?.index; // 0
 * ```
 */
export function createPeopleCursor(options: RegisterOptions): () => Person | undefined {
  const { seed, size } = options;
  const ctx: HouseholdContext = {
    model: options.model ?? createPopulationModel(),
    random: createRandom(deriveSeed(seed, STREAM.register)),
    numbers: createNumberAllocator(deriveSeed(seed, STREAM.numbers), NUMBER_BUCKETS),
    outsideRegister: false,
  };
  let index = 0;
  let members: readonly Person[] = [];
  let end = 0;
  let k = 0;
  return () => {
    if (k >= end) {
      if (index >= size) return undefined;
      members = drawHousehold(ctx, index).members;
      end = Math.min(members.length, size - index);
      index += end;
      k = 0;
    }
    return members[k++];
  };
}

/**
 * The register row of a person.
 *
 * @example
 * ```ts
 * const [first] = generatePeople({ seed: 1, size: 1 });
 * toRegisterRow(first!).person_id; // 'P0'
 * ```
 */
export function toRegisterRow(p: Person): RegisterRow {
  const r = p.household.residence;
  return {
    person_id: `P${p.index}`,
    full_name: p.fullName,
    dob: p.dob,
    gender: p.sex === 0 ? 'Nam' : 'Nữ',
    id_number: p.cccd,
    phone: p.phone,
    province: r.province,
    district: r.district,
    commune: r.commune,
    address: r.address,
    old_id_number: p.cmnd,
  };
}

/**
 * Streams the rows of a synthetic population register: `size` people in households sharing an
 * address and often the father's surname, with valid CCCD numbers consistent with sex, birth year
 * and province of birth, old CMND numbers for some older people, and mobile phones. Deterministic
 * for a given seed; constant memory.
 *
 * @example
 * ```ts
 * const rows = [...generateRegister({ seed: 42, size: 1000 })];
 * rows[0]?.id_number; // a 12-digit CCCD such as '079190123456'
 * ```
 */
export function* generateRegister(
  options: RegisterOptions,
): Generator<RegisterRow, void, undefined> {
  const next = createPeopleCursor(options);
  for (let p = next(); p !== undefined; p = next()) yield toRegisterRow(p);
}
