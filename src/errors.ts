/**
 * The one error class of vn-reconcile (DESIGN.md §4): thrown by every `*OrThrow` function and by
 * every function that must throw (the Node engine's file functions on bad input). Parsers never
 * throw: they return a `Result`.
 *
 * @module
 */
import type { Issue, Result } from './result.js';

/**
 * An error with a stable machine-readable `code` (safe to switch on) and, where known, the
 * issues behind it. Messages name files, rows and columns, never a cell's value (personal data).
 *
 * @example
 * ```ts
 * try {
 *   throw new VnReconcileError('INPUT_INVALID', 'list.csv: row 7: unclosed quote');
 * } catch (e) {
 *   if (e instanceof VnReconcileError) e.code; // 'INPUT_INVALID'
 * }
 * ```
 */
export class VnReconcileError extends Error {
  override readonly name = 'VnReconcileError';
  /** Stable identifier of what went wrong. */
  readonly code: string;
  /** The issues behind the error (may be empty). */
  readonly issues: readonly Issue[];

  constructor(
    code: string,
    message: string,
    issues: readonly Issue[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.issues = issues;
  }
}

/**
 * The data of a successful result, or a {@link VnReconcileError} for a failed one: the first
 * issue's code as `code`, every code and message in `message`, the issues attached. What every
 * `*OrThrow` function does.
 *
 * @example
 * ```ts
 * dataOrThrow(parsePhone('12'), 'Invalid phone number'); // throws VnReconcileError 'PHONE_TOO_SHORT'
 * ```
 */
export function dataOrThrow<T, Code extends string>(result: Result<T, Code>, what: string): T {
  if (result.success) return result.data;
  const { issues } = result;
  const listed = issues.map((i) => `${i.code} (${i.message})`).join('; ');
  throw new VnReconcileError(issues[0].code, `${what}: ${listed}`, issues);
}
