import type { IdKind } from '../../id/index.js';
import { type Comparison, columnComparison, mapInto, type PreparedColumn } from '../comparison.js';
import { isDigitsCode, packColumn, unpackCode } from './packed-column.js';

/** An identity number with its kind, as {@link idNumberComparison} reads it. */
export interface IdValue {
  readonly value: string;
  readonly kind?: IdKind | undefined;
}

/** Options of {@link idNumberComparison}. */
export interface IdNumberComparisonOptions<R> {
  readonly name: string;
  readonly get: (record: R) => IdValue | null | undefined;
  /**
   * A second number of the same person, if any (the register keeps the old 9-digit CMND next to
   * the CCCD): a list carrying the old CMND then agrees exactly.
   */
  readonly alternate?: (record: R) => IdValue | null | undefined;
}

interface IdNumberColumn extends PreparedColumn {
  /** The numbers packed (`packValue`; no dictionary: a number belongs to one person). */
  readonly primary: Float64Array;
  readonly alternate: Float64Array;
  /** Numbering system per record, primary then alternate: 0 unknown, 1 12-digit, 2 CMND 9, 3 passport. */
  readonly system: Int8Array;
  readonly altSystem: Int8Array;
}

/** Level labels of {@link idNumberComparison}. */
export const ID_LEVELS = [
  'exact',
  'one_digit_off',
  'transposition',
  'other_system',
  'else',
] as const;

function systemOf(kind: IdKind | undefined, value: string): number {
  if (kind === 'cccd' || kind === 'cmnd12') return 1;
  if (kind === 'cmnd9') return 2;
  if (kind === 'passport') return 3;
  return value.length === 12 ? 1 : value.length === 9 ? 2 : 0;
}

/**
 * Compares identity numbers (CCCD, CMND, passport). Levels: `exact`; `one_digit_off` (same
 * length, one digit differs); `transposition` (two adjacent digits swapped); `other_system`
 * (numbers from different systems, e.g. the list's 12-digit CCCD against the register's old
 * 9-digit CMND: not comparable, so weak evidence either way, learned by EM); `else`. The numbers
 * are packed into one exact integer each, not interned: a value other than up to 15 digits or a
 * capital letter and up to 13 digits (no CCCD, CMND or passport number) is `exact` or `else`,
 * never one digit off.
 *
 * @example
 * ```ts
 * const c = idNumberComparison<{ id: string }>({ name: 'id', get: (r) => ({ value: r.id }) });
 * const col = c.prepare([{ id: '079085001234' }, { id: '079085001243' }]);
 * c.levels[c.compare(col, 0, col, 1) - 1]; // 'transposition'
 * ```
 */
export function idNumberComparison<R>(options: IdNumberComparisonOptions<R>): Comparison<R> {
  const comparison: Comparison<R> = columnComparison<R, IdNumberColumn>({
    name: options.name,
    levels: ID_LEVELS,
    tfLevel: 0,
    prepare(records) {
      const values = records.map((r) => options.get(r));
      const alts = records.map((r) => options.alternate?.(r));
      const sys = (v: IdValue | null | undefined) => (v?.value ? systemOf(v.kind, v.value) : 0);
      return {
        size: records.length,
        primary: packColumn(values.map((v) => v?.value)),
        alternate: packColumn(alts.map((v) => v?.value)),
        system: mapInto(values, sys, new Int8Array(values.length)),
        altSystem: mapInto(alts, sys, new Int8Array(alts.length)),
      };
    },
    compare(a, i, b, j) {
      const quick = nullOrExact(a, i, b, j);
      if (quick >= 0) return quick;
      let best = 0;
      for (let x = 0; x < 2; x++) {
        const ca = x === 0 ? a.primary : a.alternate;
        const sa = x === 0 ? a.system[i]! : a.altSystem[i]!;
        const va = ca[i]!;
        if (va === 0) continue;
        for (let y = 0; y < 2; y++) {
          const cb = y === 0 ? b.primary : b.alternate;
          const sb = y === 0 ? b.system[j]! : b.altSystem[j]!;
          const vb = cb[j]!;
          if (vb === 0) continue;
          if (sa !== sb && sa !== 0 && sb !== 0) continue;
          const l = nearLevel(va, vb);
          if (best === 0 || l < best) best = l;
        }
      }
      return best === 0 ? 4 : best;
    },
    levelIn(a, i, b, j, mask) {
      // Null (0) and exact (1) need no digit comparison; other levels take the full compare.
      if ((mask & ~0b11) !== 0) return (mask & (1 << comparison.compare(a, i, b, j))) !== 0;
      const quick = nullOrExact(a, i, b, j);
      return quick >= 0 && (mask & (1 << quick)) !== 0;
    },
  });
  return comparison;
}

