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

/** The narrowest of Uint8, Uint16 and Int32 arrays that holds `values` (all ≥ 0). */
function narrowLengths(values: TypedArray, alloc: BufferAllocator): TypedArray {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  const n = values.length;
  const out =
    max < 256
      ? new Uint8Array(alloc(n), 0, n)
      : max < 65536
        ? new Uint16Array(alloc(n * 2), 0, n)
        : new Int32Array(alloc(n * 4), 0, n);
  out.set(values as unknown as ArrayLike<number>);
  return out;
}

/**
 * A reference column whose string sub-columns read their code units from the comparison's
 * dictionary pool instead of a pool of their own: the same values at other offsets, so every
 * kernel computes the same thing. Sub-columns whose values are not the dictionary's (another
 * interner, another spelling) are left as they are.
 */
function shareColumn(
  column: PreparedColumn,
  dictionary: InternerArrays,
  alloc: BufferAllocator,
): PreparedColumn {
  const walk = (value: unknown, size: number): unknown => {
    if (value === null || typeof value !== 'object' || isTypedArray(value) || Array.isArray(value))
      return value;
    const o = value as Record<string, unknown>;
    const n = typeof o['size'] === 'number' ? o['size'] : size;
    const s = stringFields(o, n);
    if (s && spelledByDictionary(s, dictionary)) {
      const wide = dictionary.pool.length > 0x7fff_ffff;
      const start = wide ? new Uint32Array(alloc(n * 4), 0, n) : new Int32Array(alloc(n * 4), 0, n);
      for (let i = 0; i < n; i++) {
        const id = s.ids[i]!;
        start[i] = id < 0 ? 0 : dictionary.starts[id]!;
      }
      return { ...o, codes: dictionary.pool, start, len: narrowLengths(s.len, alloc) };
    }
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(o)) out[name] = walk(v, n);
    return out;
  };
  return walk(column, column.size) as PreparedColumn;
}

/**
 * The reference with its string columns re-pointed at the dictionaries' pools (which the
 * reference's holder keeps anyway, for preparing the other side): each register value's code
 * units are then held once, in its dictionary, instead of once per record that has it, and the
 * value lengths take one or two bytes. Scoring reads the same code units, so every comparison
 * level, and so every result, is unchanged. Call with the dictionaries exported from the spec
 * that prepared `reference` (`dictionaries[k]` belongs to `reference.columns[k]`).
 *
 * @example
 * ```ts
 * const dicts = exportDictionaries(spec, { allocate });
 * const ref = shareDictionaryPools(columnarReferenceFromPieces(pieces, { allocate }), dicts, allocate);
 * ```
 */
export function shareDictionaryPools(
  reference: ColumnarReference,
  dictionaries: Dictionaries,
  alloc: BufferAllocator = plainAllocator,
): ColumnarReference {
  return {
    ...reference,
    columns: reference.columns.map((c, k) => {
      const d = dictionaries[k];
      return d ? shareColumn(c, d, alloc) : c;
    }),
  };
}

/**
 * {@link shareDictionaryPools} of one column (for a pipeline that assembles the reference one
 * column at a time and drops each column's pieces as it goes).
 */
export function shareDictionaryPool(
  column: PreparedColumn,
  dictionary: InternerArrays | null | undefined,
  alloc: BufferAllocator = plainAllocator,
): PreparedColumn {
  return dictionary ? shareColumn(column, dictionary, alloc) : column;
}
