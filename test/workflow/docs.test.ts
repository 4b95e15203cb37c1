import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanRecord } from '../../src/record/index.js';
import {
  type Actor,
  appendEvent,
  casesFromCleaning,
  emptyCampaign,
  type LogEntry,
  renderMermaid,
  replay,
  signList,
  TRANSITIONS,
  verifyLog,
} from '../../src/workflow/index.js';
import { DOC_PATH, diagramBlock, withDiagram } from './write-docs.js';

describe('docs/workflow.md', () => {
  it('embeds exactly the diagram rendered from the transition table (run `npm run docs:workflow`)', () => {
    const text = readFileSync(DOC_PATH, 'utf8');
    expect(text).toContain(diagramBlock());
    expect(withDiagram(text)).toBe(text);
  });
});

describe('renderMermaid', () => {
  it('draws one arrow per allowed move', () => {
    const arrows = renderMermaid()
      .split('\n')
      .filter((l) => l.includes(' --> ') && !l.endsWith('[*]'));
    const moves = TRANSITIONS.reduce((n, r) => n + Math.max(1, r.from.length), 0);
    expect(arrows).toHaveLength(moves);
    expect(arrows).toContain('  with_police --> verified: step 3 · verify · commune-police');
    expect(arrows).toContain('  [*] --> detected: open · health-station, commune-working-group');
    expect(arrows).toContain('  returned --> returned: step 2 · correct · village-working-group');
  });

  it('can leave out the side exits', () => {
    const text = renderMermaid({ sideExits: false });
    expect(text).not.toContain('withdraw');
    expect(text).not.toContain('--> merged');
    expect(text).toContain('passport_confirmed --> [*]');
  });
});

describe('the walk of docs/workflow.md §8', () => {
  it('takes one record with no CCCD through all five steps', async () => {
    const station = { role: 'health-station', id: 'tyt-yen-hoa' } as const;
    const team = { role: 'commune-working-group', id: 'de-an-06-yen-hoa' } as const;
    const village = { role: 'village-working-group', id: 'to-3' } as const;
    const police = { role: 'commune-police', id: 'ca-yen-hoa' } as const;
    const site = { role: 'vaccination-site', id: 'diem-tiem-1' } as const;
    let minute = 0;
    const now = () =>
      new Date(Date.parse('2022-05-05T01:00:00Z') + 60_000 * minute++).toISOString();
    const log: LogEntry[] = [];
    let campaign = emptyCampaign();
    async function step(event: unknown, actor: Actor) {
      const r = await appendEvent(campaign, event, { actor, at: now() });
      if (!r.success) throw new Error(r.issues[0]?.code);
      log.push(...r.data.entries);
      return r.data.campaign;
    }
    const row = {
      full_name: 'Nguyễn Văn An',
      dob: '05/03/1990',
      gender: 'Nam',
      commune: 'Yên Hòa',
    };
    const [open] = casesFromCleaning([cleanRecord(row, { key: 'r1' })]);
    expect(open?.categories).toEqual(['missing-id']);
    campaign = await step(open, station);
    campaign = await step(
      { type: 'list', caseId: 'clean:r1', listId: 'R-2022-05-05', village: 'Tổ 3' },
      station,
    );
    campaign = await step({ type: 'assign', caseId: 'clean:r1' }, team);
    campaign = await step(
      {
        type: 'correct',
        caseId: 'clean:r1',
        expectedVersion: 3,
        changes: { idNumber: '001090012345' },
      },
      village,
    );
    campaign = await step({ type: 'complete-review', caseId: 'clean:r1' }, village);
    campaign = await step({ type: 'submit', caseId: 'clean:r1' }, village);
    campaign = await step({ type: 'verify', caseId: 'clean:r1' }, police);
    const list = await signList({ listId: 'CA-2022-05-12', caseIds: ['clean:r1'] }, police, now());
    campaign = await step({ type: 'hand-back', list }, police);
    campaign = await step(
      { type: 'update-platform', caseId: 'clean:r1', method: 'excel-import' },
      station,
    );
    const day = await signList({ listId: 'DT-2022-05-13', caseIds: ['clean:r1'] }, site, now());
    campaign = await step({ type: 'confirm-passports', list: day }, site);

    const c = campaign.cases.get('clean:r1')!;
    expect(c.status).toBe('passport-confirmed');
    expect(c.version).toBe(10);
    expect(c.corrections).toEqual([
      { field: 'idNumber', oldValue: null, newValue: '001090012345', by: village, at: log[3]!.at },
    ]);
    expect(Object.keys(c)).toEqual(
      expect.arrayContaining([
        'listing',
        'assignment',
        'review',
        'submission',
        'verification',
        'handover',
        'platformUpdate',
        'passportConfirmation',
      ]),
    );
    expect(replay(log)).toEqual({ success: true, data: campaign });
    expect((await verifyLog(log, { expectedHead: campaign.head })).success).toBe(true);
  });
});
