/**
 * `prepareFile`: prepare a register once — read, clean on every core, intern, build the block
 * tables — and write it as a prepared register file (./register-file.ts) that `linkFiles` and
 * `vn-reconcile link` take in place of the register CSV: every shard and every rerun then loads
 * it in a fraction of a second instead of preparing the register again.
 */
import { availableParallelism } from 'node:os';
import { abortError, inputError, throwIfAborted } from '../errors.js';
import { scanCsv } from '../io/csv-chunks.js';
import { type InputSource, type StagedInput, stageInput } from '../io/input.js';
import { checkOutputs, type OutputHandle, type OutputTarget, openTarget } from '../io/target.js';
import type { ReadOptions, RunOptions } from '../options.js';
import { progressReporter } from '../progress.js';
import { createPool } from '../workers/pool.js';
import { pipelineSpec } from '../workers/tasks.js';
import { buildReference, WORKER_OLD_MB, WORKER_YOUNG_MB } from './pipeline.js';
import { writeRegister } from './register-file.js';

/** Options of {@link prepareFile}. */
export interface PrepareFileOptions extends ReadOptions, RunOptions {
  /** The prepared register file to write (e.g. `register.vnreg`), or a stream. */
  readonly out: OutputTarget;
  /** Register rows per chunk (default 4 096). */
  readonly chunkRows?: number | undefined;
}

/** What a {@link prepareFile} run did. */
export interface PrepareFileSummary {
  readonly file: string;
  /** Data rows read. */
  readonly rowsRead: number;
  /** Register people prepared (rows with something to match on). */
  readonly records: number;
  /** Bytes written. */
  readonly bytes: number;
  readonly workers: number;
  /** "Today" of the cleaning (epoch ms); link with the same `referenceDate` to repeat a run. */
  readonly referenceDate: number;
  readonly notes: readonly string[];
  readonly seconds: number;
}

/**
 * Prepares a register (`.csv`, `.tsv`, `.xlsx`, or a stream) into a prepared register file:
 * a versioned, checksummed binary image of its columns, dictionaries and block tables. Give the
 * file to {@link linkFiles} (or `vn-reconcile link LIST register.vnreg`) in place of the register.
 * The file holds personal data in a compact form: protect it as you protect the register.
 *
 * @example
 * ```ts
 * import { linkFiles, prepareFile } from 'vn-reconcile/node';
 *
 * await prepareFile('register.csv', { out: 'register.vnreg', referenceDate: new Date('2026-01-01') });
 * await linkFiles('list.csv', 'register.vnreg', { out: 'links.csv' });
 * ```
 */
export async function prepareFile(
  right: InputSource,
  options: PrepareFileOptions,
): Promise<PrepareFileSummary> {
  const t0 = performance.now();
  const cwd = options.cwd ?? process.cwd();
  const name = typeof right === 'string' ? right : 'RIGHT';
  const signal = options.signal;
  throwIfAborted(signal);
  checkOutputs(
    typeof right === 'string' ? [{ label: name, path: right }] : [],
    [{ label: '--out', path: typeof options.out === 'string' ? options.out : undefined }],
    cwd,
  );
  const referenceDate = (options.referenceDate ?? new Date()).getTime();
  const report = progressReporter(options.onProgress);
  let staged: StagedInput | undefined;
  let out: OutputHandle | undefined;
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const pool = createPool(workers, {
    maxYoungSpaceMb: WORKER_YOUNG_MB,
    maxOldSpaceMb: WORKER_OLD_MB,
  });
  const onAbort = () => {
    void pool.abort(abortError(signal!));
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    staged = await stageInput(right, name, {
      cwd,
      encoding: options.encoding,
      delimiter: options.delimiter,
      signal,
    });
    report('read', 0, undefined);
    let scan: ReturnType<typeof scanCsv>;
    try {
      scan = scanCsv(staged.path, {
        label: staged.file,
        ...(options.chunkRows ? { chunkRows: options.chunkRows } : {}),
      });
    } catch (e) {
      if (e instanceof Error && String((e as { code?: unknown }).code).startsWith('INPUT_'))
        throw e;
      throw inputError('INPUT_INVALID', `${staged.file}: cannot read the file`);
    }
    if (scan.rows === 0)
      throw inputError(
        'INPUT_NO_ROWS',
        `${staged.file}: the register has no data rows (only a header, or nothing)`,
      );
    await pool.broadcast({
      type: 'setup',
      setup: {
        right: {
          file: staged.file,
          path: staged.path,
          headerText: scan.headerText,
          key: options.key,
        },
        map: (options.columns ?? {}) as Readonly<Record<string, string>>,
        referenceDate,
        shard: undefined,
        formulaGuard: false,
      },
    });
    const total = scan.rows;
    const register = await buildReference(pipelineSpec(), pool, scan, workers, (rows) =>
      report('reference', rows, total),
    );
    throwIfAborted(signal);
    if (register.reference.size === 0)
      throw inputError(
        'INPUT_NO_ROWS',
        `${staged.file}: the register has no usable rows (${register.rowsRead} rows read, none with a name, an ID or a phone: are the columns named? see --map)`,
      );
    report('write', 0, register.reference.size);
    out = await openTarget(options.out, cwd);
    const bytes = await writeRegister(out.stream, register, {
      source: staged.file,
      referenceDate,
    });
    throwIfAborted(signal);
    await out.commit();
    report('write', register.reference.size, register.reference.size, true);
    return {
      file: staged.file,
      rowsRead: register.rowsRead,
      records: register.reference.size,
      bytes,
      workers,
      referenceDate,
      notes: staged.notes,
      seconds: (performance.now() - t0) / 1000,
    };
  } catch (e) {
    await out?.abort();
    if (signal?.aborted) throw abortError(signal);
    throw e;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pool.close();
    await staged?.cleanup();
  }
}
