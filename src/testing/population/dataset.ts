/**
 * A whole small dataset in memory: register, damaged list and truth.
 *
 * @module
 */
import { type ListOptions, streamDataset } from './list.js';
import type { ListRow, ListTruth, RegisterRow } from './types.js';

/** Options of {@link generateDataset}: those of the list (which names the register too). */
export type DatasetOptions = ListOptions;

/** A register, a list drawn from it and the truth of every list row (same order as the list). */
export interface Dataset {
  readonly register: readonly RegisterRow[];
  readonly list: readonly ListRow[];
  readonly truth: readonly ListTruth[];
}

/**
 * Generates a register, a damaged list drawn from it and the truth, in memory. For large sizes
 * stream with `streamDataset` (or `generateRegister` and `generateList`) instead.
 *
 * @example
 * ```ts
 * const { register, list, truth } = generateDataset({ seed: 42, registerSize: 10_000 });
 * truth[0]?.person_id; // 'P…' or null
 * ```
 */
export function generateDataset(options: DatasetOptions): Dataset {
  const register: RegisterRow[] = [];
  const list: ListRow[] = [];
  const truth: ListTruth[] = [];
  for (const item of streamDataset(options)) {
    if (item.kind === 'register') register.push(item.row);
    else {
      list.push(item.entry.row);
      truth.push(item.entry.truth);
    }
  }
  return { register, list, truth };
}
