/**
 * Draws docs/scale-chart.svg: end-to-end link wall time and peak RSS against the number of
 * records (list × register, log–log), measured points solid and projected points hollow, with the
 * "10× records ≤ 12× time" bound from the 100k point. Hand-written SVG, no dependency. A PNG is
 * written too when `rsvg-convert` is installed.
 *
 *   node --import tsx scripts/scale-chart.ts [results.jsonl]
 *
 * `results.jsonl` holds the JSON lines `bench/scale.ts` prints (`--results FILE` appends them);
 * by default `bench/scale-results.jsonl`, the measurements docs/scale.md reports. Only the
 * end-to-end CSV → CSV runs are drawn (the last one of each size). Without a results file the
 * table below (the Nov 27 numbers) is drawn.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

interface Point {
  readonly size: number;
  readonly wallSeconds: number;
  /** CPU seconds of all threads (the stable measure on a shared machine). */
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
  readonly projected?: boolean;
}

/**
 * Measured on the 2-core machine (see docs/scale.md; Nov 27, third session, the machine to
 * these runs alone, load 1.0–2.8).
 */
const MEASURED: readonly Point[] = [
  { size: 100_000, wallSeconds: 8.9, cpuSeconds: 15.8, peakRssMb: 868 },
  { size: 1_000_000, wallSeconds: 41.0, cpuSeconds: 74.5, peakRssMb: 3030 },
  { size: 10_000_000, wallSeconds: 378.1, cpuSeconds: 699.4, peakRssMb: 10862 },
];

function load(file: string): readonly Point[] {
  if (!existsSync(file)) return MEASURED;
  const bySize = new Map<number, Point>();
  for (const l of readFileSync(file, 'utf8').split('\n')) {
    if (!l.startsWith('{')) continue;
    const p = JSON.parse(l) as Point & { readonly run?: string };
    if (p.run !== undefined && p.run !== 'CSV → CSV') continue;
    bySize.set(p.size, {
      size: p.size,
      wallSeconds: p.wallSeconds,
      cpuSeconds: p.cpuSeconds,
      peakRssMb: p.peakRssMb,
      ...(p.projected ? { projected: true } : {}),
    });
  }
  return bySize.size > 0 ? [...bySize.values()].sort((a, b) => a.size - b.size) : MEASURED;
}

const W = 720;
const H = 420;
const M = { left: 70, right: 70, top: 40, bottom: 60 };

function logScale(min: number, max: number, a: number, b: number) {
  const l0 = Math.log10(min);
  const l1 = Math.log10(max);
  return (v: number) => a + ((Math.log10(v) - l0) / (l1 - l0)) * (b - a);
}

