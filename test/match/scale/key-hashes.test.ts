import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  chunkBlockIndex,
  hashKeys,
  prepareSide,
  resolveBlocks,
  toColumnarReference,
  vietnameseSpec,
} from '../../../src/match/index.js';
import { blockingKeyHashes } from '../../../src/match/scale/block-table.js';
import { cleanRecord } from '../../../src/record/index.js';
import { generateDataset } from '../../../src/testing/population/index.js';

describe('blockingKeyHashes', () => {
  it('gives the hashes of blockingKeys, rule by rule, on damaged and clean records', () => {
    const d = generateDataset({ seed: 5, registerSize: 800, listSize: 400 });
    const records = [
      ...d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record),
      ...d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record),
    ];
    // Two specs: each walks the records once (the name parses are read back by position).
    const expected = blockingKeys(records, vietnameseSpec()).map(hashKeys);
    const got = blockingKeyHashes(records, vietnameseSpec());
    expect(got).toHaveLength(expected.length);
    got.forEach((h, r) => {
      expect([...h]).toEqual([...expected[r]!]);
    });
    // Some records have no key under some rule (−1), most have one.
    expect(got.some((h) => h.includes(-1))).toBe(true);
  });

  it('is empty per rule for no records', () => {
    const spec = vietnameseSpec();
    expect(blockingKeyHashes([], spec).map((h) => h.length)).toEqual(spec.blocking.map(() => 0));
  });
});

describe('resolveBlocks from key hashes', () => {
  const d = generateDataset({ seed: 9, registerSize: 1500, listSize: 700 });
  const register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
  const list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  const spec = vietnameseSpec();
  const ref = toColumnarReference(prepareSide(register, spec));
  const side = prepareSide(list, spec);
  const hashed = { ...side, keys: [], hashes: blockingKeyHashes(list, vietnameseSpec()) };

  it('finds the blocks the keys find, caps included', () => {
    const a = resolveBlocks(ref, side, spec);
    const b = resolveBlocks(ref, hashed, spec);
    expect(b.resolved.map((r) => [...r.block])).toEqual(a.resolved.map((r) => [...r.block]));
    expect(b.resolved.map((r) => r.cappedRows)).toEqual(a.resolved.map((r) => r.cappedRows));
    expect(b.capped && [...b.capped]).toEqual(a.capped && [...a.capped]);
    // Most list records find a block under some rule.
    expect(a.resolved.some((r) => r.block.some((x) => x >= 0))).toBe(true);
  });

  it('leaves chunkBlockIndex nothing to key by: refused, never an empty index', () => {
    expect(() => chunkBlockIndex(ref, hashed, spec)).toThrow(/key hashes only/);
    expect(chunkBlockIndex(ref, side, spec).rules.some((m) => m.size > 0)).toBe(true);
  });
});
