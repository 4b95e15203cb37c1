import type { Comparison, PreparedColumn } from './comparison.js';

/**
 * A blocking rule: records are candidate pairs when they share the rule's key. A candidate
 * set is the union of the rules' pairs; each pair is compared once.
 *
 * @example
 * ```ts
 * const rule: BlockingRule<{ id: string }> = { name: 'id', fields: ['id'], key: (r) => r.id };
 * ```
 */
export interface BlockingRule<R> {
  /** Name used in reports and errors. */
  readonly name: string;
  /**
   * Comparisons that always agree inside this rule's blocks (their m cannot be learned from
   * these pairs; training skips them in this rule's round).
   */
  readonly fields?: readonly string[];
  /**
   * Use this rule's pairs to learn m by EM (default true). Turn it off for rules whose blocks are
   * dominated by a different kind of pair than the one sought — e.g. a shared phone or address
   * gathers whole households, and EM would learn "same household" instead of "same person".
   */
  readonly train?: boolean;
  /** The blocking key of a record, or null/undefined/'' when the record has none for this rule. */
  readonly key: (record: R) => string | null | undefined;
  /**
   * Optional: the `hashKey` of `key(record)`, or −1 when the record has no key, computed
   * without making the key string (with `hashKeyParts`). The streaming linker hashes every
   * record's keys and needs no string; a rule that gives `keyHash` must agree with its `key`
   * (test it: `keyHash(r) === (key(r) ? hashKey(key(r)) : -1)`).
   */
  readonly keyHash?: (record: R) => number;
  /**
   * Largest block this rule uses (default: no limit). A key shared by more records of the indexed
   * side (the register in a link, the table in a dedupe) yields no candidates from this rule:
   * such a key cannot tell people apart, and its blocks grow with the register, so the rule's
   * work would too. With a cap, the rule costs at most `maxBlockSize` candidates per record
   * whatever the register's size, and other rules must find the people in those blocks.
   */
  readonly maxBlockSize?: number;
}

/**
 * What to compare and how to find candidates: the linkage specification (Splink's "settings").
 *
 * @example
 * ```ts
 * const spec: LinkageSpec<{ name: string }> = {
 *   comparisons: [stringComparison({ name: 'name', get: (r) => r.name })],
 *   blocking: [{ name: 'first letter', key: (r) => r.name.slice(0, 1) }],
 * };
 * ```
 */
export interface LinkageSpec<R> {
  readonly comparisons: readonly Comparison<R>[];
  readonly blocking: readonly BlockingRule<R>[];
}

/**
 * One side of a linkage (or the single table of a dedupe), prepared once: a column per
 * comparison and a key per blocking rule. Nothing is recomputed per pair.
 */
export interface PreparedSide {
  readonly size: number;
  readonly columns: readonly PreparedColumn[];
  /** `keys[rule][record]`: the blocking key, or null. */
  readonly keys: readonly (readonly (string | null)[])[];
  /**
   * `hashes[rule][record]`: the blocking key's `hashKey` (−1 for none), in place of `keys`
   * (which may then be empty) where only a reference's block tables are looked up
   * (`resolveBlocks`): a chunk's keys are hashed as they are made and die young.
   */
  readonly hashes?: readonly Float64Array[] | undefined;
}

/**
 * The blocking key of every record under every rule of the spec (`keys[rule][record]`, null when
 * the record has none), computed record by record.
 *
 * @example
 * ```ts
 * blockingKeys([{ name: 'Lan' }], spec)[0]; // ['l'] for a rule keyed on the first letter
 * ```
 */
export function blockingKeys<R>(records: readonly R[], spec: LinkageSpec<R>): (string | null)[][] {
  const rules = spec.blocking;
  const keys = rules.map(() => new Array<string | null>(records.length));
  // Record by record (not rule by rule): rules that derive the same parts of a record (its
  // parsed name, its province) find them computed by the rule before.
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    for (let k = 0; k < rules.length; k++) keys[k]![i] = rules[k]!.key(r) || null;
  }
  return keys;
}

/**
 * Prepares records for comparison and blocking (call once per side; both sides of a link must
 * be prepared with the same `spec` object so interned ids agree).
 *
 * @example
 * ```ts
 * const side = prepareSide([{ name: 'Lan' }], spec);
 * side.size; // 1
 * ```
 */
export function prepareSide<R>(records: readonly R[], spec: LinkageSpec<R>): PreparedSide {
  const columns = spec.comparisons.map((c) => c.prepare(records));
  return { size: records.length, columns, keys: blockingKeys(records, spec) };
}
