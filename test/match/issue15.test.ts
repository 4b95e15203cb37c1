/**
 * Issue 15: names in any order, calibrated weights, old CMND both ways, namesakes to review — in
 * the in-memory engine and in the columnar scale linker alike.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  createScaleLinker,
  explainPair,
  type FellegiSunterModel,
  floorM,
  linkChunk,
  linkPrepared,
  linkWithSpec,
  type PatternCounts,
  type PreparedSide,
  prepareSide,
  runEm,
  toColumnarReference,
  trainOnSample,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../../src/record/index.js';
import { generateDataset } from '../../src/testing/population/index.js';

describe('calibrated weights (m floors)', () => {
  it('floorM raises a level never seen among matches to at most floorBits of penalty', () => {
    const m = Float64Array.of(0, 0.999999, 0.000001);
    const u = Float64Array.of(0, 0.01, 0.99);
    floorM(m, u, 10);
    expect(Math.log2(m[2]! / u[2]!)).toBeGreaterThanOrEqual(-10.01);
    expect(m[1]! + m[2]!).toBeCloseTo(1, 12);
    const untouched = Float64Array.of(0, 0.9, 0.1);
    floorM(untouched, u, 10);
    expect([...untouched]).toEqual([0, 0.9, 0.1]);
  });

  it('EM with a floor keeps a disagreement from counting as "one in a million"', () => {
    // Matches always agree on comparison 0: without a floor its `else` m collapses to ~0.
    const patterns: PatternCounts = {
      comparisons: 2,
      size: 3,
      levels: Uint8Array.of(1, 1, 2, 2, 2, 1),
      counts: Float64Array.of(1000, 100_000, 50),
    };
    const flat = () => Float64Array.of(0, 0.5, 0.5);
    const u = [Float64Array.of(0, 0.01, 0.99), Float64Array.of(0, 0.05, 0.95)];
    const free = runEm(patterns, [flat(), flat()], u, 0.1);
    const floored = runEm(patterns, [flat(), flat()], u, 0.1, { floorBits: 8 });
    const w = (r: typeof free) => Math.log2(r.m[0]![2]! / u[0]![2]!);
    expect(w(free)).toBeLessThan(-12);
    expect(w(floored)).toBeGreaterThanOrEqual(-8.01);
  });
});

const clean = (rows: Record<string, string>[], key: string) =>
  rows.map((r) => cleanRecord(r, { key: r[key] ?? '' }).record);

/** A register of a few people, one of them with an old CMND. */
const registerRows = [
  {
    person_id: 'P0',
    full_name: 'Nguyễn Văn Quyền',
    dob: '1980-03-12',
    gender: 'Nam',
    id_number: '001080012345',
    province: 'Hà Nội',
    commune: 'Phường Dịch Vọng',
    old_id_number: '011234567',
  },
  {
    person_id: 'P1',
    full_name: 'Trần Thị Ngọc Lan',
    dob: '1992-07-01',
    gender: 'Nữ',
    id_number: '079192054321',
    province: 'TP Hồ Chí Minh',
    commune: 'Phường Bến Nghé',
    old_id_number: '',
  },
  {
    person_id: 'P2',
    full_name: 'Lê Minh Hoàng',
    dob: '1975-11-30',
    gender: 'Nam',
    id_number: '038075011111',
    province: 'Thanh Hóa',
    commune: 'Xã Quảng Tâm',
    old_id_number: '',
  },
];

describe('names in any order, old CMND', () => {
  const spec = vietnameseSpec();
  const register = clean(
    [
      ...registerRows,
      // Filler people so that EM and random-pair u have something to learn from.
      ...generateDataset({ seed: 5, registerSize: 800, listSize: 0 }).register.map((r) => ({
        ...r,
      })),
    ],
    'person_id',
  );
  const list = clean(
    [
      // Split Họ đệm / Tên columns joined back given name first; same CCCD, dob and commune.
      {
        record_id: 'L0',
        full_name: 'Quyền Nguyễn Văn',
        dob: '12/03/1980',
        id_number: '001080012345',
        province: 'Hà Nội',
        commune: 'Dịch Vọng',
      },
      // English form (Western order, no diacritics), old CMND only, moved to another province.
      {
        record_id: 'L1',
        full_name: 'Quyen Van Nguyen',
        dob: '12/03/1980',
        id_number: '011234567',
        province: 'Đà Nẵng',
        commune: 'Hải Châu 1',
      },
      // Given name first with two middle names, no ID.
      {
        record_id: 'L2',
        full_name: 'Lan Trần Thị Ngọc',
        dob: '01/07/1992',
        id_number: '',
        province: 'Hồ Chí Minh',
        commune: 'Bến Nghé',
      },
      // A rotation the parser reads in the standard order (Hoàng is a surname too): the words
      // are the same, in another order.
      {
        record_id: 'L3',
        full_name: 'Hoàng Lê Minh',
        dob: '30/11/1975',
        id_number: '038075011111',
        province: 'Thanh Hóa',
        commune: 'Quảng Tâm',
      },
    ],
    'record_id',
  );

  it('links every rotated name to its person, the same-ID ones by rule', () => {
    const r = linkWithSpec(list, register, spec, { rules: VIETNAMESE_RULES, randomPairs: 100_000 });
    if (!r.success) throw new Error('link failed');
    const got = r.data.results.map((x) => [x.decision, register[x.right]?.key]);
    expect(got).toEqual([
      ['match', 'P0'],
      ['match', 'P0'],
      ['match', 'P1'],
      ['match', 'P2'],
    ]);
    expect(r.data.results[0]!.reason).toBe('rule');
    expect(r.data.results[3]!.reason).toBe('rule');
    const levels = (i: number) =>
      Object.fromEntries(
        explainPair(
          r.data.scorer,
          r.data.left,
          i,
          r.data.right,
          r.data.results[i]!.right,
        ).contributions.map((c) => [c.comparison, c.level]),
      );
    expect(levels(0)).toMatchObject({ given: 'exact', family: 'exact', id: 'exact' });
    // The list's old CMND against the register's old CMND column.
    expect(levels(1)).toMatchObject({ given: 'folded', family: 'folded', id: 'exact' });
    expect(levels(3)).toMatchObject({ given: 'other_order', family: 'other_order' });
  });

  it('matches a list CCCD against the register’s old CMND and the other way round', () => {
    const reg = clean(
      [{ ...registerRows[0]!, id_number: '', old_id_number: '001080012345' }],
      'person_id',
    );
    const l = clean(
      [{ record_id: 'x', full_name: 'Nguyễn Văn Quyền', id_number: '001080012345' }],
      'record_id',
    );
    const c = spec.comparisons.find((x) => x.name === 'id')!;
    const a = c.prepare(l);
    const b = c.prepare(reg);
    expect(c.levels[c.compare(a, 0, b, 0) - 1]).toBe('exact');
    expect(c.levels[c.compare(b, 0, a, 0) - 1]).toBe('exact');
  });
});

