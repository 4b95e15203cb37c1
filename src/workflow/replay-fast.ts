/**
 * The fast replay path: the same checks as `transition` (shared `guard`, `applyChanges`,
 * `checkIdNumber`), but each case is one mutable builder of fixed shape while the log is replayed,
 * so an event costs one map lookup and a few stores instead of a new 18-field state object. Every
 * builder becomes an exact, immutable `CaseState` at the end. Tests check that it rebuilds exactly
 * what `appendEvents` (which uses `transition`) built.
 * @module
 */
import type { Failure, Result } from '../result.js';
import { type CampaignState, GENESIS_HASH } from './campaign.js';
import type { WorkflowEvent } from './events.js';
import { fail, type WorkflowIssue, type WorkflowIssueCode } from './issues.js';
import type { LogEntry } from './log-types.js';
import type { Actor, Stamp } from './roles.js';
import type {
  ActiveStatus,
  CaseCategory,
  CaseState,
  CaseStatus,
  Correction,
  Handover,
  LinkReference,
  Listing,
  PersonData,
  PlatformUpdate,
  PoliceReturn,
  PoliceVerification,
  RegisterFinding,
  SignedList,
} from './states.js';
import {
  applyChanges,
  checkRole,
  guard,
  type TransitionContext,
  verifiedData,
} from './transition.js';

interface Builder {
  status: CaseStatus;
  readonly caseId: string;
  readonly recordKey: string;
  readonly commune: string;
  readonly categories: readonly CaseCategory[];
  readonly issueCodes: readonly string[];
  readonly link: LinkReference | null;
  data: PersonData;
  corrections: readonly Correction[];
  version: number;
  readonly opened: Stamp;
  updatedBy: Actor;
  updatedAt: string;
  listing: Listing | null;
  assignmentBy: Actor | null;
  assignmentAt: string;
  reviewBy: Actor | null;
  reviewAt: string;
  submissionBy: Actor | null;
  submissionAt: string;
  returned: PoliceReturn | null;
  verification: PoliceVerification | null;
  finding: RegisterFinding | null;
  handover: Handover | null;
  platformUpdate: PlatformUpdate | null;
  passportConfirmation: Handover | null;
  previousStatus: ActiveStatus | null;
  into: string | null;
  withdrawReason: string | null;
}

type StepFailure = Failure<WorkflowIssueCode>;

function prefixed(index: number, issues: readonly WorkflowIssue[]): StepFailure {
  return {
    success: false,
    issues: issues.map((issue) => ({ ...issue, path: [index, 'event', ...(issue.path ?? [])] })),
  };
}

/**
 * @internal See the module comment.
 *
 * @example
 * ```ts
 * fastReplay(entries, undefined); // same result as replay(entries)
 * ```
 */
export function fastReplay(
  entries: readonly LogEntry[],
  isValidIdNumber: ((idNumber: string) => boolean) | undefined,
): Result<CampaignState, WorkflowIssueCode> {
  const builders = new Map<string, Builder>();
  const lists = new Map<string, SignedList>();
  const n = entries.length;
  for (let i = 0; i < n; i++) {
    const entry = entries[i]!;
    if (entry.seq !== i) {
      return fail('WORKFLOW_LOG_SEQUENCE_GAP', `Entry ${i} has seq ${entry.seq}`, [i, 'seq']);
    }
    const context: TransitionContext = isValidIdNumber
      ? { actor: entry.actor, at: entry.at, isValidIdNumber }
      : entry;
    const failure = step(builders, lists, entry.event, context);
    if (failure) return prefixed(i, failure.issues);
  }
  const cases = new Map<string, CaseState>();
  for (const [id, b] of builders) cases.set(id, freeze(b));
  const head = n === 0 ? GENESIS_HASH : entries[n - 1]!.hash;
  return { success: true, data: { cases, lists, length: n, head } };
}

