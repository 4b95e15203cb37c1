/**
 * Synthetic Vietnamese population data: a register of people in households and a damaged
 * vaccination list drawn from it, with the truth, for testing and evaluating linkers. Pure
 * TypeScript with its own seeded PRNG (no fast-check needed); deterministic for a seed.
 *
 * @module
 */

export {
  FEMALE_GIVEN_NAMES,
  FEMALE_MIDDLE_NAMES_OLDER,
  FEMALE_MIDDLE_NAMES_YOUNGER,
  MALE_GIVEN_NAMES,
  MALE_MIDDLE_NAMES_OLDER,
  MALE_MIDDLE_NAMES_YOUNGER,
  MIDDLE_NAME_COHORT_SPLIT_YEAR,
  SECOND_MIDDLE_NAMES,
  SURNAMES,
  type WeightedTable,
  type WeightedValue,
} from '../names-data.js';
export {
  type CsvOptions,
  csvField,
  csvLine,
  type TruthColumn,
  toCsv,
  truthToRow,
} from './csv.js';
export { type Dataset, type DatasetOptions, generateDataset } from './dataset.js';
export {
  COMMUNE_FORMAT_WEIGHTS,
  DOB_FORMAT_WEIGHTS,
  GENDER_FORMAT_WEIGHTS,
  PHONE_FORMAT_WEIGHTS,
  PROVINCE_FORMAT_WEIGHTS,
} from './formats.js';
export type { AdminUnit, Commune, District, ProvinceGeography } from './geography.js';
export {
  type DatasetItem,
  generateList,
  type ListOptions,
  type ListPlan,
  planList,
  streamDataset,
} from './list.js';
export {
  type Household,
  type Person,
  type PopulationModel,
  REGISTER_SNAPSHOT,
  type Residence,
  type SexCode,
} from './people.js';
export { createRandom, type Random } from './prng.js';
export { PROVINCE_FACTS, type ProvinceFacts } from './provinces-data.js';
export {
  generatePeople,
  generateRegister,
  type RegisterOptions,
  toRegisterRow,
} from './register.js';
export type { Sampler } from './sampler.js';
export {
  CANONICAL_COLUMNS,
  type CommuneFormat,
  DAMAGE_CODES,
  type DamageCode,
  type DamageRates,
  DEFAULT_DAMAGE_RATES,
  type DobFormat,
  type GenderFormat,
  LIST_COLUMNS,
  type ListEntry,
  type ListRow,
  type ListTruth,
  type PhoneFormat,
  type ProvinceFormat,
  REGISTER_COLUMNS,
  type RegisterRow,
  type RowFormats,
  TRUTH_COLUMNS,
} from './types.js';
