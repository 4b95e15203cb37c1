/**
 * Matching benchmarks (issue 6): full record-pair scoring throughput and an end-to-end link of
 * N × N synthetic records with peak memory, in a child process:
 *   node --expose-gc --import tsx bench/match.bench.ts [--e2e 100000]
 * The string functions against their peers are in bench/strings.bench.ts.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { peakRssMiB } from './util.js';

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * Full record comparison throughput (7 Vietnamese comparisons + weights + rules per pair, one
 * thread) and an end-to-end link of n × n synthetic records (generate, clean, prepare, train,
 * score, decide), with peak RSS.
 */
async function endToEnd(n: number): Promise<void> {
  const { generateDataset } = await import('../src/testing/population/index.js');
  const { cleanRecord } = await import('../src/record/index.js');
  const m = await import('../src/match/index.js');
  const t0 = performance.now();
  const d = generateDataset({ seed: 5, registerSize: n, listSize: n });
  const t1 = performance.now();
  const register = d.register.map((r) => cleanRecord({ ...r }, { key: r.person_id }).record);
  const list = d.list.map((r) => cleanRecord({ ...r }, { key: r.record_id }).record);
  const t2 = performance.now();
  const c2 = cpuSeconds();
  const spec = m.vietnameseSpec();
  const r = m.linkWithSpec(list, register, spec, { rules: m.VIETNAMESE_RULES });
  if (!r.success) throw new Error(r.issues.map((i) => i.message).join('; '));
  const t3 = performance.now();
  const c3 = cpuSeconds();
  let tp = 0;
  let fp = 0;
  let truthLinks = 0;
  r.data.results.forEach((x, i) => {
    const t = d.truth[i]!.person_id;
    if (t !== null) truthLinks++;
    if (x.decision !== 'match') return;
    if (register[x.right]!.key === t) tp++;
    else fp++;
  });
  // Scoring alone, with the trained model: pairs per CPU second on one thread.
  const index = m.buildBlockIndex(r.data.right);
  const rules = m.compileRules(m.VIETNAMESE_RULES, spec);
  let best = 0;
  let pairs = 0;
  for (let rep = 0; rep < 3; rep++) {
    const c = cpuSeconds();
    const chunk = m.scoreChunk(r.data.scorer, r.data.left, r.data.right, index, rules);
    const s = cpuSeconds() - c;
    pairs = chunk.pairs;
    best = Math.max(best, chunk.pairs / s);
  }
  // The comparison alone: every candidate pair collected once, then compared and weighted
  // (7 comparisons + table lookups + TF) in a tight loop.
  const pi: number[] = [];
  const pj: number[] = [];
  const { candidatesOf, createCandidateBuffer } = await import('../src/match/blocking.js');
  const buf = createCandidateBuffer(r.data.right.size);
  for (let i = 0; i < r.data.left.size; i++) {
    const c = candidatesOf(index, r.data.left, i, buf, false);
    for (let t = 0; t < c; t++) {
      pi.push(i);
      pj.push(buf.out[t]!);
    }
  }
  const PI = Int32Array.from(pi);
  const PJ = Int32Array.from(pj);
  let bestCompare = 0;
  let sink = 0;
  for (let rep = 0; rep < 5; rep++) {
    const c = cpuSeconds();
    for (let q = 0; q < PI.length; q++)
      sink += m.scorePair(r.data.scorer, r.data.left, PI[q]!, r.data.right, PJ[q]!);
    bestCompare = Math.max(bestCompare, PI.length / (cpuSeconds() - c));
  }
  if (sink === 0.5) process.stdout.write('');
  // Prepare and train, separately.
  const c4 = cpuSeconds();
  const left = m.prepareSide(list, spec);
  const right = m.prepareSide(register, spec);
  const c5 = cpuSeconds();
  m.trainModel(left, right, m.buildBlockIndex(right), spec);
  const c6 = cpuSeconds();
  const precision = tp / Math.max(1, tp + fp);
  const recall = tp / Math.max(1, truthLinks);
  const out = [
    `\n## End to end: link ${n} list records to a ${n}-person register (one thread)\n`,
    `generate ${((t1 - t0) / 1000).toFixed(1)} s, clean both ${((t2 - t1) / 1000).toFixed(1)} s`,
    `link (prepare, block, train, score, decide): ${((t3 - t2) / 1000).toFixed(1)} s wall, ${(c3 - c2).toFixed(1)} s CPU`,
    `  of which prepare both sides ${(c5 - c4).toFixed(1)} s CPU, train ${(c6 - c5).toFixed(1)} s CPU`,
    `candidate pairs scored: ${pairs} (${(pairs / n).toFixed(1)} per list record)`,
    `record-pair comparison (7 fields, weights, TF): ${(bestCompare / 1e6).toFixed(2)} M pairs per CPU second`,
    `blocking + comparison + ranking per chunk (scoreChunk): ${(best / 1e6).toFixed(2)} M pairs per CPU second`,
    `precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, review ${r.data.summary.counts.review}`,
    `peak RSS ${peakRssMiB().toFixed(0)} MiB`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

function arg(name: string, def: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
}

async function main() {
  if (process.argv.includes('--e2e-child')) {
    await endToEnd(arg('--e2e', 100_000));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const e2e = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, '--e2e-child', '--e2e', String(arg('--e2e', 100_000))],
    { stdio: 'inherit' },
  );
  if (e2e.status !== 0) process.stderr.write('end-to-end section failed\n');
  process.stdout.write(`\npeak RSS of the parent: ${peakRssMiB().toFixed(0)} MiB\n`);
}

await main();
