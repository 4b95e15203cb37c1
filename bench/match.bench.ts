/**
 * Matching benchmarks (issue 6). Each comparator family runs in its own child process (peers
 * never share a process with us or with each other), then one table per kind is printed:
 *   node --expose-gc --import tsx bench/match.bench.ts [--pairs 200000] [--e2e 100000]
 * Sections: string kernels on realistic NFC Vietnamese name pairs; full record-pair scoring
 * throughput; end-to-end link of N × N synthetic records with peak memory.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchRow, peakRssMiB, printTable, runBench } from './util.js';

const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
  'Lý',
];
const MIDDLES = [
  'Văn',
  'Thị',
  'Hữu',
  'Đức',
  'Minh',
  'Thanh',
  'Ngọc',
  'Quang',
  'Thu',
  'Xuân',
  'Hoài',
  'Bảo',
  'Kim',
  'Công',
  '',
];
const GIVENS = [
  'Hùng',
  'Hương',
  'Lan',
  'Dũng',
  'Tuấn',
  'Hà',
  'Linh',
  'Trang',
  'Thảo',
  'Nam',
  'Hải',
  'Phương',
  'Quỳnh',
  'Khoa',
  'Nguyệt',
  'Thủy',
  'Hòa',
  'Khỏe',
  'Yến',
  'Nhung',
  'Long',
  'Vy',
  'Ánh',
  'Giang',
  'Huyền',
  'Trường',
  'Nghĩa',
  'Chiến',
  'Hưng',
  'Duyên',
];

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** Realistic NFC Vietnamese full-name pairs: half the same person with typical damage. */
export function namePairs(n: number, seed = 7): [string, string][] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const name = () =>
    [pick(SURNAMES), pick(MIDDLES), pick(MIDDLES), pick(GIVENS)].filter(Boolean).join(' ');
  const out: [string, string][] = [];
  for (let i = 0; i < n; i++) {
    const a = name();
    let b: string;
    const x = r();
    if (x < 0.5) b = name();
    else if (x < 0.65) b = fold(a);
    else if (x < 0.8) {
      const k = Math.floor(r() * a.length);
      b = a.slice(0, k) + a.slice(k + 1);
    } else if (x < 0.9)
      b = a
        .split(' ')
        .filter((_, k, w) => k === 0 || k === w.length - 1)
        .join(' ');
    else b = a;
    out.push([a, b]);
  }
  return out;
}

function pool(pairs: readonly [string, string][]) {
  let total = 0;
  for (const [a, b] of pairs) total += a.length + b.length;
  const codes = new Uint16Array(total);
  const off = new Int32Array(pairs.length * 2);
  const len = new Int32Array(pairs.length * 2);
  let o = 0;
  pairs.forEach(([a, b], i) => {
    for (const [k, s] of [
      [0, a],
      [1, b],
    ] as const) {
      off[i * 2 + k] = o;
      len[i * 2 + k] = s.length;
      for (let c = 0; c < s.length; c++) codes[o + c] = s.charCodeAt(c);
      o += s.length;
    }
  });
  return { codes, off, len };
}

type Group = 'ours' | 'fastest-levenshtein' | 'js-levenshtein' | 'jaro-winkler' | 'talisman';

