import { VnReconcileError } from '../errors.js';
import type { LinkageSpec } from './spec.js';

/**
 * A deterministic rule that pre-decides a pair as a match when every listed comparison is at one
 * of the listed levels (e.g. same valid CCCD, and name and date of birth consistent). Pairs it
 * decides are reported with `rule` set, not as model decisions.
 *
 * @example
 * ```ts
 * const rule: MatchRule = {
 *   name: 'same CCCD, consistent name and dob',
 *   require: { id: ['exact'], given: ['exact', 'folded'], dob: ['exact', 'same_year'] },
 * };
 * ```
 */
export interface MatchRule {
  readonly name: string;
  /** Comparison name → accepted level labels (`null` = the value is missing on a side). */
  readonly require: Readonly<Record<string, readonly string[]>>;
  /**
   * What the rule decides (default `match`). A `no_match` rule removes the pair from the
   * candidates: e.g. two records with different given names and no shared ID are two people
   * (siblings, twins), however much else they share. A `review` rule caps the pair at review: the
   * model still ranks it, but when it is a record's best candidate and the model would call it a
   * match, the record goes to review instead (e.g. a name and a year of birth with nothing else:
   * namesakes born in the same year cannot be told apart).
   */
  readonly decision?: 'match' | 'no_match' | 'review';
}

/** Rules compiled to a bit mask of accepted levels per comparison. @internal */
export interface CompiledRules {
  readonly names: readonly string[];
  /** `masks[r * K + k]`: accepted levels of comparison k in rule r (bit l = level l); −1 = any. */
  readonly masks: Int32Array;
  readonly K: number;
  /** 1 for a `no_match` rule. */
  readonly noMatch: Uint8Array;
  /** 1 for a `review` rule. */
  readonly review: Uint8Array;
  /**
   * A comparison every `match` rule constrains (the most selective one), or −1: a pair whose
   * level there is outside {@link CompiledRules.gateMask} can fire no `match` rule.
   */
  readonly gate: number;
  /** Levels of {@link CompiledRules.gate} that some `match` rule accepts (bit l = level l). */
  readonly gateMask: number;
}

/** Set bits of a 32-bit mask. */
function bitCount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The comparison that every match rule constrains with the fewest accepted levels overall
 * (−1 when there is no match rule or no such comparison), and those levels.
 */
function gateOf(
  masks: Int32Array,
  K: number,
  noMatch: Uint8Array,
  review: Uint8Array,
): [number, number] {
  let gate = -1;
  let gateMask = 0;
  const matchRules = [...noMatch.keys()].filter((r) => noMatch[r] === 0 && review[r] === 0);
  if (matchRules.length === 0) return [gate, gateMask];
  for (let k = 0; k < K; k++) {
    let union = 0;
    let every = true;
    for (const r of matchRules) {
      const m = masks[r * K + k]!;
      if (m === -1) every = false;
      else union |= m;
    }
    if (every && (gate < 0 || bitCount(union) < bitCount(gateMask))) {
      gate = k;
      gateMask = union;
    }
  }
  return [gate, gateMask];
}

/**
 * Compiles deterministic rules against a spec (once per run) into the form {@link scoreChunk}
 * checks per pair; unknown comparison or level names throw, as an error in the rule set.
 *
 * @example
 * ```ts
 * const spec = vietnameseSpec();
 * const rules = compileRules(VIETNAMESE_RULES, spec);
 * const chunk = scoreChunk(createScorer(model, right, spec), prepareSide(rows, spec), right, index, rules);
 * ```
 */
export function compileRules<R>(rules: readonly MatchRule[], spec: LinkageSpec<R>): CompiledRules {
  const K = spec.comparisons.length;
  const masks = new Int32Array(rules.length * K).fill(-1);
  rules.forEach((rule, r) => {
    for (const [name, labels] of Object.entries(rule.require)) {
      const k = spec.comparisons.findIndex((c) => c.name === name);
      if (k < 0) {
        throw new VnReconcileError(
          'RULE_INVALID',
          `Match rule '${rule.name}': unknown comparison '${name}'`,
        );
      }
      const c = spec.comparisons[k]!;
      let mask = 0;
      for (const label of labels) {
        const l = label === 'null' ? -1 : c.levels.indexOf(label);
        if (l < 0 && label !== 'null')
          throw new VnReconcileError(
            'RULE_INVALID',
            `Match rule '${rule.name}': '${name}' has no level '${label}'`,
          );
        mask |= 1 << (l + 1);
      }
      masks[r * K + k] = mask;
    }
  });
  const noMatch = Uint8Array.from(rules, (r) => (r.decision === 'no_match' ? 1 : 0));
  const review = Uint8Array.from(rules, (r) => (r.decision === 'review' ? 1 : 0));
  const [gate, gateMask] = gateOf(masks, K, noMatch, review);
  return { names: rules.map((r) => r.name), masks, K, noMatch, review, gate, gateMask };
}

/** Whether rule `r` (≥ 0) decides `match`. @internal */
export function isMatchRule(rules: CompiledRules, r: number): boolean {
  return r >= 0 && rules.noMatch[r] === 0 && rules.review[r] === 0;
}

/** The first rule the levels satisfy, or −1. @internal */
export function firstRule(rules: CompiledRules, levels: Uint8Array): number {
  const K = rules.K;
  const n = rules.names.length;
  outer: for (let r = 0; r < n; r++) {
    for (let k = 0; k < K; k++) {
      const mask = rules.masks[r * K + k]!;
      if (mask !== -1 && (mask & (1 << levels[k]!)) === 0) continue outer;
    }
    return r;
  }
  return -1;
}
