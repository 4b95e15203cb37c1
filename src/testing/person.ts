/**
 * fast-check arbitraries of whole people and of copy pairs (a person and a damaged copy of them,
 * as a health record holds it), drawn from the synthetic population. Requires `fast-check`.
 *
 * @module
 */
import fc from 'fast-check';
import { type DamageOptions, damage } from './damage.js';
import { createPopulationModel, type PopulationModel } from './population/people.js';
import { generatePeople, toRegisterRow } from './population/register.js';
import type { DamageCode, ListRow, RegisterRow } from './population/types.js';

let model: PopulationModel | undefined;

/** The first person of the register of `seed` (one household drawn; the model built once). */
function personOfSeed(seed: number): RegisterRow {
  model ??= createPopulationModel();
  const first = generatePeople({ seed, size: 1, model }).next();
  if (first.done) throw new Error('the generator gave no person'); // cannot happen: size 1
  return { ...toRegisterRow(first.value), person_id: `P${seed}` };
}

/**
 * A person of the synthetic register (CSDLQG về dân cư), clean: an NFC name drawn from real
 * frequencies (Nguyễn 38%, …; Văn/Thị and the middle names of each generation), a date of birth,
 * a valid CCCD consistent with the birth year, sex and province of birth, a mobile phone (or
 * none), a real province, district and commune. Shrinks towards the person of seed 0.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { personArbitrary } from 'vn-reconcile/testing/arbitraries';
 * import { parseIdNumber } from 'vn-reconcile';
 *
 * fc.assert(fc.property(personArbitrary(), (p) => parseIdNumber(p.id_number).success));
 * ```
 */
export function personArbitrary(): fc.Arbitrary<RegisterRow> {
  return fc.integer({ min: 0, max: 0x7fffffff }).map(personOfSeed);
}

/** A person, a damaged copy of them and the defects the copy carries. */
export interface CopyPair {
  /** The person as the register holds them. */
  readonly person: RegisterRow;
  /** The copy as a list row holds it (the canonical columns, damaged). */
  readonly copy: Omit<ListRow, 'record_id'>;
  /** The defects of the copy, in `DAMAGE_CODES` order (may be empty). */
  readonly damages: readonly DamageCode[];
}

/** Options of {@link copyPairArbitrary}: the damage rates (see {@link damage}). */
export type CopyPairArbitraryOptions = Omit<DamageOptions, 'seed'>;

/**
 * A person and a damaged copy of them (the record a linker must match back to the person), with
 * the real-world defects of {@link damage} at realistic rates, or at the rates given.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { copyPairArbitrary } from 'vn-reconcile/testing/arbitraries';
 *
 * fc.assert(
 *   fc.property(copyPairArbitrary({ only: ['ID_LEADING_ZERO_LOST'], rates: { ID_LEADING_ZERO_LOST: 1 } }), ({ person, copy }) =>
 *     copy.id_number === '' || person.id_number.endsWith(copy.id_number),
 *   ),
 * );
 * ```
 */
export function copyPairArbitrary(options: CopyPairArbitraryOptions = {}): fc.Arbitrary<CopyPair> {
  return fc
    .tuple(personArbitrary(), fc.integer({ min: 0, max: 0x7fffffff }))
    .map(([person, seed]) => {
      const { person_id: _id, old_id_number: _old, ...columns } = person;
      const copied = damage(columns, { ...options, seed });
      return { person, copy: copied.record, damages: copied.damages };
    });
}
