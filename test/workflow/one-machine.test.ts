/**
 * The checked path (`applyEvent`, `transition`) and the fast replay run one state machine: for
 * random event sequences (legal and not) they accept the same events, refuse the others with the
 * same issues, and build the same cases and lists.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  workflowActorArbitrary,
  workflowEventArbitrary,
  workflowTimestampArbitrary,
} from '../../src/testing/workflow.js';
import {
  type Actor,
  applyEvent,
  type CampaignState,
  emptyCampaign,
  type LogEntry,
  replay,
  TRANSITIONS,
  transition,
  type WorkflowEvent,
} from '../../src/workflow/index.js';

interface Step {
  readonly event: WorkflowEvent;
  readonly actor: Actor;
  readonly at: string;
}

/** Nudges a random event towards applying: an allowed role, no stale version, the actor's signature. */
function nudged(
  event: WorkflowEvent,
  actor: Actor,
  pickRole: boolean,
  dropVersion: boolean,
): { event: WorkflowEvent; actor: Actor } {
  const roles = TRANSITIONS.find((r) => r.event === event.type)!.roles;
  const who: Actor = pickRole ? { ...actor, role: roles[actor.id.length % roles.length]! } : actor;
  if (event.type === 'hand-back' || event.type === 'confirm-passports') {
    const signature = { ...event.list.signature, by: who };
    return { event: { ...event, list: { ...event.list, signature } }, actor: who };
  }
  if (dropVersion && event.type !== 'open' && event.type !== 'correct') {
    const { expectedVersion: _, ...rest } = event;
    return { event: rest as WorkflowEvent, actor: who };
  }
  return { event, actor: who };
}

const CASES = ['c1', 'c2', 'c3', 'c4'];

/**
 * An event that the table allows for the case's current status (by an allowed role), with data
 * that is right or wrong by `pick`: random events alone rarely get past `listed`.
 */
function legalStep(campaign: CampaignState, caseId: string, pick: number, at: string): Step {
  const state = campaign.cases.get(caseId);
  const id = `unit-${pick % 2}`;
  if (state === undefined) {
    const data = pick % 3 === 0 ? { fullName: 'An' } : { fullName: 'An', idNumber: '001090012345' };
    return {
      event: {
        type: 'open',
        caseId,
        recordKey: `r-${caseId}`,
        commune: 'Yên Hòa',
        categories: ['missing-id'],
        issueCodes: [],
        data,
      },
      actor: { role: 'health-station', id },
      at,
    };
  }
  // Mostly forward (side exits end a case), sometimes anything the table allows.
  const allowed = TRANSITIONS.filter((r) => r.from.includes(state.status));
  const forward = allowed.filter((r) => r.advances || (r.event === 'correct' && pick % 3 === 0));
  const rules = pick % 8 === 0 || forward.length === 0 ? allowed : forward;
  const rule = rules[pick % Math.max(1, rules.length)] ?? TRANSITIONS[1]!;
  const actor: Actor = { role: rule.roles[pick % rule.roles.length]!, id };
  const other = CASES[(pick >> 2) % CASES.length]!;
  const list = {
    listId: `L${pick % 5}`,
    caseIds: pick % 4 === 0 && other !== caseId ? [caseId, other] : [caseId],
    signature: { by: actor, at, contentHash: '0'.repeat(64) },
  };
  const event = ((): WorkflowEvent => {
    switch (rule.event) {
      case 'list':
        return { type: 'list', caseId, listId: 'R1', village: 'Tổ 3' };
      case 'correct':
        return {
          type: 'correct',
          caseId,
          expectedVersion: pick % 7 === 0 ? state.version + 1 : state.version,
          changes: pick % 5 === 0 ? {} : { phone: `09${pick % 100}`, dob: null },
        };
      case 'verify':
        return pick % 2 === 0
          ? { type: 'verify', caseId, changes: { idNumber: '001090012345' } }
          : { type: 'verify', caseId };
      case 'mark-not-in-register':
        return { type: 'mark-not-in-register', caseId, note: 'không tìm thấy' };
      case 'return':
        return { type: 'return', caseId, reason: 'thiếu ngày sinh', missing: ['dob'] };
      case 'hand-back':
      case 'confirm-passports':
        return { type: rule.event, list };
      case 'update-platform':
        return { type: 'update-platform', caseId, method: 'sync' };
      case 'merge':
        return { type: 'merge', caseId, into: other };
      case 'withdraw':
        return { type: 'withdraw', caseId, reason: 'nhầm' };
      case 'open':
      case 'assign':
      case 'complete-review':
      case 'submit':
        return { type: rule.event, caseId } as WorkflowEvent;
    }
  })();
  return { event, actor, at };
}

const rawStepArb: fc.Arbitrary<Step> = fc
  .record({
    event: workflowEventArbitrary(),
    actor: workflowActorArbitrary(),
    at: workflowTimestampArbitrary(),
    pickRole: fc.boolean(),
    dropVersion: fc.boolean(),
  })
  .map(({ event, actor, at, pickRole, dropVersion }) => ({
    ...nudged(event, actor, pickRole, dropVersion),
    at,
  }));

/** Mostly events the table allows now, some random ones. */
const intentArb = fc.record({
  raw: fc.oneof({ weight: 5, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: rawStepArb }),
  caseIndex: fc.nat(CASES.length - 1),
  pick: fc.nat(1000),
  at: workflowTimestampArbitrary(),
});

function entry(seq: number, s: Step): LogEntry {
  return { seq, at: s.at, actor: s.actor, event: s.event, prevHash: '0', hash: String(seq) };
}

describe('one state machine', () => {
  it('the checked path and the fast replay accept, refuse and build the same', () => {
    fc.assert(
      fc.property(
        fc.array(intentArb, { minLength: 10, maxLength: 150, size: 'max' }),
        (intents) => {
          let campaign: CampaignState = emptyCampaign();
          const entries: LogEntry[] = [];
          for (const intent of intents) {
            const s =
              intent.raw ?? legalStep(campaign, CASES[intent.caseIndex]!, intent.pick, intent.at);
            const context = { actor: s.actor, at: s.at };
            const checked = applyEvent(campaign, s.event, context);
            // One case, one event: `transition` agrees with the campaign where no other case is involved.
            if (
              s.event.type !== 'hand-back' &&
              s.event.type !== 'confirm-passports' &&
              s.event.type !== 'merge'
            ) {
              const single = transition(campaign.cases.get(s.event.caseId), s.event, context);
              expect(single.success).toBe(checked.success);
              if (single.success && checked.success) {
                expect(checked.data.cases.get(s.event.caseId)).toEqual(single.data);
              } else if (!single.success && !checked.success) {
                expect(single.issues).toEqual(checked.issues);
              }
            }
            const fast = replay([...entries, entry(entries.length, s)]);
            expect(fast.success).toBe(checked.success);
            if (checked.success) {
              campaign = checked.data;
              entries.push(entry(entries.length, s));
            } else if (!fast.success) {
              const seq = entries.length;
              expect(fast.issues).toEqual(
                checked.issues.map((i) => ({ ...i, path: [seq, 'event', ...(i.path ?? [])] })),
              );
            }
          }
          const rebuilt = replay(entries);
          expect(rebuilt.success).toBe(true);
          if (rebuilt.success) {
            expect(rebuilt.data.cases).toEqual(campaign.cases);
            expect(rebuilt.data.lists).toEqual(campaign.lists);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
