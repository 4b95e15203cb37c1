/**
 * Library functions take whatever a reader, a form or a JSON file gives them and return issues,
 * never throw (issue 14, DESIGN.md §4): every exported `parse*` function, `recognizeColumns`,
 * `cleanRecord` and the workflow log functions, fuzzed with `fc.anything()`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendEvent,
  appendEvents,
  CANONICAL_COLUMNS,
  cleanRecord,
  cleanRecords,
  emptyCampaign,
  type LogEntry,
  parseCommune,
  parseDateOfBirth,
  parseDistrict,
  parseIdNumber,
  parseLog,
  parseModel,
  parsePhone,
  parseProvince,
  parseSex,
  parseSyllable,
  parseVietnameseName,
  parseWorkflowEvent,
  type RawRecordInput,
  recognizeColumns,
  replay,
  replayVerified,
  type SignedList,
  verifyListSignature,
  verifyLog,
  vietnameseSpec,
} from '../../src/index.js';
import { buildCampaignLog, campaignScriptArbitrary } from '../../src/testing/workflow.js';
import { parseEntryContext } from '../../src/workflow/schema.js';

/** Anything, including what `fc.anything()` leaves out by default (dates, typed arrays, bigints…). */
const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withSparseArray: true,
  withTypedArray: true,
  withBoxedValues: true,
  withObjectString: true,
});

/** What a cell from a reader or a form can be. */
const cell = fc.oneof(
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  anything,
);

function expectResult(r: unknown): void {
  expect(r).toBeTypeOf('object');
  const result = r as { success: unknown; data?: unknown; issues?: unknown };
  expect(typeof result.success).toBe('boolean');
  if (result.success) {
    expect('data' in result).toBe(true);
  } else {
    expect(Array.isArray(result.issues)).toBe(true);
    const issues = result.issues as { code: unknown; message: unknown }[];
    expect(issues.length).toBeGreaterThan(0);
    for (const i of issues) {
      expect(typeof i.code).toBe('string');
      expect(typeof i.message).toBe('string');
    }
  }
}

/**
 * Options are typed configuration, not data: `null` or a non-object is treated as no options (an
 * untyped caller's `parse(x, null)`); the values inside an options object are not fuzzed.
 */
const options = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.integer(),
  fc.string(),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.constant(Object.create(null) as object),
);

/** The untyped view of a function, as JavaScript callers and JSON data see it. */
type Untyped = (input: unknown, options?: unknown) => unknown;

/** Inputs that parse, so that options are used past the first checks. */
const GOOD_INPUTS = fc.constantFrom<unknown>(
  '038095012345',
  38095012345,
  10000000,
  '123456789',
  'B1234567',
  '0912345678',
  912345678,
  '05/03/1990',
  33000,
  'Nam',
  'Hà Nội',
  'Phường 7',
  'Quận 1',
  'Nguyễn',
  ['Họ tên', 'CCCD'],
  { type: 'assign', caseId: 'c1' },
);

const RESULT_PARSERS: readonly [string, Untyped][] = [
  ['parseIdNumber', parseIdNumber as Untyped],
  ['parseProvince', parseProvince as Untyped],
  ['parsePhone', parsePhone as Untyped],
  ['parseDateOfBirth', parseDateOfBirth as Untyped],
  ['parseSex', parseSex as Untyped],
  ['parseCommune', parseCommune as Untyped],
  ['parseDistrict', parseDistrict as Untyped],
  ['parseSyllable', parseSyllable as Untyped],
  ['parseVietnameseName', parseVietnameseName as Untyped],
  ['parseWorkflowEvent', parseWorkflowEvent as Untyped],
  ['parseLog', parseLog as Untyped],
  ['parseEntryContext', parseEntryContext as Untyped],
  ['parseModel', parseModel as Untyped],
  ['parseModel with a spec', (input) => parseModel(input, vietnameseSpec())],
  ['recognizeColumns', recognizeColumns as Untyped],
];

describe('every exported parse* function returns a Result and never throws', () => {
  it.each(RESULT_PARSERS)('%s(anything)', (_name, parse) => {
    fc.assert(
      fc.property(anything, (input) => {
        expectResult(parse(input));
      }),
      { numRuns: 300 },
    );
  });

  it.each(RESULT_PARSERS)('%s(any cell, null or non-object options)', (_name, parse) => {
    fc.assert(
      fc.property(fc.oneof(cell, GOOD_INPUTS), options, (input, opts) => {
        expectResult(parse(input, opts));
      }),
      { numRuns: 200 },
    );
  });

  it('the typical bad inputs, one by one', () => {
    const bad: unknown[] = [null, undefined, 0, -1, Number.NaN, Infinity, true, {}, [], [null]];
    for (const [, parse] of RESULT_PARSERS) for (const b of bad) expectResult(parse(b));
  });

  it('parseVietnameseName fails with NAME_NOT_TEXT for what is not text', () => {
    for (const b of [null, undefined, 42, true, {}, [], Symbol('x'), 1n]) {
      const r = (parseVietnameseName as Untyped)(b) as {
        success: boolean;
        issues?: { code: string }[];
      };
      expect(r.success).toBe(false);
      expect(r.issues?.[0]?.code).toBe('NAME_NOT_TEXT');
    }
  });
});

