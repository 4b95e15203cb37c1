import { describe, expect, it } from 'vitest';

import { VnReconcileError } from '../../../src/errors.js';
import { createPool, unsendableView, workerFailure } from '../../../src/node/workers/pool.js';

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

describe('what a task may carry', () => {
  it('finds a view that reaches 4 GiB into its buffer, which a message would damage', () => {
    // Virtual memory only: the pages are never touched.
    const big = new SharedArrayBuffer(2 ** 32 + 16);
    expect(unsendableView({ a: [new Int32Array(big, 0, 4)] })).toBeUndefined();
    expect(unsendableView({ a: [1, { b: new Int32Array(big, 2 ** 32, 4) }] })).toBe('task.a[1].b');
    expect(unsendableView({ c: new Uint8Array(big, 2 ** 32 - 8, 8) })).toBe('task.c');
    expect(unsendableView({ c: new Uint8Array(big, 2 ** 32 - 9, 8) })).toBeUndefined();
  });

  it('rejects such a task, and a task that cannot be sent, and runs the next one', async () => {
    const pool = createPool(1);
    try {
      const big = new SharedArrayBuffer(2 ** 32 + 16);
      await expect(
        pool.run({
          type: 'dictionaries',
          dictionaries: [new Int32Array(big, 2 ** 32, 4)],
        } as never),
      ).rejects.toThrow(/4 GiB or more into its buffer/);
      await expect(
        pool.run({ type: 'dictionaries', dictionaries: [() => 1] } as never),
      ).rejects.toThrow(/could not be cloned/);
      // The worker is still free and answers (a task it refuses is still an answer).
      await expect(pool.run({ type: 'no such task' } as never)).resolves.toBeUndefined();
    } finally {
      await pool.close();
    }
  }, 30_000);
});
