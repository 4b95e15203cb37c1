/**
 * The pure transition function of one case.
 * @module
 */
import type { Failure, Result } from '../result.js';
import type {
  CaseWorkflowEvent,
  ListWorkflowEvent,
  PersonChanges,
  WorkflowEvent,
} from './events.js';
import { isStructuralIdNumber } from './id-number.js';
import { fail, type WorkflowIssueCode } from './issues.js';
import { type Actor, sameActor } from './roles.js';
import {
  type ActiveStatus,
  type CaseCommon,
  type CaseState,
  type Correction,
  type DetectedCase,
  PERSON_FIELDS,
  type PersonData,
  type PersonField,
} from './states.js';
import { ruleFor } from './table.js';

/** Who acts, when, and how ID numbers are judged. */
export interface TransitionContext {
  readonly actor: Actor;
  /** ISO 8601 UTC timestamp of the action. */
  readonly at: string;
  /**
   * Whether an ID number is good enough for police verification. Default: `isStructuralIdNumber`
   * (12 or 9 digits).
   */
  readonly isValidIdNumber?: (idNumber: string) => boolean;
}

/** The result of a transition: the new case state, or issues with stable codes. */
export type TransitionResult = Result<CaseState, WorkflowIssueCode>;

/**
 * Applies one event to one case. Pure: the input state is never changed. `state` is `undefined`
 * for a case that does not exist yet (only `open` applies then). Checks, in this order: the case
 * exists (or not, for `open`), the case is on the event's list (list events), the actor's role,
 * the case's state, the expected version, the list signature's signer, then the event's data
 * (e.g. a valid ID number before police verification).
 *
 * @example
 * ```ts
 * const police = { role: 'commune-police', id: 'ca-xa' } as const;
 * const r = transition(withPolice, { type: 'verify', caseId: 'c1' }, { actor: police, at: '2022-05-20T08:00:00Z' });
 * if (r.success && r.data.status === 'verified') r.data.verification.idNumber;
 * ```
 */
export function transition(
  state: CaseState | undefined,
  event: WorkflowEvent,
  context: TransitionContext,
): TransitionResult {
  if (event.type === 'open') {
    if (state !== undefined) {
      return fail('WORKFLOW_CASE_EXISTS', 'A case with this id is already open', ['caseId']);
    }
    const denied = checkRole(event, context.actor);
    if (denied) return denied;
    return { success: true, data: openCase(event, context) };
  }
  if (state === undefined) {
    return fail('WORKFLOW_UNKNOWN_CASE', 'No case with this id was opened', ['caseId']);
  }
  if (
    (event.type === 'hand-back' || event.type === 'confirm-passports') &&
    !event.list.caseIds.includes(state.caseId)
  ) {
    return fail('WORKFLOW_NOT_IN_LIST', 'The case is not on the list', ['list', 'caseIds']);
  }
  return stepCase(state, event, context);
}

function checkRole(event: WorkflowEvent, actor: Actor): Failure<WorkflowIssueCode> | undefined {
  const rule = ruleFor(event.type);
  if (rule.roles.includes(actor.role)) return undefined;
  return fail(
    'WORKFLOW_WRONG_ROLE',
    `Role ${actor.role} may not ${event.type}; allowed: ${rule.roles.join(', ')}`,
    ['actor', 'role'],
  );
}

function openCase(
  event: Extract<WorkflowEvent, { type: 'open' }>,
  context: TransitionContext,
): DetectedCase {
  const stamp = { by: context.actor, at: context.at };
  const base = {
    status: 'detected' as const,
    caseId: event.caseId,
    recordKey: event.recordKey,
    commune: event.commune,
    categories: event.categories,
    issueCodes: event.issueCodes,
    data: event.data,
    corrections: [],
    version: 1,
    opened: stamp,
    updated: stamp,
  };
  return event.link === undefined ? base : { ...base, link: event.link };
}

/**
 * @internal Applies a non-`open` event to an existing case, without the list-membership check
 * (the campaign applies list events to exactly the listed cases).
 */
