/**
 * From the report to step 3: the decisions file an official exports from the review queue is
 * read back, and the review rows of the link output become workflow cases carrying the chosen
 * register candidate, which go through the workflow to the commune police.
 */
import { describe, expect, it } from 'vitest';
import { linkRowFromCsv, parseClericalDecisions } from '../../../src/node/index.js';
import {
  appendEvents,
  casesFromLinks,
  emptyCampaign,
  type OpenEvent,
} from '../../../src/workflow/index.js';

describe('clerical decisions feed the workflow', () => {
  it('a decisions file puts the chosen candidates on the cases opened for step 2 and 3', async () => {
    const links = [
      {
        left_id: 'R7',
        right_id: 'P4110',
        decision: 'review',
        probability: '0.970000',
        match_weight: '5.02',
        explanation:
          'rule: name and year of birth only (namesakes);given=exact+7.2 | competing "P3831" p=0.571000 w=0.41: given=exact+7.2',
      },
      {
        left_id: 'R9',
        right_id: 'P12',
        decision: 'match',
        probability: '0.999000',
        match_weight: '12.00',
        explanation: 'given=exact+7.2',
      },
      {
        left_id: 'R10',
        right_id: 'P77',
        decision: 'review',
        probability: '0.800000',
        match_weight: '2.00',
        explanation: 'given=exact+7.2',
      },
    ].map(linkRowFromCsv);
    const file = '\uFEFFleft_id,right_id,decision\r\nR7,P3831,match\r\nR10,,no_match\r\n';
    const parsed = parseClericalDecisions(file);
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    const decisions = new Map(parsed.data.map((d) => [d.leftId, d]));
    const events: OpenEvent[] = casesFromLinks(links, { decisions, commune: 'Xã Tân Lập' });
    expect(events.map((e) => [e.recordKey, e.link])).toEqual([
      ['R7', { rightId: 'P3831' }],
      ['R10', {}],
    ]);
    // The cases are valid workflow events.
    const station = { role: 'health-station' as const, id: 'tram-y-te' };
    const r = await appendEvents(
      emptyCampaign(),
      events.map((event) => ({ event, actor: station, at: '2022-05-20T08:00:00Z' })),
    );
    expect(r.success).toBe(true);
  });
});
