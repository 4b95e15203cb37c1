import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  chunkBlockIndex,
  hashKey,
  hashKeys,
  prepareName,
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

describe('vietnameseSpec blocking keys', () => {
  // The hashes of these keys are stored in prepared register files: their text must not move.
  it('are the documented texts, and keyHash hashes exactly them', () => {
    const { record } = cleanRecord({
      full_name: 'Nguyễn Văn Hùng',
      dob: '03/07/1985',
      gender: 'Nam',
      id_number: '001085012345',
      phone: '0912345678',
      province: 'Hà Nội',
      commune: 'Phường Hàng Bạc',
    });
    const name = prepareName('Nguyễn Văn Hùng')!;
    const spec = vietnameseSpec();
    const keys = Object.fromEntries(spec.blocking.map((rule) => [rule.name, rule.key(record)]));
    const province = keys['full_name_phonetic+commune']?.split('|')[1];
    expect(province).toMatch(/^\d\d$/);
    expect(keys).toEqual({
      id_number: '001085012345',
      old_cmnd: undefined,
      'given_phonetic+dob': `${name.givenKey}|1985-7-3`,
      'full_name_phonetic+birth_year': `${name.bagKey}|1985`,
      'full_name_phonetic+commune': `${name.bagKey}|${province}|hang bac`,
      'full_name_phonetic+province+birthday': `${name.bagKey}|${province}|7-3`,
      phone_last7: '2345678',
      'commune+dob': `${province}|hang bac|1985-7-3`,
      'surname_phonetic+dob+province+sex': `${name.surnameKey}|1985-7-3|${province}|male`,
    });
    for (const rule of spec.blocking) {
      const key = rule.key(record);
      expect(rule.keyHash?.(record) ?? -2).toBe(rule.keyHash ? (key ? hashKey(key) : -1) : -2);
    }
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
