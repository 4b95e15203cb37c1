import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { candidatesOf, createCandidateBuffer } from '../../../src/match/blocking.js';
import {
  blockTableFromHashes,
  buildBlockTable,
  chunkBlockIndex,
  compactReference,
  compileRules,
  createScaleLinker,
  createScorer,
  dictionaryBytes,
  exportDictionaries,
  exportDictionary,
  type FellegiSunterModel,
  hashKey,
  hashKeys,
  importDictionaries,
  type LinkResult,
  linkChunk,
  linkPrepared,
  lookupBlock,
  type PreparedSide,
  prepareSide,
  referenceBytes,
  referenceSide,
  resolveBlocks,
  scoreChunk,
  toColumnarReference,
  trainOnSample,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../../src/match/index.js';
import { internerArrays, internerSize } from '../../../src/match/interner.js';
import { resolveManyToOne } from '../../../src/match/link.js';
import { blockEnd, blockStart, findBlock } from '../../../src/match/scale/block-table.js';
import { type CleanRecord, cleanRecord } from '../../../src/record/index.js';
import { generateDataset } from '../../../src/testing/population/index.js';

describe('hashKey', () => {
  it.each([
    ['', hashKey('')],
    ['1985|hung', hashKey('1985|hung')],
  ])('is deterministic for %j', (s, h) => {
    expect(hashKey(s)).toBe(h);
  });
  it('separates near keys', () => {
    expect(hashKey('1985|hung')).not.toBe(hashKey('1985|hunh'));
    expect(hashKey('ab')).not.toBe(hashKey('ba'));
  });
  fcTest.prop([fc.string()])('is a non-negative safe integer', (s) => {
    const h = hashKey(s);
    expect(Number.isSafeInteger(h) && h >= 0).toBe(true);
  });
});

describe('buildBlockTable', () => {
  it('groups records by key, ascending, without keyless records', () => {
    const t = buildBlockTable(['a', null, 'a', 'b', '', 'b', 'a']);
    expect([...lookupBlock(t, 'a')]).toEqual([0, 2, 6]);
    expect([...lookupBlock(t, 'b')]).toEqual([3, 5]);
    expect([...lookupBlock(t, 'c')]).toEqual([]);
    expect(t.members.length).toBe(5);
    expect(t.hashes.length).toBe(2);
  });
  fcTest.prop([fc.array(fc.option(fc.constantFrom('x', 'y', 'z', 'w', 'v'), { nil: null }))], {
    numRuns: 200,
  })('finds exactly the records of each key', (keys) => {
    const t = buildBlockTable(keys);
    for (const k of ['x', 'y', 'z', 'w', 'v', 'u']) {
      const want = keys.flatMap((x, i) => (x === k ? [i] : []));
      expect([...lookupBlock(t, k)]).toEqual(want);
    }
  });
  fcTest.prop(
    [
      fc.array(fc.option(fc.nat(60), { nil: null }), { maxLength: 3000 }),
      fc.array(fc.double({ min: 0, max: 2 ** 53 - 1, noNaN: true }), {
        minLength: 61,
        maxLength: 61,
      }),
    ],
    { numRuns: 60 },
  )('builds the table a global sort of the hashes gives, big blocks included', (picks, values) => {
    const h = Float64Array.from(picks, (p) => (p === null ? -1 : Math.floor(values[p]!)));
    const t = blockTableFromHashes(h);
    // A block is the hashes that agree on their top directoryBits + 32 bits (all the distinct
    // hashes, unless two collide there), its records ascending.
    const prefix = (v: number) => Math.floor(v / 2 ** (21 - t.directoryBits));
    const present = [...h.keys()].filter((i) => h[i]! >= 0);
    const sorted = present.slice().sort((a, b) => prefix(h[a]!) - prefix(h[b]!) || a - b);
    expect([...t.members]).toEqual(sorted);
    const distinct = [...new Set(sorted.map((i) => prefix(h[i]!)))];
    // Flat (no starts, a hash per member) exactly when more than half the records have a block
    // of their own, i.e. when that is smaller.
    expect(t.starts === undefined).toBe(2 * distinct.length > present.length);
    const stored = t.starts ? distinct : sorted.map((i) => prefix(h[i]!));
    expect([...t.hashes]).toEqual(stored.map((p) => p % 2 ** 32));
    for (const p of distinct) {
      const want = sorted.filter((i) => prefix(h[i]!) === p);
      const b = findBlock(t, h[want[0]!]!);
      expect([...t.members.subarray(blockStart(t, b), blockEnd(t, b))]).toEqual(want);
      for (const i of want) expect(findBlock(t, h[i]!)).toBe(b);
    }
    if (t.starts) expect(t.starts[distinct.length]).toBe(present.length);
  });
  it.each([
    [20_011, 'blocks of about 2.6'],
    [50_021, 'mostly blocks of one: flat'],
  ])(
    'finds every block of a large table through its directory, and nothing for absent keys (%i keys, %s)',
    (distinct, layout) => {
      const keys = Array.from({ length: 60_000 }, (_, i) =>
        i % 7 === 0 ? null : `k${i % distinct}`,
      );
      const t = buildBlockTable(keys);
      expect(t.starts === undefined).toBe(layout.endsWith('flat'));
      expect(t.directoryBits).toBeGreaterThan(8);
      expect(t.directory.length).toBe(2 ** t.directoryBits + 1);
      const want = new Map<string, number[]>();
      keys.forEach((k, i) => {
        if (k !== null) want.set(k, [...(want.get(k) ?? []), i]);
      });
      for (const [k, list] of want) expect([...lookupBlock(t, k)]).toEqual(list);
      for (let i = 0; i < 2000; i++) expect(lookupBlock(t, `absent${i}`).length).toBe(0);
    },
  );
  fcTest.prop(
    [fc.array(fc.option(fc.nat(40), { nil: null }), { maxLength: 500 }), fc.array(fc.nat(500))],
    { numRuns: 40 },
  )('builds the same table from consecutive parts of the hashes', (picks, cuts) => {
    const h = hashKeys(picks.map((p) => (p === null ? null : `k${p}`)));
    const points = [...new Set(cuts.map((c) => c % (h.length + 1)))].sort((a, b) => a - b);
    const parts: Float64Array[] = [];
    let from = 0;
    for (const p of [...points, h.length]) {
      parts.push(h.slice(from, p));
      from = p;
    }
    expect(blockTableFromHashes(parts)).toEqual(blockTableFromHashes(h));
  });
  it('merges hashes that agree on their stored bits into one ascending block', () => {
    // Four keys or fewer: no directory bits, so a block keeps the top 32 of the 53 bits.
    const a = 5 * 2 ** 21 + 1;
    const b = 5 * 2 ** 21 + 7;
    const t = blockTableFromHashes(Float64Array.of(a, b, -1, a, 9 * 2 ** 21, b));
    expect(t.directoryBits).toBe(0);
    expect(t.hashes.length).toBe(2);
    expect([...t.members.subarray(t.starts![0]!, t.starts![1]!)]).toEqual([0, 1, 3, 5]);
    expect(findBlock(t, a)).toBe(0);
    expect(findBlock(t, b)).toBe(0);
    expect(findBlock(t, 9 * 2 ** 21 + 3)).toBe(1);
    expect(findBlock(t, 8 * 2 ** 21)).toBe(-1);
  });
  it('merges them in a flat table too, and tells a block over a limit without reading it all', () => {
    const a = 5 * 2 ** 21 + 1;
    const b = 5 * 2 ** 21 + 7;
    const t = blockTableFromHashes(
      Float64Array.of(b, 9 * 2 ** 21, a, 11 * 2 ** 21, 13 * 2 ** 21, a, 15 * 2 ** 21),
    );
    expect(t.starts).toBeUndefined();
    expect(t.hashes.length).toBe(t.members.length);
    const k = findBlock(t, a);
    expect(findBlock(t, b)).toBe(k);
    expect([...t.members.subarray(blockStart(t, k), blockEnd(t, k))]).toEqual([0, 2, 5]);
    expect(blockEnd(t, k, 2) - blockStart(t, k)).toBe(2);
    expect([...lookupBlock(buildBlockTable(['x', 'y', 'x', 'z', 'w']), 'x')]).toEqual([0, 2]);
    expect(findBlock(t, 8 * 2 ** 21)).toBe(-1);
  });
  it.each([
    [[1, 2, 3], 'flat'],
    [[1, 1, 2, 2, 3, 3], 'with starts'],
  ])('never reads past its directory bucket (%j in bucket 0, %s)', (low) => {
    // One directory bit: bucket 1 holds the hashes from 2^52, whose stored 32 bits are k.
    const high = [7, 9].map((k) => 2 ** 52 + k * 2 ** 20);
    const t = blockTableFromHashes(Float64Array.from([...low.map((k) => k * 2 ** 20), ...high]));
    expect(t.directoryBits).toBe(1);
    expect(findBlock(t, 7 * 2 ** 20)).toBe(-1);
    expect(findBlock(t, 2 ** 52 + 7 * 2 ** 20)).toBeGreaterThanOrEqual(0);
    expect(findBlock(t, 2 ** 20)).toBe(0);
  });
  it('can live in shared memory', () => {
    const t = buildBlockTable(['a', 'b'], (n) => new SharedArrayBuffer(n));
    expect(t.members.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(t.hashes.buffer).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('national-scale linking on synthetic data', () => {
  const spec = vietnameseSpec();
  let register: CleanRecord[];
  let list: CleanRecord[];
  let right: PreparedSide;
  let left: PreparedSide;
  let model: FellegiSunterModel;
  const thresholds = { match: 0.9, review: 0.3 };
  beforeAll(() => {
    const d = generateDataset({ seed: 11, registerSize: 1500, listSize: 600 });
    register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
    list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
    right = prepareSide(register, spec);
    left = prepareSide(list, spec);
    const ref = toColumnarReference(right);
    model = trainOnSample(ref, left, spec, { rules: VIETNAMESE_RULES }).model;
  });

  it('keeps every typed array, in shared memory when asked', () => {
    const ref = toColumnarReference(right, { allocate: (n) => new SharedArrayBuffer(n) });
    expect(ref.size).toBe(1500);
    const given = ref.columns[0] as unknown as {
      exact: Int32Array;
      folded: { codes: Uint16Array };
    };
    const original = right.columns[0] as unknown as {
      exact: Int32Array;
      folded: { codes: Uint16Array };
    };
    expect(given.exact.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(given.folded.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...given.exact]).toEqual([...original.exact]);
    expect([...given.folded.codes]).toEqual([...original.folded.codes]);
    expect(referenceSide(ref).size).toBe(1500);
    const perRecord = referenceBytes(ref) / ref.size;
    expect(perRecord).toBeGreaterThan(50);
    expect(perRecord).toBeLessThan(1000);
  });

  it('decides exactly as the engine does with the same model and thresholds', () => {
    const ref = toColumnarReference(right);
    const linker = createScaleLinker(ref, model, thresholds, spec, { rules: VIETNAMESE_RULES });
    const ours = linkChunk(linker, left).results;
    const engine = linkPrepared(spec, left, right, {
      model,
      thresholds,
      rules: VIETNAMESE_RULES,
    });
    if (!engine.success) throw new Error('engine failed');
    expect(ours).toEqual(engine.data.results);
    expect(ours.filter((r) => r.decision === 'match').length).toBeGreaterThan(500);
  });

  it('reads string values from the dictionaries and compares every pair at the same level', () => {
    const plain = toColumnarReference(right);
    const dicts = exportDictionaries(spec);
    const shared = compactReference(plain, dicts);
    // The string sub-columns of the names now read the dictionaries' pools.
    // They hold no offsets and lengths of their own: each value's place is its id's in the pool.
    const given = shared.columns[0] as unknown as {
      folded: { codes: Uint16Array; offsets: unknown; start?: unknown; len?: unknown };
    };
    expect(given.folded.codes).toBe(dicts[0]!.pool);
    expect(given.folded.offsets).toBe(dicts[0]!.starts);
    expect(given.folded.start).toBeUndefined();
    expect(given.folded.len).toBeUndefined();
    const sex = shared.columns.findIndex((_, k) => spec.comparisons[k]!.name === 'sex');
    expect((shared.columns[sex] as unknown as { ids: unknown }).ids).toBeInstanceOf(Int8Array);
    const id = shared.columns.findIndex((_, k) => spec.comparisons[k]!.name === 'id');
    // The identity numbers are packed, with no dictionary: a number belongs to one person.
    expect(dicts[id]).toBeNull();
    const primary = (shared.columns[id] as unknown as { primary: unknown }).primary;
    expect(primary).toBeInstanceOf(Float64Array);
    expect(referenceBytes(shared, dicts)).toBeLessThan(referenceBytes(plain) - 40 * plain.size);
    // The dictionaries' own bytes, each array once.
    let inDictionaries = 0;
    for (const d of dicts)
      if (d) inDictionaries += d.pool.byteLength + d.starts.byteLength + d.table.byteLength;
    expect(dictionaryBytes(dicts)).toBe(inDictionaries);
    expect(inDictionaries).toBeGreaterThan(0);
    // Every comparison gives every pair the same level (each left record against a spread of
    // register records, and against its own candidates).
    const r = referenceSide(shared);
    const blocks = resolveBlocks(plain, left, spec);
    const buffer = createCandidateBuffer();
    spec.comparisons.forEach((c, k) => {
      for (let i = 0; i < left.size; i++) {
        const n = candidatesOf(blocks, left, i, buffer, true);
        const js = [...buffer.out.subarray(0, n), (i * 7) % right.size, (i * 13 + 5) % right.size];
        for (const j of js)
          expect(c.compare(left.columns[k]!, i, r.columns[k]!, j)).toBe(
            c.compare(left.columns[k]!, i, plain.columns[k]!, j),
          );
      }
    });
    const link = (ref: typeof plain) =>
      linkChunk(createScaleLinker(ref, model, thresholds, spec, { rules: VIETNAMESE_RULES }), left)
        .results;
    expect(link(shared)).toEqual(link(plain));
  });

  fcTest.prop([fc.integer({ min: 1, max: 40 })], { numRuns: 12 })(
    'resolves the same candidates per record as the map of blocks, under any cap',
    (cap) => {
      const capped = {
        ...spec,
        blocking: spec.blocking.map((r, k) => (k % 2 === 0 ? { ...r, maxBlockSize: cap } : r)),
      };
      const ref = toColumnarReference(right);
      const mapped = chunkBlockIndex(ref, left, capped);
      const resolved = resolveBlocks(ref, left, capped);
      const a = createCandidateBuffer();
      const b = createCandidateBuffer();
      const only = [0, 2, 5];
      for (let i = 0; i < left.size; i++) {
        for (const [dedupe, rules] of [
          [false, undefined],
          [true, only],
        ] as const) {
          const n = candidatesOf(mapped, left, i, a, dedupe, rules);
          const m = candidatesOf(resolved, left, i, b, dedupe, rules);
          expect([...b.out.subarray(0, m)]).toEqual([...a.out.subarray(0, n)]);
        }
      }
    },
  );

  it('settles rows decided by a match rule without changing any many-to-one result', () => {
    const ref = toColumnarReference(right);
    const r = referenceSide(ref);
    const scorer = createScorer(model, r, spec);
    const rules = compileRules(VIETNAMESE_RULES, spec);
    expect(spec.comparisons[rules.gate]?.name).toBe('id');
    const blocks = resolveBlocks(ref, left, spec);
    const full = scoreChunk(scorer, left, r, blocks, rules);
    const settledChunk = scoreChunk(scorer, left, r, blocks, rules, { settle: true });
    expect(full.settled).toBe(0);
    expect(settledChunk.pairs).toBe(full.pairs);
    expect(settledChunk.settled).toBeGreaterThan(30);
    const decide = (c: typeof full) => resolveManyToOne(c, left.size, thresholds, rules, 3);
    expect(decide(settledChunk)).toEqual(decide(full));
    // The best pair of every row is the same, so thresholds chosen from it are too.
    for (let i = 0; i < left.size; i++) {
      expect(settledChunk.best[i * 4]).toBe(full.best[i * 4]);
      expect(settledChunk.weight[i * 4]).toBe(full.weight[i * 4]);
    }
  });

  fcTest.prop(
    [
      fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
      fc.double({ min: 0.05, max: 0.95, noNaN: true }),
      fc.double({ min: 0.01, max: 1, noNaN: true }),
      fc.subarray(VIETNAMESE_RULES.map((_, k) => k)),
      fc.boolean(),
    ],
    { numRuns: 30 },
  )(
    'settling never changes a many-to-one result (any comparisons in the rule, any thresholds)',
    (extra, match, frac, picked, withId) => {
      // A match rule on arbitrary comparisons (the ID or not, so the gate is the ID, another
      // comparison, or none), beside a subset of the Vietnamese rules.
      const names = spec.comparisons.map((c) => c.name);
      const rule = {
        name: 'generated',
        require: Object.fromEntries([
          ['id', ['exact']],
          ...extra
            .filter((k) => names[k] !== 'id')
            .map((k) => [names[k]!, spec.comparisons[k]!.levels.slice(0, 2)]),
        ]),
      };
      const rules = compileRules([...picked.map((k) => VIETNAMESE_RULES[k]!), rule], spec);
      const ref = toColumnarReference(right);
      const r = referenceSide(ref);
      const scorer = createScorer(model, r, spec);
      const blocks = resolveBlocks(ref, left, spec);
      const t = { match, review: match * frac };
      const full = scoreChunk(scorer, left, r, blocks, rules);
      const settled = scoreChunk(scorer, left, r, blocks, rules, { settle: true });
      expect(resolveManyToOne(settled, left.size, t, rules, 3)).toEqual(
        resolveManyToOne(full, left.size, t, rules, 3),
      );
    },
  );

  it('has no gate without a match rule, and picks the comparison every match rule narrows', () => {
    const none = compileRules(
      VIETNAMESE_RULES.filter((x) => x.decision === 'no_match'),
      spec,
    );
    expect(none.gate).toBe(-1);
    const two = compileRules(
      [
        { name: 'a', require: { id: ['exact'], dob: ['exact'] } },
        { name: 'b', require: { dob: ['exact'], phone: ['exact'] } },
      ],
      spec,
    );
    expect(spec.comparisons[two.gate]?.name).toBe('dob');
    const unrelated = compileRules(
      [
        { name: 'a', require: { id: ['exact'] } },
        { name: 'b', require: { phone: ['exact'] } },
      ],
      spec,
    );
    expect(unrelated.gate).toBe(-1);
  });

  fcTest.prop([fc.uniqueArray(fc.integer({ min: 1, max: 599 }), { maxLength: 6 })], {
    numRuns: 8,
  })('gives the same results whatever the chunking', (cuts) => {
    const ref = toColumnarReference(right);
    const linker = createScaleLinker(ref, model, thresholds, spec, { rules: VIETNAMESE_RULES });
    const whole = linkChunk(linker, left).results;
    const bounds = [0, ...cuts.sort((a, b) => a - b), list.length];
    // Chunks prepared in reverse order (interned ids differ), results put back in LEFT order.
    const parts: LinkResult[][] = [];
    for (let c = bounds.length - 2; c >= 0; c--) {
      const rows = list.slice(bounds[c], bounds[c + 1]);
      parts[c] = linkChunk(linker, prepareSide(rows, spec)).results.map((r) => ({
        ...r,
        left: r.left + bounds[c]!,
      }));
    }
    expect(parts.flat()).toEqual(whole);
  });

  it('lets another spec instance (a worker) prepare LEFT with the reference ids', () => {
    const ref = toColumnarReference(right);
    const dicts = exportDictionaries(spec);
    // Every comparison but the date's, the identity number's and the phone's has one.
    expect(dicts.filter((d) => d !== null).length).toBe(spec.comparisons.length - 3);
    const mine = vietnameseSpec();
    importDictionaries(mine, dicts);
    const sizes = mine.comparisons.map((c) => (c.dictionary ? internerSize(c.dictionary) : -1));
    const theirs = createScaleLinker(ref, model, thresholds, spec, { rules: VIETNAMESE_RULES });
    const ours = createScaleLinker(ref, model, thresholds, mine, { rules: VIETNAMESE_RULES });
    const chunk = list.slice(100, 400);
    expect(linkChunk(ours, prepareSide(chunk, mine)).results).toEqual(
      linkChunk(theirs, prepareSide(chunk, spec)).results,
    );
    // Frozen: preparing LEFT never grows the worker's dictionaries.
    expect(mine.comparisons.map((c) => (c.dictionary ? internerSize(c.dictionary) : -1))).toEqual(
      sizes,
    );
    expect(() => importDictionaries(mine, dicts)).toThrow(/already interned/);
  });

  it('shares the exported dictionaries (no copy) and prepares identical columns', () => {
    const theirs = vietnameseSpec();
    const right2 = prepareSide(register, theirs);
    const dicts = exportDictionaries(theirs, { allocate: (n) => new SharedArrayBuffer(n) });
    const mine = vietnameseSpec();
    importDictionaries(mine, dicts);
    mine.comparisons.forEach((c, k) => {
      const d = dicts[k];
      if (!c.dictionary || !d) {
        expect(d ?? null).toBeNull();
        return;
      }
      // Attached, not copied: the worker's interner reads the exported shared memory.
      const attached = internerArrays(c.dictionary);
      expect(attached.table).toBe(d.table);
      expect(attached.pool.buffer).toBe(d.pool.buffer);
      expect(attached.starts.buffer).toBe(d.starts.buffer);
      expect(d.table.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(d.pool.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(internerSize(c.dictionary)).toBe(internerSize(theirs.comparisons[k]!.dictionary!));
    });
    // The register's own values: the same ids as the interners that built them.
    expect(prepareSide(register, mine).columns).toEqual(right2.columns);
    // LEFT values the register never had: the same ids as the original, frozen.
    for (const c of theirs.comparisons) if (c.dictionary) c.dictionary.frozen = true;
    expect(prepareSide(list, mine).columns).toEqual(prepareSide(list, theirs).columns);
  });

  it('releases an interner once exported: it reads the copy, frozen, with the same ids', () => {
    const theirs = vietnameseSpec();
    prepareSide(register, theirs);
    const fresh = vietnameseSpec();
    prepareSide(register, fresh);
    const k = theirs.comparisons.findIndex((c) => c.dictionary);
    const interner = theirs.comparisons[k]!.dictionary!;
    const size = internerSize(interner);
    const d = exportDictionary(interner, { release: true })!;
    expect(internerArrays(interner).table).toBe(d.table);
    expect(internerArrays(interner).pool.buffer).toBe(d.pool.buffer);
    expect(internerSize(interner)).toBe(size);
    expect(interner.frozen).toBe(true);
    // Every comparison prepares the same ids as before (the fresh spec frozen the same way).
    fresh.comparisons[k]!.dictionary!.frozen = true;
    expect(prepareSide(list.slice(0, 200), theirs).columns[k]).toEqual(
      prepareSide(list.slice(0, 200), fresh).columns[k],
    );
  });

  it('trains on a sample and reports it', () => {
    const ref = toColumnarReference(right);
    const sample = prepareSide(list.slice(0, 300), spec);
    const t = trainOnSample(ref, sample, spec, { rules: VIETNAMESE_RULES });
    expect(t.sampleSize).toBe(300);
    expect(t.thresholds.review).toBeLessThanOrEqual(t.thresholds.match);
    expect(t.model.thresholds).toEqual({ match: t.thresholds.match, review: t.thresholds.review });
    expect(t.pairsScored).toBeGreaterThan(300);
    expect(t.blocking.perRule.length).toBe(spec.blocking.length);
  });
});
