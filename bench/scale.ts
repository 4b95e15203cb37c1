/**
 * National-scale benchmark (issue 7): generates a register and a damaged list of the given size
 * with the project's own generators (CSV files in a temp directory, cached per size and seed),
 * links them end to end CSV → CSV with the streaming parallel pipeline in a child process, and
 * prints wall time, pairs scored, pairs/s, peak RSS and precision/recall/F1 against the truth.
 *
 *   npm run bench:scale -- --size 1000000 [--size 100000] [--workers 2] [--seed 1] [--generate-only]
 *
 * The machine is shared: numbers are noisy. Nothing here is asserted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  csvLine,
  generateList,
  generateRegister,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
} from '../src/testing/population/index.js';

interface Files {
  readonly dir: string;
  readonly register: string;
  readonly list: string;
  readonly truth: string;
}

async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

async function close(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

/** Generates (or reuses) the CSV files of a size and seed. */
async function dataset(size: number, seed: number): Promise<Files> {
  const dir = join(tmpdir(), 'vn-reconcile-scale', `${size}-${seed}`);
  const files = {
    dir,
    register: join(dir, 'register.csv'),
    list: join(dir, 'list.csv'),
    truth: join(dir, 'truth.csv'),
  };
  if (existsSync(files.truth)) return files;
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const reg = createWriteStream(`${files.register}.tmp`);
  await write(reg, `${REGISTER_COLUMNS.join(',')}\n`);
  let buf = '';
  for (const r of generateRegister({ seed, size })) {
    buf += `${csvLine(REGISTER_COLUMNS.map((c) => r[c]))}\n`;
    if (buf.length > 1 << 20) {
      await write(reg, buf);
      buf = '';
    }
  }
  await write(reg, buf);
  await close(reg);
  const list = createWriteStream(`${files.list}.tmp`);
  const truth = createWriteStream(`${files.truth}.tmp`);
  await write(list, `${LIST_COLUMNS.join(',')}\n`);
  let lb = '';
  let tb = '';
  for (const e of generateList({ seed, registerSize: size, listSize: size })) {
    lb += `${csvLine(LIST_COLUMNS.map((c) => e.row[c]))}\n`;
    tb += `${e.truth.record_id},${e.truth.person_id ?? ''}\n`;
    if (lb.length > 1 << 20) {
      await write(list, lb);
      await write(truth, tb);
      lb = '';
      tb = '';
    }
  }
  await write(list, lb);
  await write(truth, tb);
  await close(list);
  await close(truth);
  renameSync(`${files.register}.tmp`, files.register);
  renameSync(`${files.list}.tmp`, files.list);
  renameSync(`${files.truth}.tmp`, files.truth);
  process.stderr.write(
    `generated ${size.toLocaleString('en-US')} × ${size.toLocaleString('en-US')} in ${((performance.now() - t0) / 1000).toFixed(0)} s (${dir})\n`,
  );
  return files;
}

interface ChildResult {
  readonly summary: {
    readonly rowsWritten: number;
    readonly rightRows: number;
    readonly pairsScored: number;
    readonly sampleSize: number;
    readonly counts: Record<string, number>;
    readonly thresholds: { match: number; review: number };
    readonly estimatedFdr: number;
    readonly estimatedFnr: number;
    readonly referenceBytesPerRecord: number;
    readonly seconds: { reference: number; training: number; link: number; total: number };
  };
  readonly wall: number;
  /** User + system CPU seconds of the whole process (all threads). */
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly heapUsedMb: number;
}

