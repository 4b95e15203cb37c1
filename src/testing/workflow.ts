/**
 * fast-check arbitraries for the `workflow` part: actors, timestamps, structurally valid events,
 * and whole legal campaigns (scripts of role actions that a real campaign could produce).
 * @module
 */
import fc from 'fast-check';
import type { Result } from '../result.js';
import {
  type Actor,
  type AppendResult,
  appendEvents,
  type CampaignState,
  type CaseCategory,
  emptyCampaign,
  PERSON_FIELDS,
  type PersonData,
  type ReplayOptions,
  type Role,
  signList,
  WORKFLOW_ROLES,
  type WorkflowEvent,
  type WorkflowIssueCode,
} from '../workflow/index.js';

const START_MS = Date.parse('2022-05-04T01:00:00.000Z');
const END_MS = Date.parse('2022-07-01T00:00:00.000Z');

/**
 * An actor of a role (any role when omitted), with one of a few unit ids.
 *
 * @example
 * ```ts
 * fc.sample(workflowActorArbitrary('commune-police'), 1)[0]?.role; // 'commune-police'
 * ```
 */
export function workflowActorArbitrary(role?: Role): fc.Arbitrary<Actor> {
  return fc.record({
    role: role === undefined ? fc.constantFrom(...WORKFLOW_ROLES) : fc.constant(role),
    id: fc.constantFrom('unit-1', 'unit-2', 'unit-3'),
  });
}

/**
 * An ISO 8601 UTC timestamp during the 2022 campaign (May and June).
 *
 * @example
 * ```ts
 * fc.sample(workflowTimestampArbitrary(), 1)[0]?.endsWith('Z'); // true
 * ```
 */
export function workflowTimestampArbitrary(): fc.Arbitrary<string> {
  return fc.integer({ min: START_MS, max: END_MS }).map((ms) => new Date(ms).toISOString());
}

const caseIdArb = fc.constantFrom('c1', 'c2', 'c3', 'c4');
const hex64Arb = fc.stringMatching(/^[0-9a-f]{64}$/);
const valueArb = fc.string({ minLength: 1, maxLength: 20 });
const versionArb = fc.integer({ min: 1, max: 20 });
const personFieldArb = fc.constantFrom(...PERSON_FIELDS);
const dataArb: fc.Arbitrary<PersonData> = fc.record(
  {
    fullName: valueArb,
    dob: valueArb,
    sex: fc.constantFrom('male', 'female'),
    idNumber: fc.oneof(fc.stringMatching(/^[0-9]{12}$/), fc.stringMatching(/^[0-9]{9}$/), valueArb),
    phone: valueArb,
    address: valueArb,
  },
  { requiredKeys: [] },
);
const changesArb = fc.record(
  {
    fullName: fc.option(valueArb),
    dob: fc.option(valueArb),
    sex: fc.option(valueArb),
    idNumber: fc.option(valueArb),
    phone: fc.option(valueArb),
    address: fc.option(valueArb),
  },
  { requiredKeys: [] },
);
const listArb = fc.record({
  listId: fc.constantFrom('L1', 'L2', 'L3'),
  caseIds: fc.uniqueArray(caseIdArb, { minLength: 1, maxLength: 4 }),
  signature: fc.record({
    by: workflowActorArbitrary(),
    at: workflowTimestampArbitrary(),
    contentHash: hex64Arb,
  }),
});
const categoryArb = fc.constantFrom<CaseCategory>(
  'missing-id',
  'malformed-id',
  'inconsistent-personal-data',
  'link-review',
);

/**
 * Any structurally valid workflow event (it passes `parseWorkflowEvent`), legal or not in any
 * given state: for fuzzing transitions. List signatures carry random (not matching) hashes.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(workflowEventArbitrary(), (e) => parseWorkflowEvent(e).success));
 * ```
 */
