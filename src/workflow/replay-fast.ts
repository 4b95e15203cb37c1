/**
 * The fast replay path of the one state machine (`machine.ts`): each case is one draft of fixed
 * shape for the whole log, so an event costs one map lookup and a few stores instead of a new
 * state object; every draft is frozen into its exact immutable `CaseState` once at the end. The
 * checked path (`appendEvents`, `applyEvent`, `transition`) runs the same step function, so both
 * accept the same events and build the same states.
 * @module
 */
import type { Result } from '../result.js';
import { type CampaignState, GENESIS_HASH } from './campaign.js';
import type { TransitionContext } from './checks.js';
import { fail, under, type WorkflowIssueCode } from './issues.js';
import type { LogEntry } from './log-types.js';
import { applyToBook, type CaseDraft, freeze } from './machine.js';
import type { CaseState, SignedList } from './states.js';

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
  const drafts = new Map<string, CaseDraft>();
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
    const failure = applyToBook(drafts, true, lists, entry.event, context);
    if (failure) return under([i, 'event'], failure.issues);
  }
  const cases = new Map<string, CaseState>();
  for (const [id, d] of drafts) cases.set(id, freeze(d));
  const head = n === 0 ? GENESIS_HASH : entries[n - 1]!.hash;
  return { success: true, data: { cases, lists, length: n, head } };
}
