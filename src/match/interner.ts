/**
 * Interns strings into dense integer ids (0, 1, 2 …), so that equality of prepared values is an
 * integer comparison and term frequencies live in typed arrays.
 *
 * The interner is a hash table made only of typed arrays, because V8 caps a `Map` at 2^24
 * (16.8 M) entries and a national register interns more values than that:
 *
 * - `pool` holds every value's UTF-16 code units back to back, in id order;
 * - `starts[id]` … `starts[id + 1]` is value `id`'s range in the pool;
 * - `table` is an open-addressing table (power-of-two number of slots, linear probing, load
 *   ≤ 0.7, ≤ 1/2 for small tables) of two `Int32Array` entries per slot: the value's 32-bit hash, and `id + 1` (0 for a
 *   free slot). A probe reads the hash next to the id, so a lookup touches the pool only for a
 *   value whose full hash matches, and growing the table never re-reads the strings.
 *
 * No string object is retained, and the arrays can be copied into a `SharedArrayBuffer` and
 * attached to another interner (another thread) as they are, without re-hashing
 * (see {@link internerArrays} and {@link attachInterner}).
 * @internal
 * @module
 */
import { VnReconcileError } from '../errors.js';

/**
 * An interner's state. Plain data: read it only through the functions of this module.
 * @internal
 */
export interface Interner {
  /** Number of interned values: the ids are 0 … size − 1. */
  size: number;
  /**
   * Open-addressing table: slot `i` is `table[2i]` (the value's hash) and `table[2i + 1]`
   * (`id + 1`, or 0 when free); the number of slots is a power of two.
   */
  table: Int32Array;
  /** The values' UTF-16 code units back to back, in id order (`poolLength` of them used). */
  pool: Uint16Array;
  poolLength: number;
  /** Value `id` is `pool[starts[id] … starts[id + 1])`; `starts[0] = 0`. */
  starts: Uint32Array;
  /**
   * Lookup only (set by the national-scale pipeline on a worker's copy of the reference's
   * dictionary): an unseen string is not added and gets the id `size`, which no reference value
   * has. Valid because comparisons only test a left id against a right id.
   */
  frozen?: boolean;
  /**
   * The arrays belong to someone else (attached by {@link attachInterner}, possibly shared with
   * other threads): they are copied before the first write, should the interner be unfrozen.
   */
  borrowed?: boolean;
}

/** Options of {@link createInterner}. @internal */
export interface InternerOptions {
  /** Number of values to make room for before the first growth (default 8). */
  readonly capacity?: number;
}

/**
 * The arrays behind an interner, trimmed to what is used: enough to look values up (and to
 * list them) without re-hashing anything. Typed arrays only, so they can live in a
 * `SharedArrayBuffer` and cross threads by reference.
 * @internal
 */
export interface InternerArrays {
  readonly size: number;
  /** Two entries per slot (hash, `id + 1`); the number of slots is a power of two > `size`. */
  readonly table: Int32Array;
  /** Length `starts[size]`. */
  readonly pool: Uint16Array;
  /** Length `size + 1`. */
  readonly starts: Uint32Array;
}

/** Largest pool: value ends are `Uint32Array` entries (2^32 − 1 is also V8's typed-array cap). */
const MAX_POOL = 0xffff_ffff;
/** Most slots (2 entries each; a typed array holds at most 2^32 elements). */
const MAX_SLOTS = 2 ** 31;

/**
 * The 32-bit hash of a string (MurmurHash3's mix over pairs of UTF-16 code units, and its
 * finaliser, so every bit of the result depends on every code unit): the interner's table slot
 * is its low bits. Another `seed` gives an independent hash of the same string.
 *
 * @example
 * ```ts
 * hashString('001090012345') === hashString('001090012345'); // true
 * hashString('') === hashString('\u0000'); // false
 * ```
 * @internal
 */
export function hashString(s: string, seed = 0x9747b28c): number {
  const n = s.length;
  let h = seed;
  let i = 0;
  for (; i + 1 < n; i += 2) h = mixPair(h, s.charCodeAt(i) | (s.charCodeAt(i + 1) << 16));
  return finish(i < n ? mixLast(h, s.charCodeAt(i)) : h, n);
}

