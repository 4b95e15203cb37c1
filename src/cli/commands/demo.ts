import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse/sync';
import { inputError, maskValue } from '../../node/index.js';
import {
  type DamageRates,
  generateDataset,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
  TRUTH_COLUMNS,
  toCsv,
  truthToRow,
} from '../../testing/population/index.js';
import type { Command, CommandContext } from '../command.js';
import { EXIT_OK } from '../exit-codes.js';
import { cleanCommand } from './clean.js';
import { dedupeCommand } from './dedupe.js';
import { linkCommand } from './link.js';

const USAGE = `vn-reconcile demo [--dir DIR] [--size N] [--seed S]

Generates the embedded synthetic sample (a register of N people in
households, default 5000, and a damaged vaccination list drawn from it,
with the truth), writes them as CSV to DIR (default: a folder in the
system temp dir), then runs the real commands on them, as from the shell:
  vn-reconcile clean  list.csv --out list.clean.csv
  vn-reconcile link   list.csv register.csv --out links.csv
  vn-reconcile dedupe list.csv --out clusters.csv
and prints what they found, with precision and recall against the truth.`;

/**
 * The demo list's defect rates: a commune's list typed from paper, as the ones that reach the
 * register team are — nearly half the rows without an identity number (8.86 million vaccinated people
 * had a missing or malformed CCCD/CMND), an old 9-digit CMND on many others, a quarter with only a
 * year of birth (the elderly), half without a phone, some people moved. Enough rows land between
 * the thresholds for the report's review queue to have work in it. The other defects keep
 * `DEFAULT_DAMAGE_RATES` of `vn-reconcile/testing`.
 */
export const DEMO_RATES: Partial<DamageRates> = {
  ID_MISSING: 0.45,
  ID_OLD_CMND: 0.15,
  DOB_YEAR_ONLY: 0.25,
  NAME_TYPO: 0.05,
  NAME_MIDDLE_MISSING: 0.05,
  PHONE_MISSING: 0.5,
  MOVED: 0.1,
};

/** Runs another subcommand in-process and prints its stderr summary, indented; returns its exit code. */
async function runSub(
  ctx: CommandContext,
  command: Command,
  argv: string[],
  out: (s: string) => void,
): Promise<number> {
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  const code = await command.run({ ...ctx, argv, stdout: new PassThrough(), stderr });
  out(indent(text));
  return code;
}

function readCsv(path: string): Record<string, string>[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true });
}

const pct = (x: number) => `${(100 * x).toFixed(2)}%`;

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}

/**
 * A few link rows of each outcome, personal data masked (names to initials, IDs to their first
 * and last digits), as a user would look at them first.
 */
function examples(
  links: readonly Record<string, string>[],
  list: readonly Record<string, string>[],
): string {
  const byId = new Map(list.map((r) => [r['record_id'] ?? '', r]));
  const lines = ['', '  example rows (personal data masked):'];
  for (const decision of ['match', 'review', 'no_match', 'invalid']) {
    const rows = links.filter((r) => r['decision'] === decision).slice(0, 2);
    for (const r of rows) {
      const person = byId.get(r['left_id'] ?? '') ?? {};
      const who =
        `${maskValue('full_name', person['full_name'] ?? '')} ${maskValue('id_number', person['id_number'] ?? '')}`.trim();
      const p = r['probability'] ? ` p=${Number(r['probability']).toFixed(3)}` : '';
      const why = (r['explanation'] ?? '').slice(0, 48);
      lines.push(
        `    ${decision.padEnd(8)} ${(r['left_id'] ?? '').padEnd(8)} → ${(r['right_id'] || '-').padEnd(9)}${p.padEnd(9)} ${who.padEnd(22)} ${why}`,
      );
    }
  }
  return lines.join('\n');
}

