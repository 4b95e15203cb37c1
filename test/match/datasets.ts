/**
 * Public labelled datasets for the accuracy harness and the regression tests: Febrl 3/4 and
 * Splink's fake_1000, with the linkage specs we use for them (our own, unsupervised).
 * The data live outside the repository, in `../shared/data` relative to the repo root.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BlockingRule,
  exactComparison,
  type LinkageSpec,
  stringComparison,
} from '../../src/match/index.js';

export type Row = Readonly<Record<string, string>>;

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The shared data directory, or undefined when absent. */
export function dataDir(): string | undefined {
  const candidates = [
    process.env['VN_RECONCILE_DATA'],
    path.resolve(repoRoot, '../shared/data'),
    '/work/shared/data',
  ];
  return candidates.find((d): d is string => !!d && existsSync(path.join(d, 'febrl')));
}

/** Reads a simple CSV without quoted fields (Febrl, fake_1000); fields trimmed. */
export function readSimpleCsv(file: string): Row[] {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  return lines.slice(1).map((line) => {
    const cells = line.split(',');
    const row: Record<string, string> = {};
    header.forEach((h, i) => {
      row[h] = (cells[i] ?? '').trim();
    });
    return row;
  });
}

/** The entity of a Febrl record id `rec-K-org` / `rec-K-dup-j`. */
export function febrlEntity(id: string): string {
  return /^rec-(\d+)-/.exec(id)?.[1] ?? id;
}

const get = (field: string) => (r: Row) => r[field];
const pair = (x: string, y: string) => (r: Row) => (r[x] && r[y] ? `${r[x]}|${r[y]}` : null);

/** Our unsupervised Febrl spec (no labels used to build it). */
export function febrlSpec(): LinkageSpec<Row> {
  const blocking: BlockingRule<Row>[] = [
    { name: 'soc_sec_id', fields: ['soc_sec_id'], key: get('soc_sec_id') },
    { name: 'date_of_birth', fields: ['date_of_birth'], key: get('date_of_birth') },
    {
      name: 'given_name+surname',
      fields: ['given_name', 'surname'],
      key: (r) => (r['given_name'] && r['surname'] ? `${r['given_name']}|${r['surname']}` : null),
    },
    {
      name: 'postcode+street_number',
      fields: ['postcode', 'street_number'],
      key: (r) =>
        r['postcode'] && r['street_number'] ? `${r['postcode']}|${r['street_number']}` : null,
    },
    {
      name: 'surname+postcode',
      fields: ['surname', 'postcode'],
      key: (r) => (r['surname'] && r['postcode'] ? `${r['surname']}|${r['postcode']}` : null),
    },
    {
      name: 'given_name+suburb',
      fields: ['given_name', 'suburb'],
      key: (r) => (r['given_name'] && r['suburb'] ? `${r['given_name']}|${r['suburb']}` : null),
    },
  ];
  return {
    comparisons: [
      stringComparison({ name: 'given_name', get: get('given_name'), tf: true }),
      stringComparison({ name: 'surname', get: get('surname'), tf: true }),
      stringComparison({
        name: 'date_of_birth',
        get: get('date_of_birth'),
        levels: [
          { kind: 'osa', max: 1 },
          { kind: 'levenshtein', max: 2 },
        ],
      }),
      stringComparison({
        name: 'soc_sec_id',
        get: get('soc_sec_id'),
        levels: [
          { kind: 'osa', max: 1 },
          { kind: 'levenshtein', max: 2 },
        ],
      }),
      stringComparison({
        name: 'street_number',
        get: get('street_number'),
        levels: [{ kind: 'osa', max: 1 }],
      }),
      stringComparison({
        name: 'address_1',
        get: get('address_1'),
        levels: [
          { kind: 'jaroWinkler', min: 0.9 },
          { kind: 'jaroWinkler', min: 0.8 },
        ],
      }),
      stringComparison({
        name: 'suburb',
        get: get('suburb'),
        levels: [{ kind: 'jaroWinkler', min: 0.9 }],
      }),
      stringComparison({
        name: 'postcode',
        get: get('postcode'),
        levels: [{ kind: 'osa', max: 1 }],
      }),
      exactComparison({ name: 'state', get: get('state') }),
    ],
    blocking,
  };
}

/** Our unsupervised spec for Splink's fake_1000 (first_name, surname, dob, city, email). */
export function fake1000Spec(): LinkageSpec<Row> {
  const emailUser = (r: Row) => r['email']?.split('@')[0];
  return {
    comparisons: [
      stringComparison({ name: 'first_name', get: get('first_name'), tf: true }),
      stringComparison({ name: 'surname', get: get('surname'), tf: true }),
      stringComparison({
        name: 'dob',
        get: get('dob'),
        levels: [
          { kind: 'osa', max: 1 },
          { kind: 'levenshtein', max: 2 },
        ],
      }),
      stringComparison({ name: 'city', get: get('city'), tf: true, levels: [] }),
      stringComparison({
        name: 'email',
        get: get('email'),
        levels: [{ kind: 'jaroWinkler', min: 0.88 }],
      }),
    ],
    blocking: [
      {
        name: 'first_name+surname',
        fields: ['first_name', 'surname'],
        key: pair('first_name', 'surname'),
      },
      { name: 'dob', fields: ['dob'], key: get('dob') },
      { name: 'email', fields: ['email'], key: get('email') },
      { name: 'email_user', fields: [], key: (r) => emailUser(r) || null },
      { name: 'surname+city', fields: ['surname', 'city'], key: pair('surname', 'city') },
      { name: 'first_name+city', fields: ['first_name', 'city'], key: pair('first_name', 'city') },
      {
        name: 'first_name+dob_year',
        fields: ['first_name'],
        key: (r) =>
          r['first_name'] && r['dob'] ? `${r['first_name']}|${r['dob'].slice(0, 4)}` : null,
      },
      {
        name: 'surname+dob_year',
        fields: ['surname'],
        key: (r) => (r['surname'] && r['dob'] ? `${r['surname']}|${r['dob'].slice(0, 4)}` : null),
      },
      {
        name: 'initials+dob_month',
        fields: [],
        key: (r) =>
          r['first_name'] && r['surname'] && r['dob']
            ? `${r['first_name'][0]}${r['surname'][0]}|${r['dob'].slice(0, 7)}`
            : null,
      },
    ],
  };
}

/** Precision, recall and F1 of a set of predicted pairs against the true pairs. */
export function scorePairs(
  predicted: Iterable<string>,
  truth: ReadonlySet<string>,
): { tp: number; fp: number; fn: number; precision: number; recall: number; f1: number } {
  let tp = 0;
  let fp = 0;
  for (const p of predicted) {
    if (truth.has(p)) tp++;
    else fp++;
  }
  const fn = truth.size - tp;
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = truth.size > 0 ? tp / truth.size : 1;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/** The unordered pair key of two record ids. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** All within-cluster pairs of a clustering given as entity per record. */
export function clusterPairs(ids: readonly string[], entity: readonly string[]): Set<string> {
  const groups = new Map<string, string[]>();
  ids.forEach((id, i) => {
    const e = entity[i]!;
    const g = groups.get(e);
    if (g) g.push(id);
    else groups.set(e, [id]);
  });
  const out = new Set<string>();
  for (const g of groups.values())
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) out.add(pairKey(g[x]!, g[y]!));
  return out;
}
