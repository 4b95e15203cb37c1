import { isNonEmpty, type Result } from '../result.js';
import type { LinkageSpec, PreparedSide } from './spec.js';

/** Codes of blocking failures. */
export type BlockingIssueCode = 'BLOCKING_RULE_TOO_BROAD';

/** The records of one side grouped by each rule's key (record indexes in ascending order). */
export interface BlockIndex {
  readonly rules: readonly ReadonlyMap<string, Int32Array>[];
  /**
   * Per rule, the keys whose blocks were over the rule's `maxBlockSize` and left out (absent:
   * none). Used to flag the records that lost candidates to a cap; never printed (personal data).
   */
  readonly cappedKeys?: readonly ReadonlySet<string>[];
}

/**
 * One blocking rule's blocks over its cap (`maxBlockSize`): such a block yields no candidates
 * from that rule, so the run reports it (rule name and sizes only, never the key: it is personal
 * data) and the rows that lost candidates to it go to review rather than quietly to no_match.
 */
export interface CappedBlocks {
  readonly rule: string;
  readonly cap: number;
  /** Blocks (distinct keys) of the indexed side over the cap. */
  readonly blocks: number;
  /** Records of the indexed side in those blocks. */
  readonly records: number;
  /** The largest of those blocks. */
  readonly largestBlock: number;
  /** Rows (left records; in a dedupe, the records themselves) whose key fell in such a block. */
  readonly rows: number;
}

/**
 * Blocks looked up once per left record (the scale path): per rule, the reference's block table
 * (`members` grouped by block, block `b` spanning `starts[b]` to `starts[b + 1]`) and, per left
 * record, the number of its block (−1: no key, no such block, or a block over the rule's cap).
 * Candidate generation then reads typed arrays only: no string keys, maps or views per record.
 * @internal
 */
export interface ResolvedBlocks {
  readonly resolved: readonly ResolvedRule[];
  /** Per left record, 1 when one of its blocks was over its rule's cap (left out). */
  readonly capped?: Uint8Array;
}

/** One rule of {@link ResolvedBlocks}. @internal */
export interface ResolvedRule {
  readonly members: Int32Array;
  readonly starts: Int32Array;
  readonly block: Int32Array;
  /** Left records whose block for this rule was over the cap. */
  readonly cappedRows?: number;
}

/** Candidate pair counts per rule, computed before any pair is generated. */
export interface BlockingCounts {
  /** Pairs each rule generates on its own (a pair found by two rules counts in both). */
  readonly perRule: readonly {
    readonly rule: string;
    readonly pairs: number;
    readonly largestBlock: number;
  }[];
  /** Upper bound of the union (sum over rules). */
  readonly total: number;
}

/**
 * Groups a side's records by blocking key, per rule. With the spec, a rule's blocks larger than
 * its `maxBlockSize` are left out of the index (they yield no candidates).
 *
 * @example
 * ```ts
 * const index = buildBlockIndex(prepareSide(register, spec), spec);
 * index.rules[0]?.get('1985|hung')?.length;
 * ```
 */
export function buildBlockIndex<R>(side: PreparedSide, spec?: LinkageSpec<R>): BlockIndex {
  const cappedKeys: Set<string>[] = [];
  const rules = side.keys.map((keys, r) => {
    const cap = spec?.blocking[r]?.maxBlockSize ?? Number.POSITIVE_INFINITY;
    const counts = new Map<string, number>();
    for (const k of keys) if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1);
    const lists = new Map<string, Int32Array>();
    const fill = new Map<string, number>();
    const over = new Set<string>();
    cappedKeys.push(over);
    for (const [k, n] of counts) {
      if (n > cap) {
        over.add(k);
        continue;
      }
      lists.set(k, new Int32Array(n));
      fill.set(k, 0);
    }
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === null || k === undefined) continue;
      const at = fill.get(k);
      if (at === undefined) continue;
      lists.get(k)![at] = i;
      fill.set(k, at + 1);
    }
    return lists;
  });
  return cappedKeys.some((c) => c.size > 0) ? { rules, cappedKeys } : { rules };
}

