/**
 * The pure transition function of one case.
 * @module
 */
import type { Failure, Result } from '../result.js';
import type { ListWorkflowEvent, PersonChanges, WorkflowEvent } from './events.js';
import { isVerifiableIdNumber } from './id-number.js';
import { fail, type WorkflowIssueCode } from './issues.js';
import { type Actor, type Stamp, sameActor } from './roles.js';
import {
  type ActiveStatus,
  type CaseCommon,
  type CaseState,
  type Correction,
  type DetectedCase,
  type Listing,
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
   * Whether an ID number is good enough for police verification. Default: `isVerifiableIdNumber`
   * (a canonical CCCD or CMND).
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
  const r = applyToCase(state, event, context);
  return 'status' in r ? { success: true, data: r } : r;
}

/**
 * @internal `transition` without the result wrapper: the new state or a failure.
 *
 * @example
 * ```ts
 * applyToCase(undefined, { type: 'assign', caseId: 'c1' }, ctx); // failure WORKFLOW_UNKNOWN_CASE
 * ```
 */
export function applyToCase(
  state: CaseState | undefined,
  event: WorkflowEvent,
  context: TransitionContext,
): CaseState | Failure<WorkflowIssueCode> {
  if (event.type === 'open') {
    if (state !== undefined) {
      return fail('WORKFLOW_CASE_EXISTS', 'A case with this id is already open', ['caseId']);
    }
    const denied = checkRole(event, context.actor);
    if (denied) return denied;
    return openCase(event, context);
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
): Failure<WorkflowIssueCode> | undefined {
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
  return {
    status: 'detected',
    caseId: event.caseId,
    recordKey: event.recordKey,
    commune: event.commune,
    categories: event.categories,
    issueCodes: event.issueCodes,
    link: event.link ?? null,
    data: event.data,
    corrections: [],
    version: 1,
    opened: stamp,
    updated: stamp,
  };
}

// Every state is built as one object literal with the same field order (common fields first, then
// the state's own data in process order): exact data per state, and one hidden class per status,
// which is what makes replay fast.

/** @internal Every event but `open` (which creates a case instead of moving one). */
export type StepEvent = Exclude<WorkflowEvent, { readonly type: 'open' }>;

type Of<S extends CaseState['status']> = Extract<CaseState, { readonly status: S }>;

/**
 * @internal Applies a non-`open` event to an existing case, without the list-membership check
 * (the campaign applies list events to exactly the listed cases).
 *
 * @example
 * ```ts
 * stepCase(listedCase, { type: 'assign', caseId: 'c1' }, ctx); // an under-village-review case
 * ```
 */
export function stepCase(
  state: CaseState,
  event: StepEvent,
  context: TransitionContext,
): CaseState | Failure<WorkflowIssueCode> {
  const refused = guard(state.status, state.version, event, context.actor);
  if (refused) return refused;
  const v = state.version + 1;
  const u: Stamp = { by: context.actor, at: context.at };
  const x = state as never;
  switch (event.type) {
    case 'list': {
      const s = x as Of<'detected'>;
      const listing = { by: u.by, at: u.at, listId: event.listId, village: event.village };
      return ok({
        status: 'listed',
        caseId: s.caseId,
        recordKey: s.recordKey,
        commune: s.commune,
        categories: s.categories,
        issueCodes: s.issueCodes,
        link: s.link,
        data: s.data,
        corrections: s.corrections,
        version: v,
        opened: s.opened,
        updated: u,
        listing,
      });
    }
    case 'assign': {
      const s = x as Of<'listed'>;
      return ok(underReview(s, s.data, s.corrections, v, u, u));
    }
    case 'correct': {
      const s = x as Of<'under-village-review' | 'reviewed' | 'returned'>;
      const applied = applyChanges(s.data, s.corrections, event.changes, context);
      if (applied === undefined) {
        return fail('WORKFLOW_NO_CHANGE', 'The correction changes no field', ['changes']);
      }
      const { data, corrections } = applied;
      if (s.status === 'under-village-review') {
        return ok(underReview(s, data, corrections, v, u, s.assignment));
      }
      if (s.status === 'reviewed') return ok(reviewed(s, data, corrections, v, u, s.review));
      return ok({
        ...submitted('returned', s, data, corrections, v, u, s.submission),
        returned: s.returned,
      });
    }
    case 'complete-review': {
      const s = x as Of<'under-village-review'>;
      return ok(reviewed(s, s.data, s.corrections, v, u, u));
    }
    case 'submit': {
      const s = x as Of<'reviewed' | 'returned'>;
      return ok(submitted('with-police', s, s.data, s.corrections, v, u, u));
    }
    case 'verify': {
      const s = x as Of<'with-police'>;
      const checked = verifiedData(s.data, s.corrections, event, context);
      if ('success' in checked) return checked;
      const { data, corrections, idNumber } = checked;
      return ok({
        ...submitted('verified', s, data, corrections, v, u, s.submission),
        verification: { by: u.by, at: u.at, idNumber },
      });
    }
    case 'mark-not-in-register': {
      const s = x as Of<'with-police'>;
      return ok({
        ...submitted('not-in-register', s, s.data, s.corrections, v, u, s.submission),
        finding: { by: u.by, at: u.at, note: event.note },
      });
    }
    case 'return': {
      const s = x as Of<'with-police'>;
      return ok({
        ...submitted('returned', s, s.data, s.corrections, v, u, s.submission),
        returned: { by: u.by, at: u.at, reason: event.reason, missing: event.missing },
      });
    }
    case 'hand-back': {
      const s = x as Of<'verified'>;
      return ok({
        status: 'handed-over',
        caseId: s.caseId,
        recordKey: s.recordKey,
        commune: s.commune,
        categories: s.categories,
        issueCodes: s.issueCodes,
        link: s.link,
        data: s.data,
        corrections: s.corrections,
        version: v,
        opened: s.opened,
        updated: u,
        listing: s.listing,
        assignment: s.assignment,
        review: s.review,
        submission: s.submission,
        verification: s.verification,
        handover: { listId: event.list.listId, signature: event.list.signature },
      });
    }
    case 'update-platform': {
      const s = x as Of<'handed-over'>;
      return ok({
        status: 'updated-on-platform',
        caseId: s.caseId,
        recordKey: s.recordKey,
        commune: s.commune,
        categories: s.categories,
        issueCodes: s.issueCodes,
        link: s.link,
        data: s.data,
        corrections: s.corrections,
        version: v,
        opened: s.opened,
        updated: u,
        listing: s.listing,
        assignment: s.assignment,
        review: s.review,
        submission: s.submission,
        verification: s.verification,
        handover: s.handover,
        platformUpdate: { by: u.by, at: u.at, method: event.method },
      });
    }
    case 'confirm-passports': {
      const s = x as Of<'updated-on-platform'>;
      return ok({
        status: 'passport-confirmed',
        caseId: s.caseId,
        recordKey: s.recordKey,
        commune: s.commune,
        categories: s.categories,
        issueCodes: s.issueCodes,
        link: s.link,
        data: s.data,
        corrections: s.corrections,
        version: v,
        opened: s.opened,
        updated: u,
        listing: s.listing,
        assignment: s.assignment,
        review: s.review,
        submission: s.submission,
        verification: s.verification,
        handover: s.handover,
        platformUpdate: s.platformUpdate,
        passportConfirmation: { listId: event.list.listId, signature: event.list.signature },
      });
    }
    case 'merge':
      if (event.into === state.caseId) {
        return fail('WORKFLOW_SELF_MERGE', 'A case cannot be merged into itself', ['into']);
      }
      return ok({
        status: 'merged',
        caseId: state.caseId,
        recordKey: state.recordKey,
        commune: state.commune,
        categories: state.categories,
        issueCodes: state.issueCodes,
        link: state.link,
        data: state.data,
        corrections: state.corrections,
        version: v,
        opened: state.opened,
        updated: u,
        previousStatus: state.status as ActiveStatus,
        merge: { by: u.by, at: u.at, into: event.into },
      });
    case 'withdraw':
      return ok({
        status: 'withdrawn',
        caseId: state.caseId,
        recordKey: state.recordKey,
        commune: state.commune,
        categories: state.categories,
        issueCodes: state.issueCodes,
        link: state.link,
        data: state.data,
        corrections: state.corrections,
        version: v,
        opened: state.opened,
        updated: u,
        previousStatus: state.status as ActiveStatus,
        withdrawal: { by: u.by, at: u.at, reason: event.reason },
      });
  }
}

interface Assigned extends CaseCommon {
  readonly listing: Listing;
  readonly assignment: Stamp;
}

interface Reviewed extends Assigned {
  readonly review: Stamp;
}

function underReview(
  s: CaseCommon & { readonly listing: Listing },
  data: PersonData,
  corrections: readonly Correction[],
  version: number,
  updated: Stamp,
  assignment: Stamp,
): Of<'under-village-review'> {
  return {
    status: 'under-village-review',
    caseId: s.caseId,
    recordKey: s.recordKey,
    commune: s.commune,
    categories: s.categories,
    issueCodes: s.issueCodes,
    link: s.link,
    data,
    corrections,
    version,
    opened: s.opened,
    updated,
    listing: s.listing,
    assignment,
  };
}

function reviewed(
  s: Assigned,
  data: PersonData,
  corrections: readonly Correction[],
  version: number,
  updated: Stamp,
  review: Stamp,
): Of<'reviewed'> {
  return {
    status: 'reviewed',
    caseId: s.caseId,
    recordKey: s.recordKey,
    commune: s.commune,
    categories: s.categories,
    issueCodes: s.issueCodes,
    link: s.link,
    data,
    corrections,
    version,
    opened: s.opened,
    updated,
    listing: s.listing,
    assignment: s.assignment,
    review,
  };
}

function submitted<S extends 'with-police' | 'returned' | 'verified' | 'not-in-register'>(
  status: S,
  s: Reviewed,
  data: PersonData,
  corrections: readonly Correction[],
  version: number,
  updated: Stamp,
  submission: Stamp,
) {
  return {
    status,
    caseId: s.caseId,
    recordKey: s.recordKey,
    commune: s.commune,
    categories: s.categories,
    issueCodes: s.issueCodes,
    link: s.link,
    data,
    corrections,
    version,
    opened: s.opened,
    updated,
    listing: s.listing,
    assignment: s.assignment,
    review: s.review,
    submission,
  };
}

/**
 * @internal The checks every non-`open` event passes before its own: the actor's role, the case's
 * state, the expected version, and (list events) the signer. Shared by `transition` and the fast
 * replay so that both accept exactly the same events.
 *
 * @example
 * ```ts
 * guard('with-police', 5, { type: 'verify', caseId: 'c1', expectedVersion: 4 }, police); // WORKFLOW_VERSION_CONFLICT
 * ```
 */
export function guard(
  status: CaseState['status'],
  version: number,
  event: StepEvent,
  actor: Actor,
): Failure<WorkflowIssueCode> | undefined {
  const denied = checkRole(event, actor);
  if (denied) return denied;
  const rule = ruleFor(event.type);
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

function ok(data: CaseState): CaseState {
  return data;
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
