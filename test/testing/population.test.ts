import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  csvLine,
  DAMAGE_CODES,
  type DamageCode,
  type DamageRates,
  DEFAULT_DAMAGE_RATES,
  generateDataset,
  generateList,
  generatePeople,
  generateRegister,
  LIST_COLUMNS,
  type ListRow,
  type ListTruth,
  type Person,
  PROVINCE_FACTS,
  planList,
  REGISTER_COLUMNS,
  streamDataset,
  TRUTH_COLUMNS,
  toCsv,
  truthToRow,
} from '../../src/testing/index.js';
import { formatDob } from '../../src/testing/population/formats.js';
import { createRandom } from '../../src/testing/population/prng.js';
import {
  hasToneChoice,
  modernTone,
  modernToneWord,
  stripDiacritics,
  typo,
} from '../../src/testing/population/text-damage.js';
import { decodeLegacy } from '../../src/text/index.js';

const PROVINCE_CODES = new Set(PROVINCE_FACTS.map((p) => p.code));
const CMND_PREFIXES = new Set(PROVINCE_FACTS.map((p) => p.cmndPrefix));

/** Independent check of DESIGN.md §6: `0PP G YY RRRRRR`, G = century/sex digit. */
function checkCccd(id: string, dob: string, gender: 'Nam' | 'Nữ'): string | null {
  if (!/^0\d{11}$/.test(id)) return 'format';
  const province = Number(id.slice(1, 3));
  if (!PROVINCE_CODES.has(province)) return 'province';
  const year = Number(dob.slice(0, 4));
  const g = Number(id[3]);
  const expectedG = (year >= 2000 ? 2 : 0) + (gender === 'Nữ' ? 1 : 0);
  if (year < 1900 || year > 2099 || g !== expectedG) return 'century/sex';
  if (Number(id.slice(4, 6)) !== year % 100) return 'year';
  return null;
}

// One shared mid-size dataset for the statistical checks (generated once, ~1 s).
const SEED = 20_240_501;
const SIZE = 40_000;
const data = generateDataset({ seed: SEED, registerSize: SIZE });
const people: Person[] = [...generatePeople({ seed: SEED, size: SIZE })];

describe('names data', () => {
  it('register names are NFC, single-spaced and capitalised', () => {
    const bad = data.register.filter(
      (r) =>
        r.full_name.normalize('NFC') !== r.full_name ||
        /\s{2}|^\s|\s$/.test(r.full_name) ||
        r.full_name.split(' ').some((w) => w[0] !== w[0]?.toUpperCase()),
    );
    expect(bad).toEqual([]);
  });
});

