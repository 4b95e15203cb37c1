/**
 * A whole campaign's cases and signed lists, and applying one event to it (list events move every
 * listed case at once, all or nothing).
 * @module
 */
import type { Issues, Result } from '../result.js';
import type { TransitionContext } from './checks.js';
import type { WorkflowEvent } from './events.js';
import type { WorkflowIssueCode } from './issues.js';
import { applyToBook, type CaseBook, freeze, thaw } from './machine.js';
import type { CaseState, SignedList } from './states.js';

/** The hash that the first log entry's `prevHash` names (64 zeros). */
export const GENESIS_HASH = '0'.repeat(64);

/** Every case of a campaign and every signed list, as rebuilt from (or appended to) the log. */
export interface CampaignState {
  readonly cases: ReadonlyMap<string, CaseState>;
  /** Signed hand-over lists (steps 3 and 5) by list id. */
  readonly lists: ReadonlyMap<string, SignedList>;
  /** Number of log entries applied; the `seq` of the next entry. */
  readonly length: number;
  /** Hash of the last log entry (`GENESIS_HASH` when empty); the next entry's `prevHash`. */
  readonly head: string;
}

/**
 * An empty campaign, before the first event.
 *
 * @example
 * ```ts
 * emptyCampaign().cases.size; // 0
 * ```
 */
export function emptyCampaign(): CampaignState {
  return { cases: new Map(), lists: new Map(), length: 0, head: GENESIS_HASH };
}

/**
 * Applies one event to a campaign without touching the log (no hashing). Pure: returns a new
 * state (the maps are copied). The list content hash is not checked here (it needs Web Crypto);
 * `appendEvent` checks it.
 *
 * @example
 * ```ts
 * const r = applyEvent(emptyCampaign(), openEvent, { actor: station, at: '2022-05-05T02:00:00Z' });
 * if (r.success) r.data.cases.get(openEvent.caseId)?.status; // 'detected'
 * ```
 */
export function applyEvent(
  campaign: CampaignState,
  event: WorkflowEvent,
  context: TransitionContext,
): Result<CampaignState, WorkflowIssueCode> {
  const cases = new Map(campaign.cases);
  const lists = new Map(campaign.lists);
  const failure = applyInPlace(cases, lists, event, context);
  if (failure) return { success: false, issues: failure };
  return { success: true, data: { cases, lists, length: campaign.length, head: campaign.head } };
}

/**
 * @internal Applies one event to mutable maps owned by the caller. Returns the issues on failure
 * (leaving the maps untouched), `undefined` on success.
 *
 * @example
 * ```ts
 * const issues = applyInPlace(cases, lists, event, { actor, at }); // undefined on success
 * ```
 */
export function applyInPlace(
  cases: Map<string, CaseState>,
  lists: Map<string, SignedList>,
  event: WorkflowEvent,
  context: TransitionContext,
): Issues<WorkflowIssueCode> | undefined {
  const book: CaseBook = {
    has: (caseId) => cases.has(caseId),
    get: (caseId) => {
      const state = cases.get(caseId);
      return state === undefined ? undefined : thaw(state);
    },
    set: (caseId, d) => cases.set(caseId, freeze(d)),
  };
  return applyToBook(book, false, lists, event, context)?.issues;
}
