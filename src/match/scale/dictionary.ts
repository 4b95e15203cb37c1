import {
  attachInterner,
  type Interner,
  type InternerArrays,
  internerArrays,
  internerSize,
} from '../interner.js';
import type { LinkageSpec } from '../spec.js';
import { type BufferAllocator, plainAllocator } from './block-table.js';

/**
 * The interned values of each comparison (`null` for a comparison without an interner): the
 * arrays of its typed-array hash table (hash table, UTF-16 pool, value offsets), trimmed to what
 * is used. Only typed arrays, so when they live in `SharedArrayBuffer`s a message to a
 * worker thread carries references, not copies, and the worker uses them as they are.
 *
 * @example
 * ```ts
 * const dicts: Dictionaries = exportDictionaries(spec, { allocate: (n) => new SharedArrayBuffer(n) });
 * worker.postMessage({ dicts }); // shared, not copied
 * ```
 */
export type Dictionaries = readonly (InternerArrays | null)[];

/** Options of {@link exportDictionaries}. */
export interface ExportDictionariesOptions {
  /** Where the arrays are copied (default: ordinary `ArrayBuffer`s). */
  readonly allocate?: BufferAllocator;
  /**
   * The interners read the copies afterwards, frozen, so that their own arrays can be freed at
   * once (for a caller that holds the interners until the end of a long assembly; default false).
   */
  readonly release?: boolean;
}

function copy<T extends Int32Array | Uint32Array | Uint16Array>(
  a: T,
  alloc: BufferAllocator,
  Ctor: new (buffer: ArrayBufferLike, offset: number, length: number) => T,
): T {
  const out = new Ctor(alloc(a.byteLength), 0, a.length);
  out.set(a);
  return out;
}

/**
 * Exports the dictionaries of a spec's comparisons (call after preparing the reference with it):
 * each interner's arrays, copied (trimmed) into `options.allocate` memory. With a
 * `SharedArrayBuffer` allocator, any number of threads then share one copy.
 *
 * @example
 * ```ts
 * const right = prepareSide(register, spec);
 * const dicts = exportDictionaries(spec, { allocate: (n) => new SharedArrayBuffer(n) });
 * ```
 */
export function exportDictionaries<R>(
  spec: LinkageSpec<R>,
  options: ExportDictionariesOptions = {},
): Dictionaries {
  return spec.comparisons.map((c) => exportDictionary(c.dictionary, options));
}

/**
 * {@link exportDictionaries} of one comparison's interner (`null` without one): for a pipeline
 * that assembles the reference one comparison at a time.
 *
 * @example
 * ```ts
 * const d = exportDictionary(spec.comparisons[0]!.dictionary, { allocate });
 * ```
 */
export function exportDictionary(
  interner: Interner | undefined,
  options: ExportDictionariesOptions = {},
): Dictionaries[number] {
  if (!interner) return null;
  const alloc = options.allocate ?? plainAllocator;
  const a = internerArrays(interner);
  const exported = {
    size: a.size,
    table: copy(a.table, alloc, Int32Array),
    pool: copy(a.pool, alloc, Uint16Array),
    starts: copy(a.starts, alloc, Uint32Array),
  };
  if (options.release) {
    interner.size = 0;
    attachInterner(interner, exported);
  }
  return exported;
}

/**
 * Attaches exported dictionaries to a fresh instance of the same spec (e.g. in a worker thread)
 * and freezes them: this instance then prepares records with the reference's ids, and values the
 * reference never had get an id no reference record has. The arrays are used as they are (no
 * copy, no re-hashing), and the interners never grow, so a worker can prepare any number of LEFT
 * chunks in constant memory.
 *
 * @example
 * ```ts
 * const mine = vietnameseSpec();
 * importDictionaries(mine, dicts);
 * const chunk = prepareSide(rows, mine); // ids agree with the reference
 * ```
 */
export function importDictionaries<R>(spec: LinkageSpec<R>, dictionaries: Dictionaries): void {
  if (dictionaries.length !== spec.comparisons.length)
    throw new RangeError(
      `${dictionaries.length} dictionaries for ${spec.comparisons.length} comparisons`,
    );
  // Check every comparison before attaching any, so a refused import changes nothing.
  for (const c of spec.comparisons)
    if (c.dictionary && internerSize(c.dictionary) > 0)
      throw new RangeError(`Comparison '${c.name}' has already interned values`);
  spec.comparisons.forEach((c, k) => {
    const arrays = dictionaries[k];
    if (arrays && c.dictionary) attachInterner(c.dictionary, arrays);
  });
}
