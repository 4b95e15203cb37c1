/** The messages the main thread sends to the workers (link and clean). */
import type { Dictionaries, PreparedSide } from '../../match/index.js';
import type { CleanWorkerData } from '../clean/clean-parallel.js';
import type { CsvChunk } from '../io/csv-chunks.js';
import type { ReferenceSetup, TrainSetup, WorkerSetup } from './tasks.js';

/** One message to a worker (each gets exactly one answer). */
export type WorkerMessage =
  | { readonly type: 'setup'; readonly setup: WorkerSetup }
  | {
      readonly type: 'clean';
      readonly side: 'left' | 'right' | 'sample';
      readonly source: string | CsvChunk;
      readonly firstRow: number;
    }
  | { readonly type: 'dictionaries'; readonly dictionaries: Dictionaries }
  | { readonly type: 'sample'; readonly text: string }
  | { readonly type: 'train'; readonly train: TrainSetup }
  | { readonly type: 'stage'; readonly chunk: CsvChunk }
  | { readonly type: 'clean-ahead'; readonly chunks: readonly CsvChunk[] }
  | { readonly type: 'reference'; readonly reference: ReferenceSetup }
  | { readonly type: 'prepare'; readonly chunk: CsvChunk }
  | { readonly type: 'link'; readonly chunk: CsvChunk; readonly withRowNumbers: boolean }
  | {
      readonly type: 'score';
      readonly left: PreparedSide;
      readonly ids: readonly string[];
      readonly rows: readonly number[];
      readonly invalid: Uint8Array;
      readonly withRowNumbers: boolean;
    }
  | { readonly type: 'clean-setup'; readonly data: CleanWorkerData }
  | { readonly type: 'clean-chunk'; readonly bytes: Uint8Array };
