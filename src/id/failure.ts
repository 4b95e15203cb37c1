/**
 * Failure constructors of the `id` part. Common failures are built once, frozen and shared, so
 * rejecting a million bad values allocates nothing for them.
 * @module
 */
import type { Failure } from '../result.js';
import type { IdIssueCode } from './issues.js';

/**
 * A fresh failure with one issue.
 *
 * @example
 * ```ts
 * failure('ID_EMPTY', 'No ID number').issues[0]?.code; // 'ID_EMPTY'
 * ```
 */
export function failure(code: IdIssueCode, message: string): Failure<IdIssueCode> {
  return { success: false, issues: [{ code, message }] };
}

/**
 * A frozen failure with one issue, for module-level constants.
 *
 * @example
 * ```ts
 * const EMPTY = frozenFailure('ID_EMPTY', 'No ID number');
 * Object.isFrozen(EMPTY.issues[0]); // true
 * ```
 */
export function frozenFailure(code: IdIssueCode, message: string): Failure<IdIssueCode> {
  const issue = Object.freeze({ code, message });
  return Object.freeze({ success: false, issues: Object.freeze([issue] as const) });
}