function step(
  builders: Map<string, Builder>,
  lists: Map<string, SignedList>,
  event: WorkflowEvent,
  context: TransitionContext,
): StepFailure | undefined {
  const { actor, at } = context;
  if (event.type === 'open') {
    if (builders.has(event.caseId)) {
      return fail('WORKFLOW_CASE_EXISTS', 'A case with this id is already open', ['caseId']);
    }
    const denied = checkRole(event, actor);
    if (denied) return denied;
    builders.set(event.caseId, open(event, actor, at));
    return undefined;
  }
  if (event.type === 'hand-back' || event.type === 'confirm-passports') {
    const { list } = event;
    if (lists.has(list.listId)) {
      return fail('WORKFLOW_DUPLICATE_LIST', 'This list id was signed before', ['list', 'listId']);
    }
    const k = list.caseIds.length;
    if (k === 0 || new Set(list.caseIds).size !== k) {
      return fail('WORKFLOW_BAD_LIST', 'A list must name at least one case, each once', [
        'list',
        'caseIds',
      ]);
    }
    const targets: Builder[] = new Array(k);
    for (let j = 0; j < k; j++) {
      const b = builders.get(list.caseIds[j]!);
      if (b === undefined) {
        return fail('WORKFLOW_UNKNOWN_CASE', 'The list names a case that was never opened', [
          'list',
          'caseIds',
          j,
        ]);
      }
      const refused = guard(b.status, b.version, event, actor);
      if (refused) {
        return {
          success: false,
          issues: refused.issues.map((issue) => ({ ...issue, path: ['list', 'caseIds', j] })),
        };
      }
      targets[j] = b;
    }
    const signed: Handover = { listId: list.listId, signature: list.signature };
    for (const b of targets) {
      touch(b, actor, at);
      if (event.type === 'hand-back') {
        b.status = 'handed-over';
        b.handover = signed;
      } else {
        b.status = 'passport-confirmed';
        b.passportConfirmation = signed;
      }
    }
    lists.set(list.listId, list);
    return undefined;
  }
  const b = builders.get(event.caseId);
  if (b === undefined) {
    return fail('WORKFLOW_UNKNOWN_CASE', 'No case with this id was opened', ['caseId']);
  }
  const refused = guard(b.status, b.version, event, actor);
  if (refused) return refused;
  switch (event.type) {
    case 'list':
      b.listing = { by: actor, at, listId: event.listId, village: event.village };
      b.status = 'listed';
      break;
    case 'assign':
      b.assignmentBy = actor;
      b.assignmentAt = at;
      b.status = 'under-village-review';
      break;
    case 'correct': {
      const applied = applyChanges(b.data, b.corrections, event.changes, context);
      if (applied === undefined) {
        return fail('WORKFLOW_NO_CHANGE', 'The correction changes no field', ['changes']);
      }
      b.data = applied.data;
      b.corrections = applied.corrections;
      break;
    }
    case 'complete-review':
      b.reviewBy = actor;
      b.reviewAt = at;
      b.status = 'reviewed';
      break;
    case 'submit':
      b.submissionBy = actor;
      b.submissionAt = at;
      b.returned = null;
      b.status = 'with-police';
      break;
    case 'verify': {
      const checked = verifiedData(b.data, b.corrections, event, context);
      if ('success' in checked) return checked;
      b.data = checked.data;
      b.corrections = checked.corrections;
      b.verification = { by: actor, at, idNumber: checked.idNumber };
      b.status = 'verified';
      break;
    }
    case 'mark-not-in-register':
      b.finding = { by: actor, at, note: event.note };
      b.status = 'not-in-register';
      break;
    case 'return':
      b.returned = { by: actor, at, reason: event.reason, missing: event.missing };
      b.status = 'returned';
      break;
    case 'update-platform':
      b.platformUpdate = { by: actor, at, method: event.method };
      b.status = 'updated-on-platform';
      break;
    case 'merge': {
      if (event.into === b.caseId) {
        return fail('WORKFLOW_SELF_MERGE', 'A case cannot be merged into itself', ['into']);
      }
      const target = builders.get(event.into);
      if (target === undefined) {
        return fail('WORKFLOW_UNKNOWN_CASE', 'The case to merge into was never opened', ['into']);
      }
      if (target.status === 'merged' || target.status === 'withdrawn') {
        return fail('WORKFLOW_WRONG_STATE', `Cannot merge into a case that is ${target.status}`, [
          'into',
        ]);
      }
      b.previousStatus = b.status as ActiveStatus;
      b.into = event.into;
      b.status = 'merged';
      break;
    }
    case 'withdraw':
      b.previousStatus = b.status as ActiveStatus;
      b.withdrawReason = event.reason;
      b.status = 'withdrawn';
      break;
  }
  touch(b, actor, at);
  return undefined;
}

