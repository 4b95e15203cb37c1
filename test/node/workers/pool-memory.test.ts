import { describe, expect, it } from 'vitest';

import { VnReconcileError } from '../../../src/errors.js';
import { createPool, workerFailure } from '../../../src/node/workers/pool.js';

describe('a worker that runs out of memory', () => {
  it('becomes a VnReconcileError that names the cap', () => {
    const raw = Object.assign(new Error('Worker terminated due to reaching memory limit'), {
      code: 'ERR_WORKER_OUT_OF_MEMORY',
    });
    const e = workerFailure(raw, 1024);
    expect(e).toBeInstanceOf(VnReconcileError);
    expect((e as VnReconcileError).code).toBe('WORKER_OUT_OF_MEMORY');
    expect((e as VnReconcileError).message).toContain('capped at 1024 MiB');
    expect((e as VnReconcileError).cause).toBe(raw);
    const other = new Error('something else');
    expect(workerFailure(other, 1024)).toBe(other);
  });

  it('rejects the task in flight and every later one with it', async () => {
    // 2 MiB of old generation cannot even hold the worker's modules.
    const pool = createPool(1, { maxOldSpaceMb: 2 });
    try {
      const task = pool.run({ type: 'clean-chunk', bytes: new Uint8Array(8) } as never);
      await expect(task).rejects.toMatchObject({ code: 'WORKER_OUT_OF_MEMORY' });
      await expect(pool.run({ type: 'setup' } as never)).rejects.toMatchObject({
        code: 'WORKER_OUT_OF_MEMORY',
      });
    } finally {
      await pool.close();
    }
  }, 30_000);
});
