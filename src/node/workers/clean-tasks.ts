/**
 * What a worker does for `clean`: it gets the resolved header and the clean options once, then
 * cleans row-aligned chunks of the input. A chunk csv-parse cannot read comes back whole, so
 * that the main thread can re-read it and report the error as the whole file would.
 */
import { CsvError } from 'csv-parse';
import type { CleanWorkerData, CleanWorkerReply } from '../clean/clean-parallel.js';
import { cleanCsvChunk } from '../clean/clean-rows.js';

/**
 * Installs the header and options of a clean run.
 *
 * @example
 * ```ts
 * setupClean(state, { header, options, guard: true });
 * ```
 */
export function setupClean(state: { data?: CleanWorkerData }, data: CleanWorkerData): void {
  state.data = data;
}

/**
 * Cleans one chunk of input bytes.
 *
 * @example
 * ```ts
 * const reply = cleanBytes(state, bytes); // { ok: true, chunk } or { ok: false, csvError: true, bytes }
 * ```
 */
export function cleanBytes(state: { data?: CleanWorkerData }, bytes: Uint8Array): CleanWorkerReply {
  const d = state.data;
  if (d === undefined) throw new Error('clean worker used before setup');
  try {
    return { ok: true, chunk: cleanCsvChunk(bytes, d.header, d.options, d.guard) };
  } catch (e) {
    if (e instanceof CsvError) return { ok: false, csvError: true, bytes };
    throw e;
  }
}
