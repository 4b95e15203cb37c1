/**
 * The worker-thread entry of `vn-reconcile clean` (built to dist/cli/clean-worker.js). It gets
 * the resolved header and the clean options once (`workerData`), then cleans row-aligned chunks
 * of the input, one message each: `{ id, bytes }` in, `{ id, ok: true, chunk }` or
 * `{ id, ok: false, … }` out, the bytes transferred both ways.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { CsvError } from 'csv-parse';
import type {
  CleanWorkerData,
  CleanWorkerReply,
  CleanWorkerRequest,
} from '../clean/clean-parallel.js';
import { cleanCsvChunk } from '../clean/clean-rows.js';

const port = parentPort;
if (port === null) throw new Error('vn-reconcile clean worker: not running in a worker thread');
const { header, options, guard } = workerData as CleanWorkerData;

port.on('message', ({ id, bytes }: CleanWorkerRequest) => {
  let reply: CleanWorkerReply;
  try {
    reply = { id, ok: true, chunk: cleanCsvChunk(bytes, header, options, guard) };
  } catch (e) {
    // A malformed chunk: the main thread re-reads it to report the error as the whole file would.
    if (e instanceof CsvError) reply = { id, ok: false, csvError: true, bytes };
    else
      reply = {
        id,
        ok: false,
        csvError: false,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      };
  }
  const transfer = reply.ok ? [reply.chunk.out.buffer] : reply.csvError ? [reply.bytes.buffer] : [];
  port.postMessage(reply, transfer as ArrayBuffer[]);
});
