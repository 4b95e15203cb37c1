/**
 * The Vietnamese synthetic evaluation: a register in households and a damaged list drawn from it
 * (src/testing/population), cleaned with `cleanRecord`, linked and deduplicated with the default
 * Vietnamese spec, scored against the truth.
 */
import {
  dedupeWithSpec,
  type LinkOptions,
  linkWithSpec,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../../src/record/index.js';
import { generateDataset } from '../../src/testing/population/index.js';
import { clusterPairs, scorePairs } from './datasets.js';

export interface SyntheticScores {
  readonly registerSize: number;
  readonly listSize: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly reviewShare: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** Share of true (list, register) pairs among the candidate pairs. */
  readonly blockingRecall: number;
  readonly pairsScored: number;
  readonly seconds: number;
  /** Per damage class: true links carrying it, and how many were matched to the right person. */
  readonly byDamage: ReadonlyMap<string, { readonly links: number; readonly found: number }>;
  /** Rows of people outside the register: how many were matched (wrongly) or sent to review. */
  readonly outside: { readonly rows: number; readonly matched: number; readonly review: number };
}

/** Generates and cleans a synthetic register and damaged list. */
export function syntheticData(seed: number, registerSize: number, listSize: number) {
  const d = generateDataset({ seed, registerSize, listSize });
  const register: CleanRecord[] = d.register.map(
    (r) => cleanRecord({ ...r }, { key: r.person_id }).record,
  );
  const list: CleanRecord[] = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  return { register, list, truth: d.truth };
}

/** Links the list to the register and scores the decisions against the truth. */
export function evaluateSyntheticLink(
  data: ReturnType<typeof syntheticData>,
  options: LinkOptions = {},
): SyntheticScores {
  const t0 = performance.now();
  const spec = vietnameseSpec();
  const r = linkWithSpec(data.list, data.register, spec, { rules: VIETNAMESE_RULES, ...options });
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  const seconds = (performance.now() - t0) / 1000;
  let tp = 0;
  let fp = 0;
  let review = 0;
  let trueLinks = 0;
  const byDamage = new Map<string, { links: number; found: number }>();
  const outside = { rows: 0, matched: 0, review: 0 };
  for (const res of r.data.results) {
    const t = data.truth[res.left]!;
    const truth = t.person_id;
    if (truth !== null) trueLinks++;
    if (res.decision === 'review') review++;
    const ok = res.decision === 'match' && data.register[res.right]!.key === truth;
    if (truth === null) {
      outside.rows++;
      if (res.decision === 'match') outside.matched++;
      if (res.decision === 'review') outside.review++;
    } else {
      for (const d of t.damages) {
        let e = byDamage.get(d);
        if (!e) {
          e = { links: 0, found: 0 };
          byDamage.set(d, e);
        }
        e.links++;
        if (ok) e.found++;
      }
    }
    if (res.decision !== 'match') continue;
    if (ok) tp++;
    else fp++;
  }
  // Blocking recall: is the true register record among the candidates of its list record?
  const index = new Map(data.register.map((x, i) => [x.key, i]));
  let found = 0;
  const keysL = r.data.left.keys;
  const keysR = r.data.right.keys;
  data.truth.forEach((t, i) => {
    if (t.person_id === null) return;
    const j = index.get(t.person_id)!;
    if (keysL.some((ks, rule) => ks[i] !== null && ks[i] === keysR[rule]![j])) found++;
  });
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = tp / Math.max(1, trueLinks);
  return {
    registerSize: data.register.length,
    listSize: data.list.length,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
    reviewShare: review / data.list.length,
    tp,
    fp,
    fn: trueLinks - tp,
    blockingRecall: found / Math.max(1, trueLinks),
    pairsScored: r.data.summary.pairsScored,
    seconds,
    byDamage,
    outside,
  };
}

/** Deduplicates the damaged list alone and scores the clusters pairwise against the truth. */
export function evaluateSyntheticDedupe(data: ReturnType<typeof syntheticData>) {
  const r = dedupeWithSpec(data.list, vietnameseSpec(), { rules: VIETNAMESE_RULES });
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  const ids = data.list.map((x) => x.key);
  const truth = clusterPairs(
    ids,
    data.truth.map((t) => t.entity_id),
  );
  const pred = clusterPairs(ids, Array.from(r.data.cluster, String));
  return { ...scorePairs(pred, truth), truePairs: truth.size, clusters: r.data.summary.clusters };
}