export function workflowEventArbitrary(): fc.Arbitrary<WorkflowEvent> {
  const withVersion = { expectedVersion: versionArb };
  const opt = { requiredKeys: ['type', 'caseId'] as ('type' | 'caseId')[] };
  return fc.oneof(
    fc.record(
      {
        type: fc.constant('open' as const),
        caseId: caseIdArb,
        recordKey: fc.string({ minLength: 1, maxLength: 10 }),
        commune: fc.constantFrom('Yên Hòa', 'Dịch Vọng'),
        categories: fc.uniqueArray(categoryArb, { minLength: 1 }),
        issueCodes: fc.array(fc.constantFrom('CCCD_MISSING', 'CCCD_TOO_SHORT', 'DOB_MISMATCH')),
        data: dataArb,
        link: fc.record(
          {
            rightId: fc.string({ minLength: 1, maxLength: 8 }),
            probability: fc.double({ min: 0, max: 1, noNaN: true }),
          },
          { requiredKeys: [] },
        ),
      },
      {
        requiredKeys: [
          'type',
          'caseId',
          'recordKey',
          'commune',
          'categories',
          'issueCodes',
          'data',
        ],
      },
    ),
    fc.record(
      {
        type: fc.constant('list' as const),
        caseId: caseIdArb,
        ...withVersion,
        listId: fc.constantFrom('R1', 'R2'),
        village: fc.constantFrom('Thôn 1', 'Tổ 5'),
      },
      { requiredKeys: ['type', 'caseId', 'listId', 'village'] },
    ),
    fc.record({ type: fc.constant('assign' as const), caseId: caseIdArb, ...withVersion }, opt),
    fc.record({
      type: fc.constant('correct' as const),
      caseId: caseIdArb,
      expectedVersion: versionArb,
      changes: changesArb,
    }),
    fc.record(
      { type: fc.constant('complete-review' as const), caseId: caseIdArb, ...withVersion },
      opt,
    ),
    fc.record({ type: fc.constant('submit' as const), caseId: caseIdArb, ...withVersion }, opt),
    fc.record(
      {
        type: fc.constant('verify' as const),
        caseId: caseIdArb,
        ...withVersion,
        changes: changesArb,
      },
      opt,
    ),
    fc.record(
      {
        type: fc.constant('mark-not-in-register' as const),
        caseId: caseIdArb,
        ...withVersion,
        note: valueArb,
      },
      { requiredKeys: ['type', 'caseId', 'note'] },
    ),
    fc.record(
      {
        type: fc.constant('return' as const),
        caseId: caseIdArb,
        ...withVersion,
        reason: valueArb,
        missing: fc.uniqueArray(personFieldArb),
      },
      { requiredKeys: ['type', 'caseId', 'reason', 'missing'] },
    ),
    fc.record({ type: fc.constant('hand-back' as const), list: listArb }),
    fc.record(
      {
        type: fc.constant('update-platform' as const),
        caseId: caseIdArb,
        ...withVersion,
        method: fc.constantFrom('sync' as const, 'excel-import' as const),
      },
      { requiredKeys: ['type', 'caseId', 'method'] },
    ),
    fc.record({ type: fc.constant('confirm-passports' as const), list: listArb }),
    fc.record(
      { type: fc.constant('merge' as const), caseId: caseIdArb, ...withVersion, into: caseIdArb },
      { requiredKeys: ['type', 'caseId', 'into'] },
    ),
    fc.record(
      {
        type: fc.constant('withdraw' as const),
        caseId: caseIdArb,
        ...withVersion,
        reason: valueArb,
      },
      { requiredKeys: ['type', 'caseId', 'reason'] },
    ),
  );
}

/** One step of a campaign script: an event, who makes it and when. */
export interface CampaignStep {
  readonly event: WorkflowEvent;
  readonly actor: Actor;
  readonly at: string;
}

/** Options of campaign generation. */
export interface CampaignScriptOptions {
  /** Communes taking part (default three communes of Cầu Giấy, Hà Nội). */
  readonly communes?: readonly string[];
  /** Maximum cases on one signed list (default 25). */
  readonly listSize?: number;
}

interface SimCase {
  readonly id: string;
  readonly n: number;
  pos: number;
  readonly commune: number;
  status: string;
  version: number;
  validId: boolean;
  corrections: number;
}

const DEFAULT_COMMUNES = ['Yên Hòa', 'Dịch Vọng', 'Mai Dịch'];
const CATEGORIES: readonly CaseCategory[] = [
  'missing-id',
  'malformed-id',
  'inconsistent-personal-data',
  'link-review',
];

/**
 * A legal campaign script driven by a source of random integers: every step is an action some
 * role may legally take at that point (open, list, assign, correct, review, submit, verify,
 * return, not in register, hand back a signed list, update the platform, confirm passports, merge,
 * withdraw). `steps` bounds the length. List steps carry a placeholder signature hash: `buildCampaignLog`
 * signs them. Deterministic for a given random source.
 *
 * @example
 * ```ts
 * let i = 0;
 * const script = campaignScript(() => i++, 100);
 * ```
 */
