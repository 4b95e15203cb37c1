import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCampaignLog, campaignScriptArbitrary } from '../../src/testing/workflow.js';
import {
  appendEvent,
  canonicalJson,
  emptyCampaign,
  GENESIS_HASH,
  hashEntry,
  type LogEntry,
  parseLog,
  replay,
  replayVerified,
  sha256Hex,
  signList,
  verifyLog,
  type WorkflowIssueCode,
} from '../../src/workflow/index.js';
import { at, build, happyPath, openEvent, police, station } from './helpers.js';

async function rehash(entries: readonly LogEntry[], from: number): Promise<LogEntry[]> {
  const out = entries.slice(0, from);
  for (let i = from; i < entries.length; i++) {
    const body = { ...entries[i]!, seq: i, prevHash: i === 0 ? GENESIS_HASH : out[i - 1]!.hash };
    out.push({ ...body, hash: await hashEntry(body) });
  }
  return out;
}

async function codes(entries: readonly LogEntry[], head?: string): Promise<WorkflowIssueCode[]> {
  const r = await verifyLog(entries, head === undefined ? {} : { expectedHead: head });
  return r.success ? [] : [...new Set(r.issues.map((i) => i.code))];
}

describe('hashing', () => {
  it('computes SHA-256 with Web Crypto', async () => {
    expect(await sha256Hex('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex('Nguyễn')).toHaveLength(64);
  });
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 1, x: undefined, w: 'ư' } }, '{"z":{"w":"ư","y":1}}'],
    [[], '[]'],
    ['s', '"s"'],
  ])('serialises %j canonically', (value, json) => {
    expect(canonicalJson(value)).toBe(json);
  });
  it('serialises key order independently', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
      { numRuns: 100 },
    );
  });
});

describe('appendEvent', () => {
  it('chains each entry to the hash of the one before it', async () => {
    const { entries, campaign } = await build(happyPath('c1'));
    expect(entries).toHaveLength(10);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 0; i < entries.length; i++) {
      expect(entries[i]!.seq).toBe(i);
      expect(entries[i]!.hash).toBe(await hashEntry(entries[i]!));
      if (i > 0) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    }
    expect(campaign.head).toBe(entries[9]!.hash);
    expect(campaign.length).toBe(10);
  });

  it.each([
    ['an unknown event type', { type: 'approve', caseId: 'c1' }, [0, 'event', 'type']],
    ['a missing case id', { type: 'assign' }, [0, 'event', 'caseId']],
    ['an extra field', { type: 'assign', caseId: 'c1', note: 'x' }, [0, 'event']],
    [
      'a correction without version',
      { type: 'correct', caseId: 'c1', changes: {} },
      [0, 'event', 'expectedVersion'],
    ],
    [
      'an unknown person field',
      { type: 'correct', caseId: 'c1', expectedVersion: 1, changes: { email: 'a' } },
      [0, 'event', 'changes'],
    ],
  ])('rejects %s with WORKFLOW_INVALID_EVENT', async (_name, event, path) => {
    const r = await appendEvent(emptyCampaign(), event, { actor: station, at: at(0) });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.issues[0]?.code).toBe('WORKFLOW_INVALID_EVENT');
      expect(r.issues[0]?.path).toEqual(path);
    }
  });

  it.each([
    ['an unknown role', { role: 'mayor', id: 'x' }, at(0)],
    ['a local time without zone', station, '2022-05-05T08:00:00'],
    ['a date only', station, '2022-05-05'],
  ])('rejects %s', async (_name, who, when) => {
    const r = await appendEvent(emptyCampaign(), openEvent('c1'), { actor: who, at: when });
    expect(r.success ? 'ok' : r.issues[0]?.code).toBe('WORKFLOW_INVALID_EVENT');
  });

  it('rejects a list changed after signing, and does not change the input campaign', async () => {
    const { campaign } = await build(happyPath('c1').slice(0, 7));
    const list = await signList({ listId: 'CA-1', caseIds: ['c1'] }, police, at(20));
    const forged = { ...list, caseIds: ['c1', 'c2'] };
    const r = await appendEvent(
      campaign,
      { type: 'hand-back', list: forged },
      { actor: police, at: at(21) },
    );
    expect(r.success ? 'ok' : r.issues[0]?.code).toBe('WORKFLOW_SIGNATURE_MISMATCH');
    const ok = await appendEvent(
      campaign,
      { type: 'hand-back', list },
      { actor: police, at: at(21) },
    );
    expect(ok.success).toBe(true);
    expect(campaign.cases.get('c1')?.status).toBe('verified');
    if (ok.success) {
      expect(ok.data.campaign.cases.get('c1')?.status).toBe('handed-over');
      expect(ok.data.campaign.lists.get('CA-1')).toEqual(list);
      const again = await appendEvent(
        ok.data.campaign,
        { type: 'hand-back', list },
        { actor: police, at: at(22) },
      );
      expect(again.success ? 'ok' : again.issues[0]?.code).toBe('WORKFLOW_DUPLICATE_LIST');
    }
  });
});

