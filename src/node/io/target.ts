/**
 * Outputs that never lose data: a path is written under a temporary name beside it and renamed
 * into place only when the run succeeded, so a failure, a signal or a full disk leaves nothing at
 * the output path (a file that was there before stays untouched). An output path that is one of
 * the inputs, or another output, is refused before anything is read.
 */
import { once } from 'node:events';
import { createWriteStream, realpathSync, statSync, type WriteStream } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { inputError } from '../errors.js';

/** Where a result goes: a file path or a writable stream. */
export type OutputTarget = string | Writable;

/** An opened output. */
export interface OutputHandle {
  /** Write here. */
  readonly stream: Writable;
  /** The final path, when the target is a file. */
  readonly path: string | undefined;
  /** Flushes and, for a file, renames the temporary file into place. */
  commit(): Promise<void>;
  /** Discards what was written (removes the temporary file). Never throws. */
  abort(): Promise<void>;
  /**
   * The error to report for a run that failed with `error`: when writing the output failed (a
   * full disk, a file-size limit, a lost folder), an `OUTPUT_UNWRITABLE` input error naming the
   * output and why; otherwise `error` itself.
   */
  explain(error: unknown): unknown;
}

const OUTPUT_CODES = new Set([
  'ENOSPC',
  'EFBIG',
  'EDQUOT',
  'EIO',
  'EROFS',
  'EACCES',
  'EPERM',
  'ENOENT',
]);

function explainWith(name: string, failure: () => unknown): (error: unknown) => unknown {
  return (error) => {
    // Only a failure of this output's own stream is reported as the output's (an input file's
    // ENOENT is not "cannot write"); a reader that went away (EPIPE) stays as it is.
    const f = failure();
    const code = (f as { code?: unknown } | null | undefined)?.code;
    if (typeof code !== 'string' || !OUTPUT_CODES.has(code)) return error;
    if ((error as { code?: unknown } | null)?.code === 'OUTPUT_UNWRITABLE') return error;
    return inputError('OUTPUT_UNWRITABLE', `${name}: cannot write the file (${reason(f)})`);
  };
}

/**
 * Absolute path of `p` against `cwd`.
 *
 * @example
 * ```ts
 * absolutePath('/data', 'out.csv'); // '/data/out.csv'
 * ```
 */
export function absolutePath(cwd: string, p: string): string {
  return isAbsolute(p) ? p : resolve(cwd, p);
}

/** The identity of a file: real path, and device + inode when it exists. */
function identity(path: string): { real: string; inode: string | undefined } {
  let real = path;
  try {
    real = realpathSync(path);
  } catch {
    try {
      real = join(realpathSync(dirname(path)), basename(path));
    } catch {
      // The folder does not exist: reported when the file is opened.
    }
  }
  let inode: string | undefined;
  try {
    const s = statSync(path);
    inode = `${s.dev}:${s.ino}`;
  } catch {
    inode = undefined;
  }
  return { real, inode };
}

/**
 * Refuses outputs that would overwrite an input or another output (same real path, or the same
 * file through a link). `inputs` and `outputs` are `{ flag, path }` pairs for the messages.
 *
 * @example
 * ```ts
 * checkOutputs([{ flag: 'IN', path: 'a.csv' }], [{ flag: '--out', path: 'a.csv' }], cwd);
 * // throws OUTPUT_IS_INPUT
 * ```
 */
export function checkOutputs(
  inputs: readonly { readonly label: string; readonly path: string }[],
  outputs: readonly { readonly label: string; readonly path: string | undefined }[],
  cwd: string,
): void {
  const seen: { label: string; real: string; inode: string | undefined }[] = inputs.map((i) => ({
    label: i.label,
    ...identity(absolutePath(cwd, i.path)),
  }));
  for (const o of outputs) {
    if (o.path === undefined) continue;
    const id = identity(absolutePath(cwd, o.path));
    const clash = seen.find(
      (s) => s.real === id.real || (id.inode !== undefined && s.inode === id.inode),
    );
    if (clash !== undefined) {
      throw inputError(
        'OUTPUT_IS_INPUT',
        `${o.label} ${o.path}: is the same file as ${clash.label}; refusing to overwrite it (write to another path)`,
      );
    }
    seen.push({ label: o.label, ...id });
  }
}

let counter = 0;

