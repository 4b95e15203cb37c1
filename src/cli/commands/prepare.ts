/**
 * `vn-reconcile prepare RIGHT --out register.vnreg`: flags in, `prepareFile` (vn-reconcile/node)
 * called, summary out.
 */
import { inputError, type PrepareFileSummary, prepareFile } from '../../node/index.js';
import {
  delimiterFlag,
  encodingFlag,
  oneInput,
  parseColumnMap,
  parseCommandArgs,
  positiveIntFlag,
  referenceDateFlag,
} from '../args.js';
import type { Command, CommandContext } from '../command.js';
import { runWithProgress } from '../progress-bar.js';
import { summaryText } from '../summary-text.js';

const USAGE = `Usage: vn-reconcile prepare RIGHT --out REGISTER.vnreg [options]

Prepares a register (RIGHT: .csv, .tsv or .xlsx) once: cleans it on every
core, interns its values and builds its blocking tables, and writes a
prepared register file (a versioned, checksummed binary image) that
'vn-reconcile link LEFT REGISTER.vnreg' reads in place of RIGHT, in well
under a second per million rows. Give every shard and rerun the file.
Link with the same --reference-date as here to repeat a run exactly. The
file holds the register's personal data: protect it like the register.

Options:
  -o, --out FILE          the prepared register file to write (required)
      --key NAME          record key column (default: the first column)
      --map COL=THEIRS    read engine column COL from column THEIRS
      --reference-date D  "today" for date checks, YYYY-MM-DD
      --encoding NAME     bytes that are not UTF-8: windows-1258, tcvn3,
                          viscii, vni, utf-16le
      --delimiter D       , or ; or tab (default: detected)
      --workers N         worker threads (default: the number of cores)
      --chunk-size N      rows per chunk (default 4096)`;

const ARGS = {
  out: { type: 'string', short: 'o' },
  key: { type: 'string' },
  map: { type: 'string', multiple: true },
  encoding: { type: 'string' },
  delimiter: { type: 'string' },
  'reference-date': { type: 'string' },
  workers: { type: 'string' },
  'chunk-size': { type: 'string' },
} as const;

/**
 * The stderr summary of a `prepare` run.
 *
 * @example
 * ```ts
 * ctx.stderr.write(prepareSummaryText(summary));
 * ```
 */
export function prepareSummaryText(s: PrepareFileSummary): string {
  const mb = (s.bytes / 1e6).toFixed(1);
  const lines = [
    `vn-reconcile prepare: ${s.file}: ${s.rowsRead} rows → ${s.records} register records in ${s.seconds.toFixed(1)} s (${s.workers} worker${s.workers === 1 ? '' : 's'})`,
    `  wrote ${mb} MB (${(s.bytes / Math.max(1, s.records)).toFixed(0)} bytes per record); reference date ${new Date(s.referenceDate).toISOString().slice(0, 10)}`,
  ];
  return summaryText(lines, { notes: s.notes });
}

async function runPrepare(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  const input = oneInput(positionals, ctx);
  const out = values.out;
  if (out === undefined || out === '-')
    throw inputError('OPTION_INVALID', 'prepare needs --out FILE (a binary file, not stdout)');
  return runWithProgress(
    ctx,
    'prepare',
    (onProgress) =>
      prepareFile(input, {
        out,
        cwd: ctx.cwd,
        key: values.key,
        columns: parseColumnMap(values.map),
        referenceDate: referenceDateFlag(values['reference-date']),
        encoding: encodingFlag(values.encoding),
        delimiter: delimiterFlag(values.delimiter),
        workers: positiveIntFlag('workers', values.workers, 256),
        chunkRows: positiveIntFlag('chunk-size', values['chunk-size']),
        onProgress,
        signal: ctx.signal,
      }),
    prepareSummaryText,
  );
}

/** `vn-reconcile prepare RIGHT --out REGISTER.vnreg`: a prepared register file for `link`. */
export const prepareCommand: Command = {
  name: 'prepare',
  summary: 'prepare a register once into a file that link reads in place of it',
  usage: USAGE,
  run: runPrepare,
};