/**
 * Per left record, 1 when one of its blocking keys fell in a block over its rule's cap (so it
 * lost that rule's candidates), and the blocks over the cap per rule, for the run's summary. For
 * a dedupe, pass the indexed side as `left`.
 *
 * @example
 * ```ts
 * const index = buildBlockIndex(right, spec);
 * const { capped, report } = cappedRows(index, right, left, spec);
 * report.map((c) => c.rule); // rules with blocks over their cap
 * ```
 */
export function cappedRows<R>(
  index: BlockIndex,
  indexed: PreparedSide,
  left: PreparedSide,
  spec: LinkageSpec<R>,
): { readonly capped: Uint8Array; readonly report: readonly CappedBlocks[] } {
  const capped = new Uint8Array(left.size);
  const report: CappedBlocks[] = [];
  const over = index.cappedKeys;
  if (!over) return { capped, report };
  spec.blocking.forEach((rule, r) => {
    const keys = over[r];
    if (!keys || keys.size === 0) return;
    let records = 0;
    let largestBlock = 0;
    const sizes = new Map<string, number>();
    for (const k of indexed.keys[r] ?? []) {
      if (k === null || !keys.has(k)) continue;
      sizes.set(k, (sizes.get(k) ?? 0) + 1);
      records++;
    }
    for (const n of sizes.values()) if (n > largestBlock) largestBlock = n;
    let rows = 0;
    const leftKeys = left.keys[r] ?? [];
    for (let i = 0; i < leftKeys.length; i++) {
      const k = leftKeys[i];
      if (k === null || k === undefined || !keys.has(k)) continue;
      capped[i] = 1;
      rows++;
    }
    report.push({
      rule: rule.name,
      cap: rule.maxBlockSize ?? Number.POSITIVE_INFINITY,
      blocks: keys.size,
      records,
      largestBlock,
      rows,
    });
  });
  return { capped, report };
}

/**
 * The summary lines for blocks over a cap: the rule, the block sizes, the rows they held and
 * what was done; never a key's value (personal data). `sent` rows went to review.
 *
 * @example
 * ```ts
 * cappedWarnings([{ rule: 'id_number', cap: 256, blocks: 1, records: 257, largestBlock: 257, rows: 3 }], 3);
 * // ["blocking rule 'id_number': 1 block over its cap of 256 (largest 257 records, …"]
 * ```
 */
export function cappedWarnings(
  report: readonly CappedBlocks[],
  sent: number,
  instead = 'no_match',
): string[] {
  const lines = report.map((c) => {
    const s = c.blocks === 1 ? '' : 's';
    return `blocking rule '${c.rule}': ${c.blocks} block${s} over its cap of ${c.cap} (largest ${c.largestBlock} records, ${c.records} records in all) compared nothing; ${c.rows} row${c.rows === 1 ? '' : 's'} had such a block and got candidates from the other rules only`;
  });
  if (report.length > 0)
    lines.push(
      `${sent} row${sent === 1 ? '' : 's'} that lost candidates to a blocking cap and found no match went to review instead of ${instead}`,
    );
  return lines;
}

/**
 * Counts the candidate pairs each rule would generate, without generating them: for a link
 * Σ over left records of the size of the matching right block; for a dedupe (no `left`)
 * Σ over blocks of n(n − 1)/2.
 *
 * @example
 * ```ts
 * countCandidates(buildBlockIndex(right), left, spec).total;
 * ```
 */
export function countCandidates<R>(
  index: BlockIndex,
  left: PreparedSide | undefined,
  spec: LinkageSpec<R>,
): BlockingCounts {
  const perRule = spec.blocking.map((rule, r) => {
    const blocks = index.rules[r]!;
    let pairs = 0;
    let largestBlock = 0;
    if (left) {
      for (const k of left.keys[r]!) {
        if (k === null) continue;
        const n = blocks.get(k)?.length ?? 0;
        pairs += n;
        if (n > largestBlock) largestBlock = n;
      }
    } else {
      for (const list of blocks.values()) {
        pairs += (list.length * (list.length - 1)) / 2;
        if (list.length > largestBlock) largestBlock = list.length;
      }
    }
    return { rule: rule.name, pairs, largestBlock };
  });
  return { perRule, total: perRule.reduce((s, r) => s + r.pairs, 0) };
}

/**
 * Refuses blocking rules whose candidate count exceeds `maxPairs` (a rule keyed on something
 * too common, like the surname alone: Nguyễn is 38% of people). The message names the rule
 * and the sizes, never the key (it may be personal data).
 *
 * @example
 * ```ts
 * const r = checkBlocking(counts, 1e7);
 * if (!r.success) console.error(r.issues[0]?.message);
 * ```
 */
