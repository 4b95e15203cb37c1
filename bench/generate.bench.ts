/**
 * Throughput of the synthetic population generator (`vn-reconcile/testing`): register rows, damaged
 * list rows (which regenerate the register they are drawn from) and CSV text, per second.
 *
 * Run: `node --expose-gc --import tsx bench/generate.bench.ts [rows] [bigRows]` (default 20 000
 * rows per op, then one 1M + 1M streaming run).
 */
import {
  csvLine,
  generateList,
  generateRegister,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
  streamDataset,
} from '../src/testing/index.js';
import { peakRssMiB, runBench } from './util.js';

const rows = Number(process.argv[2] ?? 20_000);

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
      name: 'streamDataset (register + list, one pass)',
      fn: () => drain(streamDataset({ seed: 1, registerSize: rows })),
      itemsPerOp: 2 * rows,
    },
    {
      name: 'generateList, no shuffle window',
      fn: () => drain(generateList({ seed: 1, registerSize: rows, shuffleWindow: 1 })),
      itemsPerOp: rows,
    },
    { name: 'register → CSV lines', fn: registerCsvBytes, itemsPerOp: rows },
    { name: 'list → CSV lines', fn: listCsvBytes, itemsPerOp: rows },
  ],
  { unit: 'rows', time: 2000 },
);

// Streaming check at scale: a 1M-person register and its 1M-row list in constant memory.
const big = Number(process.argv[3] ?? 1_000_000);
const t0 = performance.now();
const n = drain(streamDataset({ seed: 3, registerSize: big }));
const secs = (performance.now() - t0) / 1000;
process.stdout.write(
  `\nstreamDataset ${big.toLocaleString('en')} register + ${big.toLocaleString('en')} list rows: ` +
    `${secs.toFixed(2)} s, ${Math.round(n / secs).toLocaleString('en')} rows/s, ` +
    `peak RSS ${peakRssMiB().toFixed(0)} MiB\n`,
);
