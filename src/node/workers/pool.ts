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
 * How far into its buffer a typed array may reach and still cross to another thread intact: a
 * message carries a view's byte offset and length in 32 bits (V8's serializer, Node 20), so a
 * view of shared memory that reaches 4 GiB or more into its buffer would arrive pointing at other
 * bytes, and the worker would read them without an error.
 */
const MESSAGE_VIEW_LIMIT = 2 ** 32;

/**
 * The first typed array of `value` (searched through its arrays and plain objects) that a message
 * would not carry intact ({@link MESSAGE_VIEW_LIMIT}), as a path; `undefined` when there is none.
 *
 * @example
 * ```ts
 * unsendableView({ a: new Int32Array(8) }); // undefined
 * ```
 * @internal
 */
export function unsendableView(value: unknown, path = 'task'): string | undefined {
  const seen = new Set<object>();
  const walk = (v: unknown, at: string): string | undefined => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return undefined;
    seen.add(v);
    if (ArrayBuffer.isView(v))
      return v.byteOffset + v.byteLength >= MESSAGE_VIEW_LIMIT ? at : undefined;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const bad = walk(v[i], `${at}[${i}]`);
        if (bad !== undefined) return bad;
      }
      return undefined;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return undefined;
    for (const key of Object.keys(v)) {
      const bad = walk((v as Record<string, unknown>)[key], `${at}.${key}`);
      if (bad !== undefined) return bad;
    }
    return undefined;
  };
  return walk(value, path);
}

/** Rejects a task whose message would reach its worker damaged (see {@link unsendableView}). */
function checkSendable(task: PoolTask): Error | undefined {
  const bad = unsendableView(task);
  return bad === undefined
    ? undefined
    : new Error(
        `${bad} reaches 4 GiB or more into its buffer: a worker would receive it pointing at other bytes (this is a bug of vn-reconcile)`,
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
  /** Set by `close` and `abort`: a worker's exit is then expected. */
  let closing = false;
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
    const fail = (e: unknown) => {
      failure ??= e;
      const job = slot.job;
      slot.job = undefined;
      job?.reject(e);
      for (const q of queue.splice(0)) q.reject(e);
    };
    worker.on('error', (raw) => fail(workerFailure(raw, options.maxOldSpaceMb)));
    // A reply that cannot be read, or a worker gone without an error: the task in flight would
    // otherwise wait for ever.
    worker.on('messageerror', (raw) =>
      fail(new Error(`a worker's reply could not be read: ${String(raw)}`, { cause: raw })),
    );
    worker.on('exit', (code) => {
      if (!closing) fail(new Error(`a worker thread stopped unexpectedly (exit code ${code})`));
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
      try {
        slot.worker.postMessage(job.task, job.transfer as ArrayBuffer[]);
        slot.job = job;
      } catch (e) {
        // A task that cannot be sent (a value a message cannot hold): its own failure only.
        job.reject(e);
        next();
      }
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
    const unsendable = checkSendable(task);
    if (unsendable) return Promise.reject(unsendable);
    return new Promise<T>((resolve, reject) => {
      queue.push({ task, transfer, worker, resolve: resolve as (v: unknown) => void, reject });
      next();
    });
  }
  async function broadcast(task: PoolTask): Promise<void> {
    if (failure !== undefined) throw failure;
    const unsendable = checkSendable(task);
    if (unsendable) throw unsendable;
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
              try {
                slot.worker.postMessage(task);
              } catch (e) {
                reject(e);
                return;
              }
              slot.job = { task, transfer: [], worker: w, resolve: () => resolve(), reject };
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
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
    async abort(reason) {
      closing = true;
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
