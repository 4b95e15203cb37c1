/**
 * Workflow events: what an actor asks to happen to one case (or to every case of a signed list).
 * Who and when are not part of the event: they come with the context (and the log entry).
 * @module
 */
import type {
  CaseCategory,
  LinkReference,
  PersonData,
  PersonField,
  PlatformUpdateMethod,
  SignedList,
} from './states.js';

/** Field changes: a new value, or `null` to clear the field. */
export type PersonChanges = { readonly [F in PersonField]?: string | null };

/** What every event on one case carries: the case and, optionally, the version the actor saw. */
export interface CaseEventBase {
  readonly caseId: string;
  /** The case version the actor saw; a different current version is an edit conflict. */
  readonly expectedVersion?: number;
}

/** Open a case (from a cleaning issue or a link review). */
export interface OpenEvent {
  readonly type: 'open';
  readonly caseId: string;
  readonly recordKey: string;
  readonly commune: string;
  readonly categories: readonly CaseCategory[];
  readonly issueCodes: readonly string[];
  readonly data: PersonData;
  readonly link?: LinkReference;
}

/** Step 1: the health station puts the case on a list for a village. */
export interface ListEvent extends CaseEventBase {
  readonly type: 'list';
  readonly listId: string;
  readonly village: string;
}

/** The commune working group hands the case to the village team. */
export interface AssignEvent extends CaseEventBase {
  readonly type: 'assign';
}

/** Step 2: the village team supplements or corrects fields. `expectedVersion` is required. */
export interface CorrectEvent extends CaseEventBase {
  readonly type: 'correct';
  readonly expectedVersion: number;
  readonly changes: PersonChanges;
}

/** The village team finished its review. */
export interface CompleteReviewEvent extends CaseEventBase {
  readonly type: 'complete-review';
}

/** The village team passes the case (again) to the commune police. */
export interface SubmitEvent extends CaseEventBase {
  readonly type: 'submit';
}

/** Step 3: the police verified the person against the register, optionally updating fields. */
export interface VerifyEvent extends CaseEventBase {
  readonly type: 'verify';
  readonly changes?: PersonChanges;
}

/** The police did not find the person in the register. */
export interface MarkNotInRegisterEvent extends CaseEventBase {
  readonly type: 'mark-not-in-register';
  readonly note: string;
}

/** The police need more information from the village team. */
export interface ReturnEvent extends CaseEventBase {
  readonly type: 'return';
  readonly reason: string;
  readonly missing: readonly PersonField[];
}

/** Step 3: the police sign a list of verified cases and hand it back to the health station. */
export interface HandBackEvent {
  readonly type: 'hand-back';
  readonly list: SignedList;
}

/** Step 4: the health station updated the case on the vaccination platform. */
export interface UpdatePlatformEvent extends CaseEventBase {
  readonly type: 'update-platform';
  readonly method: PlatformUpdateMethod;
}

/** Step 5: a vaccination site signs the day's vaccine-passport confirmations. */
export interface ConfirmPassportsEvent {
  readonly type: 'confirm-passports';
  readonly list: SignedList;
}

/** The case duplicates another case. */
export interface MergeEvent extends CaseEventBase {
  readonly type: 'merge';
  readonly into: string;
}

/** The case leaves the campaign. */
export interface WithdrawEvent extends CaseEventBase {
  readonly type: 'withdraw';
  readonly reason: string;
}

/** Any workflow event, discriminated by `type`. */
export type WorkflowEvent =
  | OpenEvent
  | ListEvent
  | AssignEvent
  | CorrectEvent
  | CompleteReviewEvent
  | SubmitEvent
  | VerifyEvent
  | MarkNotInRegisterEvent
  | ReturnEvent
  | HandBackEvent
  | UpdatePlatformEvent
  | ConfirmPassportsEvent
  | MergeEvent
  | WithdrawEvent;

/** The `type` of a workflow event. */
export type WorkflowEventType = WorkflowEvent['type'];

/** Events that act on every case of a signed list. */
export type ListWorkflowEvent = HandBackEvent | ConfirmPassportsEvent;

/** Events that act on one case. */
export type CaseWorkflowEvent = Exclude<WorkflowEvent, ListWorkflowEvent>;

/**
 * Whether an event acts on a signed list of cases rather than one case.
 *
 * @example
 * ```ts
 * isListEvent({ type: 'assign', caseId: 'c1' }); // false
 * ```
 */
export function isListEvent(event: WorkflowEvent): event is ListWorkflowEvent {
  return event.type === 'hand-back' || event.type === 'confirm-passports';
}
