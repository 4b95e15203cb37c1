import { describe, expect, it } from 'vitest';
import type { SampleTraining } from '../../src/match/index.js';
import { readRows, scanCsv } from '../../src/node/io/csv-chunks.js';
import { buildReference, referenceTask } from '../../src/node/link/pipeline.js';
import { createPool } from '../../src/node/workers/pool.js';
import { pipelineSpec, type ScoredOutput } from '../../src/node/workers/tasks.js';
import { writeFixture } from '../cli/parallel-fixture.js';

describe('LEFT chunks staged while the model is trained', () => {
  it('a staged chunk is scored on the worker that staged it, exactly as one prepared there and then', async () => {
    const fx = writeFixture(1500, 600, 31);
    const right = scanCsv(fx.right, { label: 'register.csv', chunkRows: 250 });
    const left = scanCsv(fx.left, { label: 'list.csv', chunkRows: 97, pick: () => true });
    const pool = createPool(2);
    try {
      await expect(pool.run({ type: 'sample', text: '' }, [], 2)).rejects.toThrow(RangeError);
      await pool.broadcast({
        type: 'setup',
        setup: {
          left: { file: 'list.csv', path: fx.left, headerText: left.headerText },
          right: { file: 'register.csv', path: fx.right, headerText: right.headerText },
          map: {},
          referenceDate: Date.UTC(2026, 0, 1),
          shard: undefined,
          formulaGuard: true,
        },
      });
      const built = await buildReference(pipelineSpec(), pool, right, 2, () => {});
      await pool.broadcast({ type: 'dictionaries', dictionaries: built.dictionaries });
      await pool.run({ type: 'sample', text: readRows(fx.left, left.sample).join('\n') }, [], 0);
      const training = await pool.run<SampleTraining>(
        {
          type: 'train',
          train: { reference: built.reference, dictionaries: built.dictionaries, given: {} },
        },
        [],
        0,
      );
      expect(training.sampleSize).toBeGreaterThan(500);
      const chunk = left.chunks[3]!;
      // Staged on worker 1 before the model exists.
      await pool.run({ type: 'stage', chunk }, [], 1);
      await pool.broadcast(referenceTask(built, training.model, training.thresholds));
      type Out = ScoredOutput & { rows: number };
      const link = (c: typeof chunk, worker: number) =>
        pool.run<Out>({ type: 'link', chunk: c, withRowNumbers: false }, [], worker);
      // The same chunk read, cleaned and prepared from scratch on the other worker.
      const fresh = await link(chunk, 0);
      expect(fresh.rows).toBe(chunk.rows);
      // Asked for with an empty byte range: only the staged rows can answer, so this shows the
      // task ran on worker 1 and used what it had staged.
      const staged = await link({ ...chunk, end: chunk.start }, 1);
      expect(staged).toEqual(fresh);
      // Used once: asked again, worker 1 reads the (empty) range itself.
      expect((await link({ ...chunk, end: chunk.start }, 1)).rows).toBe(0);
      // Cleaned ahead (before the dictionaries) on worker 1, then staged there: the same again.
      const ahead = left.chunks[4]!;
      const expected = await link(ahead, 0);
      await pool.run({ type: 'clean-ahead', chunks: [ahead] }, [], 1);
      await pool.run({ type: 'stage', chunk: { ...ahead, end: ahead.start } }, [], 1);
      expect(await link({ ...ahead, end: ahead.start }, 1)).toEqual(expected);
      // Cleaned ahead and linked without staging: prepared from the cleaned rows, once.
      await pool.run({ type: 'clean-ahead', chunks: [ahead] }, [], 1);
      expect(await link({ ...ahead, end: ahead.start }, 1)).toEqual(expected);
      expect((await link({ ...ahead, end: ahead.start }, 1)).rows).toBe(0);
    } finally {
      await pool.close();
    }
  }, 180_000);
});