/** {@link hashString} of the string whose code units are `codes[from … to)`, without making it. */
function hashUnits(codes: Uint16Array, from: number, to: number): number {
  let h = 0x9747b28c;
  let i = from;
  for (; i + 1 < to; i += 2) h = mixPair(h, codes[i]! | (codes[i + 1]! << 16));
  return finish(i < to ? mixLast(h, codes[i]!) : h, to - from);
}

/** MurmurHash3's block step over two code units. */
function mixPair(h: number, pair: number): number {
  let k = Math.imul(pair, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's tail step over a last odd code unit. */
function mixLast(h: number, unit: number): number {
  let k = Math.imul(unit, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return h ^ Math.imul(k, 0x1b873593);
}

/** MurmurHash3's finaliser (with the length). */
function finish(h: number, n: number): number {
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Whether `size` values overload `slots` slots: load above 0.7, or above 1/2 while the table is
 * small (≤ 2^16 slots, 512 KiB), where the memory costs nothing and shorter probes speed up misses.
 */
const overloaded = (size: number, slots: number) =>
  size * 10 > slots * 7 || (slots <= 65_536 && size * 2 > slots);

/** The smallest power-of-two number of slots that holds `n` values. */
function slotsFor(n: number): number {
  let slots = 2;
  while (overloaded(n, slots)) slots *= 2;
  return slots;
}

/**
 * A new empty interner.
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * intern(interner, 'hung'); // 0
 * ```
 * @internal
 */
export function createInterner(options: InternerOptions = {}): Interner {
  const capacity = Math.max(1, Math.floor(options.capacity ?? 8));
  return {
    size: 0,
    table: new Int32Array(2 * slotsFor(capacity)),
    pool: new Uint16Array(capacity * 8),
    poolLength: 0,
    starts: new Uint32Array(capacity + 1),
    // Both flags present from the start: one object shape for every interner (monomorphic
    // property access in `intern`).
    frozen: false,
    borrowed: false,
  };
}

/**
 * The id of `s`, allocating the next id when `s` is new (or, when the interner is frozen,
 * returning `size` without adding `s`).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * intern(interner, 'hung'); // 0
 * intern(interner, 'lan'); // 1
 * intern(interner, 'hung'); // 0
 * ```
 * @internal
 */
export function intern(interner: Interner, s: string): number {
  return internPrefixed(interner, '', s);
}

/**
 * The ids of `values`, in order (new ones interned as they come); −1 for a missing or empty value.
 *
 * @example
 * ```ts
 * internIds(['hung', undefined, 'hung'], createInterner()); // Int32Array [0, -1, 0]
 * ```
 * @internal
 */
export function internIds(
  values: readonly (string | null | undefined)[],
  interner: Interner,
): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v ? intern(interner, v) : -1;
  }
  return out;
}

/**
 * {@link intern} of `prefix + s`, without making that string (a template string would be built,
 * then flattened to be read: the name and place columns intern a dozen such keys a record).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * internPrefixed(interner, '~', 'hung') === intern(interner, '~hung'); // true
 * ```
 * @internal
 */
export function internPrefixed(interner: Interner, prefix: string, s: string): number {
  const p = prefix.length;
  const n = p + s.length;
  if (n > scratch.length) scratch = new Uint16Array(Math.max(n, scratch.length * 2));
  for (let k = 0; k < p; k++) scratch[k] = prefix.charCodeAt(k);
  for (let k = p; k < n; k++) scratch[k] = s.charCodeAt(k - p);
  return internUnits(interner, scratch, 0, n);
}

/**
 * {@link internPrefixed} of each value, in order; −1 for a missing value (an empty one is the
 * prefix alone, as `${prefix}${value}` would be).
 *
 * @example
 * ```ts
 * internPrefixedIds(['hung', undefined, ''], '~', createInterner()); // Int32Array [0, -1, 1]
 * ```
 * @internal
 */
export function internPrefixedIds(
  values: readonly (string | undefined)[],
  prefix: string,
  interner: Interner,
): Int32Array {
  const out = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = v === undefined ? -1 : internPrefixed(interner, prefix, v);
  }
  return out;
}

/** {@link internPrefixed}'s copy of the key's code units (one per thread, grown on demand). */
let scratch = new Uint16Array(256);

/**
 * The id of the string whose UTF-16 code units are `codes[from … to)`: {@link intern} without
 * making the string (a dictionary sent between threads is merged straight from its pool).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * internUnits(interner, Uint16Array.of(104, 117, 110, 103), 0, 4) === intern(interner, 'hung'); // true
 * ```
 * @internal
 */
export function internUnits(
  interner: Interner,
  codes: Uint16Array,
  from: number,
  to: number,
): number {
  const n = to - from;
  const h = hashUnits(codes, from, to);
  const { table, starts, pool } = interner;
  const mask = (table.length >>> 1) - 1;
  let slot = h & mask;
  for (;;) {
    const entry = table[2 * slot + 1]!;
    if (entry === 0) break;
    if (table[2 * slot] === h) {
      const id = entry - 1;
      const start = starts[id]!;
      if (starts[id + 1]! - start === n) {
        let k = 0;
        while (k < n && pool[start + k] === codes[from + k]) k++;
        if (k === n) return id;
      }
    }
    slot = (slot + 1) & mask;
  }
  if (interner.frozen === true) return interner.size;
  const at = reserve(interner, n);
  // A loop, not `pool.set(codes.subarray(…))`: a value is a few code units, and the view would be
  // an object per new value.
  const into = interner.pool;
  for (let k = 0; k < n; k++) into[at + k] = codes[from + k]!;
  return commit(interner, h, slot, at + n);
}

/** Room for one more value of `n` code units: returns where its code units go in the pool. */
function reserve(interner: Interner, n: number): number {
  if (interner.borrowed === true) own(interner);
  const id = interner.size;
  const start = interner.poolLength;
  const end = start + n;
  if (end > interner.pool.length) interner.pool = grownPool(interner.pool, start, end);
  if (id + 2 > interner.starts.length) {
    const starts = new Uint32Array(interner.starts.length * 2);
    starts.set(interner.starts);
    interner.starts = starts;
  }
  return start;
}

/** Records the value just written to the pool (ending at `end`) under the next id in `slot`. */
function commit(interner: Interner, h: number, slot: number, end: number): number {
  const id = interner.size;
  interner.poolLength = end;
  interner.starts[id + 1] = end;
  interner.size = id + 1;
  const table = interner.table;
  table[2 * slot] = h;
  table[2 * slot + 1] = id + 1;
  if (overloaded(interner.size, table.length >>> 1)) grow(interner);
  return id;
}

function grownPool(pool: Uint16Array, used: number, needed: number): Uint16Array {
  if (needed > MAX_POOL)
    throw new VnReconcileError(
      'INTERNER_FULL',
      `Interner: more than ${MAX_POOL} UTF-16 code units of values`,
    );
  const length = Math.min(MAX_POOL, Math.max(needed, pool.length * 2, 64));
  const out = new Uint16Array(length);
  out.set(pool.subarray(0, used));
  return out;
}

/** Doubles the table, moving each entry with its stored hash (the strings are not read). */
function grow(interner: Interner): void {
  const old = interner.table;
  const slots = old.length; // twice the old number of slots
  if (slots > MAX_SLOTS)
    throw new VnReconcileError('INTERNER_FULL', 'Interner: too many values for one table');
  const table = new Int32Array(2 * slots);
  const mask = slots - 1;
  for (let i = 1; i < old.length; i += 2) {
    const entry = old[i]!;
    if (entry === 0) continue;
    const h = old[i - 1]!;
    let slot = h & mask;
    while (table[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    table[2 * slot] = h;
    table[2 * slot + 1] = entry;
  }
  interner.table = table;
}

/** Takes private copies of borrowed arrays before a write. */
function own(interner: Interner): void {
  const a = internerArrays(interner);
  interner.table = a.table.slice();
  interner.pool = a.pool.slice();
  interner.starts = a.starts.slice();
  interner.borrowed = false;
}

/**
 * How many values the interner holds (the next new value's id).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * intern(interner, 'a');
 * internerSize(interner); // 1
 * ```
 * @internal
 */
export function internerSize(interner: Interner): number {
  return interner.size;
}

/**
 * The value behind an id (for debugging and tests; the hot path never rebuilds strings).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * internedValue(interner, intern(interner, 'Nguyễn')); // 'Nguyễn'
 * ```
 * @internal
 */
export function internedValue(interner: Interner, id: number): string {
  if (!Number.isInteger(id) || id < 0 || id >= interner.size)
    throw new VnReconcileError('INTERNER_UNKNOWN_ID', `No interned value has the id ${id}`);
  const start = interner.starts[id]!;
  const end = interner.starts[id + 1]!;
  let out = '';
  // Chunks keep String.fromCharCode's argument count small; lone surrogates pass through as is.
  for (let p = start; p < end; p += 8192)
    out += String.fromCharCode(...interner.pool.subarray(p, Math.min(end, p + 8192)));
  return out;
}

/**
 * The interner's arrays trimmed to what is used: views on its own memory, not copies (copy
 * them before the interner grows again if they must stay valid).
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * intern(interner, 'ab');
 * const { size, pool, starts } = internerArrays(interner); // 1, [97, 98], [0, 2]
 * ```
 * @internal
 */
export function internerArrays(interner: Interner): InternerArrays {
  const { size } = interner;
  return {
    size,
    table: interner.table,
    pool: interner.pool.subarray(0, interner.poolLength),
    starts: interner.starts.subarray(0, size + 1),
  };
}

/**
 * Makes an empty interner look values up in `arrays` (from {@link internerArrays}, typically
 * copied into a `SharedArrayBuffer` by another thread), without copying or re-hashing them, and
 * freezes it. Should it be unfrozen later, it copies the arrays before its first write, so
 * arrays shared with other interners are never modified.
 *
 * @example
 * ```ts
 * const mine = createInterner();
 * attachInterner(mine, internerArrays(theirs));
 * intern(mine, 'hung') === intern(theirs, 'hung'); // true (when theirs holds 'hung')
 * ```
 * @internal
 */
export function attachInterner(interner: Interner, arrays: InternerArrays): void {
  if (interner.size > 0)
    throw new VnReconcileError('INTERNER_NOT_EMPTY', 'The interner already holds values');
  const { size, table, pool, starts } = arrays;
  const slots = table.length / 2;
  if (
    !Number.isInteger(size) ||
    size < 0 ||
    slots < 2 ||
    slots > MAX_SLOTS ||
    !Number.isInteger(Math.log2(slots)) ||
    size >= slots ||
    starts.length !== size + 1 ||
    starts[0] !== 0 ||
    pool.length !== starts[size]
  )
    throw new VnReconcileError('INTERNER_INVALID_ARRAYS', 'Inconsistent interner arrays');
  interner.size = size;
  interner.table = table;
  interner.pool = pool;
  interner.poolLength = pool.length;
  interner.starts = starts;
  interner.borrowed = true;
  interner.frozen = true;
}

/**
 * Empties an interner so that it is filled again from id 0, keeping the arrays it has grown (a
 * worker preparing register chunk after chunk reuses one spec, so its closures stay the ones
 * the optimising compiler saw, and its tables are not grown again for each chunk). Borrowed
 * arrays are let go, never written.
 *
 * @example
 * ```ts
 * const interner = createInterner();
 * intern(interner, 'hung'); // 0
 * clearInterner(interner);
 * intern(interner, 'lan'); // 0
 * ```
 * @internal
 */
export function clearInterner(interner: Interner): void {
  if (interner.borrowed === true) {
    const empty = createInterner();
    interner.table = empty.table;
    interner.pool = empty.pool;
    interner.starts = empty.starts;
  } else {
    interner.table.fill(0);
  }
  interner.size = 0;
  interner.poolLength = 0;
  interner.frozen = false;
  interner.borrowed = false;
}
