import { describe, expect, it } from 'vitest';
import { blockingKeys, hashKeys, vietnameseSpec } from '../../../src/match/index.js';
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
