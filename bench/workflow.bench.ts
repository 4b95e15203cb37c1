/**
 * Replay throughput of the cleaning-workflow audit log for a simulated campaign of 1M events
 * (three communes, ~150k cases: opens, lists, reviews, corrections, police outcomes, signed
 * hand-back and passport lists, merges, withdrawals). Rows:
 * - `replay`: the fast path (no hashing, no schema validation), the target is ≥ 1M events/s;
 * - `replayVerified`: the hashed path (every entry's SHA-256 recomputed with Web Crypto, the
 *   chain and every list content hash checked, then replay);
 * - `verifyLog`: the hash chain check alone.
 * Building the log (`appendEvents`: zod validation + the sequential hash chain) is timed once and
 * printed above the tables. The machine is shared: read the numbers as orders of magnitude.
 *
 * Run: node --expose-gc --import tsx bench/workflow.bench.ts   (WORKFLOW_BENCH_EVENTS=n to resize)
 */
import { buildCampaignLog, simulateCampaign } from '../src/testing/workflow.js';
import { replay, replayVerified, verifyLog } from '../src/workflow/index.js';
import { type BenchRow, peakRssMiB, printTable, runBench } from './util.js';

const N = Number(process.env['WORKFLOW_BENCH_EVENTS'] ?? 1_000_000);

let t = performance.now();
const script = simulateCampaign(N, 2022);
const simulated = performance.now() - t;
t = performance.now();
const built = await buildCampaignLog(script);
const building = performance.now() - t;
if (!built.success) throw new Error(`campaign does not build: ${built.issues[0]?.code}`);
const { entries, campaign } = built.data;
script.length = 0;
process.stdout.write(
  `\n${N.toLocaleString('en')} events, ${campaign.cases.size.toLocaleString('en')} cases, ` +
    `${campaign.lists.size.toLocaleString('en')} signed lists; simulated in ${(simulated / 1000).toFixed(1)} s; ` +
    `log built (zod + SHA-256 chain) in ${(building / 1000).toFixed(1)} s = ` +
    `${Math.round(N / (building / 1000)).toLocaleString('en')} events/s\n`,
);

const check = replay(entries);
if (!check.success || check.data.cases.size !== campaign.cases.size)
  throw new Error('replay differs');

// The fast path goes through tinybench (runBench: at least 64 timed replays of the whole log).
const [fast] = await runBench(
  `workflow: replay a ${N.toLocaleString('en')}-event campaign (fast path)`,
  [{ name: 'replay (no hashing)', fn: () => replay(entries), itemsPerOp: N }],
  { unit: 'events' },
);

// On a shared machine wall-clock rates mostly measure the neighbours: report CPU time too.
{
  const rates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const cpu = process.cpuUsage();
    replay(entries);
    const used = process.cpuUsage(cpu);
    rates.push(N / ((used.user + used.system) / 1e6));
  }
  rates.sort((a, b) => b - a);
  process.stdout.write(
    `\nreplay per CPU-second (5 passes, all threads of the process): best ${(rates[0]! / 1e6).toFixed(2)} M, median ${(rates[2]! / 1e6).toFixed(2)} M events\n`,
  );
}

// One hashed pass over 1M entries takes seconds (a million Web Crypto digests), so tinybench's
// minimum of 64 iterations would take an hour: time a few whole passes instead, and print them
// beside the fast path with the shared table printer.
async function timed(name: string, runs: number, fn: () => Promise<unknown>): Promise<BenchRow> {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    seconds.push((performance.now() - start) / 1000);
  }
  const mean = seconds.reduce((a, b) => a + b, 0) / runs;
  const sd = Math.sqrt(seconds.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, runs - 1));
  const opsPerSec = 1 / mean;
  return {
    name,
    opsPerSec,
    itemsPerSec: opsPerSec * N,
    rme: (100 * sd) / mean / Math.sqrt(runs),
    ratio: 1,
  };
}
const runs = Number(process.env['WORKFLOW_BENCH_HASHED_RUNS'] ?? 3);
const hashed = [
  await timed('replayVerified (SHA-256 chain + lists + replay)', runs, () =>
    replayVerified(entries, { expectedHead: campaign.head }),
  ),
  await timed('verifyLog (SHA-256 chain only)', runs, () =>
    verifyLog(entries, { expectedHead: campaign.head }),
  ),
];
if (fast) {
  const rows = [fast, ...hashed].map((r) => ({ ...r, ratio: r.itemsPerSec / fast.itemsPerSec }));
  printTable(
    `workflow: fast vs hashed replay (${runs} timed passes each)`,
    rows,
    'events',
    fast.name,
  );
}
process.stdout.write(`\npeak RSS ${peakRssMiB().toFixed(0)} MiB\n`);
