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
