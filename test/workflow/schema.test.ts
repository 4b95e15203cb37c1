import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCampaignLog,
  simulateCampaign,
  workflowActorArbitrary,
  workflowEventArbitrary,
  workflowTimestampArbitrary,
} from '../../src/testing/workflow.js';
import {
  applyEvent,
  emptyCampaign,
  parseWorkflowEvent,
  replay,
  transition,
} from '../../src/workflow/index.js';

describe('parseWorkflowEvent', () => {
  it('accepts every event of the arbitrary and returns it unchanged', () => {
    fc.assert(
      fc.property(workflowEventArbitrary(), (event) => {
        expect(parseWorkflowEvent(event)).toEqual({ success: true, data: event });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [null, []],
    [{ type: 'open', caseId: 'c' }, ['recordKey']],
    [{ type: 'return', caseId: 'c', reason: 'r', missing: ['email'] }, ['missing', 0]],
    [{ type: 'update-platform', caseId: 'c', method: 'fax' }, ['method']],
    [{ type: 'assign', caseId: 'c', expectedVersion: 0 }, ['expectedVersion']],
    [{ type: 'assign', caseId: '' }, ['caseId']],
  ])('rejects %j at %j', (input, path) => {
    const r = parseWorkflowEvent(input);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.code).toBe('WORKFLOW_INVALID_EVENT');
      expect(r.issues[0]?.path).toEqual(path);
    }
  });
});

describe('transition fuzzing', () => {
  it('never throws and never returns an illegal state for arbitrary events in arbitrary order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            workflowEventArbitrary(),
            workflowActorArbitrary(),
            workflowTimestampArbitrary(),
          ),
          {
            maxLength: 40,
          },
        ),
        (steps) => {
          let campaign = emptyCampaign();
          for (const [event, actor, at] of steps) {
            const r = applyEvent(campaign, event, { actor, at });
            if (r.success) campaign = r.data;
            else expect(r.issues[0]?.code).toMatch(/^WORKFLOW_[A-Z_]+$/);
          }
          for (const c of campaign.cases.values()) {
            const again = transition(
              c,
              {
                type: 'open',
                caseId: c.caseId,
                recordKey: 'x',
                commune: '',
                categories: [],
                issueCodes: [],
                data: {},
              },
              { actor: { role: 'health-station', id: 'x' }, at: '2022-05-05T00:00:00Z' },
            );
            expect(again.success ? 'ok' : again.issues[0]?.code).toBe('WORKFLOW_CASE_EXISTS');
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('fast replay', () => {
  it('rebuilds exactly what appendEvents built through transition, on a larger campaign', async () => {
    const built = await buildCampaignLog(simulateCampaign(3000, 11));
    expect(built.success).toBe(true);
    if (built.success)
      expect(replay(built.data.entries)).toEqual({ success: true, data: built.data.campaign });
  });
});
