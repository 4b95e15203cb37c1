/**
 * Throughput of the synthetic population generator (`vn-reconcile/testing`): register rows, damaged
 * list rows (which regenerate the register they are drawn from) and CSV text, per second.
 *
 * Run: `node --expose-gc --import tsx bench/generate.bench.ts [rows]` (default 100 000 rows per op).
 */
import {
  csvLine,
  generateList,
  generateRegister,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
} from '../src/testing/index.js';
import { peakRssMiB, runBench } from './util.js';

const rows = Number(process.argv[2] ?? 100_000);

function drain(it: Iterable<unknown>): number {
  let n = 0;
  for (const _ of it) n++;
  return n;
}

function registerCsvBytes(): number {
  let bytes = 0;
  const values: string[] = new Array(REGISTER_COLUMNS.length);
  for (const r of generateRegister({ seed: 2, size: rows })) {
    for (let i = 0; i < REGISTER_COLUMNS.length; i++) {
      values[i] = r[REGISTER_COLUMNS[i] as (typeof REGISTER_COLUMNS)[number]];
    }
    bytes += csvLine(values).length + 1;
  }
  return bytes;
}

function listCsvBytes(): number {
  let bytes = 0;
  const values: string[] = new Array(LIST_COLUMNS.length);
  for (const { row } of generateList({ seed: 2, registerSize: rows })) {
    for (let i = 0; i < LIST_COLUMNS.length; i++) {
      values[i] = row[LIST_COLUMNS[i] as (typeof LIST_COLUMNS)[number]];
    }
    bytes += csvLine(values).length + 1;
  }
  return bytes;
}

await runBench(
  `synthetic population generator, ${rows.toLocaleString('en')} rows per op`,
  [
    {
      name: 'generateRegister',
      fn: () => drain(generateRegister({ seed: 1, size: rows })),
      itemsPerOp: rows,
    },
    {
      name: 'generateList (re-draws its register)',
      fn: () => drain(generateList({ seed: 1, registerSize: rows })),
      itemsPerOp: rows,
    },
    {
      name: 'generateList, no shuffle window',
      fn: () => drain(generateList({ seed: 1, registerSize: rows, shuffleWindow: 1 })),
      itemsPerOp: rows,
    },
    { name: 'register → CSV lines', fn: registerCsvBytes, itemsPerOp: rows },
    { name: 'list → CSV lines', fn: listCsvBytes, itemsPerOp: rows },
  ],
  { unit: 'rows', time: 3000 },
);

// Streaming check at scale: a 1M-row list in constant memory.
const big = 1_000_000;
const t0 = performance.now();
drain(generateList({ seed: 3, registerSize: big }));
const secs = (performance.now() - t0) / 1000;
process.stdout.write(
  `\n1M-row list (with its 1M-person register re-drawn): ${secs.toFixed(2)} s, ` +
    `${Math.round(big / secs).toLocaleString('en')} rows/s, peak RSS ${peakRssMiB().toFixed(0)} MiB\n`,
);
