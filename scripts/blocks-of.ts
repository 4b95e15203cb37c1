/**
 * Shared by the blocking scripts: the blocks a blocking rule gives each list record on the
 * synthetic population.
 */
import type { BlockingRule } from '../src/match/index.js';
import type { CleanRecord } from '../src/record/index.js';

/** Per list record: the register indexes of its block (respecting the cap), or undefined. */
export function blocksOf(
  rule: BlockingRule<CleanRecord>,
  register: readonly CleanRecord[],
  list: readonly CleanRecord[],
): (number[] | undefined)[] {
  const blocks = new Map<string, number[]>();
  register.forEach((r, i) => {
    const key = rule.key(r);
    if (!key) return;
    const b = blocks.get(key);
    if (b) b.push(i);
    else blocks.set(key, [i]);
  });
  const cap = rule.maxBlockSize ?? Number.POSITIVE_INFINITY;
  return list.map((r) => {
    const key = rule.key(r);
    const b = key ? blocks.get(key) : undefined;
    return b && b.length <= cap ? b : undefined;
  });
}
