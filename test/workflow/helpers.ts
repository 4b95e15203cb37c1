import {
  type Actor,
  appendEvents,
  type CampaignState,
  type CaseState,
  type CaseStatus,
  emptyCampaign,
  type LogEntry,
  type Role,
  signList,
  type WorkflowEvent,
} from '../../src/workflow/index.js';

export function actor(role: Role, id = 'unit-1'): Actor {
  return { role, id };
}

export const station = actor('health-station');
export const commune = actor('commune-working-group');
export const village = actor('village-working-group');
export const police = actor('commune-police');
export const site = actor('vaccination-site');

/** Timestamps one minute apart from 2022-05-05 08:00 UTC. */
export function at(minute: number): string {
  return new Date(Date.parse('2022-05-05T08:00:00.000Z') + minute * 60_000).toISOString();
}

const COMMON = [
  'caseId',
  'categories',
  'commune',
  'corrections',
  'data',
  'issueCodes',
  'link',
  'opened',
  'recordKey',
  'status',
  'updated',
  'version',
];
const REVIEW = ['listing', 'assignment', 'review', 'submission'];
const VERIFIED = [...REVIEW, 'verification'];

/** The exact own keys each state has: the "no illegal state" invariant. */
export const KEYS: Readonly<Record<CaseStatus, readonly string[]>> = {
  detected: COMMON,
  listed: [...COMMON, 'listing'],
  'under-village-review': [...COMMON, 'listing', 'assignment'],
  reviewed: [...COMMON, 'listing', 'assignment', 'review'],
  'with-police': [...COMMON, ...REVIEW],
  returned: [...COMMON, ...REVIEW, 'returned'],
  'not-in-register': [...COMMON, ...REVIEW, 'finding'],
  verified: [...COMMON, ...VERIFIED],
  'handed-over': [...COMMON, ...VERIFIED, 'handover'],
  'updated-on-platform': [...COMMON, ...VERIFIED, 'handover', 'platformUpdate'],
  'passport-confirmed': [
    ...COMMON,
    ...VERIFIED,
    'handover',
    'platformUpdate',
    'passportConfirmation',
  ],
  merged: [...COMMON, 'previousStatus', 'merge'],
  withdrawn: [...COMMON, 'previousStatus', 'withdrawal'],
};

/** Whether a case has exactly the keys of its status, and a verified one a valid ID number. */
export function isLegalShape(c: CaseState): boolean {
  const keys = Object.keys(c).sort();
  const expected = [...KEYS[c.status]].sort();
  if (keys.length !== expected.length || keys.some((k, i) => k !== expected[i])) return false;
  if ('verification' in c && !/^(\d{12}|\d{9})$/.test(c.verification.idNumber)) return false;
  return c.version >= 1;
}

export function openEvent(caseId: string, idNumber?: string): WorkflowEvent {
  return {
    type: 'open',
    caseId,
    recordKey: `r-${caseId}`,
    commune: 'Yên Hòa',
    categories: idNumber === undefined ? ['missing-id'] : ['inconsistent-personal-data'],
    issueCodes: ['X'],
    data:
      idNumber === undefined
        ? { fullName: 'Nguyễn Văn An' }
        : { fullName: 'Nguyễn Văn An', idNumber },
  };
}

/** Appends steps one by one (signing list events) from an empty campaign; throws on failure. */
export async function build(
  steps: readonly { event: WorkflowEvent; actor: Actor }[],
): Promise<{ campaign: CampaignState; entries: LogEntry[] }> {
  const inputs = [];
  let minute = 0;
  for (const s of steps) {
    const e = s.event;
    const when = at(minute++);
    if (e.type === 'hand-back' || e.type === 'confirm-passports') {
      const list = await signList(e.list, s.actor, when);
      inputs.push({ event: { type: e.type, list }, actor: s.actor, at: when });
    } else inputs.push({ event: e, actor: s.actor, at: when });
  }
  const r = await appendEvents(emptyCampaign(), inputs);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return { campaign: r.data.campaign, entries: [...r.data.entries] };
}

/** The full happy path of one case through the five steps (list signatures filled by `build`). */
export function happyPath(
  caseId: string,
  idNumber = '001090012345',
): { event: WorkflowEvent; actor: Actor }[] {
  const unsigned = { by: police, at: at(0), contentHash: '0'.repeat(64) };
  return [
    { event: openEvent(caseId, idNumber), actor: station },
    { event: { type: 'list', caseId, listId: 'R1', village: 'Tổ 3' }, actor: station },
    { event: { type: 'assign', caseId }, actor: commune },
    {
      event: { type: 'correct', caseId, expectedVersion: 3, changes: { dob: '1990-03-05' } },
      actor: village,
    },
    { event: { type: 'complete-review', caseId }, actor: village },
    { event: { type: 'submit', caseId }, actor: village },
    { event: { type: 'verify', caseId }, actor: police },
    {
      event: {
        type: 'hand-back',
        list: { listId: `CA-${caseId}`, caseIds: [caseId], signature: unsigned },
      },
      actor: police,
    },
    { event: { type: 'update-platform', caseId, method: 'sync' }, actor: station },
    {
      event: {
        type: 'confirm-passports',
        list: { listId: `DT-${caseId}`, caseIds: [caseId], signature: { ...unsigned, by: site } },
      },
      actor: site,
    },
  ];
}
