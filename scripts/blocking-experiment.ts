/**
 * Blocking recall and candidates per list record of `vietnameseSpec`'s rules on the synthetic
 * population, at several register sizes: how block sizes grow with the register, and how many true
 * links no rule catches. Compares the spec with variants of its phonetic full name + birth year
 * rule (no block cap, other caps, the province added).
 *
 *   node --import tsx scripts/blocking-experiment.ts 100000 400000
 *
 * Prints counts only (no names or numbers of the synthetic people).
 */
import { newProvincesForOldCode } from '../src/id/index.js';
import { type BlockingRule, prepareName, vietnameseSpec } from '../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../src/record/index.js';
import { generateDataset } from '../src/testing/population/index.js';
import { blocksOf } from './blocks-of.js';

type Rule = BlockingRule<CleanRecord>;
const NAME_YEAR = 'full_name_phonetic+birth_year';

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

/** Variants of the name + year rule, each replacing the spec's. */
function variants(spec: readonly Rule[]): Record<string, Rule> {
  const nameYear = spec.find((r) => r.name === NAME_YEAR)!;
  const { maxBlockSize: _, ...uncapped } = nameYear;
  return {
    'name+year, no cap': uncapped,
    'name+year, cap 16': { ...uncapped, maxBlockSize: 16 },
    'name+year, cap 64': { ...uncapped, maxBlockSize: 64 },
    'name+year+province, no cap': {
      name: 'name+year+province',
      key: (r) => {
        const n = nameKey(r);
        const y = r.dob.value?.year;
        const p = province(r);
        return n && y && p ? `${n}|${y}|${p}` : null;
      },
    },
  };
}

for (const size of process.argv.slice(2).map(Number)) {
  const d = generateDataset({ seed: 1, registerSize: size, listSize: size });
  const register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
  const list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  const at = new Map(register.map((r, i) => [r.key, i]));
  const truth = d.truth.map((t) => (t.person_id === null ? -1 : (at.get(t.person_id) ?? -1)));
  const linked = truth.filter((t) => t >= 0).length;
  const spec = vietnameseSpec().blocking;
  const all: [string, Rule][] = [
    ...spec.map((r) => [r.name, r] as [string, Rule]),
    ...Object.entries(variants(spec)),
  ];
  const covered = new Map<string, Uint8Array>();
  console.log(
    `\n## ${size.toLocaleString('en-US')} × ${size.toLocaleString('en-US')}: ${linked} true links`,
  );
  console.log('rule | candidates per list record | true links in its blocks');
  for (const [name, rule] of all) {
    const blocks = blocksOf(rule, register, list);
    const hit = new Uint8Array(list.length);
    let candidates = 0;
    blocks.forEach((b, i) => {
      if (!b) return;
      candidates += b.length;
      if (truth[i]! >= 0 && b.includes(truth[i]!)) hit[i] = 1;
    });
    covered.set(name, hit);
    console.log(
      `${name} | ${(candidates / list.length).toFixed(2)} | ${hit.reduce((a, b) => a + b, 0)}`,
    );
  }
  // Whole rule sets with every rule (but the ID rules) capped at one size.
  for (const cap of [16, 32, 64]) {
    const hitAny = new Uint8Array(list.length);
    let candidates = 0;
    for (const rule of spec) {
      const capped =
        rule.name.includes('id') || rule.name === 'old_cmnd'
          ? rule
          : { ...rule, maxBlockSize: Math.min(cap, rule.maxBlockSize ?? cap) };
      blocksOf(capped, register, list).forEach((b, i) => {
        if (!b) return;
        candidates += b.length;
        if (truth[i]! >= 0 && b.includes(truth[i]!)) hitAny[i] = 1;
      });
    }
    const missed = truth.filter((t, i) => t >= 0 && hitAny[i] === 0).length;
    console.log(
      `every rule capped at ${cap}: ${(candidates / list.length).toFixed(2)} candidates per record (sum over rules), ${missed} true links missed`,
    );
  }
  const others = spec.map((r) => r.name).filter((n) => n !== NAME_YEAR);
  console.log('\nrule set | true links no rule catches | blocking recall');
  for (const nameYear of [NAME_YEAR, ...Object.keys(variants(spec)), null]) {
    const use = nameYear ? [...others, nameYear] : others;
    const missed = truth.filter(
      (t, i) => t >= 0 && !use.some((n) => covered.get(n)![i] === 1),
    ).length;
    const label =
      nameYear === NAME_YEAR
        ? 'vietnameseSpec'
        : nameYear
          ? `with ${nameYear}`
          : 'without name+year';
    console.log(`${label} | ${missed} | ${(1 - missed / linked).toFixed(5)}`);
  }
}
