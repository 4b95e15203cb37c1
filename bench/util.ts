/**
 * Shared benchmark helpers: run tinybench tasks and print one table with ops/s and the ratio of
 * each task against a named baseline (the peer we compare with). Every `bench/*.bench.ts` uses it.
 */
import { Bench } from 'tinybench';

export interface BenchTask {
  /** Row label, e.g. `vn-reconcile foldDiacritics` or `peer: normalize('NFD') + regex`. */
  readonly name: string;
  /** One operation. */
  readonly fn: () => unknown;
  /** How many items one operation handles (names, rows, pairs) so the table can show items/s. */
  readonly itemsPerOp?: number;
}

export interface BenchOptions {
  /** Name of the task the ratio column is relative to (default: the first task). */
  readonly baseline?: string;
  /** Milliseconds per task (default 1000). */
  readonly time?: number;
  /** Unit for the items/s column (default `items`). */
  readonly unit?: string;
}

export interface BenchRow {
  readonly name: string;
  readonly opsPerSec: number;
  readonly itemsPerSec: number;
  readonly rme: number;
  readonly ratio: number;
}

function formatRate(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return n.toFixed(1);
}

/** Runs the tasks, prints a table titled `title`, and returns the rows (for JSON reports). */
export async function runBench(
  title: string,
  tasks: readonly BenchTask[],
  options: BenchOptions = {},
): Promise<BenchRow[]> {
  const bench = new Bench({ time: options.time ?? 1000, warmup: true });
  for (const t of tasks) bench.add(t.name, t.fn);
  await bench.run();
  const rows: BenchRow[] = tasks.map((t, i) => {
    const task = bench.tasks[i];
    const result = task?.result;
    const hz = result && 'throughput' in result ? result.throughput.mean : 0;
    const rme = result && 'latency' in result ? result.latency.rme : 0;
    return { name: t.name, opsPerSec: hz, itemsPerSec: hz * (t.itemsPerOp ?? 1), rme, ratio: 1 };
  });
  const base = rows.find((r) => r.name === options.baseline) ?? rows[0];
  const baseRate = base?.itemsPerSec ?? 1;
  const out = rows.map((r) => ({ ...r, ratio: baseRate > 0 ? r.itemsPerSec / baseRate : 0 }));
  printTable(title, out, options.unit ?? 'items', base?.name ?? '');
  return out;
}

/** Prints rows as an aligned text table. */
export function printTable(title: string, rows: readonly BenchRow[], unit: string, base: string) {
  const header = ['task', 'ops/s', `${unit}/s`, '±rme', `× ${base}`.slice(0, 40)];
  const body = rows.map((r) => [
    r.name,
    formatRate(r.opsPerSec),
    formatRate(r.itemsPerSec),
    `${r.rme.toFixed(1)}%`,
    `${r.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ');
  process.stdout.write(
    `\n## ${title}\n\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`,
  );
  for (const b of body) process.stdout.write(`${line(b)}\n`);
}

/** Peak resident set size so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
