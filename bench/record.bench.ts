/**
 * Record part benchmarks: `cleanRecord` and the field parsers in-process (rows/s), and
 * `vn-reconcile clean` end to end on generated rows including CSV read and write (rows/s and peak
 * memory of the process that runs it). Rows come from the synthetic population generator.
 *
 * Run: node --expose-gc --import tsx bench/record.bench.ts [--rows N]
 * (default N = 1 000 000; the generated CSV is cached in the OS temp directory).
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
} from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as dateFnsParse } from 'date-fns';
import { runCli } from '../src/cli/run.js';
import {
  cleanRecord,
  parseCommune,
  parseDateOfBirth,
  parsePhone,
  parseProvince,
} from '../src/record/index.js';
import {
  csvLine,
  generateList,
  LIST_COLUMNS,
  type ListRow,
  toCsv,
} from '../src/testing/population/index.js';
import { normalizeName } from '../src/text/index.js';
import { peakRssMiB, runBench } from './util.js';

const REFERENCE = '2026-01-15';
const referenceDate = new Date(2026, 0, 15);

/** Child mode: run `clean` in this process and report its time and peak memory as JSON. */
async function cleanChild(input: string, output: string): Promise<void> {
  const stderr = new PassThrough();
  stderr.resume();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const code = await runCli({
    argv: ['clean', input, '--out', output, '--reference-date', REFERENCE],
    stdout: process.stdout,
    stderr,
    stdin: new PassThrough(),
    cwd: process.cwd(),
  });
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stdout.write(`${JSON.stringify({ code, ms, cpuMs, peakRssMiB: peakRssMiB() })}\n`);
}

async function writeListCsv(path: string, rows: number): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.part`;
  const out = createWriteStream(tmp);
  let buf = `${csvLine(LIST_COLUMNS)}\n`;
  const values: string[] = new Array<string>(LIST_COLUMNS.length);
  for (const { row } of generateList({ seed: 1, registerSize: rows, listSize: rows })) {
    for (let i = 0; i < LIST_COLUMNS.length; i++) {
      values[i] = row[LIST_COLUMNS[i] as keyof ListRow] as string;
    }
    buf += `${csvLine(values)}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, path);
}

