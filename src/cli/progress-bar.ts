/**
 * A one-line progress bar with rate and ETA, redrawn at most every 200 ms on a TTY (stderr).
 */
import type { Writable } from 'node:stream';
import type { InputSource, ProgressEvent, RunPhase } from '../node/index.js';
import { type ArgOptions, oneInput, type ParsedArgs, parseCommandArgs } from './args.js';
import type { CommandContext } from './command.js';
import { EXIT_OK } from './exit-codes.js';

/** A progress reporter. */
export interface Progress {
  /** `done` rows of `total` so far. */
  update(done: number): void;
  /** Clears the bar. */
  finish(): void;
}

/**
 * Formats seconds as `1h02m`, `3m05s` or `42s`.
 *
 * @example
 * ```ts
 * formatDuration(185); // '3m05s'
 * ```
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * The bar text for `done` of `total` after `seconds`.
 *
 * @example
 * ```ts
 * progressLine('link', 500, 1000, 10); // 'link [##########··········]  50% 500/1,000 rows  50 rows/s  ETA 10s'
 * ```
 */
export function progressLine(label: string, done: number, total: number, seconds: number): string {
  const width = 20;
  const share = total > 0 ? Math.min(1, done / total) : 0;
  const filled = Math.round(share * width);
  const rate = seconds > 0 ? done / seconds : 0;
  const eta = rate > 0 ? (total - done) / rate : Number.NaN;
  const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
  return `${label} [${'#'.repeat(filled)}${'·'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}% ${fmt(done)}/${fmt(total)} rows  ${fmt(rate)} rows/s  ETA ${formatDuration(eta)}`;
}

/**
 * A progress bar on `out` when it is a TTY, else a reporter that prints nothing.
 *
 * @example
 * ```ts
 * const p = createProgress(process.stderr, 'link', 1_000_000);
 * p.update(1000);
 * p.finish();
 * ```
 */
export function createProgress(
  out: Writable & { isTTY?: boolean },
  label: string,
  total: number,
): Progress {
  if (out.isTTY !== true) return { update() {}, finish() {} };
  const start = performance.now();
  let last = 0;
  return {
    update(done) {
      const now = performance.now();
      if (now - last < 200 && done < total) return;
      last = now;
      out.write(`\r${progressLine(label, done, total, (now - start) / 1000)}\x1b[K`);
    },
    finish() {
      out.write('\r\x1b[K');
    },
  };
}

/** Names of the phases on the bar. */
const PHASE_LABEL: Readonly<Record<RunPhase, string>> = {
  read: 'reading',
  clean: 'cleaning',
  reference: 'register',
  load: 'loading the prepared register',
  train: 'training',
  link: 'linking',
  dedupe: 'matching',
  write: 'writing',
};

/**
 * A progress bar that draws the engine's progress events on `out` when it is a TTY (nothing
 * otherwise): `update` is an `onProgress` listener, `done` clears the line.
 *
 * @example
 * ```ts
 * const bar = progressBar(process.stderr, 'link');
 * await linkFiles(left, right, { out, onProgress: bar.update }).finally(bar.done);
 * ```
 */
export function progressBar(
  out: Writable & { isTTY?: boolean },
  command: string,
): { readonly update: (e: ProgressEvent) => void; readonly done: () => void } {
  if (out.isTTY !== true) return { update() {}, done() {} };
  let drawn = false;
  return {
    update(e) {
      drawn = true;
      const label = `${command}: ${PHASE_LABEL[e.phase]}`;
      const text =
        e.total !== undefined && e.total > 0
          ? progressLine(label, e.rowsDone, e.total, e.seconds)
          : `${label} ${Math.round(e.rowsDone).toLocaleString('en-US')} rows`;
      out.write(`\r${text.slice(0, (out as { columns?: number }).columns ?? 100)}\x1b[K`);
    },
    done() {
      if (drawn) out.write('\r\x1b[K');
    },
  };
}

/**
 * Runs one file job with a progress bar on stderr, then writes the job's summary there and
 * exits 0: how every file command (clean, dedupe, prepare, link) ends.
 *
 * @example
 * ```ts
 * return runWithProgress(ctx, 'clean', (onProgress) => cleanFile(file, { onProgress }), cleanSummaryText);
 * ```
 */
export async function runWithProgress<S>(
  ctx: CommandContext,
  command: string,
  job: (onProgress: (e: ProgressEvent) => void) => Promise<S>,
  summaryText: (summary: S) => string,
): Promise<number> {
  const bar = progressBar(ctx.stderr, command);
  const summary = await job(bar.update).finally(bar.done);
  ctx.stderr.write(summaryText(summary));
  return EXIT_OK;
}

/**
 * Runs a command on one input (`IN`, or `-` for stdin): its flags parsed with `args`, then its
 * job with {@link runWithProgress}. How `clean` and `dedupe` run.
 *
 * @example
 * ```ts
 * return runOnInput(ctx, ARGS, 'clean', cleanSummaryText, (input, values, onProgress) =>
 *   cleanFile(input, { ...fileOptions(values, ctx), onProgress }),
 * );
 * ```
 */
export async function runOnInput<const O extends ArgOptions, S>(
  ctx: CommandContext,
  args: O,
  command: string,
  summaryText: (summary: S) => string,
  job: (
    input: InputSource,
    values: ParsedArgs<O>['values'],
    onProgress: (e: ProgressEvent) => void,
  ) => Promise<S>,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(ctx.argv, args);
  const input = oneInput(positionals, ctx);
  return runWithProgress(ctx, command, (onProgress) => job(input, values, onProgress), summaryText);
}
