/**
 * Preparing the reference in parallel (issue 18): each thread prepares its pieces with its own,
 * fresh comparison objects (its own interners), and one thread merges the pieces' dictionaries
 * into the reference's, in piece order, re-numbering the ids of each piece's columns. Interning a
 * piece's values in the order the piece first met them, piece after piece, gives every value the
 * id one serial preparation would have given it: the reference is the same, id for id.
 *
 * Which fields of a prepared column hold interned ids is found by probing, not by knowing the
 * comparisons: a comparison is prepared twice on the same probe records, the second time with a
 * few values interned beforehand, and the fields whose values moved by exactly that many are the
 * id fields. A field that moves in any other way makes the comparison unfit (`undefined`), and
 * the caller prepares serially.
 */
import type { Comparison, PreparedColumn } from '../comparison.js';
import { clearInterner, type Interner, intern, internerArrays, internUnits } from '../interner.js';
import type { LinkageSpec } from '../spec.js';
import { isTypedArray, type TypedArray } from './typed-arrays.js';

/** A path of field names from a prepared column to one of its typed arrays. */
export type FieldPath = readonly string[];

/**
 * Per comparison, the paths of its prepared column's fields that hold interned ids (an empty list
 * for a comparison without a dictionary).
 */
export type IdFields = readonly (readonly FieldPath[])[];

const SHIFT = 7;

function arraysOf(value: unknown, path: string[], out: Map<string, TypedArray>): void {
  if (isTypedArray(value)) {
    out.set(JSON.stringify(path), value);
    return;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value))
    for (const [k, v] of Object.entries(value)) arraysOf(v, [...path, k], out);
}

/**
 * Finds the id fields of every comparison of a spec by probing (see the module comment): `fresh`
 * makes a new spec instance (new interners) each call; `probes` are records that fill every field
 * (a field left empty by every probe cannot be told apart). `undefined` when a comparison's
 * column changes in a way other than its ids moving.
 *
 * @example
 * ```ts
 * const fields = findIdFields(vietnameseSpec, probeRecords);
 * ```
 */
export function findIdFields<R>(
  fresh: () => LinkageSpec<R>,
  probes: readonly R[],
): IdFields | undefined {
  const plain = fresh();
  const shifted = fresh();
  const out: FieldPath[][] = [];
  for (let k = 0; k < plain.comparisons.length; k++) {
    const a = plain.comparisons[k]!;
    const b = shifted.comparisons[k];
    if (!b || !a.dictionary || !b.dictionary) {
      out.push([]);
      continue;
    }
    for (let s = 0; s < SHIFT; s++) intern(b.dictionary, `\u0000probe${s}\u0000`);
    const colA = new Map<string, TypedArray>();
    const colB = new Map<string, TypedArray>();
    arraysOf(a.prepare(probes), [], colA);
    arraysOf(b.prepare(probes), [], colB);
    if (colA.size !== colB.size) return undefined;
    const fields: FieldPath[] = [];
    for (const [key, x] of colA) {
      const y = colB.get(key);
      if (!y || y.length !== x.length || y.constructor !== x.constructor) return undefined;
      let same = true;
      let moved = true;
      let anyId = false;
      let anyNonNegative = false;
      for (let i = 0; i < x.length; i++) {
        const u = x[i]!;
        const v = y[i]!;
        if (u !== v) same = false;
        if (u >= 0) anyNonNegative = true;
        if (u >= 0) {
          anyId = true;
          if (v !== u + SHIFT) moved = false;
        } else if (v !== u) moved = false;
      }
      // An integer field the probes left empty everywhere could hold ids: undecidable.
      if (!anyNonNegative && x instanceof Int32Array) return undefined;
      if (same) continue;
      if (!moved || !anyId) return undefined;
      fields.push(JSON.parse(key) as string[]);
    }
    out.push(fields);
  }
  return out;
}

/**
 * A piece's dictionary as sent between threads: the values' UTF-16 code units and their offsets
 * (value `v` is `pool[starts[v] … starts[v + 1])`), in id order.
 */
export interface PieceDictionary {
  readonly pool: Uint16Array;
  readonly starts: Uint32Array;
}

/**
 * The dictionaries of a spec's comparisons after preparing one piece (trimmed copies: small,
 * and safe to send to another thread), `null` for a comparison without one.
 *
 * @example
 * ```ts
 * const mine = vietnameseSpec(); // fresh for this piece
 * const columns = mine.comparisons.map((c) => c.prepare(records));
 * const dicts = pieceDictionaries(mine);
 * ```
 */
export function pieceDictionaries<R>(spec: LinkageSpec<R>): (PieceDictionary | null)[] {
  return spec.comparisons.map((c: Comparison<R>) => {
    if (!c.dictionary) return null;
    const a = internerArrays(c.dictionary);
    return { pool: a.pool.slice(), starts: a.starts.slice() };
  });
}

/**
 * Empties the dictionaries of a spec's comparisons, so that the same spec prepares the next
 * piece with ids from 0 (what a fresh spec would give): one spec per worker instead of one per
 * piece keeps its closures monomorphic for the optimising compiler.
 *
 * @example
 * ```ts
 * clearDictionaries(mine);
 * const columns = mine.comparisons.map((c) => c.prepare(records));
 * const dicts = pieceDictionaries(mine);
 * ```
 */
export function clearDictionaries<R>(spec: LinkageSpec<R>): void {
  for (const c of spec.comparisons) if (c.dictionary) clearInterner(c.dictionary);
}

/**
 * Interns a piece's values into the reference's interner, in the piece's id order, and returns
 * the new id of each piece id.
 *
 * @example
 * ```ts
 * const map = mergeDictionary(spec.comparisons[k]!.dictionary!, dicts[k]!);
 * ```
 */
export function mergeDictionary(into: Interner, piece: PieceDictionary): Int32Array {
  const { pool, starts } = piece;
  const n = starts.length - 1;
  const map = new Int32Array(Math.max(0, n));
  for (let v = 0; v < n; v++) map[v] = internUnits(into, pool, starts[v]!, starts[v + 1]!);
  return map;
}

/**
 * Re-numbers a piece's prepared column in place: every id field (`fields`, from
 * {@link findIdFields}) maps piece id `v ≥ 0` to `map[v]` (negative values mean "none" and stay).
 *
 * @example
 * ```ts
 * renumberColumn(column, fields[k]!, mergeDictionary(dictionary, dicts[k]!));
 * ```
 */
export function renumberColumn(
  column: PreparedColumn,
  fields: readonly FieldPath[],
  map: Int32Array,
): void {
  const done = new Set<TypedArray>();
  for (const path of fields) {
    let v: unknown = column;
    for (const k of path) v = (v as Record<string, unknown>)[k];
    if (!isTypedArray(v)) throw new TypeError(`No id field ${path.join('.')} in the column`);
    if (done.has(v)) continue;
    done.add(v);
    for (let i = 0; i < v.length; i++) {
      const id = v[i]!;
      if (id >= 0) {
        const to = map[id];
        if (to === undefined) throw new RangeError(`Id ${id} is not in the piece's dictionary`);
        v[i] = to;
      }
    }
  }
}
