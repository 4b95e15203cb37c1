import path from 'node:path';
import { dedupeRecords, linkRecords } from './src/match/index.js';
import { clusterPairs, dataDir, fake1000Spec, febrlEntity, febrlSpec, pairKey, readSimpleCsv, scorePairs } from './test/match/datasets.js';
const dir = dataDir()!;
const a = readSimpleCsv(path.join(dir, 'febrl/dataset4a.csv'));
const b = readSimpleCsv(path.join(dir, 'febrl/dataset4b.csv'));
let t = performance.now();
for (const oneToOne of [false, true]) {
const r = linkRecords(a, b, febrlSpec(), { oneToOne });
if (!r.success) throw new Error(JSON.stringify(r.issues));
const truth = new Set(a.map((x) => pairKey(x['rec_id']!, `rec-${febrlEntity(x['rec_id']!)}-dup-0`)));
const pred = r.data.results.filter((x) => x.decision === 'match').map((x) => pairKey(a[x.left]!['rec_id']!, b[x.right]!['rec_id']!));
const p05 = r.data.results.filter((x) => x.probability >= 0.5).map((x) => pairKey(a[x.left]!['rec_id']!, b[x.right]!['rec_id']!));
console.log(JSON.stringify(['febrl4', oneToOne, performance.now() - t, r.data.summary, scorePairs(pred, truth), 'p>=.5', scorePairs(p05, truth)]));

}
for (const [name, file, spec, idf, ent] of [['febrl3', 'febrl/dataset3.csv', febrlSpec(), 'rec_id', (x: any) => febrlEntity(x['rec_id'])], ['fake1000', 'splink/fake_1000.csv', fake1000Spec(), 'unique_id', (x: any) => x['cluster']]] as const) {
  const rows = readSimpleCsv(path.join(dir, file));
  t = performance.now();
  const r = dedupeRecords(rows, spec as any, {});
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  const ids = rows.map((x) => x[idf]!);
  const truth = clusterPairs(ids, rows.map(ent));
  const pred = clusterPairs(ids, Array.from(r.data.cluster, String));
  console.log(JSON.stringify([name, performance.now() - t, r.data.summary.clusters, r.data.summary.guardedMerges, r.data.summary.thresholds, scorePairs(pred, truth)]));
  const predPairs = r.data.pairs.filter(p=>p.decision==='match').map(p=>pairKey(ids[p.a]!, ids[p.b]!));
  console.log(JSON.stringify(['  pairwise match decisions', scorePairs(predPairs, truth)]));
}