function fmtSize(n: number): string {
  return n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`;
}

/** The SVG text for the points. */
export function chartSvg(points: readonly Point[]): string {
  const xs = points.map((p) => p.size);
  const x = logScale(Math.min(...xs) / 1.5, Math.max(...xs) * 1.5, M.left, W - M.right);
  const first = points[0];
  // The issue's bound: 10× the records costs at most 12× the time (from the first point's CPU).
  const bound = first
    ? points.map((p) => ({
        size: p.size,
        t: first.cpuSeconds * (p.size / first.size) ** Math.log10(12),
      }))
    : [];
  const times = [...points.flatMap((p) => [p.wallSeconds, p.cpuSeconds]), ...bound.map((b) => b.t)];
  const tMax = Math.max(...times) * 2;
  const tMin = Math.min(...times) / 2;
  const yT = logScale(tMin, tMax, H - M.bottom, M.top);
  const rMax = Math.max(...points.map((p) => p.peakRssMb)) * 2;
  const rMin = Math.min(...points.map((p) => p.peakRssMb)) / 2;
  const yR = logScale(rMin, rMax, H - M.bottom, M.top);
  // Labels stay inside the plot area (never clipped by the frame).
  const clampY = (y: number) => Math.min(H - M.bottom - 6, Math.max(M.top + 14, y));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="12" role="img">`,
    '<title>vn-reconcile link: wall time, CPU time and peak RSS against the number of records</title>',
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<text x="${W / 2}" y="22" text-anchor="middle" font-size="15">vn-reconcile link, end to end CSV → CSV (2 workers)</text>`,
    `<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" stroke="#333"/>`,
    `<line x1="${W - M.right}" y1="${M.top}" x2="${W - M.right}" y2="${H - M.bottom}" stroke="#333"/>`,
  );
  for (const p of points) {
    out.push(
      `<line x1="${x(p.size)}" y1="${H - M.bottom}" x2="${x(p.size)}" y2="${H - M.bottom + 5}" stroke="#333"/>`,
      `<text x="${x(p.size)}" y="${H - M.bottom + 20}" text-anchor="middle">${fmtSize(p.size)}</text>`,
    );
  }
  out.push(
    `<text x="${W / 2}" y="${H - 15}" text-anchor="middle">records (list × register, log scale)</text>`,
  );
  const ticks = (min: number, max: number) => {
    const t: number[] = [];
    for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
      const v = 10 ** e;
      if (v >= min && v <= max) t.push(v);
    }
    return t;
  };
  for (const v of ticks(tMin, tMax)) {
    out.push(
      `<line x1="${M.left - 5}" y1="${yT(v)}" x2="${W - M.right}" y2="${yT(v)}" stroke="#eee"/>`,
      `<text x="${M.left - 8}" y="${yT(v) + 4}" text-anchor="end" fill="#1f5fbf">${v} s</text>`,
    );
  }
  for (const v of ticks(rMin, rMax)) {
    out.push(
      `<text x="${W - M.right + 8}" y="${yR(v) + 4}" fill="#b8471b">${v >= 1000 ? `${v / 1000} GB` : `${v} MB`}</text>`,
    );
  }
  const lastBound = bound[bound.length - 1];
  if (lastBound && bound.length > 1) {
    out.push(
      `<polyline fill="none" stroke="#999" stroke-dasharray="2,4" points="${bound.map((b) => `${x(b.size)},${yT(b.t)}`).join(' ')}"/>`,
      `<text x="${x(lastBound.size) - 10}" y="${clampY(yT(lastBound.t) - 8)}" text-anchor="end" fill="#777">bound from ${fmtSize(first!.size)} CPU: 10× records ≤ 12× time</text>`,
    );
  }
  const series = (
    y: (v: number) => number,
    get: (p: Point) => number,
    color: string,
    label: string,
  ) => {
    out.push(
      `<polyline fill="none" stroke="${color}" stroke-width="2" points="${points.map((p) => `${x(p.size)},${y(get(p))}`).join(' ')}"/>`,
    );
    for (const p of points) {
      out.push(
        `<circle cx="${x(p.size)}" cy="${y(get(p))}" r="5" fill="${p.projected ? 'white' : color}" stroke="${color}" stroke-width="2"/>`,
      );
    }
    return label;
  };
  series(yT, (p) => p.wallSeconds, '#1f5fbf', 'wall time');
  series(yT, (p) => p.cpuSeconds, '#2e8b57', 'CPU time');
  series(yR, (p) => p.peakRssMb, '#b8471b', 'peak RSS');
  // A legend entry for what is drawn only (no "projected" entry without a projected point).
  const legend: [string, string, boolean][] = [
    ['#1f5fbf', 'wall time (left axis)', true],
    ['#b8471b', 'peak RSS (right axis)', true],
    ['#2e8b57', 'CPU seconds, all threads (left axis)', true],
  ];
  if (points.some((p) => p.projected)) legend.push(['#555', 'hollow: projected', false]);
  legend.forEach(([color, label, filled], i) => {
    const cy = M.top + 10 + 18 * i;
    out.push(
      `<circle cx="${M.left + 20}" cy="${cy}" r="5" fill="${filled ? color : 'white'}" stroke="${color}" stroke-width="2"/><text x="${M.left + 30}" y="${cy + 4}" fill="${color}">${label}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

const here = dirname(fileURLToPath(import.meta.url));
const svgPath = join(here, '..', 'docs', 'scale-chart.svg');
writeFileSync(
  svgPath,
  chartSvg(load(process.argv[2] ?? join(here, '..', 'bench', 'scale-results.jsonl'))),
);
process.stdout.write(`wrote ${svgPath}\n`);
const pngPath = svgPath.replace(/\.svg$/, '.png');
const png =
  spawnSync('rsvg-convert', ['-o', pngPath, svgPath]).status === 0 ||
  spawnSync('convert', [svgPath, pngPath]).status === 0;
if (png) process.stdout.write(`wrote ${pngPath}\n`);
