/**
 * The pure transition function of one case: the checked path of the one state machine
 * (`machine.ts`), on immutable states.
 * @module
 */
import type { Result } from '../result.js';
import type { TransitionContext } from './checks.js';
import type { WorkflowEvent } from './events.js';
import { fail, type WorkflowIssueCode } from './issues.js';
import { caseExists, freeze, openDraft, stepDraft, thaw, unknownCase } from './machine.js';
import type { CaseState } from './states.js';

export type { TransitionContext } from './checks.js';

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
    if (state !== undefined) return caseExists();
    const opened = openDraft(event, context);
    return 'success' in opened ? opened : { success: true, data: freeze(opened) };
  }
  if (state === undefined) return unknownCase();
  if (
    (event.type === 'hand-back' || event.type === 'confirm-passports') &&
    !event.list.caseIds.includes(state.caseId)
  ) {
    return fail('WORKFLOW_NOT_IN_LIST', 'The case is not on the list', ['list', 'caseIds']);
  }
  const draft = thaw(state);
  const refused = stepDraft(draft, event, context);
  return refused ?? { success: true, data: freeze(draft) };
}
