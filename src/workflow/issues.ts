/**
 * Issue codes of the workflow part.
 * @module
 */
import { type Failure, type Issue, type Issues, mapNonEmpty } from '../result.js';

/** Stable codes of every workflow issue. */
export type WorkflowIssueCode =
  /** The input is not a well-formed event, entry or context (zod). */
  | 'WORKFLOW_INVALID_EVENT'
  /** The event names a case that was never opened. */
  | 'WORKFLOW_UNKNOWN_CASE'
  /** `open` for a case id that already exists. */
  | 'WORKFLOW_CASE_EXISTS'
  /** The actor's role may not perform this event. */
  | 'WORKFLOW_WRONG_ROLE'
  /** The case is not in a state this event applies to. */
  | 'WORKFLOW_WRONG_STATE'
  /** The event was made against another version of the case (edit conflict). */
  | 'WORKFLOW_VERSION_CONFLICT'
  /** Police verification of a case without an ID number. */
  | 'WORKFLOW_MISSING_ID_NUMBER'
  /** Police verification of a case whose ID number is not a 12-digit CCCD or 9-digit CMND. */
  | 'WORKFLOW_INVALID_ID_NUMBER'
  /** A correction that changes nothing. */
  | 'WORKFLOW_NO_CHANGE'
  /** A case merged into itself. */
  | 'WORKFLOW_SELF_MERGE'
  /** A list names the same case twice, or is empty. */
  | 'WORKFLOW_BAD_LIST'
  /** A signed list id that was used before. */
  | 'WORKFLOW_DUPLICATE_LIST'
  /** The list signature is not the actor's, or its content hash does not match the list. */
  | 'WORKFLOW_SIGNATURE_MISMATCH'
  /** The case is not on the list the event carries. */
  | 'WORKFLOW_NOT_IN_LIST'
  /** A log entry's stored hash is not the hash of its content. */
  | 'WORKFLOW_LOG_HASH_MISMATCH'
  /** A log entry's `prevHash` is not the hash of the entry before it. */
  | 'WORKFLOW_LOG_CHAIN_BROKEN'
  /** A log entry's `seq` is not its position. */
  | 'WORKFLOW_LOG_SEQUENCE_GAP'
  /** The log does not end at the expected head hash or length. */
  | 'WORKFLOW_LOG_HEAD_MISMATCH';

/** An issue of the workflow part. */
export type WorkflowIssue = Issue<WorkflowIssueCode>;

/**
 * @internal The failure with every issue's path under `prefix` (an entry index, `'event'`, …).
 *
 * @example
 * ```ts
 * under([7, 'event'], failure.issues).issues[0].path; // [7, 'event', 'caseId']
 * ```
 */
export function under(
  prefix: readonly (string | number)[],
  issues: Issues<WorkflowIssueCode>,
): Failure<WorkflowIssueCode> {
  return {
    success: false,
    issues: mapNonEmpty(issues, (issue) => ({
      ...issue,
      path: [...prefix, ...(issue.path ?? [])],
    })),
  };
}

/**
 * @internal Builds a one-issue failure.
 *
 * @example
 * ```ts
 * return fail('WORKFLOW_WRONG_STATE', 'Cannot list a case that is verified', ['status']);
 * ```
 */
export function fail(
  code: WorkflowIssueCode,
  message: string,
  path?: readonly (string | number)[],
): Failure<WorkflowIssueCode> {
  return { success: false, issues: [path ? { code, message, path } : { code, message }] };
}
