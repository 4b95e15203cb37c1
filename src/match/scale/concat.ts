import type { PreparedColumn } from '../comparison.js';
import { type BufferAllocator, plainAllocator } from './block-table.js';
import { isTypedArray, type TypedArray } from './typed-arrays.js';

/**
 * Concatenates the prepared columns of consecutive pieces of one side — each piece prepared by
 * the *same* comparison object, in order, so their interned ids already agree — into the column
 * one `prepare` call over all the records would have built, with its typed arrays in `alloc`
 * memory. This lets the register be prepared piece by piece (each piece's records dropped as soon
 * as it is prepared) instead of holding every record for one call.
 *
 * The layouts it understands are the engine's: a typed array with one element per record; a
 * string column (`codes` pool with per-record `start` offsets, or an emptied one: no code
 * units, ids only); a token list (`x` pool with
 * `xStart` offsets, one more than records); nested plain objects of these. The same array
 * referenced twice (`tfIds` is often `ids`) stays one array. Anything else is refused with a
 * `TypeError` naming the field, never concatenated wrongly.
 *
 * @example
 * ```ts
 * const c = spec.comparisons[0]!;
 * const whole = concatColumns([c.prepare(register.slice(0, 500)), c.prepare(register.slice(500))]);
 * // equal to c.prepare(register) had the comparison been fresh
 * ```
 */
export function concatColumns(
  parts: readonly PreparedColumn[],
  alloc: BufferAllocator = plainAllocator,
): PreparedColumn {
  if (parts.length === 0) throw new RangeError('concatColumns needs at least one part');
  const sizes = parts.map((p) => p.size);
  return concatObject(
    parts as readonly object[],
    sizes,
    alloc,
    'column',
    new Map(),
  ) as PreparedColumn;
}

type Memo = Map<TypedArray, TypedArray>;

function concatObject(
  parts: readonly object[],
  sizes: readonly number[],
  alloc: BufferAllocator,
  path: string,
  memo: Memo,
): object {
  const first = parts[0] as Record<string, unknown>;
  const fields = Object.keys(first);
  for (const p of parts) {
    const keys = Object.keys(p);
    if (keys.length !== fields.length || keys.some((k, i) => k !== fields[i]))
      throw new TypeError(`Prepared column '${path}': the parts have different fields`);
  }
  const get = (name: string) => parts.map((p) => (p as Record<string, unknown>)[name]);
  const out: Record<string, unknown> = {};
  // Pools first, so offsets into them can be shifted by the pool lengths.
  const pools = new Map<string, string>(); // offsets field → pool field
  if (isTypedArray(first['codes']) && isTypedArray(first['start'])) pools.set('start', 'codes');
  for (const name of fields) {
    if (name.endsWith('Start') && isTypedArray(first[name])) {
      const pool = name.slice(0, -'Start'.length);
      if (isTypedArray(first[pool])) pools.set(name, pool);
    }
  }
  const poolNames = new Set(pools.values());
  // A string sub-column emptied by `compactPiece`: its pool (no code units) and ids only.
  if (isTypedArray(first['codes']) && !('start' in first)) poolNames.add('codes');
  for (const name of fields) {
    const values = get(name);
    const here = `${path}.${name}`;
    const v0 = values[0];
    if (name === 'size') {
      out[name] = sizes.reduce((a, b) => a + b, 0);
    } else if (isTypedArray(v0)) {
      const arrays = values as TypedArray[];
      const pool = poolNames.has(name) ? undefined : pools.get(name);
      if (pool === undefined && !poolNames.has(name)) {
        arrays.forEach((a, i) => {
          if (a.length !== sizes[i])
            throw new TypeError(
              `Prepared column field '${here}' has ${a.length} elements for ${sizes[i]} records: unknown layout`,
            );
        });
      }
      // The same array referenced twice (`tfIds` is often `ids`) is concatenated once.
      let made = memo.get(v0);
      if (made === undefined) {
        made =
          pool === undefined
            ? concatArrays(arrays, alloc)
            : concatOffsets(arrays, get(pool) as TypedArray[], sizes, alloc, here);
        memo.set(v0, made);
      }
      out[name] = made;
    } else if (v0 !== null && typeof v0 === 'object' && !Array.isArray(v0)) {
      const subSizes = (values as { size?: unknown }[]).map((v, i) =>
        typeof v.size === 'number' ? v.size : sizes[i]!,
      );
      out[name] = concatObject(values as object[], subSizes, alloc, here, memo);
    } else if (typeof v0 === 'number' || typeof v0 === 'string' || typeof v0 === 'boolean') {
      if (values.some((v) => v !== v0))
        throw new TypeError(`Prepared column field '${here}' differs between parts`);
      out[name] = v0;
    } else if (v0 === undefined) {
      out[name] = undefined;
    } else {
      throw new TypeError(`Prepared column field '${here}' cannot be concatenated`);
    }
  }
  return out;
}

