/**
 * @internal The first two levels of every comparison over interned ids: 0 (`null`) when either
 * side is missing (id < 0), 1 (the first level, e.g. `exact`) when both ids are equal, and -1
 * when neither applies and the comparison goes on to its own levels.
 *
 * @example
 * ```ts
 * nullOrExact(-1, 4); // 0
 * nullOrExact(4, 4); // 1
 * nullOrExact(4, 5); // -1
 * ```
 */
export function nullOrExact(x: number, y: number): number {
  if (x < 0 || y < 0) return 0;
  return x === y ? 1 : -1;
}
