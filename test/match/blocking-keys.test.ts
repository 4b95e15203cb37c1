import { describe, expect, it } from 'vitest';
import { blockingKeys, vietnameseSpec } from '../../src/match/index.js';
import { cleanRecord } from '../../src/record/index.js';
import { generateDataset } from '../../src/testing/population/index.js';

describe('blockingKeys', () => {
  it('computes record by record exactly what each rule gives on its own', () => {
    const d = generateDataset({ seed: 3, registerSize: 300, listSize: 300 });
    const records = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
    const fast = blockingKeys(records, vietnameseSpec());
    // Rule by rule, on a fresh spec: every call misses the spec's one-record cache.
    const spec = vietnameseSpec();
    const slow = spec.blocking.map((rule) => records.map((r) => rule.key(r) || null));
    expect(fast).toEqual(slow);
    // Interleaved calls on two records must not leak one record's parts into the other's keys.
    const [a, b] = [records[0]!, records[1]!];
    const rule = spec.blocking.find((r) => r.name === 'full_name_phonetic+commune')!;
    const alone = [rule.key(a), rule.key(b)];
    expect([rule.key(a), rule.key(b), rule.key(a)]).toEqual([...alone, alone[0]]);
    expect(fast.every((keys) => keys.length === records.length)).toBe(true);
    expect(fast[0]!.filter((k) => k !== null).length).toBeGreaterThan(200);
  });
});
