/**
 * The checks of the state machine: the actor's role, the case's state and version, the list
 * signer, and the data rules (corrections, police verification). Read from the transition table;
 * used by the one step function in `machine.ts`.
 * @module
 */
import type { Failure } from '../result.js';
import type { ListWorkflowEvent, PersonChanges, WorkflowEvent } from './events.js';
import { isVerifiableIdNumber } from './id-number.js';
import { fail, type WorkflowIssueCode } from './issues.js';
import { type Actor, sameActor } from './roles.js';
import {
  type CaseState,
  type Correction,
  PERSON_FIELDS,
  type PersonData,
  type PersonField,
} from './states.js';
import { ruleFor, type TransitionRule } from './table.js';

/** Who acts, when, and how ID numbers are judged. */
export interface TransitionContext {
  readonly actor: Actor;
  /** ISO 8601 UTC timestamp of the action. */
  readonly at: string;
  /**
   * Whether an ID number is good enough for police verification. Default: `isVerifiableIdNumber`
   * (a canonical CCCD or CMND).
   */
  readonly isValidIdNumber?: (idNumber: string) => boolean;
}

/** @internal Every event but `open` (which creates a case instead of moving one). */
export type StepEvent = Exclude<WorkflowEvent, { readonly type: 'open' }>;

/**
 * @internal Whether the actor's role may perform the event at all.
 *
 * @example
 * ```ts
 * checkRole({ type: 'verify', caseId: 'c1' }, { role: 'village-working-group', id: 'to-3' }); // WORKFLOW_WRONG_ROLE
 * ```
 */
export function checkRole(
  event: WorkflowEvent,
  actor: Actor,
  rule: TransitionRule = ruleFor(event.type),
): Failure<WorkflowIssueCode> | undefined {
  if (rule.roles.includes(actor.role)) return undefined;
  return fail(
    'WORKFLOW_WRONG_ROLE',
    `Role ${actor.role} may not ${event.type}; allowed: ${rule.roles.join(', ')}`,
    ['actor', 'role'],
  );
}

/**
 * @internal The checks every non-`open` event passes before its own, from the event's row of the
 * transition table: the actor's role, the case's state, the expected version, and (list events)
 * the signer.
 *
 * @example
 * ```ts
 * const verify = { type: 'verify', caseId: 'c1', expectedVersion: 4 } as const;
 * guard(ruleFor('verify'), 'with-police', 5, verify, police); // WORKFLOW_VERSION_CONFLICT
 * ```
 */
export function guard(
  rule: TransitionRule,
  status: CaseState['status'],
  version: number,
  event: StepEvent,
  actor: Actor,
): Failure<WorkflowIssueCode> | undefined {
  const denied = checkRole(event, actor, rule);
  if (denied) return denied;
  if (!rule.from.includes(status)) {
    return fail('WORKFLOW_WRONG_STATE', `Cannot ${event.type} a case that is ${status}`, [
      'status',
    ]);
  }
  if (event.type === 'hand-back' || event.type === 'confirm-passports') {
    return checkSigner(event, actor);
  }
  const expected = event.expectedVersion;
  if (expected !== undefined && expected !== version) {
    return fail(
      'WORKFLOW_VERSION_CONFLICT',
      `The case is at version ${version}, the event was made against version ${expected}`,
      ['expectedVersion'],
    );
  }
  return undefined;
}

function checkSigner(
  event: ListWorkflowEvent,
  actor: Actor,
): Failure<WorkflowIssueCode> | undefined {
  if (sameActor(event.list.signature.by, actor)) return undefined;
  return fail('WORKFLOW_SIGNATURE_MISMATCH', 'The list is signed by someone other than the actor', [
    'list',
    'signature',
    'by',
  ]);
}

/**
 * @internal Police verification's data: the register's changes applied (recorded as corrections),
 * then the ID-number requirement checked.
 *
 * @example
 * ```ts
 * verifiedData({}, [], { type: 'verify', caseId: 'c1', changes: { idNumber: '001090012345' } }, ctx).idNumber;
 * ```
 */
export function verifiedData(
  data: PersonData,
  corrections: readonly Correction[],
  event: Extract<WorkflowEvent, { type: 'verify' }>,
  context: TransitionContext,
):
  | { data: PersonData; corrections: readonly Correction[]; idNumber: string }
  | Failure<WorkflowIssueCode> {
  if (event.changes !== undefined) {
    const applied = applyChanges(data, corrections, event.changes, context);
    if (applied !== undefined) {
      data = applied.data;
      corrections = applied.corrections;
    }
  }
  const refused = checkIdNumber(data, context);
  if (refused) return refused;
  return { data, corrections, idNumber: data.idNumber! };
}

/**
 * @internal The ID-number requirement of police verification.
 *
 * @example
 * ```ts
 * checkIdNumber({ idNumber: '003090012345' }, ctx); // WORKFLOW_INVALID_ID_NUMBER
 * ```
 */
export function checkIdNumber(
  data: PersonData,
  context: TransitionContext,
): Failure<WorkflowIssueCode> | undefined {
  const idNumber = data.idNumber;
  if (idNumber === undefined) {
    return fail('WORKFLOW_MISSING_ID_NUMBER', 'Police verification needs an ID number', [
      'data',
      'idNumber',
    ]);
  }
  const valid = context.isValidIdNumber ?? isVerifiableIdNumber;
  if (!valid(idNumber)) {
    return fail(
      'WORKFLOW_INVALID_ID_NUMBER',
      'Police verification needs a valid CCCD or CMND number (12 or 9 digits, as in the register)',
      ['data', 'idNumber'],
    );
  }
  return undefined;
}

/**
 * @internal Applies field changes; returns `undefined` when nothing changes. Every changed field
 * is recorded with its old and new value and the actor.
 *
 * @example
 * ```ts
 * applyChanges({ phone: '0912345678' }, [], { phone: null }, ctx)?.corrections; // [{ field: 'phone', oldValue: '0912345678', newValue: null, … }]
 * ```
 */
export function applyChanges(
  data: PersonData,
  corrections: readonly Correction[],
  changes: PersonChanges,
  context: TransitionContext,
): { data: PersonData; corrections: readonly Correction[] } | undefined {
  let next: { [F in PersonField]?: string } | undefined;
  let added: Correction[] | undefined;
  for (const field of PERSON_FIELDS) {
    const change = changes[field];
    if (change === undefined) continue;
    const old = data[field] ?? null;
    if (old === change) continue;
    next ??= { ...data };
    if (change === null) delete next[field];
    else next[field] = change;
    added ??= [];
    added.push({ field, oldValue: old, newValue: change, by: context.actor, at: context.at });
  }
  if (next === undefined || added === undefined) return undefined;
  return { data: next, corrections: corrections.concat(added) };
}
