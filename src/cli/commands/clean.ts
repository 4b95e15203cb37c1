import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Writable } from 'node:stream';
import { isExists } from 'date-fns';
import { type CleanRecordOptions, parseSex, type Sex } from '../../record/index.js';
import { openForWorkers, type WorkerInput } from '../clean-input.js';
import { cleanInParallel } from '../clean-parallel.js';
import { type CleanSummary, cleanSummaryText, createRowCleaner } from '../clean-rows.js';
import type { Command, CommandContext } from '../command.js';
import {
  CSV_ARG_OPTIONS,
  type CsvSource,
  createCsvWriter,
  formatCsvRow,
  isBrokenPipe,
  type OpenCsvOptions,
  oneInputFile,
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
      --workers N          worker threads (default: the number of CPUs; 1 = no threads)
      --chunk-bytes N      input bytes per worker chunk (default 65536); an input smaller than
                           16 chunks is cleaned without threads

Canonical columns: full_name, dob, gender, id_number, phone, province, district, commune, address.`;

const ARGS = {
  ...CSV_ARG_OPTIONS,
  'tone-style': { type: 'string' },
  'dob-order': { type: 'string' },
  'sex-codes': { type: 'string' },
  'reference-date': { type: 'string' },
  workers: { type: 'string' },
  'chunk-bytes': { type: 'string' },
} as const;

/** Small chunks keep each worker's parsed records in the young generation (cheap GC). */
const DEFAULT_CHUNK_BYTES = 1 << 16;

function positiveInt(flag: string, value: string | undefined, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!(n >= 1 && n <= max)) {
    throw new CliInputError(`--${flag} ${value}: expected a whole number from 1 to ${max}`);
  }
  return n;
}

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

async function runClean(ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, ARGS);
  const file = oneInputFile(positionals);
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
  const workers = positiveInt('workers', values.workers, 256) ?? availableParallelism();
  const chunkBytes =
    positiveInt('chunk-bytes', values['chunk-bytes'], 2 ** 30) ?? DEFAULT_CHUNK_BYTES;
  const csvOptions: OpenCsvOptions = {
    cwd: ctx.cwd,
    map: parseColumnMap(values.map),
    ...(values.key === undefined ? {} : { key: values.key }),
    ...(file === '-' ? { stream: ctx.stdin } : {}),
  };
  const name = file === '-' ? 'stdin' : file;
  // Threads only pay off for inputs of a few chunks or more (see openForWorkers).
  const input =
    workers > 1
      ? await openForWorkers(name, csvOptions, chunkBytes)
      : { source: await openCsv(name, csvOptions) };
  const header = 'source' in input ? input.source.header : input.header;
  const clash = header.columns.find((c) => (CLEAN_COLUMNS as readonly string[]).includes(c));
  if (clash !== undefined) {
    if (!('source' in input)) await input.blocks.return?.();
    throw new CliInputError(
      `${header.file}: row 1: the input already has a column '${clash}' that clean adds (is it clean's own output?)`,
    );
  }
  const output = await openOutput(values.out, ctx.cwd, ctx.stdout);
  const out = {
    stream: output.stream,
    close: output.close,
    columns: [...header.columns, ...CLEAN_COLUMNS],
    bom: values.bom === true,
  };
  let summary: CleanSummary;
  try {
    summary =
      'source' in input
        ? await cleanInProcess(input.source, options, out)
        : await cleanWithWorkers(input, options, out, workers, chunkBytes);
  } catch (error) {
    // `vn-reconcile clean big.csv | head`: the reader went away; stop quietly, as Unix tools do.
    if (isBrokenPipe(error)) return EXIT_OK;
    throw error;
  }
  ctx.stderr.write(cleanSummaryText(header.file, summary));
  return EXIT_OK;
}

/** Where the output goes. */
interface CleanOutput {
  readonly stream: Writable;
  /** Close the stream at the end (a file, not stdout). */
  readonly close: boolean;
  readonly columns: readonly string[];
  readonly bom: boolean;
}

/** One thread: csv-parse streaming in, the rows cleaned one by one, written with backpressure. */
async function cleanInProcess(
  source: CsvSource,
  options: CleanRecordOptions,
  out: CleanOutput,
): Promise<CleanSummary> {
  const writer = createCsvWriter(out.stream, out.columns, { bom: out.bom, close: out.close });
  const cleaner = createRowCleaner(options);
  try {
    for await (const batch of source.batches) {
      for (const row of batch) {
        const line = cleaner.line(row.cells as string[], row.raw, row.fieldCountIssue);
        const wait = writer.writeLine(line);
        if (wait !== undefined) await wait;
      }
    }
    await writer.end();
  } catch (error) {
    await writer.end().catch(() => undefined);
    throw error;
  }
  return cleaner.summary;
}

/** Worker threads: the main thread cuts chunks and writes results in order. */
async function cleanWithWorkers(
  input: WorkerInput,
  options: CleanRecordOptions,
  out: CleanOutput,
  workers: number,
  chunkBytes: number,
): Promise<CleanSummary> {
  const stream = out.stream;
  let failure: unknown;
  const onError = (e: unknown) => {
    failure ??= e;
  };
  stream.on('error', onError);
  const write = (bytes: Uint8Array | string): Promise<void> | undefined => {
    if (failure !== undefined) return Promise.reject(failure);
    return stream.write(bytes) ? undefined : once(stream, 'drain').then(() => undefined);
  };
  try {
    await write((out.bom ? '\uFEFF' : '') + formatCsvRow(out.columns));
    const summary = await cleanInParallel({ ...input, options, workers, chunkBytes, write });
    if (failure !== undefined) throw failure;
    if (out.close) {
      const finished = once(stream, 'finish');
      stream.end();
      await finished;
    }
    return summary;
  } catch (error) {
    await input.blocks.return?.();
    if (out.close && !stream.writableEnded) stream.end();
    throw error;
  } finally {
    stream.off('error', onError);
  }
}

/** `vn-reconcile clean IN.csv [--out OUT.csv]`: clean every row, report issues (DESIGN.md §5). */
export const cleanCommand: Command = {
  name: 'clean',
  summary: 'clean every row of a CSV file: typed fields, repairs and issue codes per row',
  usage: USAGE,
  run: runClean,
};
