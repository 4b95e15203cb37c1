/**
 * O(1) sampling from weighted tables (Walker's alias method), built once per table.
 *
 * @module
 */
import { VnReconcileError } from '../../errors.js';
import type { WeightedTable } from '../names-data.js';
import type { Random } from './prng.js';

/** Draws one value of a weighted table in constant time. */
export type Sampler<T> = (random: Random) => T;

/**
 * Builds an alias-method sampler for a weighted table (entries with weight ≤ 0 are never drawn).
 *
 * @example
 * ```ts
 * const pick = createSampler([{ value: 'a', weight: 3 }, { value: 'b', weight: 1 }]);
 * pick(createRandom(1)); // 'a' three times out of four
 * ```
 */
export function createSampler<T>(table: WeightedTable<T>): Sampler<T> {
  const n = table.length;
  if (n === 0) throw new VnReconcileError('OPTION_INVALID', 'createSampler: empty table');
  let total = 0;
  for (const e of table) total += Math.max(e.weight, 0);
  if (!(total > 0)) {
    throw new VnReconcileError('OPTION_INVALID', 'createSampler: weights sum to zero');
  }
  const prob = new Float64Array(n);
  const alias = new Uint32Array(n);
  const scaled = new Float64Array(n);
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = table[i]?.weight ?? 0;
    scaled[i] = (Math.max(w, 0) * n) / total;
    ((scaled[i] ?? 0) < 1 ? small : large).push(i);
  }
  while (small.length > 0 && large.length > 0) {
    const s = small.pop() as number;
    const l = large.pop() as number;
    prob[s] = scaled[s] ?? 0;
    alias[s] = l;
    scaled[l] = (scaled[l] ?? 0) + (scaled[s] ?? 0) - 1;
    ((scaled[l] ?? 0) < 1 ? small : large).push(l);
  }
  for (const i of large) prob[i] = 1;
  for (const i of small) prob[i] = 1;
  const values = table.map((e) => e.value);
  return (random: Random): T => {
    const u = random.float() * n;
    const i = Math.floor(u);
    const j = u - i < (prob[i] ?? 1) ? i : (alias[i] ?? i);
    return values[j] as T;
  };
}
