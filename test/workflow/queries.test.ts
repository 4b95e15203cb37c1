import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCampaignLog, campaignScriptArbitrary } from '../../src/testing/workflow.js';
import {
  CASE_STATUSES,
  campaignConfig,
  countByCommune,
  DEFAULT_CAMPAIGN_CONFIG,
  overdueCases,
  TRANSITIONS,
  WORKFLOW_ROLES,
  worklist,
} from '../../src/workflow/index.js';
import { build, happyPath, openEvent, station } from './helpers.js';

/** c1 all the way, c2 verified, c3 only detected, c4 updated on the platform; commune Yên Hòa. */
async function fixture() {
  const c2 = happyPath('c2').slice(0, 7);
  const c4 = happyPath('c4').slice(0, 9);
  return build([...happyPath('c1'), ...c2, { event: openEvent('c3'), actor: station }, ...c4]);
}

describe('campaign configuration', () => {
  it('defaults to the 2022 deadlines of Công văn 2262', () => {
    expect(DEFAULT_CAMPAIGN_CONFIG.deadlines).toEqual({
      platformSync: '2022-05-15',
      verification: '2022-06-01',
    });
    expect(campaignConfig({ verification: '2022-06-15' }).deadlines).toEqual({
      platformSync: '2022-05-15',
      verification: '2022-06-15',
    });
  });
});

describe('overdueCases', () => {
  it.each([
    ['2022-05-15', []],
    ['2022-05-16', [['c2', 'platform-sync', 1]]],
    ['2022-06-01', [['c2', 'platform-sync', 17]]],
    [
      '2022-06-03T10:00:00Z',
      [
        ['c2', 'platform-sync', 19],
        ['c3', 'verification', 2],
      ],
    ],
  ])('at %s', async (date, expected) => {
    const { campaign } = await fixture();
    expect(overdueCases(campaign, date).map((o) => [o.caseId, o.deadline, o.daysOverdue])).toEqual(
      expected,
    );
  });

  it('uses the configured deadlines', async () => {
    const { campaign } = await fixture();
    const late = overdueCases(
      campaign,
      '2022-05-20',
      campaignConfig({ verification: '2022-05-10', platformSync: '2022-06-30' }),
    );
    expect(late).toEqual([
      {
        caseId: 'c3',
        commune: 'Yên Hòa',
        status: 'detected',
        deadline: 'verification',
        due: '2022-05-10',
        daysOverdue: 10,
      },
    ]);
  });
});

describe('countByCommune', () => {
  it('counts every status per commune', async () => {
    const { campaign } = await fixture();
    const counts = countByCommune(campaign);
    expect([...counts.keys()]).toEqual(['Yên Hòa']);
    const yh = counts.get('Yên Hòa')!;
    expect(Object.keys(yh)).toEqual([...CASE_STATUSES]);
    expect(yh).toMatchObject({
      'passport-confirmed': 1,
      verified: 1,
      detected: 1,
      'updated-on-platform': 1,
      listed: 0,
    });
  });

  it('adds up to the number of cases for any campaign', async () => {
    await fc.assert(
      fc.asyncProperty(campaignScriptArbitrary(40), async (script) => {
        const r = await buildCampaignLog(script);
        if (!r.success) throw new Error(JSON.stringify(r.issues));
        let total = 0;
        for (const counts of countByCommune(r.data.campaign).values()) {
          for (const n of Object.values(counts)) total += n;
        }
        expect(total).toBe(r.data.campaign.cases.size);
      }),
      { numRuns: 15 },
    );
  });
});

describe('worklist', () => {
  it.each([
    ['health-station', [['c3', 'detected', ['list']]]],
    ['commune-police', [['c2', 'verified', ['hand-back']]]],
    ['vaccination-site', [['c4', 'updated-on-platform', ['confirm-passports']]]],
    ['village-working-group', []],
  ] as const)('lists what %s acts on next', async (role, expected) => {
    const { campaign } = await fixture();
    expect(worklist(campaign, role).map((w) => [w.caseId, w.status, w.actions])).toEqual(expected);
  });

  it('filters by commune and village, furthest along first', async () => {
    const { campaign } = await build([
      ...happyPath('a').slice(0, 3),
      ...happyPath('b').slice(0, 3),
    ]);
    expect(
      worklist(campaign, 'village-working-group', { village: 'Tổ 3' }).map((w) => w.caseId),
    ).toEqual(['a', 'b']);
    expect(worklist(campaign, 'village-working-group', { village: 'Tổ 9' })).toEqual([]);
    expect(worklist(campaign, 'village-working-group', { commune: 'Khác' })).toEqual([]);
  });

  it('only proposes actions the transition table allows for that role and state', async () => {
    await fc.assert(
      fc.asyncProperty(campaignScriptArbitrary(40), async (script) => {
        const r = await buildCampaignLog(script);
        if (!r.success) throw new Error(JSON.stringify(r.issues));
        for (const role of WORKFLOW_ROLES) {
          for (const item of worklist(r.data.campaign, role)) {
            for (const action of item.actions) {
              const rule = TRANSITIONS.find((t) => t.event === action)!;
              expect(rule.roles).toContain(role);
              expect(rule.from).toContain(item.status);
            }
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
