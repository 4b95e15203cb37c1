/**
 * A small worker-thread pool: a fixed number of workers, one task at a time each, tasks queued
 * in submission order. Results come back as promises; the caller restores any order it needs.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

import { VnReconcileError } from '../../errors.js';

import { workerEntry } from './entry.js';
import { refusedExecArgv, workerExecArgv } from './exec-argv.js';
import type { WorkerMessage } from './messages.js';

/** A task for a worker. */
export type PoolTask = WorkerMessage;

/** The pool. */
export interface WorkerPool {
  readonly size: number;
  /**
   * Runs `task` on the next free worker, or on worker `worker` (0 … size − 1) when given: a task
   * that needs what an earlier task left in that worker's memory.
   */
  run<T>(task: PoolTask, transfer?: readonly ArrayBuffer[], worker?: number): Promise<T>;
  /** Runs `task` once on every worker (e.g. to install shared data) and waits for all. */
  broadcast(task: PoolTask): Promise<void>;
  /** Stops every worker. */
  close(): Promise<void>;
  /** Rejects every task in flight or queued with `reason`, then stops every worker. */
  abort(reason: unknown): Promise<void>;
}

interface Pending {
  readonly task: PoolTask;
  readonly transfer: readonly ArrayBuffer[];
  /** The worker that must run it (any when undefined). */
  readonly worker: number | undefined;
  readonly resolve: (v: unknown) => void;
  readonly reject: (e: unknown) => void;
}

interface Slot {
  readonly worker: Worker;
  job: Pending | undefined;
}

/** Options of {@link createPool}. */
export interface PoolOptions {
  /** Heap limit of each worker in MiB (`--max-old-space-size`). */
  readonly maxOldSpaceMb?: number;
  /**
   * Young-generation size of each worker in MiB. A chunk's short-lived objects (parsed rows,
   * cleaned records, candidate lists) then die young instead of being promoted, so the old
   * generation — and the process's resident memory — does not fill up with garbage.
   */
  readonly maxYoungSpaceMb?: number;
}

/**
 * The error a task rejects with when its worker dies: a worker that reached its heap limit
 * becomes a `VnReconcileError` of code `WORKER_OUT_OF_MEMORY` that says so (Node's own error
 * names no limit and no remedy); anything else is passed on as it is.
 *
 * @example
 * ```ts
 * workerFailure(Object.assign(new Error('…'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }), 1024).message;
 * // 'a worker thread ran out of memory (its heap is capped at 1024 MiB) …'
 * ```
 */
export function workerFailure(error: unknown, capMb: number | undefined): unknown {
  if ((error as { code?: unknown } | null)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') return error;
  const cap = capMb === undefined ? "V8's default" : `${capMb} MiB`;
  return new VnReconcileError(
    'WORKER_OUT_OF_MEMORY',
    `a worker thread ran out of memory (its heap is capped at ${cap}; the register's columns are shared memory outside that heap); nothing was written. This is a limit of vn-reconcile: please report it with the number of rows of each file. A program can raise the cap with the workerHeapMb option`,
    [],
    { cause: error },
  );
}

/**
 * Starts a worker with `execArgv` (inherited when `undefined`); when `new Worker` refuses the
 * list (a V8 or process-wide flag beside a dropped loader: `--import tsx
 * --max-old-space-size=8192`), with none — V8 flags hold for every thread of the process anyway.
 *
 * @example
 * ```ts
 * const w = startWorker('1', { eval: true }, ['--expose-gc']); // started with execArgv []
 * ```
 * @internal
 */
export function startWorker(
  script: string,
  options: Omit<WorkerOptions, 'execArgv'>,
  execArgv: string[] | undefined,
): Worker {
  try {
    return new Worker(script, execArgv ? { ...options, execArgv } : options);
  } catch (e) {
    if (!refusedExecArgv(e)) throw e;
    return new Worker(script, { ...options, execArgv: [] });
  }
}

/**
 * Starts `size` workers running the CLI worker entry.
 *
 * @example
 * ```ts
 * const pool = createPool(2);
 * const out = await pool.run<{ rows: number }>({ type: 'clean', text });
 * await pool.close();
 * ```
 */
export function createPool(size: number, options: PoolOptions = {}): WorkerPool {
  const entry = workerEntry('worker');
  const queue: Pending[] = [];
  let failure: unknown;
  const resourceLimits = {
    ...(options.maxOldSpaceMb === undefined
      ? {}
      : { maxOldGenerationSizeMb: options.maxOldSpaceMb }),
    ...(options.maxYoungSpaceMb === undefined
      ? {}
      : { maxYoungGenerationSizeMb: options.maxYoungSpaceMb }),
  };
  // Built workers are JavaScript: they start without the parent's TypeScript loader, if any.
  const execArgv = entry.eval ? undefined : workerExecArgv(process.execArgv);
  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = startWorker(entry.script, { eval: entry.eval, resourceLimits }, execArgv);
    const slot: Slot = { worker, job: undefined };
    worker.on('message', (msg: { ok: boolean; value?: unknown; error?: string }) => {
      const job = slot.job;
      slot.job = undefined;
      if (job) {
        if (msg.ok) job.resolve(msg.value);
        else job.reject(new Error(msg.error ?? 'worker task failed'));
      }
      next();
    });
    worker.on('error', (raw) => {
      const e = workerFailure(raw, options.maxOldSpaceMb);
      failure ??= e;
      const job = slot.job;
      slot.job = undefined;
      job?.reject(e);
      for (const q of queue.splice(0)) q.reject(e);
    });
    return slot;
  });
  function next(): void {
    slots.forEach((slot, w) => {
      if (slot.job !== undefined || queue.length === 0) return;
      // The first queued task this worker may run (in submission order).
      const q = queue.findIndex((job) => job.worker === undefined || job.worker === w);
      if (q < 0) return;
      const job = queue.splice(q, 1)[0]!;
      slot.job = job;
      slot.worker.postMessage(job.task, job.transfer as ArrayBuffer[]);
    });
  }
  function run<T>(
    task: PoolTask,
    transfer: readonly ArrayBuffer[] = [],
    worker?: number,
  ): Promise<T> {
    if (failure !== undefined) return Promise.reject(failure);
    if (worker !== undefined && !(Number.isInteger(worker) && worker >= 0 && worker < size))
      return Promise.reject(new RangeError(`No worker ${worker} in a pool of ${size}`));
    return new Promise<T>((resolve, reject) => {
      queue.push({ task, transfer, worker, resolve: resolve as (v: unknown) => void, reject });
      next();
    });
  }
  async function broadcast(task: PoolTask): Promise<void> {
    await Promise.all(
      slots.map(
        (slot, w) =>
          new Promise<void>((resolve, reject) => {
            // Broadcasts bypass the queue: wait until the slot is idle first.
            const send = () => {
              if (slot.job !== undefined) {
                setTimeout(send, 1);
                return;
              }
              slot.job = { task, transfer: [], worker: w, resolve: () => resolve(), reject };
              slot.worker.postMessage(task);
            };
            send();
          }),
      ),
    );
  }
  return {
    size,
    run,
    broadcast,
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    async abort(reason) {
      failure ??= reason;
      for (const slot of slots) {
        const job = slot.job;
        slot.job = undefined;
        job?.reject(reason);
      }
      for (const q of queue.splice(0)) q.reject(reason);
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
