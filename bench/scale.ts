/**
 * National-scale benchmark (issue 7): generates a register and a damaged list of the given size
 * with the project's own generators (CSV files in a temp directory, cached per size and seed),
 * links them end to end CSV → CSV with the streaming parallel pipeline in a child process, and
 * prints wall time, pairs scored, pairs/s, peak RSS and precision/recall/F1 against the truth.
 *
 *   npm run bench:scale -- --size 1000000 [--size 100000] [--workers 2] [--seed 1] [--generate-only]
 *     [--data DIR] [--results FILE.jsonl] [--no-prepared]
 *
 * Per size: CSV → CSV, `prepare` → .vnreg, and CSV + .vnreg → CSV, each phase timed (records/s,
 * peak RSS), then the 82M × 100M projection from the largest size.
 *
 * The machine is shared: numbers are noisy. Nothing here is asserted.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  appendFileSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
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
async function dataset(size: number, seed: number, root: string): Promise<Files> {
  const dir = join(root, `${size}-${seed}`);
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

/** One phase of a run: wall seconds, rows handled, peak RSS sampled while it ran. */
interface Phase {
  readonly seconds: number;
  /** CPU seconds of all threads from this phase's start to the next's. */
  readonly cpuSeconds?: number;
  readonly rows: number;
  readonly peakRssMb: number;
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
    /** The reference's dictionaries per register record (0 for a prepare run: in the file's bytes). */
    readonly dictionaryBytesPerRecord: number;
    readonly seconds: { reference: number; training: number; link: number; total: number };
  };
  /** Prepare runs: records prepared and bytes written. */
  readonly prepared?: { readonly records: number; readonly bytes: number };
  readonly phases: Readonly<Record<string, Phase>>;
  readonly wall: number;
  /** User + system CPU seconds of the whole process (all threads). */
  readonly cpuSeconds: number;
  readonly maxRssMb: number;
  readonly heapUsedMb: number;
}

/**
 * Times the phases of a run from its progress events (a phase lasts from its first event to the
 * next phase's first event, or the end) and samples the process's RSS every 50 ms for each.
 */
function phaseClock() {
  const t0 = performance.now();
  const order: {
    phase: string;
    start: number;
    cpu: number;
    rows: number;
    rss: number;
    own: number;
  }[] = [];
  const cpuNow = () => {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1e6;
  };
  const sample = () => {
    const cur = order[order.length - 1];
    if (cur) cur.rss = Math.max(cur.rss, process.memoryUsage.rss());
  };
  const timer = setInterval(sample, 50);
  return {
    onProgress(e: { phase: string; rowsDone: number; seconds: number }) {
      let cur = order[order.length - 1];
      if (!cur || cur.phase !== e.phase) {
        sample();
        cur = {
          phase: e.phase,
          start: performance.now(),
          cpu: cpuNow(),
          rows: 0,
          rss: process.memoryUsage.rss(),
          own: 0,
        };
        order.push(cur);
      }
      cur.rows = Math.max(cur.rows, e.rowsDone);
      cur.own = Math.max(cur.own, e.seconds);
    },
    done(): Record<string, Phase> {
      sample();
      clearInterval(timer);
      const end = performance.now();
      const cpuEnd = cpuNow();
      const out: Record<string, Phase> = {};
      order.forEach((p, i) => {
        const next = order[i + 1]?.start ?? end;
        // 'load' ends with its own last event (the workers' start-up follows it).
        const seconds = p.phase === 'load' ? p.own : (next - p.start) / 1000;
        out[p.phase] = {
          seconds: +seconds.toFixed(2),
          cpuSeconds: +((order[i + 1]?.cpu ?? cpuEnd) - p.cpu).toFixed(2),
          rows: p.rows,
          peakRssMb: Math.round(p.rss / 2 ** 20),
        };
      });
      if (order[0])
        out['start'] = {
          seconds: +((order[0].start - t0) / 1000).toFixed(2),
          rows: 0,
          peakRssMb: 0,
        };
      return out;
    },
  };
}

