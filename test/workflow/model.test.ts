/**
 * Model-based test: random sequences of role actions (legal and illegal) against a simple model
 * written independently of the transition table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Actor,
  appendEvent,
  type CampaignState,
  emptyCampaign,
  type LogEntry,
  type PersonChanges,
  type Role,
  replay,
  signList,
  verifyLog,
  WORKFLOW_ROLES,
  type WorkflowEvent,
  type WorkflowIssueCode,
} from '../../src/workflow/index.js';
import { isLegalShape } from './helpers.js';

type Status = string;
interface ModelCase {
  status: Status;
  version: number;
  idNumber: string | undefined;
  phone: string | undefined;
}
interface Model {
  cases: Map<string, ModelCase>;
  lists: Set<string>;
}
interface Real {
  campaign: CampaignState;
  entries: LogEntry[];
  clock: number;
}

/** The rules of Công văn 2262 as the model knows them (deliberately not read from TRANSITIONS). */
const RULES: Record<string, { roles: Role[]; from: Status[]; to: Status | 'same' }> = {
  list: { roles: ['health-station'], from: ['detected'], to: 'listed' },
  assign: { roles: ['commune-working-group'], from: ['listed'], to: 'under-village-review' },
  correct: {
    roles: ['village-working-group'],
    from: ['under-village-review', 'reviewed', 'returned'],
    to: 'same',
  },
  'complete-review': {
    roles: ['village-working-group'],
    from: ['under-village-review'],
    to: 'reviewed',
  },
  submit: { roles: ['village-working-group'], from: ['reviewed', 'returned'], to: 'with-police' },
  verify: { roles: ['commune-police'], from: ['with-police'], to: 'verified' },
  'mark-not-in-register': {
    roles: ['commune-police'],
    from: ['with-police'],
    to: 'not-in-register',
  },
  return: { roles: ['commune-police'], from: ['with-police'], to: 'returned' },
  'hand-back': { roles: ['commune-police'], from: ['verified'], to: 'handed-over' },
  'update-platform': {
    roles: ['health-station'],
    from: ['handed-over'],
    to: 'updated-on-platform',
  },
  'confirm-passports': {
    roles: ['vaccination-site'],
    from: ['updated-on-platform'],
    to: 'passport-confirmed',
  },
  merge: {
    roles: ['commune-working-group', 'village-working-group'],
    from: ['detected', 'listed', 'under-village-review', 'reviewed', 'returned'],
    to: 'merged',
  },
  withdraw: {
    roles: ['commune-working-group'],
    from: [
      'detected',
      'listed',
      'under-village-review',
      'reviewed',
      'with-police',
      'returned',
      'verified',
      'handed-over',
      'updated-on-platform',
    ],
    to: 'withdrawn',
  },
};

const CASE_IDS = ['c0', 'c1', 'c2', 'c3', 'c4'];
const VALID = (s: string | undefined) => s !== undefined && /^(\d{12}|\d{9})$/.test(s);

function tick(r: Real): string {
  r.clock++;
  return new Date(Date.parse('2022-05-05T00:00:00.000Z') + r.clock * 60_000).toISOString();
}

async function attempt(
  m: Model,
  r: Real,
  event: WorkflowEvent,
  who: Actor,
  expected: WorkflowIssueCode | 'ok',
  onOk: () => void,
): Promise<void> {
  const result = await appendEvent(r.campaign, event, { actor: who, at: tick(r) });
  expect(result.success ? 'ok' : result.issues[0]?.code).toBe(expected);
  if (result.success) {
    r.campaign = result.data.campaign;
    r.entries.push(...result.data.entries);
    onOk();
  }
  // Invariants after every command: legal shapes, live state = model, replay = live state.
  expect(r.campaign.cases.size).toBe(m.cases.size);
  for (const [id, c] of r.campaign.cases) {
    expect(isLegalShape(c)).toBe(true);
    reached.add(c.status);
    expect(c.status).toBe(m.cases.get(id)?.status);
    expect(c.version).toBe(m.cases.get(id)?.version);
  }
  expect(replay(r.entries)).toEqual({ success: true, data: r.campaign });
}

/** Every status some run passed through (to check that the generator goes deep). */
const reached = new Set<string>();

