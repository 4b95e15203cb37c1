/**
 * `cleanFile`: every row of a file out, in order, with the clean columns added — the engine
 * behind `vn-reconcile clean`. Large inputs are cleaned on worker threads (./clean-parallel.ts),
 * small ones in this thread; both give the same bytes.
 */

import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { CleanRecordOptions, Sex } from '../../record/index.js';
import { abortError, inputError, throwIfAborted } from '../errors.js';
import {
  type CsvSource,
  createCsvWriter,
  formatCsvRow,
  type OpenCsvOptions,
  openCsv,
} from '../io/csv.js';
import type { InputSource, StagedInput } from '../io/input.js';
import { type OutputHandle, openOutput } from '../io/target.js';
import type { ReadOptions, RunOptions, WriteOptions } from '../options.js';
import { progressReporter } from '../progress.js';
import { writeReport } from '../report/from-run.js';
import { type FileRunNotes, stageRunInput, startFileRun } from '../run.js';
import { VERSION } from '../version.js';
import { openForWorkers, type WorkerInput } from './clean-input.js';
import { cleanInParallel } from './clean-parallel.js';
import { type CleanSummary, createRowCleaner } from './clean-rows.js';

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

/** Options of {@link cleanFile}. */
export interface CleanFileOptions extends ReadOptions, RunOptions, WriteOptions {
  /** Tone placement of `full_name_clean`: traditional (hòa, default) or modern (hoà). */
  readonly toneStyle?: 'traditional' | 'modern' | undefined;
  /** How ambiguous dates are read: day first (Vietnamese, default) or month first. */
  readonly dobOrder?: 'dmy' | 'mdy' | undefined;
  /** What digit codes in the sex column mean, e.g. `{ '1': 'male', '0': 'female' }`. */
  readonly sexCodes?: Readonly<Record<string, Sex>> | undefined;
  /** Input bytes per worker chunk (default 65 536). */
  readonly chunkBytes?: number | undefined;
  /** Write the HTML report of the run here (self-contained). */
  readonly report?: string | undefined;
}

/** What a {@link cleanFile} run did: every number the CLI prints. */
export interface CleanFileSummary extends FileRunNotes {
  readonly file: string;
  readonly rows: number;
  readonly withIssues: number;
  readonly withErrors: number;
  /** Rows per issue code, most frequent first. */
  readonly perCode: Readonly<Record<string, number>>;
  /** Rows per issue category. */
  readonly perCategory: Readonly<Record<string, number>>;
  /** Which header became which engine column. */
  readonly columns: Readonly<Record<string, string>>;
  readonly workers: number;
  readonly seconds: number;
}

/** Small chunks keep each worker's parsed records in the young generation (cheap GC). */
const DEFAULT_CHUNK_BYTES = 1 << 16;

/**
 * Cleans every row of `input` and writes it out, in order, with {@link CLEAN_COLUMNS} added.
 *
 * @example
 * ```ts
 * import { cleanFile } from 'vn-reconcile/node';
 *
 * const summary = await cleanFile('danh-sach.xlsx', { out: 'danh-sach.clean.csv' });
 * summary.perCode; // { ID_MISSING: 12, DOB_YEAR_ONLY: 40, … }
 * ```
 */
