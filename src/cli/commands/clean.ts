/**
 * `vn-reconcile clean IN`: flags in, `cleanFile` (vn-reconcile/node) called, summary out.
 */
import { CLEAN_COLUMNS, type CleanFileSummary, cleanFile, inputError } from '../../node/index.js';
import { parseSex, type Sex } from '../../record/index.js';
import {
  CSV_ARG_OPTIONS,
  CSV_FLAGS_USAGE,
  fileOptions,
  positiveIntFlag,
  referenceDateFlag,
} from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { runOnInput } from '../progress-bar.js';
import { summaryText } from '../summary-text.js';

const USAGE = `Usage: vn-reconcile clean IN [--out OUT] [options]

Cleans every row of IN (.csv, .tsv or .xlsx; - for stdin) and writes
it out, in order, with these columns added:
  ${CLEAN_COLUMNS.slice(0, 4).join(', ')},
  ${CLEAN_COLUMNS.slice(4).join(', ')}.
A summary (counts per issue code) goes to stderr.

Options:
  -o, --out FILE          write here (.csv or .xlsx) instead of stdout
      --key NAME          record key column (default: the first column)
      --map COL=THEIRS    read engine column COL from column THEIRS
      --tone-style STYLE  traditional (hòa, default) or modern (hoà)
      --dob-order ORDER   dmy (Vietnamese, default) or mdy
      --sex-codes CODES   what digit codes mean, e.g. 1=nam,0=nu
      --reference-date D  "today" for date checks, YYYY-MM-DD
${CSV_FLAGS_USAGE}
      --workers N         worker threads (default: the number of cores)
      --chunk-bytes N     input bytes per worker chunk (default 65536)
      --report FILE       write an HTML report (issue codes, counts)

Engine columns: full_name (or family_name, middle_name, given_name), dob,
gender, id_number, old_id_number, phone, province, district, commune,
address. Vietnamese and English headers (Họ và tên, Ngày sinh, CCCD,
name, sex, ...) are recognised; the summary says which became which.`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  'tone-style': { type: 'string' },
  'dob-order': { type: 'string' },
  'sex-codes': { type: 'string' },
  'reference-date': { type: 'string' },
  workers: { type: 'string' },
  'chunk-bytes': { type: 'string' },
  report: { type: 'string' },
} as const;

function parseSexCodes(value: string | undefined): Readonly<Record<string, Sex>> | undefined {
  if (value === undefined) return undefined;
  const out: Record<string, Sex> = {};
  for (const pair of value.split(',')) {
    const [code, meaning] = pair.split('=').map((s) => s.trim());
    const sex = parseSex(meaning ?? '');
    if (code === undefined || code.length === 0 || !sex.success) {
      throw inputError('OPTION_INVALID', `--sex-codes ${pair}: expected CODE=SEX, e.g. 1=nam,0=nu`);
    }
    out[code] = sex.data;
  }
  return out;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]) {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw inputError('OPTION_INVALID', `--${flag} ${value}: expected ${allowed.join(' or ')}`);
  }
  return value as T;
}

/**
 * The stderr summary of a `clean` run.
 *
 * @example
 * ```ts
 * ctx.stderr.write(cleanSummaryText(summary));
 * ```
 */
export function cleanSummaryText(s: CleanFileSummary): string {
  const lines = [
    `vn-reconcile clean: ${s.file}: ${s.rows} rows, ${s.withIssues} with issues, ${s.withErrors} with errors`,
  ];
  const categories = Object.entries(s.perCategory);
  if (categories.length > 0) {
    lines.push(`  rows per category: ${categories.map(([c, n]) => `${c} ${n}`).join(', ')}`);
  }
  const codes = Object.entries(s.perCode);
  const width = Math.max(0, ...codes.map(([c]) => c.length));
  for (const [code, n] of codes) lines.push(`  ${code.padEnd(width)}  ${n}`);
  return summaryText(lines, s);
}

function runClean(ctx: CommandContext): Promise<number> {
  return runOnInput(ctx, ARGS, 'clean', cleanSummaryText, (input, values, onProgress) =>
    cleanFile(input, {
      ...fileOptions(values, ctx),
      toneStyle: oneOf('tone-style', values['tone-style'], ['traditional', 'modern'] as const),
      dobOrder: oneOf('dob-order', values['dob-order'], ['dmy', 'mdy'] as const),
      sexCodes: parseSexCodes(values['sex-codes']),
      referenceDate: referenceDateFlag(values['reference-date']),
      workers: positiveIntFlag('workers', values.workers, 256),
      chunkBytes: positiveIntFlag('chunk-bytes', values['chunk-bytes'], 2 ** 30),
      report: values.report,
      onProgress,
    }),
  );
}

/** `vn-reconcile clean IN [--out OUT]`: clean every row, report issues (DESIGN.md §5). */
export const cleanCommand: Command = {
  name: 'clean',
  summary: 'clean every row of a file: typed fields, repairs, issue codes',
  usage: USAGE,
  run: runClean,
};

export { CLEAN_COLUMNS };
