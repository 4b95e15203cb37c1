/**
 * The shared result vocabulary of every parser in vn-reconcile (DESIGN.md §4).
 *
 * A parser never throws on bad data: it returns `{ success: true, data }` or
 * `{ success: false, issues }`, in the style of zod's `safeParse`.
 *
 * @module
 */

/**
 * One problem found in an input, with a stable machine-readable `code` and an English `message`.
 *
 * @example
 * ```ts
 * const issue: Issue<'CCCD_BAD_PROVINCE'> = { code: 'CCCD_BAD_PROVINCE', message: 'Unknown province code 003' };
 * ```
 */
export interface Issue<Code extends string = string> {
  /** Stable identifier; safe to switch on and to store. */
  readonly code: Code;
  /** Human-readable English explanation. Never contains raw personal data beyond the input excerpt. */
  readonly message: string;
  /** Where in a structured input the issue was found (field names, indexes). */
  readonly path?: readonly (string | number)[];
  /** The (possibly masked) part of the input the issue is about. */
  readonly input?: string;
}

/** A successful parse. */
export interface Success<T> {
  readonly success: true;
  readonly data: T;
}

/**
 * A list of at least one issue: what a failure carries, so `issues[0]` needs no check.
 *
 * @example
 * ```ts
 * const issues: Issues<'X'> = [{ code: 'X', message: 'x' }];
 * issues[0].code; // 'X'
 * ```
 */
export type Issues<Code extends string = string> = readonly [Issue<Code>, ...Issue<Code>[]];

/** A failed parse, with at least one issue. */
export interface Failure<Code extends string = string> {
  readonly success: false;
  readonly issues: Issues<Code>;
}

/**
 * The result of a `parseX` function: zod-style discriminated union on `success`.
 *
 * @example
 * ```ts
 * const r: Result<number, 'NOT_A_NUMBER'> = { success: true, data: 1 };
 * if (r.success) console.log(r.data);
 * ```
 */
export type Result<T, Code extends string = string> = Success<T> | Failure<Code>;

/**
 * Whether a list holds at least one item; narrows it to a non-empty list (e.g. `Issues`).
 *
 * @example
 * ```ts
 * const issues: Issue[] = [];
 * if (isNonEmpty(issues)) return { success: false, issues };
 * ```
 */
export function isNonEmpty<T>(items: readonly T[]): items is readonly [T, ...T[]] {
  return items.length > 0;
}

/**
 * Maps a non-empty list to a non-empty list (`Array.prototype.map` forgets that it is non-empty).
 *
 * @example
 * ```ts
 * mapNonEmpty(failure.issues, (i) => ({ ...i, path: [3, ...(i.path ?? [])] })); // still Issues
 * ```
 */
export function mapNonEmpty<T, U>(
  items: readonly [T, ...T[]],
  f: (item: T, index: number) => U,
): readonly [U, ...U[]] {
  return items.map(f) as unknown as readonly [U, ...U[]];
}
