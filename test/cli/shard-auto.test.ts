/**
 * `--shard auto`: the shard comes from a batch scheduler's environment. n real processes, told
 * apart by environment variables only (as a Kubernetes Indexed Job, a Slurm array or an AWS Batch
 * array job starts them), all reading one prepared register file, merge byte for byte into the
 * single-machine run.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { linkFiles, prepareFile, shardFromEnvironment } from '../../src/node/index.js';
import { runCapture } from './capture.js';
import { writeFixture } from './parallel-fixture.js';

const run = promisify(execFile);

describe('shardFromEnvironment', () => {
  it.each([
    ['auto/4', { JOB_COMPLETION_INDEX: '0' }, 0, 4, 'kubernetes'],
    ['auto', { JOB_COMPLETION_INDEX: '3', VN_RECONCILE_SHARD_COUNT: '4' }, 3, 4, 'kubernetes'],
    [
      'auto',
      { SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' },
      0,
      8,
      'slurm',
    ],
    [
      'auto',
      { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_COUNT: '8' },
      7,
      8,
      'slurm',
    ],
    [
      'auto',
      {
        SLURM_ARRAY_TASK_ID: '4',
        SLURM_ARRAY_TASK_MIN: '0',
        SLURM_ARRAY_TASK_STEP: '2',
        SLURM_ARRAY_TASK_COUNT: '3',
      },
      2,
      3,
      'slurm',
    ],
    ['auto/2', { AWS_BATCH_JOB_ARRAY_INDEX: '1' }, 1, 2, 'aws-batch'],
  ] as const)('%s with %j', (value, env, index, count, source) => {
    expect(shardFromEnvironment(value, env)).toEqual({ shard: { index, count }, source });
  });
  it.each([
    ['auto', {}, /no array job index/],
    ['auto', { JOB_COMPLETION_INDEX: '0' }, /not the number of shards/],
    ['auto', { AWS_BATCH_JOB_ARRAY_INDEX: '2' }, /not the number of shards/],
    ['auto/2', { AWS_BATCH_JOB_ARRAY_INDEX: '2' }, /not a shard of 2/],
    ['auto/2', { JOB_COMPLETION_INDEX: 'x' }, /not a whole number/],
    ['autox', { JOB_COMPLETION_INDEX: '0' }, /expected auto/],
  ] as const)('refuses %s with %j', (value, env, message) => {
    expect(() => shardFromEnvironment(value, env)).toThrow(message);
  });
  it('the CLI refuses --shard auto without a scheduler (exit 1)', async () => {
    const saved = { ...process.env };
    for (const k of ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID', 'AWS_BATCH_JOB_ARRAY_INDEX'])
      delete process.env[k];
    try {
      const r = await runCapture(['link', 'a.csv', 'b.csv', '--shard', 'auto']);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/no array job index/);
    } finally {
      process.env = saved;
    }
  });
});

describe('--shard auto in real processes', () => {
  it('3 processes (Kubernetes, Slurm, AWS Batch variables) merge into the single run', async () => {
    const fx = writeFixture(1200, 1000, 23);
    const referenceDate = new Date(Date.UTC(2026, 0, 1));
    const vnreg = join(fx.dir, 'register.vnreg');
    await prepareFile(fx.right, { out: vnreg, workers: 2, referenceDate });
    const single = join(fx.dir, 'single.csv');
    const model = join(fx.dir, 'model.json');
    await linkFiles(fx.left, vnreg, { out: single, saveModel: model, workers: 2, referenceDate });
    const main = join(process.cwd(), 'src/cli/main.ts');
    const envs: Record<string, string>[] = [
      { JOB_COMPLETION_INDEX: '0', VN_RECONCILE_SHARD_COUNT: '3' },
      { SLURM_ARRAY_TASK_ID: '2', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '3' },
      { AWS_BATCH_JOB_ARRAY_INDEX: '2', VN_RECONCILE_SHARD_COUNT: '3' },
    ];
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(
        ([k]) => !/^(JOB_COMPLETION_INDEX|SLURM_|AWS_BATCH_|VN_RECONCILE_)/.test(k),
      ),
    );
    const outs = envs.map((_, k) => join(fx.dir, `links-${k}.csv`));
    // The same command line for every process: only the environment differs.
    const argv = (out: string) => [
      '--import',
      'tsx',
      main,
      'link',
      fx.left,
      vnreg,
      '--model',
      model,
      '--shard',
      'auto',
      '--reference-date',
      '2026-01-01',
      '--workers',
      '1',
      '--out',
      out,
    ];
    for (let k = 0; k < envs.length; k++)
      await run(process.execPath, argv(outs[k]!), { env: { ...clean, ...envs[k] } });
    const merged = join(fx.dir, 'merged.csv');
    const m = await runCapture(['link', '--merge', outs[2]!, outs[0]!, outs[1]!, '--out', merged]);
    expect(m.code).toBe(0);
    expect(readFileSync(merged).equals(readFileSync(single))).toBe(true);
    const sizes = outs.map((o) => readFileSync(o, 'utf8').split('\r\n').length - 2);
    expect(sizes.every((n) => n > 0)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1000);
  }, 300_000);
});