/**
 * Opens `target`. For a path, writes to `.NAME.PID-N.partial` beside it; `commit` renames it into
 * place, `abort` removes it. For a stream, `commit` ends it unless it is the process's stdout or
 * stderr.
 *
 * @example
 * ```ts
 * const out = await openTarget('links.csv', process.cwd());
 * out.stream.write('left_id\r\n');
 * await out.commit();
 * ```
 */
export async function openTarget(target: OutputTarget, cwd: string): Promise<OutputHandle> {
  if (typeof target !== 'string') return streamHandle(target);
  const path = absolutePath(cwd, target);
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${++counter}.partial`);
  let stream: WriteStream;
  try {
    stream = createWriteStream(temp, { flags: 'wx', mode: 0o600 });
    await once(stream, 'open');
  } catch (e) {
    throw inputError('OUTPUT_UNWRITABLE', `${target}: cannot write the file (${reason(e)})`);
  }
  let failure: unknown;
  stream.on('error', (e) => {
    failure ??= e;
  });
  let settled = false;
  return {
    stream,
    path,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        if (failure !== undefined) throw failure;
        if (!stream.writableFinished) {
          const finished = once(stream, 'finish');
          stream.end();
          await finished;
        }
        if (!stream.closed) await once(stream, 'close');
        if (failure !== undefined) throw failure;
        await rename(temp, path);
      } catch (e) {
        stream.destroy();
        await unlink(temp).catch(() => undefined);
        throw inputError('OUTPUT_UNWRITABLE', `${target}: cannot write the file (${reason(e)})`);
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      stream.destroy();
      if (!stream.closed) await once(stream, 'close').catch(() => undefined);
      await unlink(temp).catch(() => undefined);
    },
    explain: explainWith(target, () => failure),
  };
}

function streamHandle(stream: Writable): OutputHandle {
  const stdio = stream === process.stdout || stream === process.stderr;
  let failure: unknown;
  const onError = (e: unknown) => {
    failure ??= e;
  };
  stream.on('error', onError);
  return {
    stream,
    path: undefined,
    async commit() {
      stream.off('error', onError);
      if (failure !== undefined) throw failure;
      if (stdio || stream.writableEnded) return;
      const finished = once(stream, 'finish');
      stream.end();
      await finished;
    },
    async abort() {
      stream.off('error', onError);
    },
    explain: explainWith('the output stream', () => failure),
  };
}

function reason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such folder';
  if (code === 'EROFS') return 'read-only file system';
  if (code === 'EFBIG') return 'file too large';
  return typeof code === 'string' ? code : e instanceof Error ? e.message : String(e);
}

/**
 * Opens an output for a run: {@link openTarget}, except that a path ending in `.xlsx` gets a
 * workbook: the run writes CSV to a private temporary file, converted into the workbook (written
 * atomically) on `commit`.
 *
 * @example
 * ```ts
 * const out = await openOutput('links.xlsx', process.cwd());
 * ```
 */
export async function openOutput(target: OutputTarget, cwd: string): Promise<OutputHandle> {
  if (typeof target !== 'string' || !target.toLowerCase().endsWith('.xlsx')) {
    return openTarget(target, cwd);
  }
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dir = await mkdtemp(join(tmpdir(), 'vn-reconcile-'));
  const csvPath = join(dir, 'out.csv');
  const csv = createWriteStream(csvPath, { mode: 0o600 });
  await once(csv, 'open');
  let settled = false;
  const path = absolutePath(cwd, target);
  return {
    stream: csv,
    path,
    async commit() {
      if (settled) return;
      settled = true;
      try {
        if (!csv.writableFinished) {
          const finished = once(csv, 'finish');
          csv.end();
          await finished;
        }
        const out = await openTarget(target, cwd);
        try {
          const { createXlsxWriter } = await import('./xlsx.js');
          const { parse } = await import('csv-parse');
          const { createReadStream } = await import('node:fs');
          const sheet = await createXlsxWriter(out.stream, basename(path).replace(/\.xlsx$/i, ''));
          const parser = createReadStream(csvPath).pipe(
            parse({ bom: true, relax_column_count: true }),
          );
          for await (const row of parser as AsyncIterable<string[]>) sheet.addRow(row);
          await sheet.end();
          await out.commit();
        } catch (e) {
          await out.abort();
          throw e;
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async abort() {
      if (settled) return;
      settled = true;
      csv.destroy();
      await rm(dir, { recursive: true, force: true });
    },
    explain: (error) => error,
  };
}