describe('verifyLog', () => {
  it('accepts an untouched log and reports its head', async () => {
    const { entries, campaign } = await build(happyPath('c1'));
    expect(await verifyLog(entries, { expectedHead: campaign.head, expectedLength: 10 })).toEqual({
      success: true,
      data: { length: 10, head: campaign.head },
    });
    expect(await verifyLog([])).toEqual({ success: true, data: { length: 0, head: GENESIS_HASH } });
  });

  const cases: [
    string,
    (e: LogEntry[]) => Promise<LogEntry[]> | LogEntry[],
    WorkflowIssueCode[],
  ][] = [
    [
      'an edited event',
      (e) => e.with(3, { ...e[3]!, event: { ...e[3]!.event, caseId: 'c2' } as LogEntry['event'] }),
      ['WORKFLOW_LOG_HASH_MISMATCH'],
    ],
    [
      'an edited actor',
      (e) => e.with(0, { ...e[0]!, actor: police }),
      ['WORKFLOW_LOG_HASH_MISMATCH'],
    ],
    [
      'an edited event with its hash recomputed',
      async (e) => {
        const body = { ...e[4]!, at: at(99) };
        return e.with(4, { ...body, hash: await hashEntry(body) });
      },
      ['WORKFLOW_LOG_CHAIN_BROKEN'],
    ],
    [
      'a deleted event',
      (e) => e.toSpliced(5, 1),
      ['WORKFLOW_LOG_SEQUENCE_GAP', 'WORKFLOW_LOG_CHAIN_BROKEN'],
    ],
    [
      'a deleted event with the rest re-chained',
      (e) => rehash(e.toSpliced(5, 1), 5),
      ['WORKFLOW_LOG_HEAD_MISMATCH'],
    ],
    [
      'two swapped events',
      (e) => e.with(2, e[3]!).with(3, e[2]!),
      ['WORKFLOW_LOG_SEQUENCE_GAP', 'WORKFLOW_LOG_CHAIN_BROKEN'],
    ],
    [
      'an inserted copy',
      (e) => e.toSpliced(6, 0, e[6]!),
      ['WORKFLOW_LOG_SEQUENCE_GAP', 'WORKFLOW_LOG_CHAIN_BROKEN'],
    ],
    ['a deleted last event', (e) => e.slice(0, -1), ['WORKFLOW_LOG_HEAD_MISMATCH']],
  ];
  it.each(cases)('detects %s', async (_name, tamper, expected) => {
    const { entries, campaign } = await build(happyPath('c1'));
    expect(await codes(await tamper(entries), campaign.head)).toEqual(expected);
  });

  it('cannot see a deleted last event without an expected head (documented limit)', async () => {
    const { entries } = await build(happyPath('c1'));
    expect(await codes(entries.slice(0, -1))).toEqual([]);
  });
});

describe('replay', () => {
  it('rebuilds the campaign of any legal script; the hashed path agrees; any single edit or deletion is detected', async () => {
    await fc.assert(
      fc.asyncProperty(
        campaignScriptArbitrary(40),
        fc.nat(),
        fc.boolean(),
        async (script, pick, del) => {
          const built = await buildCampaignLog(script);
          expect(built.success).toBe(true);
          if (!built.success) return;
          const { entries, campaign } = built.data;
          expect(replay(entries)).toEqual({ success: true, data: campaign });
          expect(await replayVerified(entries, { expectedHead: campaign.head })).toEqual({
            success: true,
            data: campaign,
          });
          if (entries.length === 0) return;
          const i = pick % entries.length;
          const e = entries[i]!;
          const tampered = del
            ? entries.toSpliced(i, 1)
            : entries.with(i, { ...e, actor: { ...e.actor, id: `${e.actor.id}x` } });
          expect((await verifyLog(tampered, { expectedHead: campaign.head })).success).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('round-trips through JSON and parseLog', async () => {
    const { entries, campaign } = await build(happyPath('c1'));
    const parsed = parseLog(JSON.parse(JSON.stringify(entries)));
    expect(parsed.success).toBe(true);
    if (parsed.success) {
      expect(parsed.data).toEqual(entries);
      expect(replay(parsed.data)).toEqual({ success: true, data: campaign });
    }
    const bad = parseLog([{ ...entries[0], hash: 'xyz' }]);
    expect(bad.success ? 'ok' : bad.issues[0]?.path).toEqual([0, 'hash']);
  });

  it('reports the entry that does not apply', async () => {
    const { entries } = await build(happyPath('c1'));
    const r = replay([entries[0]!, { ...entries[2]!, seq: 1 }]);
    expect(r.success ? 'ok' : r.issues[0]).toMatchObject({
      code: 'WORKFLOW_WRONG_STATE',
      path: [1, 'event', 'status'],
    });
    const gap = replay([entries[0]!, entries[2]!]);
    expect(gap.success ? 'ok' : gap.issues[0]?.code).toBe('WORKFLOW_LOG_SEQUENCE_GAP');
  });

  it('replayVerified rejects a list whose cases were changed and the chain rebuilt', async () => {
    const { entries } = await build(happyPath('c1'));
    const i = entries.findIndex((e) => e.event.type === 'hand-back');
    const e = entries[i]!;
    if (e.event.type !== 'hand-back') throw new Error('unreachable');
    const forged = entries.with(i, {
      ...e,
      event: { ...e.event, list: { ...e.event.list, listId: 'other' } },
    });
    const rechained = await rehash(forged, i);
    expect(await codes(rechained)).toEqual([]);
    const r = await replayVerified(rechained);
    expect(r.success ? 'ok' : r.issues[0]).toMatchObject({
      code: 'WORKFLOW_SIGNATURE_MISMATCH',
      path: [i, 'event', 'list', 'signature', 'contentHash'],
    });
  });
});