type Cmd = fc.AsyncCommand<Model, Real>;

const roleArb = fc.option(fc.constantFrom(...WORKFLOW_ROLES), { freq: 3 });
const caseArb = fc.constantFrom(...CASE_IDS);

const openCmd = fc
  .record({
    caseId: caseArb,
    id: fc.constantFrom(undefined, '001090012345', '012345678', '0010900123'),
    role: roleArb,
  })
  .map(
    ({ caseId, id, role }): Cmd => ({
      check: () => true,
      toString: () => `open(${caseId}, ${id}, ${role})`,
      run: async (m, r) => {
        const who: Role = role ?? 'health-station';
        const expected: WorkflowIssueCode | 'ok' = m.cases.has(caseId)
          ? 'WORKFLOW_CASE_EXISTS'
          : who === 'health-station' || who === 'commune-working-group'
            ? 'ok'
            : 'WORKFLOW_WRONG_ROLE';
        const data = id === undefined ? {} : { idNumber: id };
        const event: WorkflowEvent = {
          type: 'open',
          caseId,
          recordKey: caseId,
          commune: 'X',
          categories: ['missing-id'],
          issueCodes: [],
          data,
        };
        await attempt(m, r, event, { role: who, id: 'u' }, expected, () =>
          m.cases.set(caseId, { status: 'detected', version: 1, idNumber: id, phone: undefined }),
        );
      },
    }),
  );

const changeArb: fc.Arbitrary<PersonChanges> = fc.oneof(
  fc.constant({ idNumber: '079203001234' }),
  fc.constant({ idNumber: '12345' }),
  fc.constant({ idNumber: null }),
  fc.constantFrom('0912345678', '0987654321').map((phone) => ({ phone })),
);

const caseCmd = fc
  .record({
    type: fc.constantFrom(
      'list',
      'assign',
      'correct',
      'complete-review',
      'submit',
      'verify',
      'mark-not-in-register',
      'return',
      'update-platform',
      'merge',
      'withdraw',
    ),
    caseId: caseArb,
    into: caseArb,
    role: roleArb,
    version: fc.constantFrom('current', 'current', 'current', 'omit', 'stale'),
    changes: changeArb,
  })
  .map(
    ({ type, caseId, into, role, version, changes }): Cmd => ({
      check: () => true,
      toString: () =>
        `${type}(${caseId}, role=${role}, v=${version}, ${JSON.stringify(changes)}, into=${into})`,
      run: async (m, r) => {
        const rule = RULES[type]!;
        const who: Role = role ?? rule.roles[0]!;
        const c = m.cases.get(caseId);
        const current = c?.version ?? 1;
        const v = version === 'stale' ? current + 1 : current;
        const withVersion = type === 'correct' || version !== 'omit' ? { expectedVersion: v } : {};
        let event: WorkflowEvent;
        switch (type) {
          case 'list':
            event = { type, caseId, listId: 'R', village: 'Tổ 1', ...withVersion };
            break;
          case 'correct':
            event = { type, caseId, expectedVersion: v, changes };
            break;
          case 'mark-not-in-register':
            event = { type, caseId, note: 'n', ...withVersion };
            break;
          case 'return':
            event = { type, caseId, reason: 'r', missing: ['idNumber'], ...withVersion };
            break;
          case 'update-platform':
            event = { type, caseId, method: 'sync', ...withVersion };
            break;
          case 'merge':
            event = { type, caseId, into, ...withVersion };
            break;
          case 'withdraw':
            event = { type, caseId, reason: 'w', ...withVersion };
            break;
          default:
            event = { type: type as 'assign', caseId, ...withVersion };
        }
        let expected: WorkflowIssueCode | 'ok' = 'ok';
        const next: Partial<ModelCase> = {};
        if (c === undefined) expected = 'WORKFLOW_UNKNOWN_CASE';
        else if (!rule.roles.includes(who)) expected = 'WORKFLOW_WRONG_ROLE';
        else if (!rule.from.includes(c.status)) expected = 'WORKFLOW_WRONG_STATE';
        else if ('expectedVersion' in event && event.expectedVersion !== c.version)
          expected = 'WORKFLOW_VERSION_CONFLICT';
        else if (type === 'correct') {
          const [field, value] = Object.entries(changes)[0] as [
            'idNumber' | 'phone',
            string | null,
          ];
          const now = c[field];
          if ((value ?? undefined) === now) expected = 'WORKFLOW_NO_CHANGE';
          else next[field] = value ?? undefined;
        } else if (type === 'verify') {
          if (c.idNumber === undefined) expected = 'WORKFLOW_MISSING_ID_NUMBER';
          else if (!VALID(c.idNumber)) expected = 'WORKFLOW_INVALID_ID_NUMBER';
        } else if (type === 'merge') {
          const target = m.cases.get(into);
          if (into === caseId) expected = 'WORKFLOW_SELF_MERGE';
          else if (target === undefined) expected = 'WORKFLOW_UNKNOWN_CASE';
          else if (target.status === 'merged' || target.status === 'withdrawn')
            expected = 'WORKFLOW_WRONG_STATE';
        }
        await attempt(m, r, event, { role: who, id: 'u' }, expected, () => {
          const mc = c!;
          Object.assign(mc, next);
          mc.version++;
          if (rule.to !== 'same') mc.status = rule.to;
        });
      },
    }),
  );