describe('both engines on a list with rotated names, surname typos and namesakes', () => {
  const spec = vietnameseSpec();
  let register: CleanRecord[];
  let list: CleanRecord[];
  let right: PreparedSide;
  let left: PreparedSide;
  let model: FellegiSunterModel;
  let truth: ReturnType<typeof generateDataset>['truth'];
  beforeAll(() => {
    const d = generateDataset({
      seed: 21,
      registerSize: 3000,
      listSize: 1500,
      rates: { NAME_GIVEN_FIRST: 0.1, NAME_REVERSED: 0.05, NAME_SURNAME_TYPO: 0.05 },
      notInRegisterRate: 0.1,
    });
    register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
    list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
    truth = d.truth;
    right = prepareSide(register, spec);
    left = prepareSide(list, spec);
    model = trainOnSample(toColumnarReference(right), left, spec, {
      rules: VIETNAMESE_RULES,
    }).model;
  });

  it('links names in another order in the scale linker exactly as in memory', () => {
    const thresholds = { match: 0.9, review: 0.3 };
    const linker = createScaleLinker(toColumnarReference(right), model, thresholds, spec, {
      rules: VIETNAMESE_RULES,
    });
    const ours = linkChunk(linker, left).results;
    const engine = linkPrepared(left, right, spec, { model, thresholds, rules: VIETNAMESE_RULES });
    if (!engine.success) throw new Error('engine failed');
    expect(ours).toEqual(engine.data.results);
    let rotated = 0;
    let found = 0;
    ours.forEach((r, i) => {
      const t = truth[i]!;
      if (t.person_id === null) return;
      if (!t.damages.some((d) => d === 'NAME_GIVEN_FIRST' || d === 'NAME_REVERSED')) return;
      rotated++;
      if (r.decision === 'match' && register[r.right]!.key === t.person_id) found++;
    });
    expect(rotated).toBeGreaterThan(150);
    expect(found / rotated).toBeGreaterThan(0.98);
  });

  it('sends a name with only a year of birth and nothing else to review, not to match', () => {
    const d = generateDataset({
      seed: 22,
      registerSize: 3000,
      listSize: 1500,
      rates: { DOB_YEAR_ONLY: 0.5, ID_MISSING: 0.6, PHONE_MISSING: 0.6, MOVED: 0.5 },
    });
    const reg = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
    const lst = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
    const thresholds = { match: 0.5, review: 0.1 };
    const engine = linkWithSpec(lst, reg, spec, { thresholds, rules: VIETNAMESE_RULES });
    if (!engine.success) throw new Error('engine failed');
    const { results, scorer, left: l, right: r } = engine.data;
    const capped = results.filter((x) => x.rule === 'name and year of birth only (namesakes)');
    expect(capped.length).toBeGreaterThan(5);
    expect(capped.length / results.length).toBeLessThan(0.2);
    for (const x of capped) expect(x.decision).toBe('review');
    // Every model match stands on more than a name and a year of birth.
    let matches = 0;
    for (const x of results) {
      if (x.decision !== 'match' || x.reason !== 'model') continue;
      matches++;
      const e = explainPair(scorer, l, x.left, r, x.right);
      const lv = new Map(e.contributions.map((c) => [c.comparison, c.level]));
      const weak =
        ['null', 'other_system'].includes(lv.get('id')!) &&
        ['null', 'same_year'].includes(lv.get('dob')!) &&
        ['null', 'else'].includes(lv.get('phone')!) &&
        lv.get('place') !== 'same_commune';
      expect(weak).toBe(false);
    }
    expect(matches).toBeGreaterThan(300);
  });
});
