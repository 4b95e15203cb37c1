/**
 * Sharding the LEFT file for independent jobs (`--shard k/n`): every row goes to exactly one
 * shard, decided by a stable key read from the row itself, so the shards' outputs are disjoint and
 * together hold every row. The key is the CCCD's province code, century/sex digit and birth year
 * (its first six digits) when the row has a 12-digit number, otherwise the name and date of birth
 * as written; rows of one province and birth year land together.
 */
import { inputError } from '../errors.js';

/** Shard `index` (0-based) of `count`. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses `k/n` (1-based k, as batch schedulers number array jobs).
 *
 * @example
 * ```ts
 * parseShard('2/8'); // { index: 1, count: 8 }
 * ```
 */
export function parseShard(value: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(value.trim());
  const k = m ? Number(m[1]) : Number.NaN;
  const n = m ? Number(m[2]) : Number.NaN;
  if (!(n >= 1 && k >= 1 && k <= n)) {
    throw inputError(
      'INPUT_INVALID',
      `--shard ${value}: expected k/n with 1 ≤ k ≤ n, e.g. --shard 2/8`,
    );
  }
  return { index: k - 1, count: n };
}

/** Where {@link shardFromEnvironment} found the shard. */
export type ShardSource = 'kubernetes' | 'slurm' | 'aws-batch';

function envInt(
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): number | undefined {
  const v = env[name];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v.trim());
  if (!Number.isSafeInteger(n) || n < 0)
    throw inputError('OPTION_INVALID', `--shard auto: ${name}=${v} is not a whole number ≥ 0`);
  return n;
}

/**
 * The shard of this process from a batch scheduler's environment (`--shard auto`), for array
 * jobs that start n copies of one command:
 * - Kubernetes Indexed Job: `JOB_COMPLETION_INDEX` (0-based); the count is passed in
 *   (`--shard auto/N`, or `VN_RECONCILE_SHARD_COUNT` set in the manifest to `completions`);
 * - Slurm job array: `SLURM_ARRAY_TASK_ID`, counted from `SLURM_ARRAY_TASK_MIN` in steps of
 *   `SLURM_ARRAY_TASK_STEP` (so `--array=1-8` and `--array=0-7` both work), out of
 *   `SLURM_ARRAY_TASK_COUNT` (or the count passed in);
 * - AWS Batch array job: `AWS_BATCH_JOB_ARRAY_INDEX` (0-based); the count is passed in.
 * `value` is `auto` or `auto/N`. An input error when no scheduler variable is set, the count is
 * unknown, or the index is outside the count.
 *
 * @example
 * ```ts
 * shardFromEnvironment('auto', { SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_COUNT: '8' });
 * // { shard: { index: 2, count: 8 }, source: 'slurm' }
 * shardFromEnvironment('auto/4', { JOB_COMPLETION_INDEX: '0' }); // { shard: { index: 0, count: 4 }, source: 'kubernetes' }
 * ```
 */
export function shardFromEnvironment(
  value: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { readonly shard: Shard; readonly source: ShardSource } {
  const m = /^auto(?:\/(\d+))?$/.exec(value.trim());
  if (!m) throw inputError('OPTION_INVALID', `--shard ${value}: expected auto, auto/N or k/n`);
  const given = m[1] === undefined ? envInt(env, 'VN_RECONCILE_SHARD_COUNT') : Number(m[1]);
  let index: number | undefined;
  let count = given;
  let source: ShardSource | undefined;
  const k8s = envInt(env, 'JOB_COMPLETION_INDEX');
  const slurm = envInt(env, 'SLURM_ARRAY_TASK_ID');
  const aws = envInt(env, 'AWS_BATCH_JOB_ARRAY_INDEX');
  if (k8s !== undefined) {
    index = k8s;
    source = 'kubernetes';
  } else if (slurm !== undefined) {
    const min = envInt(env, 'SLURM_ARRAY_TASK_MIN') ?? 0;
    const step = Math.max(1, envInt(env, 'SLURM_ARRAY_TASK_STEP') ?? 1);
    index = (slurm - min) / step;
    count ??= envInt(env, 'SLURM_ARRAY_TASK_COUNT');
    source = 'slurm';
  } else if (aws !== undefined) {
    index = aws;
    source = 'aws-batch';
  }
  if (index === undefined || source === undefined)
    throw inputError(
      'OPTION_INVALID',
      '--shard auto: no array job index in the environment (JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID or AWS_BATCH_JOB_ARRAY_INDEX)',
    );
  if (count === undefined)
    throw inputError(
      'OPTION_INVALID',
      `--shard auto: the ${source} job gives its index but not the number of shards: pass --shard auto/N or set VN_RECONCILE_SHARD_COUNT`,
    );
  if (!(count >= 1) || !Number.isInteger(index) || index < 0 || index >= count)
    throw inputError(
      'OPTION_INVALID',
      `--shard auto: ${source} index ${index} is not a shard of ${count}`,
    );
  return { shard: { index, count }, source };
}

/** The raw (uncleaned) columns the shard key reads. */
export interface ShardFields {
  readonly id_number?: string | undefined;
  readonly full_name?: string | undefined;
  readonly dob?: string | undefined;
}

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  return h >>> 0;
}

/**
 * The stable shard key of a raw row: `cccd:` + the first six digits of a 12-digit ID (province,
 * century/sex, birth year), else `name:` + the lower-cased name without spaces + `|` + the date of
 * birth as written.
 *
 * @example
 * ```ts
 * shardKey({ id_number: '079-085-001234' }); // 'cccd:079085'
 * ```
 */
export function shardKey(raw: ShardFields): string {
  const id = raw.id_number ?? '';
  let digits = '';
  for (let i = 0; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += id[i];
  }
  if (digits.length === 12) return `cccd:${digits.slice(0, 6)}`;
  const name = (raw.full_name ?? '').toLowerCase().replace(/\s+/g, '');
  return `name:${name}|${(raw.dob ?? '').trim()}`;
}

/**
 * The shard (0-based, of `count`) a raw row belongs to.
 *
 * @example
 * ```ts
 * shardOfRaw({ id_number: '079085001234' }, 4); // always the same shard
 * ```
 */
export function shardOfRaw(raw: ShardFields, count: number): number {
  return count <= 1 ? 0 : fnv(shardKey(raw)) % count;
}