/**
 * An array of `length` elements of the parts' type, or, when the parts' types differ (pieces
 * narrowed one by one, see `compactPiece`) or they are offsets (which grow by the pools before
 * them) in fewer than 32 bits, one that holds all of their values: `Int32Array` for integer
 * parts of up to 32 signed bits, `Float64Array` otherwise.
 */
function allocLike(
  arrays: readonly TypedArray[],
  length: number,
  alloc: BufferAllocator,
  offsets = false,
): TypedArray {
  const first = arrays[0]!;
  let Ctor = first.constructor as new (
    buffer: ArrayBufferLike,
    offset: number,
    length: number,
  ) => TypedArray;
  // Offsets grow by the pools before them: never narrower than 32 bits, whatever the parts'.
  const narrow = [Int8Array, Uint8Array, Int16Array, Uint16Array].some((C) => Ctor === C);
  if (arrays.some((a) => a.constructor !== Ctor) || (offsets && narrow))
    Ctor = arrays.some(
      (a) => a instanceof Uint32Array || a instanceof Float32Array || a instanceof Float64Array,
    )
      ? Float64Array
      : Int32Array;
  const bytes = (Ctor as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  return new Ctor(alloc(length * bytes), 0, length);
}

function concatArrays(arrays: readonly TypedArray[], alloc: BufferAllocator): TypedArray {
  let n = 0;
  for (const a of arrays) n += a.length;
  const out = allocLike(arrays, n, alloc);
  let o = 0;
  for (const a of arrays) {
    (out as unknown as { set(x: ArrayLike<number>, at: number): void }).set(a, o);
    o += a.length;
  }
  return out;
}

/**
 * Offsets into a pool, shifted by the pool lengths of the parts before. Per-record offsets
 * (`length === size`) are shifted as they are; token-list offsets (`length === size + 1`, the
 * last one the pool's end) drop each part's closing offset but the last part's.
 */
function concatOffsets(
  arrays: readonly TypedArray[],
  pools: readonly TypedArray[],
  sizes: readonly number[],
  alloc: BufferAllocator,
  path: string,
): TypedArray {
  const first = arrays[0]!;
  const closed = first.length === sizes[0]! + 1;
  arrays.forEach((a, i) => {
    if (a.length !== sizes[i]! + (closed ? 1 : 0))
      throw new TypeError(`Offsets '${path}' have an unknown layout`);
  });
  let n = closed ? 1 : 0;
  for (const s of sizes) n += s;
  const out = allocLike(arrays, n, alloc, true);
  let o = 0;
  let shift = 0;
  arrays.forEach((a, i) => {
    const count = sizes[i]!;
    for (let k = 0; k < count; k++) out[o + k] = a[k]! + shift;
    o += count;
    shift += pools[i]!.length;
  });
  if (closed) out[o] = shift;
  return out;
}