export function campaignScript(
  next: () => number,
  steps: number,
  options: CampaignScriptOptions = {},
): CampaignStep[] {
  const communes = options.communes ?? DEFAULT_COMMUNES;
  const listSize = options.listSize ?? 25;
  const out: CampaignStep[] = [];
  const cases: SimCase[] = [];
  const active: SimCase[] = [];
  const verified: SimCase[][] = communes.map(() => []);
  const updated: SimCase[][] = communes.map(() => []);
  let ms = START_MS;
  let lists = 0;
  const actor = (role: Role, commune: number): Actor => ({ role, id: `${role}/${commune}` });
  const push = (event: WorkflowEvent, role: Role, commune: number) => {
    ms += 1000 + (next() % 4000);
    out.push({ event, actor: actor(role, commune), at: new Date(ms).toISOString() });
  };
  const pushCase = (c: SimCase, event: WorkflowEvent, role: Role) => {
    c.version++;
    push(event, role, c.commune);
  };
  const retire = (c: SimCase) => {
    const last = active.pop()!;
    if (last !== c) {
      active[c.pos] = last;
      last.pos = c.pos;
    }
    c.pos = -1;
  };
  const signed = (waiting: SimCase[], role: Role, commune: number, prefix: string) => {
    const batch = waiting.splice(0, listSize);
    lists++;
    const at = new Date(ms + 500).toISOString();
    const list = {
      listId: `${prefix}-${lists}`,
      caseIds: batch.map((c) => c.id),
      signature: { by: actor(role, commune), at, contentHash: '0'.repeat(64) },
    };
    for (const c of batch) c.version++;
    return { batch, list };
  };
  while (out.length < steps) {
    const r = next();
    if (active.length === 0 || r % 7 === 0) {
      const commune = next() % communes.length;
      const category = CATEGORIES[next() % CATEGORIES.length]!;
      const data: { -readonly [K in keyof PersonData]: string } = {
        fullName: `Người ${cases.length}`,
        dob: `19${String(50 + (cases.length % 50))}`,
      };
      if (category === 'malformed-id') data.idNumber = String(1_000_000_000 + cases.length);
      else if (category !== 'missing-id') data.idNumber = idNumber(cases.length);
      const c: SimCase = {
        id: `case-${cases.length}`,
        n: cases.length,
        pos: active.length,
        commune,
        status: 'detected',
        version: 1,
        validId: data.idNumber !== undefined && data.idNumber.length === 12,
        corrections: 0,
      };
      cases.push(c);
      active.push(c);
      push(
        {
          type: 'open',
          caseId: c.id,
          recordKey: `r${cases.length}`,
          commune: communes[commune]!,
          categories: [category],
          issueCodes: category === 'link-review' ? [] : [`CODE_${category.toUpperCase()}`],
          data,
        },
        'health-station',
        commune,
      );
      continue;
    }
    const c = active[next() % active.length]!;
    const k = next() % 100;
    const caseId = c.id;
    const expectedVersion = c.version;
    switch (c.status) {
      case 'detected':
        if (k < 3) {
          c.status = 'withdrawn';
          retire(c);
          pushCase(
            c,
            { type: 'withdraw', caseId, reason: 'opened by mistake' },
            'commune-working-group',
          );
        } else if (k < 6 && active.length > 1) {
          // Merge into another active case (never itself: every step must make progress).
          const target = active[(c.pos + 1 + (next() % (active.length - 1))) % active.length]!;
          c.status = 'merged';
          retire(c);
          pushCase(
            c,
            { type: 'merge', caseId, into: target.id, expectedVersion },
            'village-working-group',
          );
        } else {
          c.status = 'listed';
          pushCase(
            c,
            {
              type: 'list',
              caseId,
              listId: `R-${c.commune}-${Math.floor(ms / 86_400_000)}`,
              village: `Tổ ${1 + (next() % 9)}`,
            },
            'health-station',
          );
        }
        break;
      case 'listed':
        c.status = 'under-village-review';
        pushCase(c, { type: 'assign', caseId }, 'commune-working-group');
        break;
      case 'under-village-review':
      case 'reviewed':
      case 'returned':
        if ((!c.validId && k < 70) || (k < 15 && c.corrections < 3)) {
          c.corrections++;
          const changes = c.validId
            ? { phone: `09${String((c.n * 8 + c.corrections) % 100_000_000).padStart(8, '0')}` }
            : { idNumber: idNumber(c.n) };
          c.validId = true;
          pushCase(
            c,
            { type: 'correct', caseId, expectedVersion, changes },
            'village-working-group',
          );
        } else if (c.status === 'under-village-review') {
          c.status = 'reviewed';
          pushCase(
            c,
            { type: 'complete-review', caseId, expectedVersion },
            'village-working-group',
          );
        } else {
          c.status = 'with-police';
          pushCase(c, { type: 'submit', caseId }, 'village-working-group');
        }
        break;
      case 'with-police':
        if (c.validId && k >= 15) {
          c.status = 'verified';
          verified[c.commune]!.push(c);
          pushCase(c, { type: 'verify', caseId, expectedVersion }, 'commune-police');
        } else if (k < 5) {
          c.status = 'not-in-register';
          retire(c);
          pushCase(
            c,
            { type: 'mark-not-in-register', caseId, note: 'không tìm thấy' },
            'commune-police',
          );
        } else {
          c.status = 'returned';
          pushCase(
            c,
            { type: 'return', caseId, reason: 'thiếu số định danh', missing: ['idNumber'] },
            'commune-police',
          );
        }
        break;
      case 'verified': {
        const { batch, list } = signed(verified[c.commune]!, 'commune-police', c.commune, 'CA');
        for (const b of batch) b.status = 'handed-over';
        push({ type: 'hand-back', list }, 'commune-police', c.commune);
        continue;
      }
      case 'handed-over':
        c.status = 'updated-on-platform';
        updated[c.commune]!.push(c);
        pushCase(
          c,
          { type: 'update-platform', caseId, method: k < 20 ? 'excel-import' : 'sync' },
          'health-station',
        );
        break;
      case 'updated-on-platform': {
        const { batch, list } = signed(updated[c.commune]!, 'vaccination-site', c.commune, 'DT');
        for (const b of batch) {
          b.status = 'passport-confirmed';
          retire(b);
        }
        push({ type: 'confirm-passports', list }, 'vaccination-site', c.commune);
        continue;
      }
    }
  }
  return out;
}