/**
 * 0 (null) when a side has no number, 1 (exact) when a number of one side equals one of the other
 * (primary or alternate), −1 otherwise: the levels found from the codes alone.
 */
function nullOrExact(a: IdNumberColumn, i: number, b: IdNumberColumn, j: number): number {
  const ap = a.primary[i]!;
  const aa = a.alternate[i]!;
  const bp = b.primary[j]!;
  const ba = b.alternate[j]!;
  if ((ap === 0 && aa === 0) || (bp === 0 && ba === 0)) return 0;
  if (ap !== 0 && (ap === bp || ap === ba)) return 1;
  if (aa !== 0 && (aa === bp || aa === ba)) return 1;
  return -1;
}

/** The two numbers {@link nearLevel} compares, unpacked (one pair at a time on a thread). */
const left = new Uint8Array(16);
const right = new Uint8Array(16);

/**
 * 2 one digit off, 3 adjacent transposition, 5 else (same numbering system; two codes of present
 * numbers that are not equal).
 */
function nearLevel(a: number, b: number): number {
  if (isDigitsCode(a) && isDigitsCode(b)) return nearDigits(a, b);
  const l = unpackCode(a, left);
  if (l < 0 || l !== unpackCode(b, right)) return 5;
  let first = -1;
  let diffs = 0;
  for (let k = 0; k < l; k++) {
    if (left[k] !== right[k]) {
      if (diffs === 0) first = k;
      if (++diffs > 2) return 5;
    }
  }
  if (diffs === 1) return 2;
  if (first + 1 < l && left[first] === right[first + 1] && left[first + 1] === right[first])
    return 3;
  return 5;
}

/**
 * {@link nearLevel} of two digits-only codes, digit by digit from the last without unpacking
 * (two different numbers usually differ in three of their last four digits: a few steps). The
 * common case kept beside the general path, which it equals (property-tested): `compare` on
 * pairs of random different 12-digit numbers, 200k pairs, tsx, took 123–129 ns a pair with it
 * and 488–495 ns through `unpackCode`.
 */
function nearDigits(a: number, b: number): number {
  // A code of n digits lies in [10^n, 2·10^n): the same length exactly when neither is 5× the other.
  if (a >= 5 * b || b >= 5 * a) return 5;
  let diffs = 0;
  let at = -1;
  let a1 = 0;
  let b1 = 0;
  let a2 = 0;
  let b2 = 0;
  for (let k = 0; a >= 10; k++) {
    const x = a % 10;
    const y = b % 10;
    if (x !== y) {
      if (diffs === 0) {
        at = k;
        a1 = x;
        b1 = y;
      } else if (diffs === 1 && k === at + 1) {
        a2 = x;
        b2 = y;
      } else {
        return 5;
      }
      diffs++;
    }
    a = (a - x) / 10;
    b = (b - y) / 10;
  }
  if (diffs !== 2) return diffs === 1 ? 2 : 5;
  return a1 === b2 && a2 === b1 ? 3 : 5;
}
