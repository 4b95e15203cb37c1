/**
 * Errors of the Node engine. Every problem caused by the caller's input (a file, a row, a column,
 * an option) is a {@link VnReconcileError} whose `code` starts with `INPUT_`, `HEADER_`,
 * `OPTION_` or `OUTPUT_` and whose message names the file, row and column (never a cell's value);
 * the CLI turns these into exit code 1. A cancelled run rejects with an `AbortError`.
 */
import { VnReconcileError } from '../errors.js';

/** Codes of the errors a caller's input can cause. */
export type InputErrorCode =
  | 'INPUT_INVALID'
  | 'INPUT_NOT_FOUND'
  | 'INPUT_MALFORMED'
  | 'INPUT_ENCODING'
  | 'INPUT_EMPTY'
  | 'INPUT_NO_ROWS'
  | 'HEADER_INVALID'
  | 'OPTION_INVALID'
  | 'OUTPUT_IS_INPUT'
  | 'OUTPUT_UNWRITABLE'
  | 'MODEL_INVALID';

/**
 * A {@link VnReconcileError} for a problem with the caller's input.
 *
 * @example
 * ```ts
 * throw inputError('INPUT_MALFORMED', 'list.csv: row 12, line 14: unclosed quote');
 * ```
 */
export function inputError(code: InputErrorCode, message: string): VnReconcileError {
  return new VnReconcileError(code, message);
}

const INPUT_PREFIXES = ['INPUT_', 'HEADER_', 'OPTION_', 'OUTPUT_', 'MODEL_'];

/**
 * Whether `error` was caused by the caller's input (exit code 1 in the CLI) rather than a bug.
 *
 * @example
 * ```ts
 * isInputError(inputError('INPUT_INVALID', 'x')); // true
 * isInputError(new TypeError('x')); // false
 * ```
 */
export function isInputError(error: unknown): error is VnReconcileError {
  return error instanceof VnReconcileError && INPUT_PREFIXES.some((p) => error.code.startsWith(p));
}

/**
 * The error a cancelled run rejects with: an `AbortError` (as Node's own APIs give), with the
 * signal's reason as its `cause`.
 *
 * @example
 * ```ts
 * abortError(AbortSignal.abort()).name; // 'AbortError'
 * ```
 */
export function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const e = new Error('The operation was aborted', { cause: reason });
  e.name = 'AbortError';
  return e;
}

/**
 * Throws {@link abortError} when `signal` is aborted.
 *
 * @example
 * ```ts
 * throwIfAborted(options.signal);
 * ```
 */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw abortError(signal);
}