function idNumber(n: number): string {
  // 0 + province 01 (Hà Nội), century/sex digit, two-digit year, six serial digits.
  return `0010${String(80 + (n % 20)).padStart(2, '0')}${String(n % 1_000_000).padStart(6, '0')}`;
}

/**
 * A legal campaign script of up to `maxSteps` steps (see `campaignScript`), shrinking towards
 * shorter and simpler campaigns.
 *
 * @example
 * ```ts
 * fc.assert(fc.asyncProperty(campaignScriptArbitrary(), async (script) => (await buildCampaignLog(script)).success));
 * ```
 */
export function campaignScriptArbitrary(
  maxSteps = 60,
  options: CampaignScriptOptions = {},
): fc.Arbitrary<CampaignStep[]> {
  return fc.array(fc.nat(), { maxLength: maxSteps }).map((choices) => {
    let i = 0;
    return campaignScript(
      () => choices[i++ % Math.max(1, choices.length)] ?? 0,
      choices.length,
      options,
    );
  });
}

/**
 * Signs the lists of a script (real SHA-256 content hashes) and appends every step from an empty
 * campaign: the hash-chained log and the resulting campaign.
 *
 * @example
 * ```ts
 * const r = await buildCampaignLog(script);
 * if (r.success) await verifyLog(r.data.entries);
 * ```
 */
export async function buildCampaignLog(
  script: readonly CampaignStep[],
  options: ReplayOptions & { readonly from?: CampaignState } = {},
): Promise<Result<AppendResult, WorkflowIssueCode>> {
  const inputs = [];
  for (const step of script) {
    const e = step.event;
    if (e.type === 'hand-back' || e.type === 'confirm-passports') {
      const list = await signList(e.list, e.list.signature.by, e.list.signature.at);
      inputs.push({ event: { type: e.type, list }, actor: step.actor, at: step.at });
    } else {
      inputs.push(step);
    }
  }
  return appendEvents(options.from ?? emptyCampaign(), inputs, options);
}

/**
 * A deterministic campaign script of `steps` steps from a seed (mulberry32), for benchmarks and
 * large fixtures.
 *
 * @example
 * ```ts
 * const script = simulateCampaign(1_000_000, 42);
 * ```
 */
export function simulateCampaign(
  steps: number,
  seed = 1,
  options: CampaignScriptOptions = {},
): CampaignStep[] {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  return campaignScript(next, steps, options);
}