const listCmd = fc
  .record({
    type: fc.constantFrom('hand-back' as const, 'confirm-passports' as const),
    caseIds: fc.uniqueArray(caseArb, { minLength: 1, maxLength: 3 }),
    role: roleArb,
    otherSigner: fc.boolean(),
    reuseList: fc.boolean(),
  })
  .map(
    ({ type, caseIds, role, otherSigner, reuseList }): Cmd => ({
      check: () => true,
      toString: () =>
        `${type}(${caseIds.join(',')}, role=${role}, otherSigner=${otherSigner}, reuse=${reuseList})`,
      run: async (m, r) => {
        const rule = RULES[type]!;
        const who: Actor = { role: role ?? rule.roles[0]!, id: 'u' };
        const signer: Actor = otherSigner ? { role: who.role, id: 'someone-else' } : who;
        const listId = reuseList && m.lists.size > 0 ? [...m.lists][0]! : `L${r.clock}`;
        const list = await signList({ listId, caseIds }, signer, tick(r));
        let expected: WorkflowIssueCode | 'ok' = 'ok';
        if (m.lists.has(listId)) expected = 'WORKFLOW_DUPLICATE_LIST';
        else {
          for (const id of caseIds) {
            const c = m.cases.get(id);
            const code: WorkflowIssueCode | 'ok' =
              c === undefined
                ? 'WORKFLOW_UNKNOWN_CASE'
                : !rule.roles.includes(who.role)
                  ? 'WORKFLOW_WRONG_ROLE'
                  : !rule.from.includes(c.status)
                    ? 'WORKFLOW_WRONG_STATE'
                    : otherSigner
                      ? 'WORKFLOW_SIGNATURE_MISMATCH'
                      : 'ok';
            if (code !== 'ok') {
              expected = code;
              break;
            }
          }
        }
        await attempt(m, r, { type, list }, who, expected, () => {
          m.lists.add(listId);
          for (const id of caseIds) {
            const c = m.cases.get(id)!;
            c.status = rule.to;
            c.version++;
          }
        });
      },
    }),
  );

