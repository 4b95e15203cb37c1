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

/** A failed parse, with at least one issue. */
export interface Failure<Code extends string = string> {
  readonly success: false;
  readonly issues: readonly Issue<Code>[];
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