function countLines(path: string): number {
  const text = readFileSync(path);
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === 10) n++;
  return n;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--clean-child') {
    await cleanChild(argv[1] ?? '', argv[2] ?? '');
    return;
  }
  const rowsArg = argv.indexOf('--rows');
  const total = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 1_000_000;

  // 1. In-process: cleanRecord and the field parsers on 20 000 generated rows, read back from CSV
  //    text so that their strings are flat, as they are when they come from a file.
  const generated = [...generateList({ seed: 2, registerSize: 20_000, listSize: 20_000 })];
  const rows = parseCsv(
    toCsv(
      generated.map((e) => e.row),
      LIST_COLUMNS,
    ),
    {
      columns: true,
    },
  ) as ListRow[];
  const per = 1000;
  let offset = 0;
  const slice = () => {
    const start = offset;
    offset = (offset + per) % (rows.length - per);
    return start;
  };
  const options = { referenceDate };
  const column = (name: keyof ListRow) => rows.map((r) => r[name] as string);
  const dobs = column('dob');
  const phones = column('phone');
  const provinces = column('province');
  const communes = column('commune');
  const names = column('full_name');
  const over = (values: readonly string[], f: (s: string) => unknown) => () => {
    const start = slice();
    for (let i = start; i < start + per; i++) f(values[i] ?? '');
  };
  await runBench(
    'record: in-process (generated rows, 1000 per op)',
    [
      {
        name: 'cleanRecord',
        itemsPerOp: per,
        fn: () => {
          const start = slice();
          for (let i = start; i < start + per; i++) cleanRecord(rows[i] as ListRow, options);
        },
      },
      {
        name: 'parseDateOfBirth',
        itemsPerOp: per,
        fn: over(dobs, (s) => parseDateOfBirth(s, options)),
      },
      {
        name: "peer: date-fns parse(s, 'dd/MM/yyyy') (one format only)",
        itemsPerOp: per,
        fn: over(dobs, (s) => dateFnsParse(s, 'dd/MM/yyyy', referenceDate)),
      },
      { name: 'parsePhone', itemsPerOp: per, fn: over(phones, (s) => parsePhone(s)) },
      {
        name: 'parseProvince (memoised)',
        itemsPerOp: per,
        fn: over(provinces, (s) => parseProvince(s)),
      },
      {
        name: 'parseCommune (memoised)',
        itemsPerOp: per,
        fn: over(communes, (s) => parseCommune(s)),
      },
      { name: 'text: normalizeName', itemsPerOp: per, fn: over(names, (s) => normalizeName(s)) },
    ],
    { baseline: 'cleanRecord', unit: 'rows', time: 2000 },
  );
  // Wall-clock rates depend on how busy the machine is; CPU time says what the work costs.
  const passes = 10;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  for (let p = 0; p < passes; p++) for (const r of rows) cleanRecord(r, options);
  const cpu = process.cpuUsage(cpu0);
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const wallS = (performance.now() - wall0) / 1000;
  process.stdout.write(
    [
      '',
      `cleanRecord, ${passes} passes over ${rows.length} rows: ${Math.round(
        (passes * rows.length) / cpuS,
      ).toLocaleString('en')} rows per CPU-second, ${Math.round(
        (passes * rows.length) / wallS,
      ).toLocaleString(
        'en',
      )} rows/s wall (load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} CPUs)`,
      `in-process peak RSS: ${peakRssMiB().toFixed(0)} MiB`,
      '',
    ].join('\n'),
  );

  // 2. End to end: `vn-reconcile clean` on `total` generated rows, in a fresh process.
  const dir = join(tmpdir(), 'vn-reconcile-bench');
  const input = join(dir, `list-${total}-seed1.csv`);
  if (!existsSync(input)) {
    process.stdout.write(`\ngenerating ${total} rows into ${input} …\n`);
    await writeListCsv(input, total);
  }
  const output = join(dir, `list-${total}-seed1.clean.csv`);
  const here = dirname(fileURLToPath(import.meta.url));
  const t0 = performance.now();
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(here, 'record.bench.ts'), '--clean-child', input, output],
    { encoding: 'utf8', maxBuffer: 1 << 20 },
  );
  const wall = performance.now() - t0;
  if (child.status !== 0) {
    process.stderr.write(child.stderr);
    throw new Error(`clean child exited with ${child.status}`);
  }
  const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    code: number;
    ms: number;
    cpuMs: number;
    peakRssMiB: number;
  };
  const outRows = countLines(output) - 1;
  const mib = statSync(input).size / 2 ** 20;
  process.stdout.write(
    [
      '',
      `## vn-reconcile clean, end to end (${total} generated rows, ${mib.toFixed(0)} MiB CSV)`,
      '',
      `exit code            ${result.code}`,
      `rows out             ${outRows}${outRows === total ? '' : '  (MISMATCH)'}`,
      `clean (in child)     ${(result.ms / 1000).toFixed(2)} s  →  ${Math.round(
        total / (result.ms / 1000),
      ).toLocaleString('en')} rows/s`,
      `clean CPU time       ${(result.cpuMs / 1000).toFixed(2)} s  →  ${Math.round(
        total / (result.cpuMs / 1000),
      ).toLocaleString('en')} rows per CPU-second (includes GC and I/O threads)`,
      `child wall (+start)  ${(wall / 1000).toFixed(2)} s  →  ${Math.round(
        total / (wall / 1000),
      ).toLocaleString('en')} rows/s`,
      `child peak RSS       ${result.peakRssMiB.toFixed(0)} MiB`,
      '',
    ].join('\n'),
  );
}

await main();