/** Child mode: run the pipeline (or `prepare`), then report timings and peak RSS as JSON. */
async function child(argv: string[]): Promise<void> {
  // The built package when there is one (`npm run bench:scale` builds first): workers then start
  // from JavaScript, as users run them, instead of compiling TypeScript through tsx.
  const built = new URL('../dist/node/index.js', import.meta.url);
  const { linkFiles, prepareFile } = (
    existsSync(fileURLToPath(built))
      ? await import(built.href)
      : await import('../src/node/index.js')
  ) as typeof import('../src/node/index.js');
  const [mode, left, right, out, workers, chunk, model] = argv;
  const referenceDate = new Date(Date.UTC(2026, 0, 1));
  const clock = phaseClock();
  const t0 = performance.now();
  let summary: ChildResult['summary'];
  let prepared: ChildResult['prepared'];
  if (mode === 'prepare') {
    const p = await prepareFile(right!, {
      out: out!,
      workers: Number(workers),
      chunkRows: Number(chunk),
      referenceDate,
      onProgress: clock.onProgress,
    });
    prepared = { records: p.records, bytes: p.bytes };
    summary = {
      rowsWritten: 0,
      rightRows: p.records,
      pairsScored: 0,
      sampleSize: 0,
      counts: {},
      thresholds: { match: 0, review: 0 },
      estimatedFdr: 0,
      estimatedFnr: 0,
      referenceBytesPerRecord: p.bytes / p.records,
      dictionaryBytesPerRecord: 0,
      seconds: { reference: p.seconds, training: 0, link: 0, total: p.seconds },
    };
  } else {
    summary = await linkFiles(left!, right!, {
      out: out!,
      workers: Number(workers),
      chunkRows: Number(chunk),
      referenceDate,
      onProgress: clock.onProgress,
      ...(model
        ? { model: JSON.parse((await import('node:fs')).readFileSync(model, 'utf8')) }
        : {}),
    });
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage();
  const result: ChildResult = {
    summary,
    ...(prepared ? { prepared } : {}),
    phases: clock.done(),
    wall,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 2 ** 20,
  };
  process.stdout.write(`\n@@RESULT ${JSON.stringify(result)}\n`);
}

async function runChild(
  mode: 'link' | 'prepare',
  left: string,
  right: string,
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
    mode,
    left,
    right,
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
  if (code !== 0 || !m) throw new Error(`${mode} run failed (exit ${code})`);
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

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (rows: number, seconds: number) =>
  rows > 0 && seconds > 0 ? fmt(rows / seconds) : '–';

/** One line of the phase table: `phase: s (rows/s, peak MB)`. */
function phaseCells(r: ChildResult, names: readonly string[]): string {
  return names
    .map((n) => {
      const p = r.phases[n];
      if (!p) return '–';
      const cpu = p.cpuSeconds === undefined ? '' : ` (${p.cpuSeconds} CPU s)`;
      return `${p.seconds} s${cpu} · ${rate(p.rows, p.seconds)}/s · ${fmt(p.peakRssMb)} MB`;
    })
    .join(' | ');
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
      'no-prepared': { type: 'boolean' },
      results: { type: 'string' },
      data: { type: 'string' },
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
  const load = () =>
    existsSync('/proc/loadavg')
      ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
      : '?';
  const rows: string[] = [];
  const phaseRows: string[] = [];
  let last: { size: number; csv: ChildResult; prep?: ChildResult; file?: ChildResult } | undefined;
  for (const size of sizes) {
    const files = await dataset(size, seed, values.data ?? join(tmpdir(), 'vn-reconcile-scale'));
    if (values['generate-only']) continue;
    const runs: { label: string; r: ChildResult; out?: string }[] = [];
    const loadBefore = load();
    const out = join(files.dir, `out-w${workers}.csv`);
    const csv = await runChild('link', files.list, files.register, out, workers, chunk, nodeArgs);
    runs.push({ label: 'CSV → CSV', r: csv, out });
    let prep: ChildResult | undefined;
    let file: ChildResult | undefined;
    if (!values['no-prepared']) {
      const vnreg = join(files.dir, 'register.vnreg');
      prep = await runChild('prepare', '', files.register, vnreg, workers, chunk, nodeArgs);
      runs.push({ label: 'prepare → .vnreg', r: prep });
      const outFile = join(files.dir, `out-vnreg-w${workers}.csv`);
      file = await runChild('link', files.list, vnreg, outFile, workers, chunk, nodeArgs);
      runs.push({ label: 'CSV + .vnreg → CSV', r: file, out: outFile });
    }
    const loadAfter = load();
    last = { size, csv, ...(prep ? { prep } : {}), ...(file ? { file } : {}) };
    for (const { label, r, out: o } of runs) {
      const e = o ? await evaluate(files, o) : undefined;
      const s = r.summary;
      const line = {
        size,
        run: label,
        workers,
        load: `${loadBefore} → ${loadAfter}`,
        wallSeconds: +r.wall.toFixed(1),
        cpuSeconds: +r.cpuSeconds.toFixed(1),
        phases: r.phases,
        referenceSeconds: +s.seconds.reference.toFixed(1),
        trainingSeconds: +s.seconds.training.toFixed(1),
        linkSeconds: +s.seconds.link.toFixed(1),
        pairsScored: s.pairsScored,
        peakRssMb: Math.round(r.maxRssMb),
        // Everything the register holds in shared memory: the reference and its dictionaries.
        referenceBytesPerRecord: Math.round(s.referenceBytesPerRecord + s.dictionaryBytesPerRecord),
        ...(r.prepared ? { fileBytes: r.prepared.bytes, records: r.prepared.records } : {}),
        sampleSize: s.sampleSize,
        ...(e
          ? {
              precision: +e.precision.toFixed(5),
              recall: +e.recall.toFixed(5),
              f1: +e.f1.toFixed(5),
              reviewShare: +(e.review / e.rows).toFixed(5),
            }
          : {}),
      };
      const json = JSON.stringify(line);
      process.stdout.write(`${json}\n`);
      if (values.results) appendFileSync(values.results, `${json}\n`);
      rows.push(
        `| ${fmt(size)} | ${label} | ${line.wallSeconds} | ${line.cpuSeconds} | ${fmt(line.peakRssMb)} | ${line.referenceBytesPerRecord} | ${e ? line.f1 : '–'} | ${line.load} |`,
      );
      phaseRows.push(
        `| ${fmt(size)} | ${label} | ${phaseCells(r, ['read', 'reference', 'load', 'train', 'link', 'write'])} |`,
      );
    }
  }
  process.stdout.write(
    `\n| records (list × register) | run | wall s | CPU s | peak RSS MB | bytes/record (ref. + dictionaries, or file) | F1 | load (1/5/15 min, before → after) |\n|---|---|---|---|---|---|---|---|\n${rows.join('\n')}\n`,
  );
  process.stdout.write(
    `\nPhases (wall s · records/s · peak RSS while the phase ran; link includes writing, write = the prepared file):\n\n| records | run | read | prepare | load prepared | train | link | write |\n|---|---|---|---|---|---|---|---|\n${phaseRows.join('\n')}\n`,
  );
  if (last?.prep && last.file)
    process.stdout.write(projection(last.size, last.csv, last.prep, last.file, workers));
}

/**
 * 82M × 100M from the largest measured size: the register prepared once (its CPU seconds per
 * record, spread over the cores), then every shard loads the file (seconds per record as
 * measured), trains (as measured) and links its part of the list (the link phase's CPU per list
 * row: wall × workers / rows). Memory: the peak RSS of the run with the file, per register record.
 */
function projection(
  size: number,
  csv: ChildResult,
  prep: ChildResult,
  file: ChildResult,
  workers: number,
): string {
  const L = 82e6;
  const R = 100e6;
  const cores = 16;
  const prepCpuPerRecord = prep.cpuSeconds / size;
  const loadPerRecord = (file.phases['load']?.seconds ?? 0) / size;
  const train = file.phases['train']?.seconds ?? 0;
  const linkPhase = file.phases['link'];
  const linkCpuPerRow = (linkPhase?.cpuSeconds ?? (linkPhase?.seconds ?? 0) * workers) / size;
  // Memory: the file's bytes per record (the register in shared memory) plus what the run held
  // beside it (workers, chunks in flight), taken as fixed.
  const fileBytes = prep.prepared?.bytes ?? 0;
  const beside = Math.max(0, file.maxRssMb * 2 ** 20 - fileBytes);
  const memoryGb = ((fileBytes / size) * R + beside) / 1e9;
  const prepareMinutes = (R * prepCpuPerRecord) / cores / 60;
  const lines = [
    `\nProjection, 82M × 100M, machines of ${cores} cores (${cores - 1} workers), from the ${fmt(size)} runs:`,
    `  measured per record: prepare ${(prepCpuPerRecord * 1e6).toFixed(1)} CPU µs, load ${(loadPerRecord * 1e6).toFixed(2)} µs, link ${(linkCpuPerRow * 1e6).toFixed(1)} CPU µs per list row, train ${train.toFixed(1)} s; the file ${(fileBytes / size).toFixed(0)} bytes per register record → ${memoryGb.toFixed(0)} GB per machine (file + ${(beside / 1e9).toFixed(1)} GB beside it)`,
    `  prepare once: ${prepareMinutes.toFixed(0)} min on one machine (assumes the merge keeps up with ${cores - 1} workers)`,
    '',
    '| machines | per shard: load | train | link | shard total | all done (with prepare) |',
    '|---|---|---|---|---|---|',
  ];
  for (const n of [1, 4, 16, 64]) {
    const load = R * loadPerRecord;
    const link = ((L / n) * linkCpuPerRow) / (cores - 1);
    const total = load + train + link;
    lines.push(
      `| ${n} | ${(load / 60).toFixed(1)} min | ${train.toFixed(0)} s | ${(link / 60).toFixed(1)} min | ${(total / 60).toFixed(1)} min | ${(prepareMinutes + total / 60).toFixed(0)} min |`,
    );
  }
  void csv;
  return `${lines.join('\n')}\n`;
}

await main();