describe('cleanRecord never throws on what a reader or a form gives', () => {
  const row = fc.record(
    Object.fromEntries([...CANONICAL_COLUMNS, 'ma', 'old_id_number'].map((c) => [c, cell])),
    { requiredKeys: [] },
  );

  it('any cell in any column', () => {
    fc.assert(
      fc.property(row, (raw) => {
        const r = cleanRecord(raw as RawRecordInput);
        expect(Array.isArray(r.issues)).toBe(true);
        for (const f of [r.record.fullName, r.record.address, r.record.idNumber]) {
          if (f.original !== undefined) expect(typeof f.original).toBe('string');
          if (f.value !== undefined) expect(typeof f.value).toBe('string');
        }
        for (const v of Object.values(r.record.extra)) expect(typeof v).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('null or non-object options are no options', () => {
    fc.assert(
      fc.property(row, options, (raw, opts) => {
        const r = cleanRecord(raw as RawRecordInput, opts as undefined);
        expect(Array.isArray(r.issues)).toBe(true);
        expect([...cleanRecords([raw as RawRecordInput], opts as undefined)]).toHaveLength(1);
      }),
    );
  });

  it('any row at all, and streams of them', () => {
    fc.assert(
      fc.property(anything, (raw) => {
        expect(Array.isArray(cleanRecord(raw as RawRecordInput).issues)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.array(anything, { maxLength: 5 }), fc.string(), (rows, keyColumn) => {
        const out = [...cleanRecords(rows as RawRecordInput[], { keyColumn })];
        expect(out.length).toBe(rows.length);
        for (const r of out) expect(typeof r.record.key).toBe('string');
      }),
    );
  });
});

describe('the workflow log functions never throw on malformed entries', () => {
  const entries = fc.oneof(
    anything,
    fc.array(anything, { maxLength: 4 }),
    fc.array(
      fc.record(
        {
          seq: anything,
          at: anything,
          actor: anything,
          event: anything,
          prevHash: anything,
          hash: anything,
        },
        { requiredKeys: [] },
      ),
      { maxLength: 4 },
    ),
  );

  it('verifyLog, replay, replayVerified, appendEvents', async () => {
    await fc.assert(
      fc.asyncProperty(entries, async (log) => {
        expectResult(await verifyLog(log as LogEntry[]));
        expectResult(replay(log as LogEntry[]));
        expectResult(await replayVerified(log as LogEntry[]));
        expectResult(await appendEvents(emptyCampaign(), log as []));
        expectResult(await appendEvent(emptyCampaign(), log, log as never));
        // null options are no options
        expectResult(await verifyLog(log as LogEntry[], null as never));
        expectResult(replay(log as LogEntry[], null as never));
        expectResult(await replayVerified(log as LogEntry[], null as never));
        expectResult(await appendEvents(emptyCampaign(), log as [], null as never));
      }),
      { numRuns: 200 },
    );
  });

  it('verifyListSignature says false for a malformed list, never rejects', async () => {
    await fc.assert(
      fc.asyncProperty(anything, async (list) => {
        expect(await verifyListSignature(list as SignedList)).toBe(false);
      }),
      { numRuns: 200 },
    );
    const cyclic: Record<string, unknown> = { signature: { contentHash: 'x' } };
    cyclic['listId'] = cyclic;
    expect(await verifyListSignature(cyclic as unknown as SignedList)).toBe(false);
    expect(
      await verifyListSignature({
        listId: 1n,
        caseIds: [],
        signature: { contentHash: 'x' },
      } as never),
    ).toBe(false);
  });

  it('a null entry, a cycle or a bigint in a valid log is an issue, not a throw', async () => {
    const script = fc.sample(campaignScriptArbitrary(), { numRuns: 1, seed: 7 })[0] ?? [];
    const built = await buildCampaignLog(script);
    if (!built.success) throw new Error('fixture');
    const log = [...built.data.entries];
    expect(log.length).toBeGreaterThan(1);
    const cyclic: Record<string, unknown> = { ...log[0] };
    cyclic['event'] = cyclic;
    for (const broken of [
      [...log, null],
      [null, ...log.slice(1)],
      [{ ...log[0], event: null }, ...log.slice(1)],
      [{ ...log[0], event: { type: 'open', extra: 1n } }, ...log.slice(1)],
      [cyclic, ...log.slice(1)],
    ] as unknown as LogEntry[][]) {
      const v = await verifyLog(broken);
      expect(v.success).toBe(false);
      const r = replay(broken);
      expect(r.success).toBe(false);
      if (!r.success) expect(r.issues[0]?.code).toMatch(/^WORKFLOW_/);
      expect((await replayVerified(broken)).success).toBe(false);
    }
    const v = await verifyLog([...log, null] as unknown as LogEntry[]);
    expect(v.success ? [] : v.issues.map((i) => i.code)).toContain('WORKFLOW_INVALID_EVENT');
    // And the untouched log still verifies and replays.
    expect((await verifyLog(log)).success).toBe(true);
    expect(replay(log).success).toBe(true);
  });
});
