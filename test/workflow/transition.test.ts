import { describe, expect, it } from 'vitest';
import {
  type CaseState,
  type Role,
  type TransitionContext,
  transition,
  type WorkflowEvent,
  type WorkflowIssueCode,
} from '../../src/workflow/index.js';
import {
  actor,
  at,
  build,
  commune,
  happyPath,
  isLegalShape,
  openEvent,
  police,
  site,
  station,
  village,
} from './helpers.js';

const ctx = (who: { role: Role; id: string }, minute = 0): TransitionContext => ({
  actor: who,
  at: at(minute),
});

function must(r: ReturnType<typeof transition>): CaseState {
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

/** Drives one case to `with-police` through the pure transition function only. */
function toWithPolice(idNumber?: string): CaseState {
  let s = must(transition(undefined, openEvent('c1', idNumber), ctx(station)));
  s = must(
    transition(s, { type: 'list', caseId: 'c1', listId: 'R1', village: 'Tổ 3' }, ctx(station, 1)),
  );
  s = must(transition(s, { type: 'assign', caseId: 'c1' }, ctx(commune, 2)));
  s = must(transition(s, { type: 'complete-review', caseId: 'c1' }, ctx(village, 3)));
  return must(transition(s, { type: 'submit', caseId: 'c1' }, ctx(village, 4)));
}

describe('transition', () => {
  it('walks one case through all five steps with exactly the data of each state', async () => {
    const { campaign } = await build(happyPath('c1'));
    const c = campaign.cases.get('c1')!;
    expect(c.status).toBe('passport-confirmed');
    expect(c.version).toBe(10);
    expect(isLegalShape(c)).toBe(true);
    if (c.status !== 'passport-confirmed') throw new Error('unreachable');
    expect(c.verification.idNumber).toBe('001090012345');
    expect(c.handover.listId).toBe('CA-c1');
    expect(c.handover.signature.by).toEqual(police);
    expect(c.passportConfirmation.signature.by).toEqual(site);
    expect(c.platformUpdate.method).toBe('sync');
    expect(c.corrections).toEqual([
      { field: 'dob', oldValue: null, newValue: '1990-03-05', by: village, at: at(3) },
    ]);
  });

  it('is pure: the input state is not changed', () => {
    const s = toWithPolice('001090012345');
    const before = structuredClone(s);
    must(transition(s, { type: 'verify', caseId: 'c1' }, ctx(police, 5)));
    expect(s).toEqual(before);
  });

  const wp = toWithPolice('001090012345');
  const cases: [string, CaseState | undefined, WorkflowEvent, Role, WorkflowIssueCode][] = [
    ['open twice', wp, openEvent('c1'), 'health-station', 'WORKFLOW_CASE_EXISTS'],
    [
      'unknown case',
      undefined,
      { type: 'assign', caseId: 'c9' },
      'commune-working-group',
      'WORKFLOW_UNKNOWN_CASE',
    ],
    [
      'village verifies',
      wp,
      { type: 'verify', caseId: 'c1' },
      'village-working-group',
      'WORKFLOW_WRONG_ROLE',
    ],
    ['police opens', undefined, openEvent('c2'), 'commune-police', 'WORKFLOW_WRONG_ROLE'],
    [
      'assign twice',
      wp,
      { type: 'assign', caseId: 'c1' },
      'commune-working-group',
      'WORKFLOW_WRONG_STATE',
    ],
    [
      'update before hand-back',
      wp,
      { type: 'update-platform', caseId: 'c1', method: 'sync' },
      'health-station',
      'WORKFLOW_WRONG_STATE',
    ],
    [
      'stale version',
      wp,
      { type: 'verify', caseId: 'c1', expectedVersion: 4 },
      'commune-police',
      'WORKFLOW_VERSION_CONFLICT',
    ],
    [
      'self merge',
      toWithPolice('001090012345'),
      { type: 'withdraw', caseId: 'c1', reason: 'x' },
      'village-working-group',
      'WORKFLOW_WRONG_ROLE',
    ],
    [
      'verify without ID',
      toWithPolice(),
      { type: 'verify', caseId: 'c1' },
      'commune-police',
      'WORKFLOW_MISSING_ID_NUMBER',
    ],
    [
      'verify with 10 digits',
      toWithPolice('0010900123'),
      { type: 'verify', caseId: 'c1' },
      'commune-police',
      'WORKFLOW_INVALID_ID_NUMBER',
    ],
    [
      'verify with an unknown province code',
      toWithPolice('003090012345'),
      { type: 'verify', caseId: 'c1' },
      'commune-police',
      'WORKFLOW_INVALID_ID_NUMBER',
    ],
    [
      'verify with spaces',
      toWithPolice('001 090 012 345'),
      { type: 'verify', caseId: 'c1' },
      'commune-police',
      'WORKFLOW_INVALID_ID_NUMBER',
    ],
  ];
  it.each(cases)('rejects %s', (_name, state, event, role, code) => {
    const r = transition(state, event, ctx(actor(role), 9));
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.code)).toEqual([code]);
  });

  it.each([
    ['9-digit CMND', '012345678'],
    ['12-digit CCCD', '079203001234'],
  ])('verifies a %s', (_name, id) => {
    const r = must(transition(toWithPolice(id), { type: 'verify', caseId: 'c1' }, ctx(police, 5)));
    expect(r.status).toBe('verified');
    if (r.status === 'verified')
      expect(r.verification).toEqual({ by: police, at: at(5), idNumber: id });
  });

  it('lets the police supply the number from the register while verifying, recorded as a correction', () => {
    const r = must(
      transition(
        toWithPolice(),
        { type: 'verify', caseId: 'c1', changes: { idNumber: '001090012345' } },
        ctx(police, 5),
      ),
    );
    expect(r.status).toBe('verified');
    expect(r.corrections).toEqual([
      { field: 'idNumber', oldValue: null, newValue: '001090012345', by: police, at: at(5) },
    ]);
  });

  it('accepts a stricter ID validator from the context', () => {
    const r = transition(
      toWithPolice('012345678'),
      { type: 'verify', caseId: 'c1' },
      {
        ...ctx(police, 5),
        isValidIdNumber: (id) => id.length === 12,
      },
    );
    expect(r.success ? 'ok' : r.issues[0]?.code).toBe('WORKFLOW_INVALID_ID_NUMBER');
  });

  it('records every changed field with old and new value and the actor, and skips unchanged ones', () => {
    let s = toWithPolice('0010900123');
    s = must(
      transition(
        s,
        { type: 'return', caseId: 'c1', reason: 'số CCCD sai', missing: ['idNumber'] },
        ctx(police, 5),
      ),
    );
    expect(s.status).toBe('returned');
    const r = must(
      transition(
        s,
        {
          type: 'correct',
          caseId: 'c1',
          expectedVersion: 6,
          changes: { idNumber: '001090012345', fullName: 'Nguyễn Văn An', phone: '0912345678' },
        },
        ctx(village, 6),
      ),
    );
    expect(r.status).toBe('returned');
    expect(r.data).toEqual({
      fullName: 'Nguyễn Văn An',
      idNumber: '001090012345',
      phone: '0912345678',
    });
    expect(r.corrections).toEqual([
      {
        field: 'idNumber',
        oldValue: '0010900123',
        newValue: '001090012345',
        by: village,
        at: at(6),
      },
      { field: 'phone', oldValue: null, newValue: '0912345678', by: village, at: at(6) },
    ]);
    const cleared = must(
      transition(
        r,
        { type: 'correct', caseId: 'c1', expectedVersion: 7, changes: { phone: null } },
        ctx(village, 7),
      ),
    );
    expect(cleared.data).toEqual({ fullName: 'Nguyễn Văn An', idNumber: '001090012345' });
    expect(cleared.corrections.at(-1)).toEqual({
      field: 'phone',
      oldValue: '0912345678',
      newValue: null,
      by: village,
      at: at(7),
    });
    const none = transition(
      cleared,
      { type: 'correct', caseId: 'c1', expectedVersion: 8, changes: { fullName: 'Nguyễn Văn An' } },
      ctx(village, 8),
    );
    expect(none.success ? 'ok' : none.issues[0]?.code).toBe('WORKFLOW_NO_CHANGE');
    const conflict = transition(
      cleared,
      { type: 'correct', caseId: 'c1', expectedVersion: 7, changes: { phone: '0987654321' } },
      ctx(village, 8),
    );
    expect(conflict.success ? 'ok' : conflict.issues[0]?.code).toBe('WORKFLOW_VERSION_CONFLICT');
    const resubmitted = must(
      transition(cleared, { type: 'submit', caseId: 'c1' }, ctx(village, 9)),
    );
    expect(resubmitted.status).toBe('with-police');
    expect(isLegalShape(resubmitted)).toBe(true);
    expect('returned' in resubmitted).toBe(false);
  });

  it('merges and withdraws keeping only the common data and the previous status', () => {
    const s = toWithPolice('001090012345');
    const w = must(
      transition(s, { type: 'withdraw', caseId: 'c1', reason: 'trùng' }, ctx(commune, 5)),
    );
    expect(w).toMatchObject({
      status: 'withdrawn',
      previousStatus: 'with-police',
      withdrawal: { by: commune, at: at(5), reason: 'trùng' },
    });
    expect(isLegalShape(w)).toBe(true);
    const d = must(transition(undefined, openEvent('c2'), ctx(station)));
    const self = transition(d, { type: 'merge', caseId: 'c2', into: 'c2' }, ctx(village, 1));
    expect(self.success ? 'ok' : self.issues[0]?.code).toBe('WORKFLOW_SELF_MERGE');
    const m = must(transition(d, { type: 'merge', caseId: 'c2', into: 'c1' }, ctx(village, 1)));
    expect(m).toMatchObject({
      status: 'merged',
      previousStatus: 'detected',
      merge: { into: 'c1' },
    });
    const after = transition(
      m,
      { type: 'list', caseId: 'c2', listId: 'R', village: 'T' },
      ctx(station, 2),
    );
    expect(after.success ? 'ok' : after.issues[0]?.code).toBe('WORKFLOW_WRONG_STATE');
  });

  it('checks list membership and the signer of a list', async () => {
    const { campaign } = await build(happyPath('c1').slice(0, 7));
    const verified = campaign.cases.get('c1')!;
    const sig = { by: police, at: at(9), contentHash: 'a'.repeat(64) };
    const notOn = transition(
      verified,
      { type: 'hand-back', list: { listId: 'L', caseIds: ['c2'], signature: sig } },
      ctx(police, 9),
    );
    expect(notOn.success ? 'ok' : notOn.issues[0]?.code).toBe('WORKFLOW_NOT_IN_LIST');
    const other = transition(
      verified,
      {
        type: 'hand-back',
        list: {
          listId: 'L',
          caseIds: ['c1'],
          signature: { ...sig, by: actor('commune-police', 'other') },
        },
      },
      ctx(police, 9),
    );
    expect(other.success ? 'ok' : other.issues[0]?.code).toBe('WORKFLOW_SIGNATURE_MISMATCH');
    const good = must(
      transition(
        verified,
        { type: 'hand-back', list: { listId: 'L', caseIds: ['c1'], signature: sig } },
        ctx(police, 9),
      ),
    );
    expect(good.status).toBe('handed-over');
  });
});
