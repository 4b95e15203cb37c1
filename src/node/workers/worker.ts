/**
 * The worker-thread entry of the engine (built to dist/node/worker.js), for `link` and `clean`.
 * It only routes messages to the task functions in ./tasks.ts and ./clean-tasks.ts and answers `{ ok, value }` or
 * `{ ok: false, error }`, one answer per message, in order.
 */
import { parentPort } from 'node:worker_threads';
import type { CleanWorkerData } from '../clean/clean-parallel.js';
import { cleanBytes, setupClean } from './clean-tasks.js';
import type { WorkerMessage } from './messages.js';
import {
  clean,
  cleanLeftAhead,
  cleanSample,
  createWorkerState,
  installDictionaries,
  installReference,
  linkLeftChunk,
  prepareRight,
  score,
  setup,
  stageLeftChunk,
  trainSample,
} from './tasks.js';

const port = parentPort;
if (port === null) throw new Error('vn-reconcile worker: not running in a worker thread');
const state = createWorkerState();
const cleanState: { data?: CleanWorkerData } = {};

function handle(msg: WorkerMessage): unknown {
  switch (msg.type) {
    case 'setup':
      setup(state, msg.setup);
      return undefined;
    case 'clean':
      return clean(state, msg.side, msg.source, msg.firstRow);
    case 'dictionaries':
      return installDictionaries(state, msg.dictionaries);
    case 'sample':
      return cleanSample(state, msg.text);
    case 'train':
      return trainSample(state, msg.train);
    case 'stage':
      return stageLeftChunk(state, msg.chunk);
    case 'clean-ahead':
      return cleanLeftAhead(state, msg.chunks);
    case 'reference':
      installReference(state, msg.reference);
      return undefined;
    case 'prepare':
      return prepareRight(state, msg.chunk);
    case 'link':
      return linkLeftChunk(state, msg.chunk, msg.withRowNumbers);
    case 'score':
      return score(state, msg.left, msg.ids, msg.rows, msg.invalid, msg.withRowNumbers);
    case 'clean-setup':
      setupClean(cleanState, msg.data);
      return undefined;
    case 'clean-chunk':
      return cleanBytes(cleanState, msg.bytes);
  }
}

// A task that could not be read: answered (as a failure), never left waiting.
port.on('messageerror', (e) => {
  port.postMessage({ ok: false, error: `the task could not be read: ${String(e)}` });
});
port.on('message', (msg: WorkerMessage) => {
  try {
    port.postMessage({ ok: true, value: handle(msg) });
  } catch (e) {
    port.postMessage({ ok: false, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
});
