/**
 * Blocking recall and candidates per list record of `vietnameseSpec`'s rules (and variants) on the
 * synthetic population: which true links no rule catches, and how block sizes grow with the
 * register. Run: node --import tsx scripts/blocking-experiment.ts 100000 400000
 */
import { newProvincesForOldCode } from '../src/id/index.js';
import { type BlockingRule, prepareName, vietnameseSpec } from '../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../src/record/index.js';
import { generateDataset } from '../src/testing/population/index.js';

const sizes = process.argv.slice(2).map(Number);
const province = (r: CleanRecord) => {
  const code = r.provinceCode.value;
  if (!code) return null;
  const c = newProvincesForOldCode(code);
  return c ? (c.ambiguous ? `${code}?` : (c.candidates[0]?.code ?? code)) : code;
};
const nameKey = (r: CleanRecord) => {
  const p = prepareName(r.fullName.value);
  return p?.surname ? `${p.familyKey} ${p.givenKey}` : null;
};
const variants: Record<string, BlockingRule<CleanRecord>> = {
  'full_name_phonetic+birth_year+province': {
    name: 'x',
    fields: [],
    key: (r) => {
      const n = nameKey(r);
      const y = r.dob.value?.year;
      const p = province(r);
      return n && y && p ? `${n}|${y}|${p}` : null;
    },
  },
  'full_name_phonetic+birth_year+month': {
    name: 'x',
    fields: [],
    key: (r) => {
      const n = nameKey(r);
      const d = r.dob.value;
      return n && d?.year && d.month ? `${n}|${d.year}-${d.month}` : null;
    },
  },
};

for (const size of sizes) {
  const d = generateDataset({ seed: 1, registerSize: size, listSize: size });
  const register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
  const list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  const regIndex = new Map(register.map((r, i) => [r.key, i]));
  const truth = d.truth.map((t) => (t.person_id === null ? -1 : (regIndex.get(t.person_id) ?? -1)));
  const spec = vietnameseSpec();
  const rules: [string, BlockingRule<CleanRecord>][] = [
    ...spec.blocking.map((b) => [b.name, b] as [string, BlockingRule<CleanRecord>]),
    ...Object.entries(variants),
  ];
  const covered = rules.map(() => new Uint8Array(list.length));
  const perRecord: number[] = [];
  const caps = [16, 32, 64, 128];
  const capCovered = caps.map(() => new Uint8Array(list.length));
  const capCands = caps.map(() => 0);
  rules.forEach(([, rule], k) => {
    const blocks = new Map<string, number[]>();
    register.forEach((r, i) => {
      const key = rule.key(r);
      if (!key) return;
      let b = blocks.get(key);
      if (!b) blocks.set(key, (b = []));
      b.push(i);
    });
    let cands = 0;
    list.forEach((r, i) => {
      const key = rule.key(r);
      if (!key) return;
      const b = blocks.get(key);
      if (!b) return;
      cands += b.length;
      const hit = truth[i]! >= 0 && b.includes(truth[i]!);
      if (hit) covered[k]![i] = 1;
      if (rule.name === 'full_name_phonetic+birth_year')
        caps.forEach((cap, c) => {
          if (b.length > cap) return;
          capCands[c]! += b.length;
          if (hit) capCovered[c]![i] = 1;
        });
    });
    perRecord.push(cands / list.length);
  });
  const linked = truth.filter((t) => t >= 0).length;
  const missed = (use: number[]) =>
    truth.filter((t, i) => t >= 0 && !use.some((k) => covered[k]![i])).length;
  const base = spec.blocking.map((_, k) => k);
  const nameYear = rules.findIndex(([n]) => n === 'full_name_phonetic+birth_year');
  const withProvince = rules.findIndex(([n]) => n === 'full_name_phonetic+birth_year+province');
  const withMonth = rules.findIndex(([n]) => n === 'full_name_phonetic+birth_year+month');
  const without = base.filter((k) => k !== nameYear);
  const prov = [...without, withProvince];
  truth.forEach((t, i) => {
    if (t >= 0 && covered[nameYear]![i] && !prov.some((k) => covered[k]![i]) && size < 0) {
      const l = list[i]!;
      const r = register[t]!;
      console.log(
        d.truth[i]!.damages.join(','),
        '|',
        [l.dob.value, r.dob.value].map((x) => JSON.stringify(x)).join(' vs '),
        '|',
        l.provinceCode.value, r.provinceCode.value, l.idNumber.value === r.idNumber.value, l.phone.value === r.phone.value,
      );
    }
  });
  caps.forEach((cap, c) => {
    const m = truth.filter((t, i) => t >= 0 && !without.some((k) => covered[k]![i]) && !capCovered[c]![i]).length;
    console.log(`name+year capped at ${cap}: ${(capCands[c]! / list.length).toFixed(2)} per record, missed ${m}`);
  });
  console.log(`\n## ${size} × ${size}: ${linked} true links`);
  rules.forEach(([n], k) => console.log(`${n.padEnd(42)} ${perRecord[k]!.toFixed(2)} per record`));
  for (const [label, use] of [
    ['current rules', base],
    ['without name+year', without],
    ['name+year → name+year+province', [...without, withProvince]],
    ['name+year → +province and +month', [...without, withProvince, withMonth]],
  ] as const)
    console.log(`${label.padEnd(42)} missed ${missed([...use])} (recall ${(1 - missed([...use]) / linked).toFixed(5)})`);
}
