import { isExists } from 'date-fns';
import {
  type CleanRecordOptions,
  cleanRecord,
  formatPartialDate,
  parseSex,
  type RecordIssueCategory,
  type Sex,
} from '../../record/index.js';
import type { Command, CommandContext } from '../command.js';
import {
  CSV_ARG_OPTIONS,
  createCsvWriter,
  isBrokenPipe,
  openCsv,
  openOutput,
  parseColumnMap,
  parseCommandArgs,
} from '../csv.js';
import { CliInputError, EXIT_OK } from '../errors.js';

/** Columns `clean` appends to every row (DESIGN.md §5), in this order. */
export const CLEAN_COLUMNS = [
  'full_name_clean',
  'dob_clean',
  'gender_clean',
  'id_number_clean',
  'id_kind',
  'phone_clean',
  'province_code',
  'issues',
] as const;

const USAGE = `Usage: vn-reconcile clean IN.csv [--out OUT.csv] [options]

Cleans every row of IN.csv (use - for stdin) and writes it out, in order, with the columns
${CLEAN_COLUMNS.join(', ')} added. A summary (counts per issue code) goes to stderr.

Options:
  -o, --out FILE           write here instead of stdout
      --key NAME           record key column (default: the first column)
      --map CANON=THEIRS   read canonical column CANON from column THEIRS (repeatable)
      --tone-style STYLE   traditional (hòa, default) or modern (hoà)
      --dob-order ORDER    dmy (Vietnamese, default) or mdy
      --sex-codes CODES    what digit codes mean, e.g. 1=nam,0=nu
      --reference-date D   "today" for date checks, YYYY-MM-DD (default: today)
      --bom                start the output with a UTF-8 BOM (for Excel)

Canonical columns: full_name, dob, gender, id_number, phone, province, district, commune, address.`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  'tone-style': { type: 'string' },
  'dob-order': { type: 'string' },
  'sex-codes': { type: 'string' },
  'reference-date': { type: 'string' },
} as const;

function parseSexCodes(value: string | undefined): Readonly<Record<string, Sex>> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, Sex> = {};
  for (const pair of value.split(',')) {
    const [code, meaning] = pair.split('=').map((s) => s.trim());
    const sex = parseSex(meaning ?? '');
    if (code === undefined || code.length === 0 || !sex.success) {
      throw new CliInputError(`--sex-codes ${pair}: expected CODE=SEX, e.g. 1=nam,0=nu`);
    }
    out[code] = sex.data;
  }
  return out;
}

function parseReferenceDate(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [y, mo, d] = m === null ? [0, 0, 0] : [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = m !== null && isExists(y, mo - 1, d) ? new Date(y, mo - 1, d) : undefined;
  if (date === undefined) {
    throw new CliInputError(`--reference-date ${value}: expected YYYY-MM-DD`);
  }
  return date;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new CliInputError(`--${flag} ${value}: expected ${allowed.join(' or ')}`);
  }
  return value as T;
}

/** Counts kept while streaming (constant memory: one entry per distinct code). */
interface Summary {
  rows: number;
  withIssues: number;
  withErrors: number;
  readonly perCode: Map<string, number>;
  readonly perCategory: Map<RecordIssueCategory | 'csv', number>;
}

