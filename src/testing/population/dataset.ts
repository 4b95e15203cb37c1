/**
 * A whole small dataset in memory: register, damaged list and truth.
 *
 * @module
 */
import { generateList, type ListOptions } from './list.js';
import { generateRegister } from './register.js';
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
 * stream with {@link generateRegister} and {@link generateList} instead.
 *
 * @example
 * ```ts
 * const { register, list, truth } = generateDataset({ seed: 42, registerSize: 10_000 });
 * truth[0]?.person_id; // 'P…' or null
 * ```
 */
export function generateDataset(options: DatasetOptions): Dataset {
  const register = [...generateRegister({ seed: options.seed, size: options.registerSize })];
  const list: ListRow[] = [];
  const truth: ListTruth[] = [];
  for (const e of generateList(options)) {
    list.push(e.row);
    truth.push(e.truth);
  }
  return { register, list, truth };
}