/** `vn-reconcile demo`: the whole job on the embedded synthetic sample. */
export const demoCommand: Command = {
  name: 'demo',
  summary: 'clean, link and dedupe the embedded sample; score it on its truth',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: [...ctx.argv],
      options: {
        dir: { type: 'string' },
        size: { type: 'string', default: '5000' },
        seed: { type: 'string', default: '20220504' },
      },
      allowPositionals: false,
      strict: true,
    });
    const size = Number(values.size);
    const seed = Number(values.seed);
    if (!Number.isInteger(size) || size < 100 || size > 1_000_000) {
      throw inputError(
        'INPUT_INVALID',
        `--size must be a whole number from 100 to 1000000, got '${values.size}'`,
      );
    }
    if (!Number.isInteger(seed))
      throw inputError('INPUT_INVALID', `--seed must be a whole number, got '${values.seed}'`);
    const dir = resolve(ctx.cwd, values.dir ?? join(tmpdir(), 'vn-reconcile-demo'));
    mkdirSync(dir, { recursive: true });
    const out = (s: string) => ctx.stdout.write(`${s}\n`);

    const data = generateDataset({
      seed,
      registerSize: size,
      listSize: Math.round(size * 0.6),
      rates: DEMO_RATES,
    });
    const file = (name: string) => join(dir, name);
    const sub = (command: Command, ...argv: string[]) => runSub(ctx, command, argv, out);
    writeFileSync(file('register.csv'), toCsv(data.register, REGISTER_COLUMNS));
    writeFileSync(file('list.csv'), toCsv(data.list, LIST_COLUMNS));
    writeFileSync(file('truth.csv'), toCsv(data.truth.map(truthToRow), TRUTH_COLUMNS));
    out(`vn-reconcile demo: synthetic sample (seed ${seed}) written to ${dir}`);
    out(`  register.csv  ${data.register.length} people in households (the population register)`);
    out(`  list.csv      ${data.list.length} vaccination records with realistic defects`);
    out(`  truth.csv     which register person each list record really is\n`);

    out(`$ vn-reconcile clean list.csv --out list.clean.csv`);
    const cleanCode = await sub(cleanCommand, file('list.csv'), '--out', file('list.clean.csv'));
    if (cleanCode !== EXIT_OK) return cleanCode;

    out(`\n$ vn-reconcile link list.csv register.csv --out links.csv --report report.html`);
    const linkCode = await sub(
      linkCommand,
      file('list.csv'),
      file('register.csv'),
      '--out',
      file('links.csv'),
      '--report',
      file('report.html'),
    );
    if (linkCode !== EXIT_OK) return linkCode;
    out(examples(readCsv(file('links.csv')), readCsv(file('list.csv'))));

    // Score the links against the truth (the list is in the same order as its truth).
    const truthById = new Map(data.truth.map((t) => [t.record_id, t.person_id]));
    const links = readCsv(file('links.csv'));
    let tp = 0;
    let fp = 0;
    let review = 0;
    let trueLinks = 0;
    for (const row of links) {
      const truth = truthById.get(row['left_id'] ?? '') ?? null;
      if (truth !== null) trueLinks++;
      if (row['decision'] === 'review') review++;
      if (row['decision'] !== 'match') continue;
      if (row['right_id'] === truth) tp++;
      else fp++;
    }
    const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
    const recall = trueLinks > 0 ? tp / trueLinks : 1;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    out(`\n  against the truth: ${links.length} rows out for ${data.list.length} in`);
    out(`    precision ${pct(precision)}  recall ${pct(recall)}  F1 ${pct(f1)}`);
    out(`    ${review} sent to review (${pct(review / Math.max(1, links.length))})`);

    out(`\n$ vn-reconcile dedupe list.csv --out clusters.csv`);
    const dedupeCode = await sub(dedupeCommand, file('list.csv'), '--out', file('clusters.csv'));
    if (dedupeCode !== EXIT_OK) return dedupeCode;
    const clusters = readCsv(file('clusters.csv'));
    const entityById = new Map(data.truth.map((t) => [t.record_id, t.entity_id]));
    const byCluster = new Map<string, string[]>();
    for (const row of clusters) {
      const c = row['cluster_id'] ?? '';
      const id = row['record_id'] ?? '';
      const members = byCluster.get(c);
      if (members) members.push(id);
      else byCluster.set(c, [id]);
    }
    let predicted = 0;
    let correct = 0;
    for (const members of byCluster.values()) {
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          predicted++;
          if (entityById.get(members[i] ?? '') === entityById.get(members[j] ?? '')) correct++;
        }
      }
    }
    const entitySizes = new Map<string, number>();
    for (const t of data.truth)
      entitySizes.set(t.entity_id, (entitySizes.get(t.entity_id) ?? 0) + 1);
    let truePairs = 0;
    for (const n of entitySizes.values()) truePairs += (n * (n - 1)) / 2;
    const dp = predicted > 0 ? correct / predicted : 1;
    const dr = truePairs > 0 ? correct / truePairs : 1;
    out(`\n  against the truth: ${truePairs} duplicate pairs in the list`);
    out(`    pairwise precision ${pct(dp)}  recall ${pct(dr)}`);
    out(`\nOutputs are in ${dir}; run the same commands on your own CSV files.`);
    out(`Open the report in a browser: ${pathToFileURL(file('report.html')).href}`);
    out(
      `  work through its review queue (${review} rows), export the decisions as decisions.csv, then in that folder:`,
    );
    out(`  vn-reconcile link list.csv register.csv --out links.csv --decisions decisions.csv`);
    return EXIT_OK;
  },
};
