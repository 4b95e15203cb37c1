/**
 * Variants of `vietnameseSpec`'s blocking rule set on the synthetic population (seed 1): for the
 * spec, the spec without each rule, and variants of its three growing rules (a component added or
 * removed, a lower cap), the distinct candidate pairs per list record (the union over rules) and
 * the true links no rule catches. The closing notes and docs/scale.md quote its 1M output.
 *
 *   node --max-old-space-size=16000 --import tsx scripts/blocking-variants.ts 1000000
 *
 * Prints counts only (no names or numbers of the synthetic people).
 */
import { type BlockingRule, vietnameseSpec } from '../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../src/record/index.js';
import { generateDataset } from '../src/testing/population/index.js';
import { blocksOf } from './blocks-of.js';

type Rule = BlockingRule<CleanRecord>;

const GIVEN_DOB = 'given_phonetic+dob';
const NAME_YEAR = 'full_name_phonetic+birth_year';
const SURNAME = 'surname_phonetic+dob+province+sex';

const size = Number(process.argv[2] ?? 200_000);
const d = generateDataset({ seed: 1, registerSize: size, listSize: size });
const register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
const list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
const at = new Map(register.map((r, i) => [r.key, i]));
const truth = d.truth.map((t) => (t.person_id === null ? -1 : (at.get(t.person_id) ?? -1)));
const spec = vietnameseSpec().blocking;
const rule = (name: string): Rule => {
  const r = spec.find((x) => x.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
};

/** A rule whose key is `base`'s key changed by `f` (null drops the record from the rule). */
function rekeyed(name: string, base: string, f: (key: string, r: CleanRecord) => string | null) {
  const b = rule(base);
  return {
    ...b,
    name,
    key: (r: CleanRecord) => {
      const k = b.key(r);
      return k ? f(k, r) : null;
    },
  };
}

const province = (r: CleanRecord) => rule(SURNAME).key(r)?.split('|')[2] ?? null;
const variants: Rule[] = [
  rekeyed('given+dob+sex', GIVEN_DOB, (k, r) => (r.sex.value ? `${k}|${r.sex.value}` : null)),
  rekeyed('given+dob+province', GIVEN_DOB, (k, r) => {
    const p = province(r);
    return p ? `${k}|${p}` : null;
  }),
  rekeyed('surname+dob+province (no sex)', SURNAME, (k) => k.split('|').slice(0, 3).join('|')),
  { ...rule(NAME_YEAR), name: 'name+year cap 16', maxBlockSize: 16 },
  { ...rule(NAME_YEAR), name: 'name+year cap 24', maxBlockSize: 24 },
];

const blocks = new Map<string, (number[] | undefined)[]>();
for (const r of [...spec, ...variants]) blocks.set(r.name, blocksOf(r, register, list));

function evaluate(label: string, names: readonly string[]): void {
  let missed = 0;
  let pairs = 0;
  const seen = new Set<number>();
  for (let i = 0; i < list.length; i++) {
    seen.clear();
    for (const n of names) for (const j of blocks.get(n)?.[i] ?? []) seen.add(j);
    pairs += seen.size;
    const t = truth[i] ?? -1;
    if (t >= 0 && !seen.has(t)) missed++;
  }
  console.log(`${label} | ${(pairs / list.length).toFixed(2)} | ${missed}`);
}

const base = spec.map((r) => r.name);
const swap = (from: string, to: string) => base.map((n) => (n === from ? to : n));
console.log(
  `\n## ${size.toLocaleString('en-US')} × ${size.toLocaleString('en-US')}: ${truth.filter((t) => t >= 0).length} true links`,
);
console.log('rule set | distinct candidates per list record | true links no rule catches');
evaluate('vietnameseSpec', base);
for (const n of base)
  evaluate(
    `without ${n}`,
    base.filter((x) => x !== n),
  );
evaluate('given+dob+sex instead of given+dob', swap(GIVEN_DOB, 'given+dob+sex'));
evaluate('given+dob+province instead of given+dob', swap(GIVEN_DOB, 'given+dob+province'));
evaluate('surname rule without sex', swap(SURNAME, 'surname+dob+province (no sex)'));
evaluate('name+year capped at 16', swap(NAME_YEAR, 'name+year cap 16'));
evaluate('name+year capped at 24', swap(NAME_YEAR, 'name+year cap 24'));
