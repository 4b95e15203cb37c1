import type { PreparedColumn } from '../comparison.js';
import type { InternerArrays } from '../interner.js';
import { type BufferAllocator, plainAllocator } from './block-table.js';
import type { Dictionaries } from './dictionary.js';
import type { ColumnarReference } from './reference.js';
import { isTypedArray, type TypedArray } from './typed-arrays.js';

/**
 * A string sub-column as the engine's kernels read it: a code-unit pool, each record's offset and
 * length in it, and its interned id (−1 when missing).
 */
interface StringFields {
  readonly codes: Uint16Array;
  readonly start: TypedArray;
  readonly len: TypedArray;
  readonly ids: TypedArray;
}

function stringFields(o: Record<string, unknown>, size: number): StringFields | undefined {
  const { codes, start, len, ids } = o;
  if (!(codes instanceof Uint16Array)) return undefined;
  if (!isTypedArray(start) || !isTypedArray(len) || !isTypedArray(ids)) return undefined;
  if (start.length !== size || len.length !== size || ids.length !== size) return undefined;
  return { codes, start, len, ids };
}

/**
 * True when every record's value is, code unit for code unit, the dictionary's value of its id
 * (and a record without an id has no value): only then can the column read the dictionary's pool.
 */
function spelledByDictionary(s: StringFields, d: InternerArrays): boolean {
  const { codes, start, len, ids } = s;
  const { pool, starts } = d;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const l = len[i]!;
    if (id < 0) {
      if (l !== 0) return false;
      continue;
    }
    if (id >= d.size) return false;
    const from = starts[id]!;
    if (starts[id + 1]! - from !== l) return false;
    const o = start[i]!;
    for (let k = 0; k < l; k++) if (codes[o + k] !== pool[from + k]) return false;
  }
  return true;
}

type Narrow = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/**
 * `values` in the narrowest of Int8, Uint8, Int16, Uint16 and Int32 arrays that holds every one
 * of them exactly (the array itself when none is narrower).
 */
function narrow(values: TypedArray, alloc: BufferAllocator): TypedArray {
  if (!(values instanceof Int32Array || values instanceof Uint32Array)) return values;
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const n = values.length;
  let out: Narrow;
  if (min >= -128 && max <= 127) out = new Int8Array(alloc(n), 0, n);
  else if (min >= 0 && max <= 255) out = new Uint8Array(alloc(n), 0, n);
  else if (min >= -32768 && max <= 32767) out = new Int16Array(alloc(n * 2), 0, n);
  else if (min >= 0 && max <= 65535) out = new Uint16Array(alloc(n * 2), 0, n);
  else return values;
  out.set(values);
  return out;
}

/**
 * A reference column made smaller without changing any value a kernel reads:
 * - string sub-columns read their code units from the comparison's dictionary pool instead of a
 *   pool of their own (the same values at other offsets); sub-columns whose values are not the
 *   dictionary's (another interner, another spelling) keep their own;
 * - every 32-bit integer array (ids, lengths, offsets, token lists) is held in the narrowest
 *   integer array that holds its values exactly (ids of a few thousand given names in 2 bytes, a
 *   sex in 1), so these arrays may be narrower than the engine's `Int32Array` types say; an
 *   array referenced twice (`tfIds` and `ids`) stays one array.
 */
function compactColumn(
  column: PreparedColumn,
  dictionary: InternerArrays | null | undefined,
  alloc: BufferAllocator,
): PreparedColumn {
  const narrowed = new Map<TypedArray, TypedArray>();
  const once = (a: TypedArray): TypedArray => {
    let m = narrowed.get(a);
    if (m === undefined) {
      m = narrow(a, alloc);
      narrowed.set(a, m);
    }
    return m;
  };
  const walk = (value: unknown, size: number): unknown => {
    if (isTypedArray(value)) return once(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    const n = typeof o['size'] === 'number' ? o['size'] : size;
    const s = stringFields(o, n);
    let fields: Record<string, unknown> = o;
    if (dictionary && s && spelledByDictionary(s, dictionary)) {
      const wide = dictionary.pool.length > 0x7fff_ffff;
      const start = wide ? new Uint32Array(alloc(n * 4), 0, n) : new Int32Array(alloc(n * 4), 0, n);
      for (let i = 0; i < n; i++) {
        const id = s.ids[i]!;
        start[i] = id < 0 ? 0 : dictionary.starts[id]!;
      }
      fields = { ...o, start };
      narrowed.set(s.codes, dictionary.pool);
    }
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(fields)) out[name] = walk(v, n);
    return out;
  };
  return walk(column, column.size) as PreparedColumn;
}

/**
 * The reference made smaller for holding and sharing, with every comparison level, and so every
 * result, unchanged: its string columns read their code units from the dictionaries' pools
 * (which the reference's holder keeps anyway, to prepare the other side), so each register
 * value's code units are held once instead of once per record that has it, and its integer
 * arrays take the narrowest integer type that holds their values. Call with the dictionaries
 * exported from the spec that prepared `reference` (`dictionaries[k]` belongs to
 * `reference.columns[k]`); the block tables are kept as they are.
 *
 * @example
 * ```ts
 * const dicts = exportDictionaries(spec, { allocate });
 * const ref = compactReference(columnarReferenceFromPieces(pieces, { allocate }), dicts, allocate);
 * ```
 */
export function compactReference(
  reference: ColumnarReference,
  dictionaries: Dictionaries,
  alloc: BufferAllocator = plainAllocator,
): ColumnarReference {
  return {
    ...reference,
    columns: reference.columns.map((c, k) => compactColumn(c, dictionaries[k], alloc)),
  };
}

/**
 * {@link compactReference} of one column (for a pipeline that assembles the reference one column
 * at a time and drops each column's pieces as it goes).
 */
export function compactReferenceColumn(
  column: PreparedColumn,
  dictionary: InternerArrays | null | undefined,
  alloc: BufferAllocator = plainAllocator,
): PreparedColumn {
  return compactColumn(column, dictionary, alloc);
}
