/**
 * The signature every string kernel shares: two code-unit ranges, each as (array, offset, length).
 *
 * @example
 * ```ts
 * const same: CodeKernel<boolean> = (a, ao, al, b, bo, bl) =>
 *   al === bl && a.subarray(ao, ao + al).every((c, i) => c === b[bo + i]);
 * ```
 */
export type CodeKernel<R> = (
  a: Uint16Array,
  ao: number,
  al: number,
  b: Uint16Array,
  bo: number,
  bl: number,
) => R;