export function stepCase(
  state: CaseState,
  event: CaseWorkflowEvent | ListWorkflowEvent,
  context: TransitionContext,
): TransitionResult {
  const denied = checkRole(event, context.actor);
  if (denied) return denied;
  const rule = ruleFor(event.type);
  if (!rule.from.includes(state.status)) {
    return fail('WORKFLOW_WRONG_STATE', `Cannot ${event.type} a case that is ${state.status}`, [
      'status',
    ]);
  }
  if (
    'expectedVersion' in event &&
    event.expectedVersion !== undefined &&
    event.expectedVersion !== state.version
  ) {
    return fail(
      'WORKFLOW_VERSION_CONFLICT',
      `The case is at version ${state.version}, the event was made against version ${event.expectedVersion}`,
      ['expectedVersion'],
    );
  }
  const version = state.version + 1;
  const updated = { by: context.actor, at: context.at };
  const s = state as never;
  switch (event.type) {
    case 'open':
      return fail('WORKFLOW_CASE_EXISTS', 'A case with this id is already open', ['caseId']);
    case 'list': {
      const listing = {
        by: context.actor,
        at: context.at,
        listId: event.listId,
        village: event.village,
      };
      return ok({
        ...(s as CaseOfStatus<'detected'>),
        status: 'listed',
        version,
        updated,
        listing,
      });
    }
    case 'assign':
      return ok({
        ...(s as CaseOfStatus<'listed'>),
        status: 'under-village-review',
        version,
        updated,
        assignment: updated,
      });
    case 'correct': {
      const current = s as CaseOfStatus<'under-village-review' | 'reviewed' | 'returned'>;
      const applied = applyChanges(current.data, current.corrections, event.changes, context);
      if (applied === undefined) {
        return fail('WORKFLOW_NO_CHANGE', 'The correction changes no field', ['changes']);
      }
      return ok({
        ...current,
        version,
        updated,
        data: applied.data,
        corrections: applied.corrections,
      });
    }
    case 'complete-review':
      return ok({
        ...(s as CaseOfStatus<'under-village-review'>),
        status: 'reviewed',
        version,
        updated,
        review: updated,
      });
    case 'submit': {
      const current = s as CaseOfStatus<'reviewed' | 'returned'>;
      if (current.status === 'returned') {
        const { returned: _dropped, ...rest } = current;
        return ok({ ...rest, status: 'with-police', version, updated, submission: updated });
      }
      return ok({ ...current, status: 'with-police', version, updated, submission: updated });
    }
    case 'verify': {
      const current = s as CaseOfStatus<'with-police'>;
      let data = current.data;
      let corrections = current.corrections;
      if (event.changes !== undefined) {
        const applied = applyChanges(data, corrections, event.changes, context);
        if (applied !== undefined) {
          data = applied.data;
          corrections = applied.corrections;
        }
      }
      const idNumber = data.idNumber;
      if (idNumber === undefined) {
        return fail('WORKFLOW_MISSING_ID_NUMBER', 'Police verification needs an ID number', [
          'data',
          'idNumber',
        ]);
      }
      const valid = context.isValidIdNumber ?? isStructuralIdNumber;
      if (!valid(idNumber)) {
        return fail(
          'WORKFLOW_INVALID_ID_NUMBER',
          'Police verification needs a valid CCCD (12 digits) or CMND (9 digits) number',
          ['data', 'idNumber'],
        );
      }
      return ok({
        ...current,
        status: 'verified',
        version,
        updated,
        data,
        corrections,
        verification: { by: context.actor, at: context.at, idNumber },
      });
    }
    case 'mark-not-in-register':
      return ok({
        ...(s as CaseOfStatus<'with-police'>),
        status: 'not-in-register',
        version,
        updated,
        finding: { by: context.actor, at: context.at, note: event.note },
      });
    case 'return':
      return ok({
        ...(s as CaseOfStatus<'with-police'>),
        status: 'returned',
        version,
        updated,
        returned: {
          by: context.actor,
          at: context.at,
          reason: event.reason,
          missing: event.missing,
        },
      });
    case 'hand-back': {
      const signed = checkSigner(event, context.actor);
      if (signed) return signed;
      const handover = { listId: event.list.listId, signature: event.list.signature };
      return ok({
        ...(s as CaseOfStatus<'verified'>),
        status: 'handed-over',
        version,
        updated,
        handover,
      });
    }
    case 'update-platform':
      return ok({
        ...(s as CaseOfStatus<'handed-over'>),
        status: 'updated-on-platform',
        version,
        updated,
        platformUpdate: { by: context.actor, at: context.at, method: event.method },
      });
    case 'confirm-passports': {
      const signed = checkSigner(event, context.actor);
      if (signed) return signed;
      const passportConfirmation = { listId: event.list.listId, signature: event.list.signature };
      return ok({
        ...(s as CaseOfStatus<'updated-on-platform'>),
        status: 'passport-confirmed',
        version,
        updated,
        passportConfirmation,
      });
    }
    case 'merge':
      if (event.into === state.caseId) {
        return fail('WORKFLOW_SELF_MERGE', 'A case cannot be merged into itself', ['into']);
      }
      return ok({
        ...commonOf(state),
        status: 'merged',
        version,
        updated,
        previousStatus: state.status as ActiveStatus,
        merge: { by: context.actor, at: context.at, into: event.into },
      });
    case 'withdraw':
      return ok({
        ...commonOf(state),
        status: 'withdrawn',
        version,
        updated,
        previousStatus: state.status as ActiveStatus,
        withdrawal: { by: context.actor, at: context.at, reason: event.reason },
      });
  }
}

type CaseOfStatus<S extends CaseState['status']> = Extract<CaseState, { readonly status: S }>;

function ok(data: CaseState): TransitionResult {
  return { success: true, data };
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

function commonOf(state: CaseState): CaseCommon {
  const common: CaseCommon = {
    caseId: state.caseId,
    recordKey: state.recordKey,
    commune: state.commune,
    categories: state.categories,
    issueCodes: state.issueCodes,
    data: state.data,
    corrections: state.corrections,
    version: state.version,
    opened: state.opened,
    updated: state.updated,
  };
  return state.link === undefined ? common : { ...common, link: state.link };
}

/**
 * @internal Applies field changes; returns `undefined` when nothing changes. Every changed field
 * is recorded with its old and new value and the actor.
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