async function child(group: Group, nPairs: number): Promise<BenchRow[]> {
  const pairs = namePairs(nPairs);
  const n = pairs.length;
  let sink = 0;
  const strTask = (name: string, f: (a: string, b: string) => number) => ({
    name,
    itemsPerOp: n,
    fn: () => {
      for (let i = 0; i < n; i++) {
        const p = pairs[i]!;
        sink += f(p[0], p[1]);
      }
    },
  });
  let rows: BenchRow[] = [];
  if (group === 'ours') {
    const m = await import('../src/match/index.js');
    const { codes, off, len } = pool(pairs);
    const codeTask = (
      name: string,
      f: (a: Uint16Array, ao: number, al: number, b: Uint16Array, bo: number, bl: number) => number,
    ) => ({
      name,
      itemsPerOp: n,
      fn: () => {
        for (let i = 0; i < n; i++) {
          const x = i * 2;
          sink += f(codes, off[x]!, len[x]!, codes, off[x + 1]!, len[x + 1]!);
        }
      },
    });
    rows = await runBench(
      'ours',
      [
        codeTask('vn-reconcile levenshteinCodes (Myers)', m.levenshteinCodes),
        codeTask('vn-reconcile osaCodes (Hyyrö)', m.osaCodes),
        codeTask('vn-reconcile jaroWinklerCodes', m.jaroWinklerCodes),
        strTask('vn-reconcile levenshtein(string)', m.levenshtein),
      ],
      { unit: 'pairs' },
    );
  } else if (group === 'fastest-levenshtein') {
    const { distance } = await import('fastest-levenshtein');
    rows = await runBench(group, [strTask('fastest-levenshtein distance', distance)], {
      unit: 'pairs',
    });
  } else if (group === 'js-levenshtein') {
    const lev = (await import('js-levenshtein')).default;
    rows = await runBench(group, [strTask('js-levenshtein', lev)], { unit: 'pairs' });
  } else if (group === 'jaro-winkler') {
    const jw = (await import('jaro-winkler')).default;
    rows = await runBench(group, [strTask('jaro-winkler package', (a, b) => jw(a, b))], {
      unit: 'pairs',
    });
  } else {
    const jw = (await import('talisman/metrics/jaro-winkler.js')).default;
    const osa = (await import('talisman/metrics/damerau-levenshtein.js')).default;
    rows = await runBench(
      group,
      [strTask('talisman jaro-winkler', jw), strTask('talisman damerau-levenshtein (OSA)', osa)],
      { unit: 'pairs' },
    );
  }
  if (sink === -1) console.log(sink);
  return rows;
}

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
  const rules = m.compileRules(spec, m.VIETNAMESE_RULES);
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
  const left = m.prepareSide(spec, list);
  const right = m.prepareSide(spec, register);
  const c5 = cpuSeconds();
  m.trainModel(spec, left, right, m.buildBlockIndex(right));
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
  const childGroup = process.argv[process.argv.indexOf('--child') + 1] as Group | undefined;
  const nPairs = arg('--pairs', 200_000);
  if (process.argv.includes('--child') && childGroup) {
    const rows = await child(childGroup, nPairs);
    process.stdout.write(`\n@@ROWS ${JSON.stringify(rows)}\n`);
    return;
  }
  if (process.argv.includes('--e2e-child')) {
    await endToEnd(arg('--e2e', 100_000));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const all: BenchRow[] = [];
  for (const g of [
    'ours',
    'fastest-levenshtein',
    'js-levenshtein',
    'jaro-winkler',
    'talisman',
  ] as const) {
    const r = spawnSync(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', self, '--child', g, '--pairs', String(nPairs)],
      {
        encoding: 'utf8',
      },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('@@ROWS '));
    if (!line) {
      process.stderr.write(r.stdout + r.stderr);
      continue;
    }
    all.push(...(JSON.parse(line.slice(7)) as BenchRow[]));
  }
  const table = (title: string, names: string[]) => {
    const rows = all.filter((r) => names.some((n) => r.name.startsWith(n)));
    const base = rows[rows.length - 1];
    const rate = base?.itemsPerSec ?? 1;
    printTable(
      title,
      rows.map((r) => ({ ...r, ratio: r.itemsPerSec / rate })),
      'pairs',
      base?.name ?? '',
    );
  };
  process.stdout.write(
    `\n${nPairs} realistic NFC Vietnamese full-name pairs, one process per peer\n`,
  );
  table('Levenshtein', ['vn-reconcile levenshtein', 'js-levenshtein', 'fastest-levenshtein']);
  table('OSA (restricted Damerau–Levenshtein)', ['vn-reconcile osa', 'talisman damerau']);
  table('Jaro–Winkler', ['vn-reconcile jaroWinkler', 'talisman jaro', 'jaro-winkler package']);
  const e2e = spawnSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', self, '--e2e-child', '--e2e', String(arg('--e2e', 100_000))],
    { stdio: 'inherit' },
  );
  if (e2e.status !== 0) process.stderr.write('end-to-end section failed\n');
  process.stdout.write(`\npeak RSS of the parent: ${peakRssMiB().toFixed(0)} MiB\n`);
}

await main();
