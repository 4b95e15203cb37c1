import type { PreparedColumn } from '../comparison.js';
import { type Interner, type InternerArrays, internerArrays } from '../interner.js';
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
 * A string sub-column {@link compactPiece} emptied: no code units, no offsets and lengths of its
 * own, only the ids (its values are its dictionary's values of them).
 */
function emptiedFields(o: Record<string, unknown>, size: number): TypedArray | undefined {
  const { codes, ids } = o;
  if (!(codes instanceof Uint16Array) || codes.length !== 0) return undefined;
  if ('start' in o || 'len' in o || 'offsets' in o) return undefined;
  return isTypedArray(ids) && ids.length === size ? ids : undefined;
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

/** True when every record's id is one of the dictionary's, or −1 (an emptied sub-column's). */
function idsInDictionary(ids: TypedArray, d: InternerArrays): boolean {
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= d.size) return false;
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
 * {@link narrow}, once per array: an array referenced twice in a column (`tfIds` and `ids`) is
 * narrowed once and stays one array. `narrowed` may be given pre-seeded (an array replaced by
 * another: a column's code units by the dictionary's pool).
 */
function narrowOnce(
  alloc: BufferAllocator,
  narrowed: Map<TypedArray, TypedArray> = new Map(),
): (a: TypedArray) => TypedArray {
  return (a) => {
    let m = narrowed.get(a);
    if (m === undefined) {
      m = narrow(a, alloc);
      narrowed.set(a, m);
    }
    return m;
  };
}

/**
 * A column rebuilt object by object: every typed array through `narrowArray`, every object (the
 * column and its sub-columns, each with the record count of its nearest `size`) first given its
 * new fields by `fieldsOf`, which then are rebuilt the same way.
 */
function rewriteColumn(
  column: PreparedColumn,
  narrowArray: (a: TypedArray) => TypedArray,
  fieldsOf: (o: Record<string, unknown>, size: number) => Record<string, unknown>,
): PreparedColumn {
  const walk = (value: unknown, size: number): unknown => {
    if (isTypedArray(value)) return narrowArray(value);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    const n = typeof o['size'] === 'number' ? o['size'] : size;
    const out: Record<string, unknown> = {};
    for (const [name, v] of Object.entries(fieldsOf(o, n))) out[name] = walk(v, n);
    return out;
  };
  return walk(column, column.size) as PreparedColumn;
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
  return rewriteColumn(column, narrowOnce(alloc, narrowed), (o, n) => {
    const s = stringFields(o, n);
    let fields: Record<string, unknown> = o;
    // A sub-column compacted before: its offsets are a dictionary's, kept as they are.
    if (isTypedArray(o['offsets']) && !('start' in o)) narrowed.set(o['offsets'], o['offsets']);
    // Values the dictionary spells (pieces compactPiece emptied: already offsets into its pool;
    // or a column of their own): the column keeps only the ids, and reads each value's place
    // in the pool from the dictionary's offsets (the kernels' valueStart / valueLength).
    const emptied = dictionary ? emptiedFields(o, n) : undefined;
    if (emptied && !idsInDictionary(emptied, dictionary!))
      throw new RangeError('An emptied string column has ids its dictionary does not hold');
    if (dictionary && (emptied || (s && spelledByDictionary(s, dictionary)))) {
      const { start: _start, len: _len, ...rest } = o;
      fields = { ...rest, codes: dictionary.pool, offsets: dictionary.starts };
      narrowed.set(dictionary.pool, dictionary.pool);
      narrowed.set(dictionary.starts, dictionary.starts);
    }
    return fields;
  });
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
 *
 * @example
 * ```ts
 * const column = compactReferenceColumn(joined, exportDictionary(spec.comparisons[k].dictionary));
 * ```
 */
export function compactReferenceColumn(
  column: PreparedColumn,
  dictionary: InternerArrays | null | undefined,
  alloc: BufferAllocator = plainAllocator,
): PreparedColumn {
  return compactColumn(column, dictionary, alloc);
}

/**
 * One piece of the reference's column (a chunk of the register, its ids already the reference's:
 * after `renumberColumn`, or prepared by the reference's own spec) made smaller while the rest of
 * the register is still being prepared, so the pieces waiting to be concatenated hold about what
 * the final reference holds: string sub-columns whose values are the interner's drop their code
 * units (their offsets become the values' offsets in the interner's pool, which never move), and
 * 32-bit integer arrays take the narrowest integer type that holds them. `concatColumns` joins
 * such pieces (mixed integer types are widened), and {@link compactReferenceColumn} with the
 * exported dictionary finishes the column. A piece whose values are not the interner's keeps
 * them; should pieces of one column disagree, {@link uniformPieces} puts the code units back.
 * @internal
 *
 * @example
 * ```ts
 * const piece = compactPiece(comparison.prepare(chunk), comparison.dictionary);
 * ```
 */
export function compactPiece(
  column: PreparedColumn,
  interner: Interner | undefined,
): PreparedColumn {
  const dictionary = interner ? internerArrays(interner) : undefined;
  return rewriteColumn(column, narrowOnce(plainAllocator), (o, n) => {
    const s = stringFields(o, n);
    if (!dictionary || !s || !spelledByDictionary(s, dictionary)) return o;
    const { start: _start, len: _len, ...rest } = o;
    return { ...rest, codes: new Uint16Array(0) };
  });
}

/**
 * An emptied string sub-column (`ids` only) with its code units, offsets and lengths put back
 * from the dictionary, its fields in the order `keys` (a sibling piece's).
 */
function restored(
  o: Record<string, unknown>,
  ids: TypedArray,
  d: InternerArrays,
  keys: readonly string[],
): Record<string, unknown> {
  const n = ids.length;
  const start = new Int32Array(n);
  const len = new Int32Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    const id = ids[r]!;
    if (id >= 0) total += d.starts[id + 1]! - d.starts[id]!;
  }
  const codes = new Uint16Array(total);
  for (let r = 0, at = 0; r < n; r++) {
    const id = ids[r]!;
    start[r] = at;
    if (id < 0) continue;
    const from = d.starts[id]!;
    const l = d.starts[id + 1]! - from;
    codes.set(d.pool.subarray(from, from + l), at);
    len[r] = l;
    at += l;
  }
  const fields: Record<string, unknown> = { ...o, codes, start, len };
  return Object.fromEntries(keys.map((k) => [k, fields[k]]));
}

/**
 * The pieces of one column with the code units of emptied string sub-columns put back where
 * other pieces of the same sub-column kept theirs (so `concatColumns` can join them); the pieces
 * as they are when they agree, which is the rule.
 * @internal
 *
 * @example
 * ```ts
 * const joined = concatColumns(uniformPieces(pieces, comparison.dictionary));
 * ```
 */
export function uniformPieces(
  parts: readonly PreparedColumn[],
  interner: Interner | undefined,
): PreparedColumn[] {
  if (!interner) return [...parts];
  const d = internerArrays(interner);
  const walk = (values: readonly unknown[], sizes: readonly number[]): unknown[] => {
    const first = values[0];
    if (first === null || typeof first !== 'object' || Array.isArray(first) || isTypedArray(first))
      return [...values];
    const objects = values as Record<string, unknown>[];
    const n = objects.map((o, i) => (typeof o['size'] === 'number' ? o['size'] : sizes[i]!));
    const emptied = objects.map((o, i) => emptiedFields(o, n[i]!));
    const own = objects.findIndex((o, i) => stringFields(o, n[i]!) !== undefined);
    if (emptied.some((x) => x !== undefined)) {
      if (own < 0) return [...values];
      return objects.map((o, i) => {
        const ids = emptied[i];
        return ids ? restored(o, ids, d, Object.keys(objects[own]!)) : o;
      });
    }
    const out = objects.map(() => ({}) as Record<string, unknown>);
    for (const name of Object.keys(objects[0]!)) {
      const column = walk(
        objects.map((o) => o[name]),
        n,
      );
      column.forEach((v, i) => {
        out[i]![name] = v;
      });
    }
    return out;
  };
  return walk(
    parts,
    parts.map((p) => p.size),
  ) as PreparedColumn[];
}