/** A forward move chosen from the model's state at run time, so that sequences go deep. */
const advanceCmd = fc.record({ caseId: fc.oneof(fc.constant('c0'), caseArb), pick: fc.nat() }).map(
  ({ caseId, pick }): Cmd => ({
    check: () => true,
    toString: () => `advance(${caseId}, ${pick})`,
    run: async (m, r) => {
      const c = m.cases.get(caseId);
      if (c === undefined) {
        const event: WorkflowEvent = {
          type: 'open',
          caseId,
          recordKey: caseId,
          commune: 'X',
          categories: ['link-review'],
          issueCodes: [],
          data: {},
        };
        return attempt(m, r, event, { role: 'health-station', id: 'u' }, 'ok', () =>
          m.cases.set(caseId, {
            status: 'detected',
            version: 1,
            idNumber: undefined,
            phone: undefined,
          }),
        );
      }
      const side = pick % 16 === 0;
      const options = Object.entries(RULES).filter(
        ([type, rule]) =>
          rule.from.includes(c.status) &&
          (type === 'merge' || type === 'withdraw') === side &&
          // Mostly verify rather than end the case at the police step.
          (c.status !== 'with-police' || pick % 4 === 1 || type === 'verify'),
      );
      if (options.length === 0) return;
      const [type, rule] = options[pick % options.length]!;
      const who: Actor = { role: rule.roles[0]!, id: 'u' };
      const step = (
        event: WorkflowEvent,
        expected: WorkflowIssueCode | 'ok' = 'ok',
        change?: Partial<ModelCase>,
      ) =>
        attempt(m, r, event, who, expected, () => {
          Object.assign(c, change);
          c.version++;
          if (rule.to !== 'same') c.status = rule.to;
        });
      switch (type) {
        case 'list':
          return step({ type, caseId, listId: 'R', village: 'Tổ 1' });
        case 'correct':
          return VALID(c.idNumber)
            ? step(
                { type, caseId, expectedVersion: c.version, changes: { phone: `09${c.version}` } },
                'ok',
                { phone: `09${c.version}` },
              )
            : step(
                { type, caseId, expectedVersion: c.version, changes: { idNumber: '001090012345' } },
                'ok',
                { idNumber: '001090012345' },
              );
        case 'verify':
          return step(
            { type, caseId },
            c.idNumber === undefined
              ? 'WORKFLOW_MISSING_ID_NUMBER'
              : VALID(c.idNumber)
                ? 'ok'
                : 'WORKFLOW_INVALID_ID_NUMBER',
          );
        case 'mark-not-in-register':
          return step({ type, caseId, note: 'n' });
        case 'return':
          return step({ type, caseId, reason: 'r', missing: [] });
        case 'update-platform':
          return step({ type, caseId, method: 'excel-import' });
        case 'withdraw':
          return step({ type, caseId, reason: 'w' });
        case 'merge': {
          const into = [...m.cases].find(
            ([id, x]) => id !== caseId && x.status !== 'merged' && x.status !== 'withdrawn',
          );
          return into === undefined ? undefined : step({ type, caseId, into: into[0] });
        }
        case 'hand-back':
        case 'confirm-passports': {
          const ids = [...m.cases].filter(([, x]) => x.status === c.status).map(([id]) => id);
          const listId = `A${r.clock}`;
          const list = await signList({ listId, caseIds: ids }, who, tick(r));
          return attempt(m, r, { type, list }, who, 'ok', () => {
            m.lists.add(listId);
            for (const id of ids) {
              const x = m.cases.get(id)!;
              x.status = rule.to;
              x.version++;
            }
          });
        }
        default:
          return step({ type: type as 'assign', caseId });
      }
    },
  }),
);

async function tampered(entries: readonly LogEntry[], head: string): Promise<string[]> {
  const failures: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const edited = entries.with(i, { ...e, at: new Date(Date.parse(e.at) + 1000).toISOString() });
    const deleted = entries.toSpliced(i, 1);
    if ((await verifyLog(edited, { expectedHead: head })).success)
      failures.push(`edit ${i} passed`);
    if ((await verifyLog(deleted, { expectedHead: head })).success)
      failures.push(`delete ${i} passed`);
  }
  return failures;
}

describe('workflow model', () => {
  it('random role actions never reach an illegal state, replay equals the live state, and no single edit or deletion survives verifyLog', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands(
          [openCmd, caseCmd, caseCmd, listCmd, advanceCmd, advanceCmd, advanceCmd, advanceCmd],
          { maxCommands: 80, size: 'max' },
        ),
        async (cmds) => {
          const real: Real = { campaign: emptyCampaign(), entries: [], clock: 0 };
          await fc.asyncModelRun(
            () => ({ model: { cases: new Map(), lists: new Set<string>() }, real }),
            cmds,
          );
          const verified = await verifyLog(real.entries, { expectedHead: real.campaign.head });
          expect(verified).toEqual({
            success: true,
            data: { length: real.entries.length, head: real.campaign.head },
          });
          expect(await tampered(real.entries, real.campaign.head)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
    // The generator does go deep: some run took a case through all five steps.
    expect(reached.has('passport-confirmed')).toBe(true);
    expect(reached.size).toBeGreaterThanOrEqual(10);
  });
});
