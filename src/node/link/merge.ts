/**
 * Merging the outputs of `link --shard k/n` jobs back into the single-machine output: each shard
 * file is in LEFT order with a leading `left_row` column; a k-way merge on that column restores
 * LEFT order and the column is dropped. The result is byte for byte the unsharded output.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { LINK_COLUMNS } from '../../match/index.js';
import { inputError } from '../errors.js';

async function* records(path: string): AsyncGenerator<string> {
  // One CSV record per yield (quoted line breaks rejoined), line end removed.
  const lines = createInterface({
    input: createReadStream(path),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let pending = '';
  let quotes = 0;
  for await (const line of lines) {
    pending = pending.length === 0 && quotes === 0 ? line : `${pending}\r\n${line}`;
    for (let i = 0; i < line.length; i++) if (line.charCodeAt(i) === 0x22) quotes ^= 1;
    if (quotes === 0) {
      yield pending;
      pending = '';
    }
  }
  if (pending.length > 0) yield pending;
}

interface Cursor {
  readonly file: string;
  readonly it: AsyncGenerator<string>;
  row: number;
  rest: string;
}

async function advance(c: Cursor): Promise<boolean> {
  const file = c.file;
  const n = await c.it.next();
  if (n.done === true) return false;
  const comma = n.value.indexOf(',');
  const row = Number(n.value.slice(0, comma));
  if (comma < 0 || !Number.isInteger(row)) {
    throw inputError(
      'INPUT_INVALID',
      `${file}: not a shard output (each row must start with its left_row)`,
    );
  }
  c.row = row;
  c.rest = n.value.slice(comma + 1);
  return true;
}

/**
 * Merges shard outputs (in any order) into `out`: the standard link header, then every row in
 * LEFT order without its `left_row`. Returns the number of rows.
 *
 * @example
 * ```ts
 * await mergeShardOutputs(['s1.csv', 's2.csv'], createWriteStream('out.csv'));
 * ```
 */
export async function mergeShardOutputs(files: readonly string[], out: Writable): Promise<number> {
  const cursors: Cursor[] = [];
  const expected = ['left_row', ...LINK_COLUMNS].join(',');
  let bom = false;
  for (const file of files) {
    const c: Cursor = { file, it: records(file), row: 0, rest: '' };
    const head = await c.it.next();
    let text = head.done === true ? '' : head.value;
    if (text.charCodeAt(0) === 0xfeff) {
      bom = true;
      text = text.slice(1);
    }
    if (text !== expected)
      throw inputError('INPUT_INVALID', `${file}: row 1: not a shard output of vn-reconcile link`);
    if (await advance(c)) cursors.push(c);
  }
  out.write(`${bom ? '\ufeff' : ''}${LINK_COLUMNS.join(',')}\r\n`);
  let n = 0;
  let buffer = '';
  while (cursors.length > 0) {
    let best = 0;
    for (let i = 1; i < cursors.length; i++) if (cursors[i]!.row < cursors[best]!.row) best = i;
    const c = cursors[best]!;
    buffer += `${c.rest}\r\n`;
    n++;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await new Promise((r) => out.once('drain', r));
      buffer = '';
    }
    if (!(await advance(c))) cursors.splice(best, 1);
  }
  if (buffer.length > 0) out.write(buffer);
  return n;
}
