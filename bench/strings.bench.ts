/**
 * String functions against their peers (issues 6 and 17), on realistic NFC Vietnamese full-name
 * pairs. Each family runs in its own child process (peers never share a process with us or with
 * each other); one table per kind, ratios against the fastest peer (the last row):
 *   node --expose-gc --import tsx bench/strings.bench.ts [--pairs 200000]
 * Rows: the public string functions (`levenshtein`, `osaDistance`, `jaroWinkler`), the code-array
 * kernels they run on, and the peers on the same pairs.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { type BenchRow, printTable, runBench } from './util.js';

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
function namePairs(n: number, seed = 7): [string, string][] {
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
        strTask('vn-reconcile osaDistance(string)', m.osaDistance),
        strTask('vn-reconcile jaroWinkler(string)', m.jaroWinkler),
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
      { encoding: 'utf8' },
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('@@ROWS '));
    if (!line) {
      process.stderr.write(r.stdout + r.stderr);
      continue;
    }
    all.push(...(JSON.parse(line.slice(7)) as BenchRow[]));
  }
  // Ratios against the fastest peer of each kind (the last row of its table).
  const table = (title: string, ours: string[], peers: string[]) => {
    const pick = (names: string[]) => all.filter((r) => names.some((n) => r.name.startsWith(n)));
    const peerRows = pick(peers).sort((a, b) => a.itemsPerSec - b.itemsPerSec);
    const base = peerRows[peerRows.length - 1];
    const rate = base?.itemsPerSec ?? 1;
    printTable(
      title,
      [...pick(ours), ...peerRows].map((r) => ({ ...r, ratio: r.itemsPerSec / rate })),
      'pairs',
      base?.name ?? '',
    );
  };
  process.stdout.write(
    `\n${nPairs} realistic NFC Vietnamese full-name pairs, one process per peer\n`,
  );
  table('Levenshtein', ['vn-reconcile levenshtein'], ['js-levenshtein', 'fastest-levenshtein']);
  table('OSA (restricted Damerau–Levenshtein)', ['vn-reconcile osa'], ['talisman damerau']);
  table('Jaro–Winkler', ['vn-reconcile jaroWinkler'], ['talisman jaro', 'jaro-winkler package']);
}

await main();