function touch(b: Builder, actor: Actor, at: string): void {
  b.version++;
  b.updatedBy = actor;
  b.updatedAt = at;
}

function open(event: Extract<WorkflowEvent, { type: 'open' }>, actor: Actor, at: string): Builder {
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
    opened: { by: actor, at },
    updatedBy: actor,
    updatedAt: at,
    listing: null,
    assignmentBy: null,
    assignmentAt: '',
    reviewBy: null,
    reviewAt: '',
    submissionBy: null,
    submissionAt: '',
    returned: null,
    verification: null,
    finding: null,
    handover: null,
    platformUpdate: null,
    passportConfirmation: null,
    previousStatus: null,
    into: null,
    withdrawReason: null,
  };
}

/**
 * The exact immutable state of a builder: one object literal per status, no intermediate copies.
 */
function freeze(b: Builder): CaseState {
  const opened = b.opened;
  const updated: Stamp =
    b.updatedBy === opened.by && b.updatedAt === opened.at
      ? opened
      : { by: b.updatedBy, at: b.updatedAt };
  const { caseId, recordKey, commune, categories, issueCodes, link, data, corrections, version } =
    b;
  switch (b.status) {
    case 'detected':
      return {
        status: 'detected',
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
      };
    case 'listed':
      return {
        status: 'listed',
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing: b.listing!,
      };
    case 'merged':
      return {
        status: 'merged',
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        previousStatus: b.previousStatus!,
        merge: { by: b.updatedBy, at: b.updatedAt, into: b.into! },
      };
    case 'withdrawn':
      return {
        status: 'withdrawn',
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        previousStatus: b.previousStatus!,
        withdrawal: { by: b.updatedBy, at: b.updatedAt, reason: b.withdrawReason! },
      };
  }
  const listing = b.listing!;
  const assignment: Stamp = { by: b.assignmentBy!, at: b.assignmentAt };
  if (b.status === 'under-village-review') {
    return {
      status: b.status,
      caseId,
      recordKey,
      commune,
      categories,
      issueCodes,
      link,
      data,
      corrections,
      version,
      opened,
      updated,
      listing,
      assignment,
    };
  }
  const review: Stamp = { by: b.reviewBy!, at: b.reviewAt };
  if (b.status === 'reviewed') {
    return {
      status: b.status,
      caseId,
      recordKey,
      commune,
      categories,
      issueCodes,
      link,
      data,
      corrections,
      version,
      opened,
      updated,
      listing,
      assignment,
      review,
    };
  }
  const submission: Stamp = { by: b.submissionBy!, at: b.submissionAt };
  switch (b.status) {
    case 'with-police':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
      };
    case 'returned':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
        returned: b.returned!,
      };
    case 'not-in-register':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
        finding: b.finding!,
      };
    case 'verified':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
        verification: b.verification!,
      };
    case 'handed-over':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
        verification: b.verification!,
        handover: b.handover!,
      };
    case 'updated-on-platform':
      return {
        status: b.status,
        caseId,
        recordKey,
        commune,
        categories,
        issueCodes,
        link,
        data,
        corrections,
        version,
        opened,
        updated,
        listing,
        assignment,
        review,
        submission,
        verification: b.verification!,
        handover: b.handover!,
        platformUpdate: b.platformUpdate!,
      };
  }
  return {
    status: b.status,
    caseId,
    recordKey,
    commune,
    categories,
    issueCodes,
    link,
    data,
    corrections,
    version,
    opened,
    updated,
    listing,
    assignment,
    review,
    submission,
    verification: b.verification!,
    handover: b.handover!,
    platformUpdate: b.platformUpdate!,
    passportConfirmation: b.passportConfirmation!,
  };
}
