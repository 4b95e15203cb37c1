import { once } from 'node:events';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeShardOutputs } from '../../src/node/link/merge.js';
import { parseShard, shardKey, shardOfRaw } from '../../src/node/link/shard.js';
import { runToString, writeFixture } from './parallel-fixture.js';

describe('shard keys', () => {
  it.each([
    ['1/1', { index: 0, count: 1 }],
    ['2/8', { index: 1, count: 8 }],
    [' 8/8 ', { index: 7, count: 8 }],
  ])('parses %j', (s, want) => {
    expect(parseShard(s)).toEqual(want);
  });
  it.each(['0/4', '5/4', 'a/b', '1/0', '1'])('refuses %j', (s) => {
    expect(() => parseShard(s)).toThrow(/--shard/);
  });
  it.each([
    [{ id_number: '079-085-001234' }, 'cccd:079085'],
    [{ id_number: '079085001234', full_name: 'X' }, 'cccd:079085'],
    [
      { id_number: '12345', full_name: 'Nguyễn Văn  An', dob: '1/2/1990 ' },
      'name:nguyễnvănan|1/2/1990',
    ],
  ])('keys %j as %j', (raw, key) => {
    expect(shardKey(raw)).toBe(key);
  });
  it('puts every row in exactly one shard, the same one every time', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.integer({ min: 1, max: 64 }), (id, name, n) => {
        const s = shardOfRaw({ id_number: id, full_name: name }, n);
        expect(s).toBe(shardOfRaw({ id_number: id, full_name: name }, n));
        expect(s >= 0 && s < n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('sharded link', () => {
  it('shard outputs are disjoint and merge into exactly the unsharded output', async () => {
    const fx = writeFixture(2500, 900, 9);
    const modelPath = join(fx.dir, 'model.json');
    const whole = await runToString({
      left: fx.left,
      right: fx.right,
      workers: 2,
      saveModel: modelPath,
    });
    const model = JSON.parse(readFileSync(modelPath, 'utf8'));
    const unsharded = await runToString({ left: fx.left, right: fx.right, workers: 1, model });
    expect(unsharded.text).toBe(whole.text);
    const files: string[] = [];
    let rows = 0;
    for (let k = 0; k < 3; k++) {
      const part = await runToString({
        left: fx.left,
        right: fx.right,
        workers: 1,
        model,
        shard: { index: k, count: 3 },
      });
      expect(part.text.startsWith('left_row,left_id,')).toBe(true);
      rows += part.summary.rowsWritten;
      const file = join(fx.dir, `shard-${k}.csv`);
      writeFileSync(file, part.text);
      files.push(file);
    }
    expect(rows).toBe(900);
    const mergedPath = join(fx.dir, 'merged.csv');
    const out = createWriteStream(mergedPath);
    const n = await mergeShardOutputs([files[2]!, files[0]!, files[1]!], out);
    out.end();
    await once(out, 'finish');
    expect(n).toBe(900);
    expect(readFileSync(mergedPath, 'utf8')).toBe(unsharded.text);
  }, 180_000);
});
