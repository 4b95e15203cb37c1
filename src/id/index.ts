/**
 * Public face of the `id` part: CCCD, CMND and passport numbers.
 * @module
 */
export type { IdKind } from './kind.js';
export type {
  NewProvince,
  NewProvinceCandidates,
  OldProvince,
  ProvinceKind,
} from './provinces.js';
export {
  NEW_PROVINCES,
  newProvinceByCode,
  newProvincesForOldCode,
  newProvincesForOldNumber,
  OLD_PROVINCES,
  oldProvinceByCode,
  oldProvinceByNumber,
} from './provinces.js';