/** Child mode: run the pipeline, then report timings and peak RSS (all threads) as JSON. */
async function child(argv: string[]): Promise<void> {
  const { linkFiles } = await import('../src/node/index.js');
  const [left, right, out, workers, chunk, model] = argv;
  const t0 = performance.now();
  const summary = await linkFiles(left!, right!, {
    out: out!,
    workers: Number(workers),
    chunkRows: Number(chunk),
    referenceDate: new Date(Date.UTC(2026, 0, 1)),
    ...(model ? { model: JSON.parse((await import('node:fs')).readFileSync(model, 'utf8')) } : {}),
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  const result: ChildResult = {
    summary,
    wall,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`\n@@RESULT ${JSON.stringify(result)}\n`);
}

async function runChild(
  files: Files,
  out: string,
  workers: number,
  chunk: number,
  extraNodeArgs: string[],
  model?: string,
): Promise<ChildResult> {
  const self = fileURLToPath(import.meta.url);
  const args = [
    ...extraNodeArgs,
    '--import',
    'tsx',
    self,
    '--child',
    files.list,
    files.register,
    out,
    String(workers),
    String(chunk),
    ...(model ? [model] : []),
  ];
  const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  p.stdout.on('data', (c: Buffer) => {
    text += c.toString('utf8');
  });
  const [code] = (await once(p, 'exit')) as [number];
  const m = /@@RESULT (.*)\n/.exec(text);
  if (code !== 0 || !m) throw new Error(`link run failed (exit ${code})`);
  return JSON.parse(m[1]!) as ChildResult;
}

/** Precision, recall and F1 of `match` decisions against the truth (recall over all true links). */
async function evaluate(files: Files, out: string) {
  const truth = new Map<string, string>();
  let trueLinks = 0;
  for await (const line of createInterface({ input: createReadStream(files.truth) })) {
    const c = line.indexOf(',');
    const person = line.slice(c + 1);
    truth.set(line.slice(0, c), person);
    if (person) trueLinks++;
  }
  let tp = 0;
  let fp = 0;
  let review = 0;
  let rows = 0;
  let first = true;
  for await (const line of createInterface({ input: createReadStream(out), crlfDelay: Infinity })) {
    if (first) {
      first = false;
      continue;
    }
    const [l, r, d] = line.split(',', 3);
    rows++;
    if (d === 'review') review++;
    if (d !== 'match') continue;
    if (truth.get(l!) === r) tp++;
    else fp++;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 1;
  const recall = trueLinks > 0 ? tp / trueLinks : 1;
  return {
    rows,
    tp,
    fp,
    fn: trueLinks - tp,
    review,
    precision,
    recall,
    f1: (2 * precision * recall) / (precision + recall),
  };
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv.slice(3));
    return;
  }
  const { values } = parseArgs({
    options: {
      size: { type: 'string', multiple: true },
      workers: { type: 'string' },
      seed: { type: 'string' },
      chunk: { type: 'string' },
      heap: { type: 'string' },
      'cpu-prof': { type: 'boolean' },
      'generate-only': { type: 'boolean' },
    },
  });
  const sizes = (values.size ?? ['100000']).map(Number);
  const workers = Number(values.workers ?? 2);
  const seed = Number(values.seed ?? 1);
  const chunk = Number(values.chunk ?? 4096);
  const nodeArgs = [
    ...(values.heap ? [`--max-old-space-size=${values.heap}`] : []),
    ...(values['cpu-prof']
      ? ['--cpu-prof', `--cpu-prof-dir=${join(tmpdir(), 'vn-reconcile-scale', 'cpuprof')}`]
      : []),
  ];
  const rows: string[] = [];
  for (const size of sizes) {
    const files = await dataset(size, seed);
    if (values['generate-only']) continue;
    const out = join(files.dir, `out-w${workers}.csv`);
    const r = await runChild(files, out, workers, chunk, nodeArgs);
    const e = await evaluate(files, out);
    const s = r.summary;
    const line = {
      size,
      workers,
      wallSeconds: +r.wall.toFixed(1),
      cpuSeconds: +r.cpuSeconds.toFixed(1),
      referenceSeconds: +s.seconds.reference.toFixed(1),
      trainingSeconds: +s.seconds.training.toFixed(1),
      linkSeconds: +s.seconds.link.toFixed(1),
      pairsScored: s.pairsScored,
      pairsPerSecond: Math.round(s.pairsScored / s.seconds.link),
      rowsPerSecond: Math.round(s.rowsWritten / r.wall),
      peakRssMb: Math.round(r.maxRssMb),
      referenceBytesPerRecord: Math.round(s.referenceBytesPerRecord),
      sampleSize: s.sampleSize,
      thresholds: s.thresholds,
      estimatedFdr: s.estimatedFdr,
      estimatedFnr: s.estimatedFnr,
      precision: +e.precision.toFixed(5),
      recall: +e.recall.toFixed(5),
      f1: +e.f1.toFixed(5),
      reviewShare: +(e.review / e.rows).toFixed(5),
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    rows.push(
      `| ${size.toLocaleString('en-US')} | ${workers} | ${line.wallSeconds} | ${line.cpuSeconds} | ${line.pairsScored.toLocaleString('en-US')} | ${line.pairsPerSecond.toLocaleString('en-US')} | ${line.peakRssMb.toLocaleString('en-US')} | ${line.referenceBytesPerRecord} | ${line.precision} | ${line.recall} | ${line.f1} |`,
    );
  }
  process.stdout.write(
    `\n| records (list × register) | workers | wall s | CPU s | pairs scored | pairs/s | peak RSS MB | ref bytes/record | precision | recall | F1 |\n|---|---|---|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
}

await main();
