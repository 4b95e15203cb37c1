/**
 * National-scale linking: the reference side in columnar, shareable form (typed arrays that can
 * live in a `SharedArrayBuffer`, blocking indexes as sorted hash tables instead of `Map`s), EM on
 * a sample, and chunk-at-a-time scoring whose results do not depend on chunking or threads.
 * Pure: no Node APIs (the CLI adds worker threads and files on top).
 * @module
 */
export {
  type BlockTable,
  type BufferAllocator,
  blockNumber,
  blockTableFromHashes,
  buildBlockTable,
  hashKeys,
  lookupBlock,
  plainAllocator,
} from './block-table.js';
export {
  compactPiece,
  compactReference,
  compactReferenceColumn,
  uniformPieces,
} from './compact.js';
export { concatColumns } from './concat.js';
export {
  type Dictionaries,
  type ExportDictionariesOptions,
  exportDictionaries,
  exportDictionary,
  importDictionaries,
} from './dictionary.js';
export { hashKey, hashKeyParts, joinKeyParts, type KeyPart } from './hash.js';
export {
  type ChunkLink,
  createScaleLinker,
  linkChunk,
  type SampleTraining,
  type ScaleLinker,
  trainOnSample,
} from './linker.js';
export {
  type ColumnarReference,
  type ColumnarReferenceOptions,
  cappedBlocksOf,
  chunkBlockIndex,
  columnarReferenceFromPieces,
  dictionaryBytes,
  referenceBytes,
  referenceSide,
  resolveBlocks,
  toColumnarReference,
} from './reference.js';
export {
  clearDictionaries,
  type FieldPath,
  findIdFields,
  type IdFields,
  mergeDictionary,
  type PieceDictionary,
  pieceDictionaries,
  renumberColumn,
} from './renumber.js';
export {
  type TypedArray,
  type TypedArrayConstructor,
  type TypedArrayName,
  typedArrayConstructor,
  typedArrayName,
} from './typed-arrays.js';