export function checkBlocking(
  counts: BlockingCounts,
  maxPairs: number,
): Result<BlockingCounts, BlockingIssueCode> {
  const issues = counts.perRule
    .filter((r) => r.pairs > maxPairs)
    .map((r) => ({
      code: 'BLOCKING_RULE_TOO_BROAD' as const,
      message: `Blocking rule '${r.rule}' would generate ${r.pairs} candidate pairs (limit ${maxPairs}; largest block ${r.largestBlock} records): its key is too common. Make the key more specific (e.g. add the birth year) or raise the limit.`,
      path: ['blocking', r.rule],
    }));
  return isNonEmpty(issues) ? { success: false, issues } : { success: true, data: counts };
}

/**
 * Candidate generator state: the output array, reused from record to record. Its size depends
 * on the candidates of one record, never on the size of the right side (a national register of
 * 10M people made a per-chunk array of one stamp per register record cost 40 MB per chunk).
 * @internal
 */
export interface CandidateBuffer {
  out: Int32Array;
}

/** A candidate buffer (the right side's size is not needed). @internal */
export function createCandidateBuffer(_n = 0): CandidateBuffer {
  return { out: new Int32Array(64) };
}

/**
 * Writes the distinct candidates of left record `i` into `buf.out` (ascending right index) and
 * returns their count: every block's members are gathered, sorted, and duplicates (a pair found
 * by several rules) dropped. Rules listed in `rules` only (all when undefined). With `dedupe`,
 * only right indexes greater than `i` are produced (each unordered pair once).
 * @internal
 */
export function candidatesOf(
  index: BlockIndex | ResolvedBlocks,
  left: PreparedSide,
  i: number,
  buf: CandidateBuffer,
  dedupe: boolean,
  rules?: readonly number[],
): number {
  const resolved = 'resolved' in index ? index.resolved : undefined;
  const mapped = 'resolved' in index ? [] : index.rules;
  const nr = rules ? rules.length : (resolved ?? mapped).length;
  let n = 0;
  for (let q = 0; q < nr; q++) {
    const r = rules ? rules[q]! : q;
    n = resolved
      ? appendBlock(buf, n, resolved[r]!, i, dedupe)
      : appendKey(buf, n, mapped[r]!, left.keys[r]![i], i, dedupe);
  }
  if (n <= 1) return n;
  const out = buf.out;
  out.subarray(0, n).sort();
  let m = 1;
  for (let t = 1; t < n; t++) if (out[t] !== out[m - 1]) out[m++] = out[t]!;
  return m;
}

/** Appends `list[from..to)` to `buf.out` at `n` (growing it), skipping `j ≤ i` with `dedupe`. */
function append(
  buf: CandidateBuffer,
  n: number,
  list: Int32Array,
  from: number,
  to: number,
  i: number,
  dedupe: boolean,
): number {
  if (n + to - from > buf.out.length) {
    const grown = new Int32Array(Math.max(buf.out.length * 2, n + to - from));
    grown.set(buf.out.subarray(0, n));
    buf.out = grown;
  }
  const out = buf.out;
  for (let t = from; t < to; t++) {
    const j = list[t]!;
    if (dedupe && j <= i) continue;
    out[n++] = j;
  }
  return n;
}

/** Appends the members of left record `i`'s block in a resolved rule (none: −1, over the cap). */
function appendBlock(
  buf: CandidateBuffer,
  n: number,
  rule: ResolvedRule,
  i: number,
  dedupe: boolean,
): number {
  const b = rule.block[i]!;
  return b < 0 ? n : append(buf, n, rule.members, rule.starts[b]!, rule.starts[b + 1]!, i, dedupe);
}

/** Appends the members of the block under key `k` of a rule's map (none for a null key). */
function appendKey(
  buf: CandidateBuffer,
  n: number,
  blocks: ReadonlyMap<string, Int32Array>,
  k: string | null | undefined,
  i: number,
  dedupe: boolean,
): number {
  if (k === null || k === undefined) return n;
  const list = blocks.get(k);
  return list === undefined ? n : append(buf, n, list, 0, list.length, i, dedupe);
}
