/**
 * The options every file function of `vn-reconcile/node` shares: how inputs are read, where the
 * output goes, and how a run is driven (threads, progress, cancellation).
 */

import type { FellegiSunterModel } from '../match/index.js';
import type { ColumnMap } from './io/csv.js';
import type { Delimiter, InputEncoding } from './io/input.js';
import type { OutputTarget } from './io/target.js';
import type { ProgressListener } from './progress.js';

/** How an input is read. */
export interface ReadOptions {
  /**
   * Which of the file's columns holds each column the engine reads (`--map`), e.g.
   * `{ full_name: 'Ho_Ten', old_id_number: 'old_cmnd' }`. Columns named as the engine names
   * them are found without it.
   */
  readonly columns?: ColumnMap | undefined;
  /** The record key column (default: the first column). */
  readonly key?: string | undefined;
  /** The bytes' encoding when they are not UTF-8 / UTF-16 with a BOM (`--encoding`). */
  readonly encoding?: InputEncoding | undefined;
  /** Force the field delimiter (default: detected: `,` `;` or tab). */
  readonly delimiter?: Delimiter | undefined;
}

/** How a run is driven. */
export interface RunOptions {
  /** Base of relative paths (default: `process.cwd()`). */
  readonly cwd?: string | undefined;
  /** Worker threads (default: all cores). */
  readonly workers?: number | undefined;
  /** Stops the run: it rejects with an `AbortError` within about a second and leaves no output. */
  readonly signal?: AbortSignal | undefined;
  /** Progress events: phase, rows done, total when known, rate. */
  readonly onProgress?: ProgressListener | undefined;
  /** "Today" for date checks (default: now). Fix it to repeat a run exactly. */
  readonly referenceDate?: Date | undefined;
}

/** Where and how the output is written. */
export interface WriteOptions {
  /**
   * A path (`.csv`, or `.xlsx` for a workbook) or a writable stream (CSV). A path is written
   * under a temporary name and renamed only when the run succeeds.
   */
  readonly out: OutputTarget;
  /** Start a CSV output with a UTF-8 BOM (for Excel). */
  readonly bom?: boolean | undefined;
  /**
   * Write values that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first)
   * with a leading `'` (default true; OWASP CSV injection).
   */
  readonly formulaGuard?: boolean | undefined;
}

/** The model of a link or dedupe run: trained, given, saved; and the thresholds. */
export interface ModelOptions {
  /** A trained model, or the path of one saved with `saveModel` (skips EM). */
  readonly model?: FellegiSunterModel | string | undefined;
  /** Where to save the trained model (with its thresholds), as JSON. */
  readonly saveModel?: string | undefined;
  /** Match (link) or merge (dedupe) at or above this probability (default: from the estimated FDR). */
  readonly matchThreshold?: number | undefined;
  /** Review at or above this probability. */
  readonly reviewThreshold?: number | undefined;
}

/** The HTML report of a run. */
export interface ReportFileOptions {
  /** Write the HTML report of the run here (self-contained; personal data masked). */
  readonly report?: string | undefined;
  /** Show personal data unmasked in the report (default false). */
  readonly reportPii?: boolean | undefined;
}

/** The options of a job that trains or loads a model (link, dedupe): its output, model and report. */
export interface ModelJobOptions extends WriteOptions, ModelOptions, ReportFileOptions {}
