/**
 * Reference-time helpers: "is this birth year in the future?" without allocating a Date.
 * @module
 */

const FIRST_YEAR = 1900;
const LAST_YEAR = 2400;
/** Vietnam has been on UTC+7 (ICT) for all dates that matter here. */
const ICT_OFFSET_MS = 7 * 3600 * 1000;

// Start of 1 January of each year, Vietnam time, in ms since the epoch. Index: year - FIRST_YEAR.
const YEAR_START_MS: Float64Array = (() => {
  const table = new Float64Array(LAST_YEAR - FIRST_YEAR + 1);
  for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) {
    table[y - FIRST_YEAR] = Date.UTC(y, 0, 1) - ICT_OFFSET_MS;
  }
  return table;
})();

/**
 * Milliseconds since the epoch at the start of `year` in Vietnam time (1900–2400).
 *
 * @example
 * ```ts
 * yearStartMs(2000) === Date.UTC(2000, 0, 1) - 7 * 3600 * 1000; // true
 * ```
 */
export function yearStartMs(year: number): number {
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return YEAR_START_MS[year - FIRST_YEAR] ?? 0;
  return Date.UTC(year, 0, 1) - ICT_OFFSET_MS;
}

/**
 * The reference instant in ms: `referenceDate` when given, else now.
 *
 * @example
 * ```ts
 * referenceMs(new Date(0)); // 0
 * ```
 */
export function referenceMs(referenceDate: Date | undefined): number {
  return referenceDate === undefined ? Date.now() : referenceDate.getTime();
}

/**
 * The calendar year (Vietnam time) of an instant in ms.
 *
 * @example
 * ```ts
 * yearInVietnam(Date.UTC(2024, 11, 31, 18)); // 2025 (01:00 on 1 January in Hà Nội)
 * ```
 */
export function yearInVietnam(ms: number): number {
  return new Date(ms + ICT_OFFSET_MS).getUTCFullYear();
}
