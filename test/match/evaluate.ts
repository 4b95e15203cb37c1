/**
 * Accuracy evaluations shared by the regression test and `npm run bench:accuracy`: Febrl 4a→4b
 * link, Febrl 3 dedupe and fake_1000 dedupe (unsupervised, scored as Splink does: recall over all
 * true pairs, so pairs lost to blocking count as misses).
 */
import path from 'node:path';
import {
  dedupeWithSpec,
  type LinkageSpec,
  linkWithSpec,
  type TrainOptions,
} from '../../src/match/index.js';
import {
  clusterPairs,
  fake1000Spec,
  febrlEntity,
  febrlSpec,
  pairKey,
  type Row,
  readSimpleCsv,
  scorePairs,
} from './datasets.js';

export interface PairScores {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly name: string;
  readonly records: string;
  /** Our decisions (`match`), thresholds from the model's estimated FDR. */
  readonly decisions: PairScores;
  /** Links (or, for a dedupe, clusters) of the pairs with probability ≥ 0.5, as Splink reports. */
  readonly atHalf: PairScores;
  readonly reviewShare: number;
  readonly blockingRecall: number;
  readonly pairsScored: number;
  readonly seconds: number;
}

function blockingRecall<R>(
  spec: LinkageSpec<R>,
  a: readonly R[],
  b: readonly R[],
  truth: Iterable<[number, number]>,
) {
  const ka = spec.blocking.map((rule) => a.map((r) => rule.key(r) || null));
  const kb = spec.blocking.map((rule) => b.map((r) => rule.key(r) || null));
  let n = 0;
  let found = 0;
  for (const [i, j] of truth) {
    n++;
    if (ka.some((keys, r) => keys[i] !== null && keys[i] === kb[r]![j])) found++;
  }
  return n === 0 ? 1 : found / n;
}

/** Febrl 4: link dataset4a (left) to dataset4b (right); 5 000 true one-to-one links. */
export function evaluateFebrl4(
  dir: string,
  oneToOne: boolean,
  train: TrainOptions = {},
): Evaluation {
  const a = readSimpleCsv(path.join(dir, 'febrl/dataset4a.csv'));
  const b = readSimpleCsv(path.join(dir, 'febrl/dataset4b.csv'));
  const spec = febrlSpec();
  const t0 = performance.now();
  const r = linkWithSpec(a, b, spec, { ...train, oneToOne });
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  const seconds = (performance.now() - t0) / 1000;
  const id = (x: Row) => x['rec_id'] ?? '';
  const truth = new Set(a.map((x) => pairKey(id(x), `rec-${febrlEntity(id(x))}-dup-0`)));
  const res = r.data.results;
  const pick = (f: (x: (typeof res)[number]) => boolean) =>
    res.filter((x) => x.right >= 0 && f(x)).map((x) => pairKey(id(a[x.left]!), id(b[x.right]!)));
  const bIndex = new Map(b.map((x, j) => [febrlEntity(id(x)), j]));
  return {
    name: `Febrl 4a → 4b link (${oneToOne ? 'one-to-one' : 'many-to-one'})`,
    records: `${a.length} × ${b.length}`,
    decisions: scorePairs(
      pick((x) => x.decision === 'match'),
      truth,
    ),
    atHalf: scorePairs(
      pick((x) => x.probability >= 0.5),
      truth,
    ),
    reviewShare: res.filter((x) => x.decision === 'review').length / res.length,
    blockingRecall: blockingRecall(
      spec,
      a,
      b,
      a.map((x, i) => [i, bIndex.get(febrlEntity(id(x)))!] as [number, number]),
    ),
    pairsScored: r.data.summary.pairsScored,
    seconds,
  };
}

/** Dedupe of one labelled file: pairwise P/R/F1 of the clusters. */
export function evaluateDedupe(
  name: string,
  rows: readonly Row[],
  spec: LinkageSpec<Row>,
  idOf: (r: Row) => string,
  entityOf: (r: Row) => string,
  train: TrainOptions = {},
): Evaluation {
  const t0 = performance.now();
  const r = dedupeWithSpec(rows, spec, train);
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  const seconds = (performance.now() - t0) / 1000;
  const ids = rows.map(idOf);
  const entity = rows.map(entityOf);
  const truth = clusterPairs(ids, entity);
  const clusters = clusterPairs(ids, Array.from(r.data.cluster, String));
  // Splink-style: clusters of the pairs with p ≥ 0.5 (same model, no retraining).
  const atHalf = dedupeWithSpec(rows, spec, {
    model: r.data.model,
    thresholds: { match: 0.5, review: 0.5 },
  });
  if (!atHalf.success) throw new Error('dedupe failed');
  const half = clusterPairs(ids, Array.from(atHalf.data.cluster, String));
  const truePairs: [number, number][] = [];
  const groups = new Map<string, number[]>();
  entity.forEach((e, i) => {
    const g = groups.get(e);
    if (g) g.push(i);
    else groups.set(e, [i]);
  });
  for (const g of groups.values())
    for (let x = 0; x < g.length; x++)
      for (let y = x + 1; y < g.length; y++) truePairs.push([g[x]!, g[y]!]);
  const inReview = new Set<number>();
  for (const p of r.data.pairs)
    if (p.decision === 'review' && r.data.cluster[p.a] !== r.data.cluster[p.b]) {
      inReview.add(p.a);
      inReview.add(p.b);
    }
  return {
    name,
    records: String(rows.length),
    decisions: scorePairs(clusters, truth),
    atHalf: scorePairs(half, truth),
    reviewShare: inReview.size / rows.length,
    blockingRecall: blockingRecall(spec, rows, rows, truePairs),
    pairsScored: r.data.summary.pairsScored,
    seconds,
  };
}

export function evaluateFebrl3(dir: string, train: TrainOptions = {}): Evaluation {
  const rows = readSimpleCsv(path.join(dir, 'febrl/dataset3.csv'));
  return evaluateDedupe(
    'Febrl 3 dedupe',
    rows,
    febrlSpec(),
    (r) => r['rec_id'] ?? '',
    (r) => febrlEntity(r['rec_id'] ?? ''),
    train,
  );
}

export function evaluateFake1000(dir: string, train: TrainOptions = {}): Evaluation {
  const rows = readSimpleCsv(path.join(dir, 'splink/fake_1000.csv'));
  return evaluateDedupe(
    'Splink fake_1000 dedupe',
    rows,
    fake1000Spec(),
    (r) => r['unique_id'] ?? '',
    (r) => r['cluster'] ?? '',
    train,
  );
}