describe('determinism', () => {
  it('the same seed gives identical rows, list and truth', () => {
    const a = generateDataset({ seed: 7, registerSize: 2_000 });
    const b = generateDataset({ seed: 7, registerSize: 2_000 });
    expect(b.list.slice(0, 50)).toEqual(a.list.slice(0, 50));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
  it('different seeds give different data', () => {
    const a = generateDataset({ seed: 7, registerSize: 500 });
    const b = generateDataset({ seed: 8, registerSize: 500 });
    expect(b.register.map((r) => r.id_number)).not.toEqual(a.register.map((r) => r.id_number));
    expect(b.list.map((r) => r.full_name)).not.toEqual(a.list.map((r) => r.full_name));
  });
  it('a register is a prefix of a larger register with the same seed, up to the last household', () => {
    const small = [...generateRegister({ seed: 3, size: 300 })];
    const large = [...generateRegister({ seed: 3, size: 600 })];
    expect(large.slice(0, 290)).toEqual(small.slice(0, 290));
  });
  it('streaming and in-memory APIs agree', () => {
    // JSON text comparison: exact, and much faster than a deep equality on 40k objects.
    const streamed = [...generateList({ seed: SEED, registerSize: SIZE })];
    expect(JSON.stringify(streamed.map((e) => e.row))).toBe(JSON.stringify(data.list));
    expect(JSON.stringify(streamed.map((e) => e.truth))).toBe(JSON.stringify(data.truth));
    const register = [...generateRegister({ seed: SEED, size: SIZE })];
    expect(JSON.stringify(register)).toBe(JSON.stringify(data.register));
  });
});

describe('register', () => {
  it('has exactly the requested size and sequential person ids', () => {
    expect(data.register).toHaveLength(SIZE);
    expect(data.register.filter((r, i) => r.person_id !== `P${i}`)).toEqual([]);
  });
  it('every CCCD is valid and consistent with dob, sex and province of birth', () => {
    const bad = data.register.filter(
      (r, i) =>
        checkCccd(r.id_number, r.dob, r.gender) !== null ||
        Number(r.id_number.slice(1, 3)) !== people[i]?.birthProvince,
    );
    expect(bad).toEqual([]);
  });
  it('identity numbers (CCCD and old CMND) are unique', () => {
    const ids = data.register.flatMap((r) => [r.id_number, r.old_id_number]).filter((x) => x);
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('old CMND numbers have 9 digits, a known prefix, and belong to people born by 2001', () => {
    const withCmnd = data.register.filter((r) => r.old_id_number !== '');
    const bad = withCmnd.filter(
      (r) =>
        !/^\d{9}$/.test(r.old_id_number) ||
        !CMND_PREFIXES.has(r.old_id_number.slice(0, 2)) ||
        Number(r.dob.slice(0, 4)) > 2001,
    );
    expect(bad).toEqual([]);
    const count = withCmnd.length;
    expect(count / SIZE).toBeGreaterThan(0.3);
    expect(count / SIZE).toBeLessThan(0.6);
  });
  it('dates are real calendar dates up to the snapshot, phones are 10-digit mobiles', () => {
    const bad = data.register.filter(
      (r) =>
        !/^(19[2-9]\d|20[0-2]\d)-\d\d-\d\d$/.test(r.dob) ||
        new Date(`${r.dob}T00:00:00Z`).toISOString().slice(0, 10) !== r.dob ||
        r.dob > '2024-12-31' ||
        !/^$|^0[35789]\d{8}$/.test(r.phone) ||
        (r.gender !== 'Nam' && r.gender !== 'Nữ'),
    );
    expect(bad).toEqual([]);
  });
  it('households share province, district, commune and address', () => {
    const byHousehold = new Map<object, Set<string>>();
    for (const [i, p] of people.entries()) {
      const r = data.register[i];
      if (!r) continue;
      const key = `${r.province}|${r.district}|${r.commune}|${r.address}`;
      const set = byHousehold.get(p.household) ?? new Set<string>();
      set.add(key);
      byHousehold.set(p.household, set);
    }
    expect([...byHousehold.values()].filter((keys) => keys.size !== 1)).toEqual([]);
    const mean = SIZE / byHousehold.size;
    expect(mean).toBeGreaterThan(2.8);
    expect(mean).toBeLessThan(4.2);
  });
  it('children carry their father’s surname and are born after their parents', () => {
    let families = 0;
    let shared = 0;
    for (const p of people) {
      const members = p.household.members;
      if (members[0] !== p || members.length < 3) continue;
      const adults = members.filter((m) => m.year < members[members.length - 1]!.year - 16);
      const youngest = members[members.length - 1]!;
      families++;
      if (adults.some((a) => a.surname === youngest.surname)) shared++;
      for (const a of adults) expect(a.year).toBeLessThan(youngest.year);
    }
    expect(families).toBeGreaterThan(1_000);
    expect(shared / families).toBeGreaterThan(0.9);
  });
  it('contains twins (same dob, same household) and namesakes', () => {
    const twins = people.filter((p) => p.twinOf >= 0);
    expect(twins.length).toBeGreaterThan(100);
    for (const t of twins) {
      const other = t.household.members[t.twinOf];
      expect(other?.dob).toBe(t.dob);
      expect(other?.twinOf).toBe(t.household.members.indexOf(t));
    }
    const byName = new Map<string, number>();
    for (const r of data.register) byName.set(r.full_name, (byName.get(r.full_name) ?? 0) + 1);
    const namesakes = [...byName.values()].filter((c) => c > 1).reduce((a, b) => a + b, 0);
    expect(namesakes / SIZE).toBeGreaterThan(0.3);
  });
  it('surname shares follow DESIGN.md §6', () => {
    const share = (s: string) => people.filter((p) => p.surname === s).length / SIZE;
    expect(share('Nguyễn')).toBeGreaterThan(0.34);
    expect(share('Nguyễn')).toBeLessThan(0.42);
    expect(share('Trần')).toBeGreaterThan(0.09);
    expect(share('Trần')).toBeLessThan(0.13);
  });
});

describe('damaged list and truth', () => {
  const plan = planList({ seed: SEED, registerSize: SIZE });

  it('plans the exact composition', () => {
    expect(plan).toEqual({ listSize: SIZE, selected: 38_000, outside: 1_200, duplicates: 800 });
    expect(planList({ seed: 1, registerSize: 100, listSize: 500 })).toEqual({
      listSize: 230,
      selected: 100,
      outside: 15,
      duplicates: 115,
    });
  });
  it('has a complete truth: one entry per row, same record ids, in order', () => {
    expect(data.list).toHaveLength(plan.listSize);
    expect(data.truth).toHaveLength(plan.listSize);
    expect(
      data.list.filter(
        (row, i) => row.record_id !== `R${i}` || data.truth[i]?.record_id !== `R${i}`,
      ),
    ).toEqual([]);
  });
  it('contains duplicates and people outside the register as configured', () => {
    const outside = data.truth.filter((t) => t.person_id === null && t.copy === 1);
    const seconds = data.truth.filter((t) => t.copy === 2);
    expect(outside).toHaveLength(plan.outside);
    expect(seconds).toHaveLength(plan.duplicates);
    const firstEntities = new Set(data.truth.filter((t) => t.copy === 1).map((t) => t.entity_id));
    expect(firstEntities.size).toBe(plan.selected + plan.outside);
    expect(seconds.filter((t) => !firstEntities.has(t.entity_id))).toEqual([]);
    const bad = data.truth.filter((t) =>
      t.person_id !== null
        ? t.entity_id !== t.person_id || Number(t.person_id.slice(1)) >= SIZE
        : !/^X\d+$/.test(t.entity_id),
    );
    expect(bad).toEqual([]);
  });
  it('honours custom composition rates', () => {
    const d = generateDataset({
      seed: 5,
      registerSize: 3_000,
      listSize: 2_000,
      duplicateRate: 0.1,
      notInRegisterRate: 0.2,
    });
    expect(d.truth.filter((t) => t.copy === 2)).toHaveLength(200);
    expect(d.truth.filter((t) => t.person_id === null && t.copy === 1)).toHaveLength(400);
    expect(d.list).toHaveLength(2_000);
  });
  it('people outside the register have CCCD numbers no register person has', () => {
    const registerIds = new Set(data.register.map((r) => r.id_number));
    const clean = data.truth.filter(
      (t) => t.person_id === null && !t.damages.some((d) => d.startsWith('ID_')),
    );
    expect(clean.length).toBeGreaterThan(500);
    const clashes = clean.filter((t) =>
      registerIds.has(data.list[Number(t.record_id.slice(1))]?.id_number ?? ''),
    );
    expect(clashes).toEqual([]);
  });
  it('rows without damage reproduce the register person in the recorded formats', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const [i, t] of data.truth.entries()) {
      if (t.person_id === null || t.damages.length > 0) continue;
      const row = data.list[i]!;
      const reg = data.register[Number(t.person_id.slice(1))]!;
      const [y, m, d] = reg.dob.split('-').map(Number) as [number, number, number];
      if (
        row.id_number !== reg.id_number ||
        row.full_name !== reg.full_name ||
        row.address !== reg.address ||
        row.dob !== formatDob(y, m, d, t.dob_format)
      ) {
        bad.push(row.record_id);
      }
      checked++;
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(10_000);
  });

  /** Conditional rate of a damage among the rows where it can apply. */
  function observed(
    code: DamageCode,
    applicable: (t: ListTruth, p: Person | undefined) => boolean,
  ) {
    let n = 0;
    let k = 0;
    for (const t of data.truth) {
      const p = t.person_id === null ? undefined : people[Number(t.person_id.slice(1))];
      if (!applicable(t, p)) continue;
      n++;
      if (t.damages.includes(code)) k++;
    }
    return { n, rate: k / n };
  }
  const always = () => true;
  const inRegister = (_: ListTruth, p: Person | undefined) => p !== undefined;
  const withId = (t: ListTruth) => !t.damages.includes('ID_MISSING');
  const cases: [DamageCode, (t: ListTruth, p: Person | undefined) => boolean][] = [
    ['ID_MISSING', always],
    ['ID_TYPO', always],
    ['ID_TRANSPOSITION', always],
    ['ID_OLD_CMND', (_, p) => p !== undefined && p.cmnd !== ''],
    ['ID_RELATIVE', (_, p) => p !== undefined && p.household.members.length > 1],
    ['ID_APOSTROPHE', withId],
    ['ID_DOT_ZERO', withId],
    ['ID_SEPARATORS', withId],
    ['DOB_MISSING', always],
    ['DOB_YEAR_ONLY', always],
    ['DOB_YEAR_OFF_BY_ONE', always],
    ['DOB_DAY_MONTH_SWAP', (_, p) => p !== undefined && p.day !== p.month],
    ['NAME_REVERSED', always],
    ['NAME_GIVEN_FIRST', (t) => !t.damages.includes('NAME_REVERSED')],
    ['NAME_NO_DIACRITICS', always],
    ['NAME_UPPERCASE', always],
    ['NAME_TCVN3', (t) => !t.damages.includes('NAME_NO_DIACRITICS')],
    ['NAME_VNI', (t) => !t.damages.includes('NAME_NO_DIACRITICS')],
    ['NAME_DOUBLE_SPACE', always],
    ['NAME_NBSP', always],
    ['NAME_REGIONAL_SURNAME', (_, p) => p !== undefined && /^(Hoàng|Huỳnh|Vũ|Võ)$/.test(p.surname)],
    ['NAME_MODERN_TONE', (_, p) => p !== undefined && hasToneChoice(p.fullName)],
    ['GENDER_MISSING', always],
    ['PHONE_MISSING', (_, p) => p !== undefined && p.phone !== ''],
    ['PHONE_OTHER_PERSON', always],
    ['MOVED', inRegister],
  ];
  it.each(cases)('%s: observed rate matches the configured rate', (code, applicable) => {
    const { n, rate } = observed(code, applicable);
    const expected = DEFAULT_DAMAGE_RATES[code];
    const sigma = Math.sqrt((expected * (1 - expected)) / n);
    expect(n).toBeGreaterThan(300);
    expect(Math.abs(rate - expected)).toBeLessThan(4.5 * sigma + 0.002);
  });

  it('applies configured rates (all zero gives clean rows; doubled rates double)', () => {
    const zero = Object.fromEntries(DAMAGE_CODES.map((c) => [c, 0])) as DamageRates;
    const clean = generateDataset({ seed: 9, registerSize: 2_000, rates: zero });
    expect(clean.truth.every((t) => t.damages.length === 0)).toBe(true);
    const heavy = generateDataset({
      seed: 9,
      registerSize: 10_000,
      rates: { ID_MISSING: 0.2, NAME_UPPERCASE: 0.5 },
    });
    const share = (c: DamageCode) =>
      heavy.truth.filter((t) => t.damages.includes(c)).length / heavy.truth.length;
    expect(share('ID_MISSING')).toBeCloseTo(0.2, 1);
    expect(share('NAME_UPPERCASE')).toBeCloseTo(0.5, 1);
  });

  it('each damage leaves the trace it claims', () => {
    const traces: Partial<Record<DamageCode, (row: ListRow) => boolean>> = {
      ID_MISSING: (r) => r.id_number === '',
      ID_SCIENTIFIC: (r) => /^\d(\.\d{1,5})?E\+1[01]$/.test(r.id_number),
      ID_APOSTROPHE: (r) => r.id_number.startsWith("'"),
      ID_DOT_ZERO: (r) => /^[1-9]\d+\.0$/.test(r.id_number),
      ID_LEADING_ZERO_LOST: (r) => /^[1-9]\d{7,10}$/.test(r.id_number),
      DOB_YEAR_ONLY: (r) => /^\d{4}$/.test(r.dob),
      DOB_MISSING: (r) => r.dob === '',
      NAME_UPPERCASE: (r) => r.full_name === r.full_name.toUpperCase(),
      NAME_NO_DIACRITICS: (r) => /^[\p{ASCII}\u00a0]*$/u.test(r.full_name),
      NAME_NFD: (r) => r.full_name.normalize('NFC') !== r.full_name,
      NAME_TCVN3: (r) =>
        /[\u00a1-\u00ff]/.test(r.full_name) && decodeLegacy(r.full_name, 'tcvn3') !== r.full_name,
      NAME_VNI: (r) =>
        /[\u00c0-\u00ff]/.test(r.full_name) && decodeLegacy(r.full_name, 'vni') !== r.full_name,
      NAME_DOUBLE_SPACE: (r) => r.full_name.includes('  '),
      NAME_NBSP: (r) => r.full_name.includes('\u00a0'),
      GENDER_MISSING: (r) => r.gender === '',
      PHONE_OLD_11_DIGIT: (r) => /1\d{9}$/.test(r.phone.replace(/\D/g, '')),
      PLACE_IN_ADDRESS: (r) =>
        r.province === '' && r.district === '' && r.commune === '' && r.address.includes(', '),
    };
    const bad: string[] = [];
    const seen = new Set<DamageCode>();
    for (const [i, t] of data.truth.entries()) {
      const row = data.list[i]!;
      for (const code of t.damages) {
        seen.add(code);
        const check = traces[code];
        // TCVN3 (ABC fonts) has no toned capitals: an upper-case name keeps lowercase codes.
        if (code === 'NAME_UPPERCASE' && t.damages.includes('NAME_TCVN3')) continue;
        if (check !== undefined && !check(row)) bad.push(`${code} ${row.record_id}`);
      }
    }
    expect(bad).toEqual([]);
    expect([...seen].sort()).toEqual([...DAMAGE_CODES].sort());
    // Damages are reported in DAMAGE_CODES order.
    const rank = new Map(DAMAGE_CODES.map((c, i) => [c, i]));
    const unsorted = data.truth.filter((t) =>
      t.damages.some((d, i) => i > 0 && rank.get(d)! <= rank.get(t.damages[i - 1]!)!),
    );
    expect(unsorted).toEqual([]);
  });
  it('name orders and surname typos keep the words of the register name', () => {
    const words = (s: string) => s.split(/\s+/).filter((w) => w !== '');
    let givenFirst = 0;
    let western = 0;
    let surnameTypo = 0;
    for (const [i, t] of data.truth.entries()) {
      if (t.person_id === null) continue;
      const p = people[Number(t.person_id.slice(1))]!;
      const plain = t.damages.every(
        (d) =>
          ['NAME_GIVEN_FIRST', 'NAME_REVERSED', 'NAME_SURNAME_TYPO'].includes(d) ||
          !d.startsWith('NAME_'),
      );
      if (!plain) continue;
      const w = words(data.list[i]!.full_name);
      const typoed = t.damages.includes('NAME_SURNAME_TYPO');
      if (t.damages.includes('NAME_GIVEN_FIRST') && !typoed) {
        givenFirst++;
        // Tên, then họ and tên đệm: the split columns joined the other way round.
        expect(w.join(' ')).toBe([p.given, p.surname, ...p.middle].join(' '));
      }
      if (t.damages.includes('NAME_REVERSED') && !typoed) {
        western++;
        expect(w.join(' ')).toBe([p.given, ...p.middle, p.surname].join(' '));
      }
      if (t.damages.includes('NAME_SURNAME_TYPO') && !t.damages.includes('NAME_REGIONAL_SURNAME')) {
        surnameTypo++;
        const std = !t.damages.includes('NAME_GIVEN_FIRST') && !t.damages.includes('NAME_REVERSED');
        if (std) {
          expect(w[0]).not.toBe(p.surname);
          expect(w.slice(1).join(' ')).toBe([...p.middle, p.given].join(' '));
        }
      }
    }
    expect(givenFirst).toBeGreaterThan(100);
    expect(western).toBeGreaterThan(100);
    expect(surnameTypo).toBeGreaterThan(100);
  });

  it('some people outside the register are namesakes born the same year, living elsewhere', () => {
    const byName = new Map<string, Person[]>();
    for (const p of people) {
      const list = byName.get(p.fullName);
      if (list) list.push(p);
      else byName.set(p.fullName, [p]);
    }
    let outside = 0;
    let namesakes = 0;
    for (const [i, t] of data.truth.entries()) {
      if (t.person_id !== null || t.copy !== 1 || t.damages.some((d) => d.startsWith('NAME_')))
        continue;
      outside++;
      const row = data.list[i]!;
      const same = byName.get(row.full_name) ?? [];
      const year = /\d{4}/.exec(row.dob)?.[0];
      const twin = same.find((p) => String(p.year) === year);
      if (!twin) continue;
      namesakes++;
      expect(row.id_number.replace(/\D/g, '')).not.toBe(twin.cccd);
    }
    expect(namesakes).toBeGreaterThan(0.05 * outside);
    expect(namesakes).toBeLessThan(0.5 * outside);
  });

  it('content damages point at the right source: relative, old CMND, moved residence', () => {
    const bad: string[] = [];
    let checked = 0;
    for (const [i, t] of data.truth.entries()) {
      if (t.person_id === null) continue;
      const row = data.list[i]!;
      const p = people[Number(t.person_id.slice(1))]!;
      const digits = row.id_number.replace(/\D/g, '');
      const plain = t.damages.every(
        (d) => !/^ID_(LEADING|SCIENTIFIC|APOSTROPHE|DOT|SEPARATORS)/.test(d),
      );
      if (t.damages.includes('ID_RELATIVE') && plain) {
        checked++;
        if (!p.household.members.some((m) => m !== p && m.cccd === digits)) bad.push(row.record_id);
      }
      if (t.damages.includes('ID_OLD_CMND') && plain) {
        checked++;
        if (digits !== p.cmnd) bad.push(row.record_id);
      }
      if (t.damages.includes('MOVED')) {
        checked++;
        if (
          row.address === p.household.residence.address &&
          row.commune === p.household.residence.commune
        ) {
          bad.push(row.record_id);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(1_000);
  });
  it('streamDataset interleaves the register (in order) with the list', () => {
    const kinds: string[] = [];
    const ids: string[] = [];
    for (const item of streamDataset({ seed: 4, registerSize: 5_000 })) {
      kinds.push(item.kind);
      if (item.kind === 'register') ids.push(item.row.person_id);
    }
    expect(ids).toEqual(Array.from({ length: 5_000 }, (_, i) => `P${i}`));
    expect(kinds.filter((k) => k === 'list')).toHaveLength(
      planList({ seed: 4, registerSize: 5_000 }).listSize,
    );
    expect(kinds.indexOf('list')).toBeLessThan(kinds.lastIndexOf('register'));
  });
  it('uses many spellings of dates, sexes, phones and provinces', () => {
    const formats = (key: 'dob_format' | 'gender_format' | 'phone_format' | 'province_format') =>
      new Set(data.truth.map((t) => t[key]));
    expect(formats('dob_format').size).toBe(11);
    expect(formats('gender_format').size).toBe(7);
    expect(formats('phone_format').size).toBe(7);
    expect(formats('province_format').size).toBe(8);
    const provinces = new Set(data.list.map((r) => r.province));
    for (const p of ['TP.HCM', 'HCM', 'Tp Hồ Chí Minh', 'ha noi', 'Ho Chi Minh']) {
      expect(provinces.has(p)).toBe(true);
    }
  });
});

describe('text damage helpers', () => {
  it.each([
    ['Hòa', 'Hoà'],
    ['Thủy', 'Thuỷ'],
    ['Khỏe', 'Khoẻ'],
    ['Thúy', 'Thuý'],
    ['Thụy', 'Thuỵ'],
    ['Quý', 'Quý'],
    ['Hoàng', 'Hoàng'],
    ['Mùa', 'Mùa'],
    ['Quỳnh', 'Quỳnh'],
    ['Khoa', 'Khoa'],
  ])('modernToneWord(%s) = %s', (input, expected) => {
    expect(modernToneWord(input)).toBe(expected);
    expect(hasToneChoice(input)).toBe(input !== expected);
  });
  it.each([
    ['Nguyễn Đức Thủy', 'Nguyen Duc Thuy'],
    ['Hồ Chí Minh', 'Ho Chi Minh'],
    ['Đắk Lắk', 'Dak Lak'],
  ])('stripDiacritics(%s) = %s', (input, expected) => {
    expect(stripDiacritics(input)).toBe(expected);
  });
  it('modernTone keeps NFC and changes only oa/oe/uy syllables', () => {
    expect(modernTone('Nguyễn Thị Hòa')).toBe('Nguyễn Thị Hoà');
  });
  it('typo changes a name by one edit and keeps spaces', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const name = 'Nguyễn Văn Hùng';
        const out = typo(name, createRandom(seed));
        expect(out).not.toBe(name);
        expect(out.split(' ')).toHaveLength(3);
        expect(Math.abs(out.length - name.length)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe('property: any seed', () => {
  it('gives a complete, valid dataset', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 300 }), (seed, size) => {
        const d = generateDataset({ seed, registerSize: size });
        const plan = planList({ seed, registerSize: size });
        expect(d.register).toHaveLength(size);
        expect(d.list).toHaveLength(plan.listSize);
        expect(d.truth.map((t) => t.record_id)).toEqual(d.list.map((r) => r.record_id));
        expect(d.register.filter((r) => checkCccd(r.id_number, r.dob, r.gender))).toEqual([]);
      }),
      { numRuns: 15 },
    );
  });
});

describe('CSV', () => {
  it('round-trips through an RFC 4180 parser', () => {
    const d = generateDataset({ seed: 11, registerSize: 3_000 });
    for (const [rows, columns] of [
      [d.register, REGISTER_COLUMNS],
      [d.list, LIST_COLUMNS],
      [d.truth.map(truthToRow), TRUTH_COLUMNS],
    ] as const) {
      const text = toCsv(rows as Iterable<Record<string, string>>, columns as readonly string[]);
      const parsed = parse(text, { columns: true }) as Record<string, string>[];
      expect(parsed).toEqual(rows.map((r) => ({ ...r })) as unknown);
    }
  });
  it('any fields survive csvLine → csv-parse', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme' }), { minLength: 2, maxLength: 6 }),
        (fields) => {
          const parsed = parse(`${csvLine(fields)}\n`, { relax_column_count: true }) as string[][];
          expect(parsed).toEqual([fields]);
        },
      ),
      { numRuns: 300 },
    );
  });
  it('quotes commas, quotes and edge spaces', () => {
    const text = toCsv([{ a: 'x, y', b: 'say "hi"', c: ' padded ' }], ['a', 'b', 'c']);
    expect(text).toBe('a,b,c\n"x, y","say ""hi"""," padded "\n');
  });
});