export async function cleanFile(
  input: InputSource,
  options: CleanFileOptions,
): Promise<CleanFileSummary> {
  const start = startFileRun(input, options, [], [{ label: '--report', path: options.report }]);
  const { t0, cwd, signal } = start;
  const clean: CleanRecordOptions = {
    referenceDate: options.referenceDate ?? new Date(),
    ...(options.toneStyle === undefined ? {} : { toneStyle: options.toneStyle }),
    ...(options.dobOrder === undefined ? {} : { dob: { order: options.dobOrder } }),
    ...(options.sexCodes === undefined ? {} : { sex: { numericCodes: options.sexCodes } }),
  };
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  let staged: StagedInput | undefined;
  let out: OutputHandle | undefined;
  let opened: WorkerInput | { readonly source: CsvSource } | undefined;
  try {
    staged = await stageRunInput(input, start, options);
    const csvOptions: OpenCsvOptions = {
      label: staged.file,
      ...(options.columns === undefined ? {} : { map: options.columns }),
      ...(options.key === undefined ? {} : { key: options.key }),
    };
    opened =
      workers > 1
        ? await openForWorkers(staged.path, csvOptions, chunkBytes)
        : { source: await openCsv(staged.path, csvOptions) };
    const header = 'source' in opened ? opened.source.header : opened.header;
    const clash = header.columns.find((c) => (CLEAN_COLUMNS as readonly string[]).includes(c));
    if (clash !== undefined) {
      throw inputError(
        'HEADER_INVALID',
        `${staged.file}: row 1: the input already has a column '${clash}' that clean adds (is it clean's own output?)`,
      );
    }
    out = await openOutput(options.out, cwd);
    const columns = [...header.columns, ...CLEAN_COLUMNS];
    const report = progressReporter(options.onProgress);
    let summary: CleanSummary;
    let threads = 1;
    if ('source' in opened) {
      summary = await cleanInProcess(opened.source, clean, out, columns, options, report);
    } else {
      threads = workers;
      summary = await cleanWithWorkers(
        opened,
        clean,
        out,
        columns,
        options,
        workers,
        chunkBytes,
        report,
      );
    }
    throwIfAborted(signal);
    if (options.report !== undefined) {
      await writeReport(
        options.report,
        {
          command: 'clean',
          generatedAt: new Date().toISOString(),
          tool: { name: 'vn-reconcile', version: VERSION },
          files: [{ role: 'input', name: staged.file, rows: summary.rows }],
          counts: {
            rows: summary.rows,
            'with issues': summary.withIssues,
            'with errors': summary.withErrors,
          },
          issueCounts: Object.fromEntries(summary.perCode),
          timings: { total: (performance.now() - t0) / 1000 },
          warnings: [],
        },
        {},
        cwd,
      );
    }
    await out.commit();
    const mapping: Record<string, string> = {};
    for (const [column, index] of Object.entries(header.canonical)) {
      if (index !== undefined) mapping[header.columns[index] ?? ''] = column;
    }
    return {
      file: staged.file,
      rows: summary.rows,
      withIssues: summary.withIssues,
      withErrors: summary.withErrors,
      perCode: Object.fromEntries(
        [...summary.perCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
      ),
      perCategory: Object.fromEntries(summary.perCategory),
      columns: mapping,
      workers: threads,
      notes: [...staged.notes, `${staged.file}: ${header.mapping.join(', ')}`],
      warnings: [],
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (e) {
    if (opened !== undefined && !('source' in opened)) await opened.blocks.return?.();
    await out?.abort();
    if (signal?.aborted) throw abortError(signal);
    throw out?.explain(e) ?? e;
  } finally {
    await staged?.cleanup();
  }
}

type Report = ReturnType<typeof progressReporter>;

/** One thread: csv-parse streaming in, the rows cleaned one by one, written with backpressure. */
async function cleanInProcess(
  source: CsvSource,
  options: CleanRecordOptions,
  out: OutputHandle,
  columns: readonly string[],
  run: CleanFileOptions,
  report: Report,
): Promise<CleanSummary> {
  const guard = run.formulaGuard !== false;
  const writer = createCsvWriter(out.stream, columns, {
    bom: run.bom === true,
    close: false,
    guard,
  });
  const cleaner = createRowCleaner(options, guard);
  for await (const batch of source.batches) {
    throwIfAborted(run.signal);
    for (const row of batch) {
      const line = cleaner.line(row.cells as string[], row.raw, row.fieldCountIssue);
      const wait = writer.writeLine(line);
      if (wait !== undefined) await wait;
    }
    report('clean', cleaner.summary.rows, undefined);
  }
  await writer.end();
  report('clean', cleaner.summary.rows, cleaner.summary.rows, true);
  return cleaner.summary;
}

/** Worker threads: the main thread cuts chunks and writes results in order. */
async function cleanWithWorkers(
  input: WorkerInput,
  options: CleanRecordOptions,
  out: OutputHandle,
  columns: readonly string[],
  run: CleanFileOptions,
  workers: number,
  chunkBytes: number,
  report: Report,
): Promise<CleanSummary> {
  const stream = out.stream;
  let failure: unknown;
  const onError = (e: unknown) => {
    failure ??= e;
  };
  stream.on('error', onError);
  let rows = 0;
  const write = (bytes: Uint8Array | string): Promise<void> | undefined => {
    if (failure !== undefined) return Promise.reject(failure);
    return stream.write(bytes) ? undefined : once(stream, 'drain').then(() => undefined);
  };
  try {
    const guard = run.formulaGuard !== false;
    await write((run.bom === true ? '\uFEFF' : '') + formatCsvRow(columns, guard));
    const summary = await cleanInParallel({
      ...input,
      options,
      guard,
      workers,
      chunkBytes,
      write,
      signal: run.signal,
      onRows: (n) => {
        rows = n;
        report('clean', rows, undefined);
      },
    });
    if (failure !== undefined) throw failure;
    report('clean', summary.rows, summary.rows, true);
    return summary;
  } finally {
    stream.off('error', onError);
  }
}