function summaryText(file: string, s: Summary): string {
  const lines = [
    `vn-reconcile clean: ${file}: ${s.rows} rows, ${s.withIssues} with issues, ${s.withErrors} with errors`,
  ];
  if (s.perCategory.size > 0) {
    lines.push(
      `  rows per category: ${[...s.perCategory].map(([c, n]) => `${c} ${n}`).join(', ')}`,
    );
  }
  const codes = [...s.perCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(0, ...codes.map(([c]) => c.length));
  for (const [code, n] of codes) lines.push(`  ${code.padEnd(width)}  ${n}`);
  return `${lines.join('\n')}\n`;
}

async function runClean(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  if (positionals.length !== 1) {
    throw new CliInputError(
      positionals.length === 0
        ? 'missing the input file (IN.csv, or - for stdin)'
        : `expected one input file, got ${positionals.length}: ${positionals.join(' ')}`,
    );
  }
  const file = positionals[0] ?? '-';
  const toneStyle = oneOf('tone-style', values['tone-style'], ['traditional', 'modern'] as const);
  const order = oneOf('dob-order', values['dob-order'], ['dmy', 'mdy'] as const);
  const numericCodes = parseSexCodes(values['sex-codes']);
  const referenceDate = parseReferenceDate(values['reference-date']) ?? new Date();
  const options: CleanRecordOptions = {
    referenceDate,
    ...(toneStyle === undefined ? {} : { toneStyle }),
    ...(order === undefined ? {} : { dob: { order } }),
    ...(numericCodes === undefined ? {} : { sex: { numericCodes } }),
  };
  const source = await openCsv(file === '-' ? 'stdin' : file, {
    cwd: ctx.cwd,
    map: parseColumnMap(values.map),
    ...(values.key === undefined ? {} : { key: values.key }),
    ...(file === '-' ? { stream: ctx.stdin } : {}),
  });
  const clash = source.header.columns.find((c) => (CLEAN_COLUMNS as readonly string[]).includes(c));
  if (clash !== undefined) {
    throw new CliInputError(
      `${source.header.file}: row 1: the input already has a column '${clash}' that clean adds (is it clean's own output?)`,
    );
  }
  const output = await openOutput(values.out, ctx.cwd, ctx.stdout);
  const writer = createCsvWriter(output.stream, [...source.header.columns, ...CLEAN_COLUMNS], {
    bom: values.bom === true,
    close: output.close,
  });
  const summary: Summary = {
    rows: 0,
    withIssues: 0,
    withErrors: 0,
    perCode: new Map(),
    perCategory: new Map(),
  };
  const seenCategories = new Set<RecordIssueCategory | 'csv'>();
  try {
    await writeRows();
    await writer.end();
  } catch (error) {
    // `vn-reconcile clean big.csv | head`: the reader went away; stop quietly, as Unix tools do.
    if (isBrokenPipe(error)) return EXIT_OK;
    await writer.end().catch(() => undefined);
    throw error;
  }
  ctx.stderr.write(summaryText(source.header.file, summary));
  return EXIT_OK;

  async function writeRows(): Promise<void> {
    for await (const batch of source.batches) {
      for (const row of batch) {
        const { record, issues } = cleanRecord(row.raw, options);
        let codes = '';
        let errors = row.fieldCountIssue !== undefined;
        seenCategories.clear();
        if (row.fieldCountIssue !== undefined) {
          codes = row.fieldCountIssue;
          summary.perCode.set(codes, (summary.perCode.get(codes) ?? 0) + 1);
          seenCategories.add('csv');
        }
        for (const i of issues) {
          codes = codes.length === 0 ? i.code : `${codes};${i.code}`;
          summary.perCode.set(i.code, (summary.perCode.get(i.code) ?? 0) + 1);
          if (i.severity === 'error') errors = true;
          seenCategories.add(i.category);
        }
        for (const c of seenCategories) {
          summary.perCategory.set(c, (summary.perCategory.get(c) ?? 0) + 1);
        }
        summary.rows++;
        if (codes.length > 0) summary.withIssues++;
        if (errors) summary.withErrors++;
        const dob = record.dob.value;
        const cells = row.cells as string[];
        cells.push(
          record.fullName.value ?? '',
          dob === undefined ? '' : formatPartialDate(dob),
          record.sex.value ?? '',
          record.idNumber.value ?? '',
          record.idKind ?? '',
          record.phone.value ?? '',
          record.provinceCode.value ?? '',
          codes,
        );
        const wait = writer.write(cells);
        if (wait !== undefined) await wait;
      }
    }
  }
}

/** `vn-reconcile clean IN.csv [--out OUT.csv]`: clean every row, report issues (DESIGN.md §5). */
export const cleanCommand: Command = {
  name: 'clean',
  summary: 'clean every row of a CSV file: typed fields, repairs and issue codes per row',
  usage: USAGE,
  run: runClean,
};
