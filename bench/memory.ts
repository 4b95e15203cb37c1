/**
 * Peak memory of the in-memory API against the files API on the same data (issue 13: "memory
 * within 1.2× of the files API at 200k"). Each run is a separate process; peak RSS covers all of
 * its threads.
 *
 *   node --import tsx bench/memory.ts [--size 200000]
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  csvLine,
  generateList,
  generateRegister,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
} from '../src/testing/population/index.js';

const referenceDate = new Date(Date.UTC(2026, 0, 1));

async function writeLines(path: string, header: readonly string[], rows: Iterable<string>) {
  const out = createWriteStream(`${path}.tmp`);
  let buf = `${header.join(',')}\n`;
  for (const line of rows) {
    buf += `${line}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(`${path}.tmp`, path);
}

async function files(size: number): Promise<{ list: string; register: string }> {
  const dir = join(tmpdir(), 'vn-reconcile-memory', String(size));
  const list = join(dir, 'list.csv');
  const register = join(dir, 'register.csv');
  if (existsSync(list) && existsSync(register)) return { list, register };
  mkdirSync(dir, { recursive: true });
  await writeLines(
    register,
    REGISTER_COLUMNS,
    (function* () {
      for (const r of generateRegister({ seed: 1, size }))
        yield csvLine(REGISTER_COLUMNS.map((c) => r[c]));
    })(),
  );
  await writeLines(
    list,
    LIST_COLUMNS,
    (function* () {
      for (const e of generateList({ seed: 1, registerSize: size, listSize: size }))
        yield csvLine(LIST_COLUMNS.map((c) => e.row[c]));
    })(),
  );
  return { list, register };
}

async function child(mode: string, list: string, register: string): Promise<void> {
  const t0 = performance.now();
  if (mode === 'files') {
    const { linkFiles } = await import('../src/node/index.js');
    await linkFiles(list, register, {
      out: join(tmpdir(), 'vn-reconcile-memory', 'out.csv'),
      referenceDate,
    });
  } else {
    const { linkRecords } = await import('../src/index.js');
    const read = (p: string) =>
      parse(readFileSync(p), { columns: true }) as Record<string, string>[];
    const r = linkRecords(read(list), read(register), { referenceDate });
    if (!r.success) throw new Error('linkRecords failed');
  }
  const seconds = (performance.now() - t0) / 1000;
  process.stdout.write(
    JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') {
    await child(process.argv[3]!, process.argv[4]!, process.argv[5]!);
    return;
  }
  const i = process.argv.indexOf('--size');
  const size = i > 0 ? Number(process.argv[i + 1]) : 200_000;
  const { list, register } = await files(size);
  process.stdout.write(
    `linkFiles vs linkRecords, ${size.toLocaleString('en-US')} × ${size.toLocaleString('en-US')}; ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}\n\n| API | wall s | peak RSS MB |\n|---|---|---|\n`,
  );
  const rows: Record<string, { seconds: number; maxRssMb: number }> = {};
  for (const mode of ['files', 'records']) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'bench/memory.ts', '--child', mode, list, register],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (r.status !== 0) throw new Error(`${mode}: ${r.stderr}`);
    const m = JSON.parse(r.stdout) as { seconds: number; maxRssMb: number };
    rows[mode] = m;
    process.stdout.write(
      `| ${mode === 'files' ? 'linkFiles (2 workers)' : 'linkRecords (rows in memory)'} | ${m.seconds.toFixed(1)} | ${m.maxRssMb.toFixed(0)} |\n`,
    );
  }
  const ratio = rows['records']!.maxRssMb / rows['files']!.maxRssMb;
  process.stdout.write(`\nlinkRecords / linkFiles peak RSS: ${ratio.toFixed(2)}×\n`);
}

await main();
