/**
 * fast-check arbitraries for the `match` part: string pairs that stress edit-distance kernels,
 * and valid Fellegi–Sunter models of a given shape.
 * @module
 */
import fc from 'fast-check';
import type { FellegiSunterModel } from '../match/index.js';

/** Options of {@link stringPairArbitrary}. */
export interface StringPairArbitraryOptions {
  /** Longest string (default 40, past the 32-unit bit-parallel limit). */
  readonly maxLength?: number;
}

/**
 * Pairs of strings over a small alphabet of Vietnamese letters (so matches, transpositions and
 * repeated characters are frequent), sometimes one derived from the other by a few edits: the
 * inputs that find bugs in Levenshtein, OSA and Jaro–Winkler implementations.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(stringPairArbitrary(), ([a, b]) => levenshtein(a, b) === levenshtein(b, a)));
 * ```
 */
export function stringPairArbitrary(
  options: StringPairArbitraryOptions = {},
): fc.Arbitrary<readonly [string, string]> {
  const max = options.maxLength ?? 40;
  const unit = fc.constantFrom('a', 'ă', 'â', 'n', 'g', 'h', 'ễ', 'ư', 'Đ', ' ');
  const str = fc.string({ unit, maxLength: max });
  const edited = str.chain((a) =>
    fc
      .array(fc.tuple(fc.nat(), fc.constantFrom('del', 'ins', 'sub', 'swap'), unit), {
        maxLength: 3,
      })
      .map((edits) => {
        let b = a;
        for (const [at, op, ch] of edits) {
          const i = b.length === 0 ? 0 : at % b.length;
          if (op === 'del') b = b.slice(0, i) + b.slice(i + 1);
          else if (op === 'ins') b = b.slice(0, i) + ch + b.slice(i);
          else if (op === 'sub') b = b.slice(0, i) + ch + b.slice(i + 1);
          else if (i + 1 < b.length) b = b.slice(0, i) + b[i + 1] + b[i] + b.slice(i + 2);
        }
        return [a, b.slice(0, max)] as const;
      }),
  );
  return fc.oneof(fc.tuple(str, str), edited);
}

/** The shape of a model: comparison names and their level labels (null level excluded). */
export interface ModelShape {
  readonly comparisons: readonly { readonly name: string; readonly levels: readonly string[] }[];
}

function distribution(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0.001, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    .map((xs) => {
      const s = xs.reduce((a, b) => a + b, 0);
      return xs.map((x) => x / s);
    });
}

/**
 * Valid Fellegi–Sunter models (m and u are distributions over each comparison's levels, the
 * prior is in (0, 0.5]) of a given shape: for testing code that loads, saves or scores models.
 *
 * @example
 * ```ts
 * fc.assert(fc.property(fellegiSunterModelArbitrary(shape), (m) => parseModel(m).success));
 * ```
 */
export function fellegiSunterModelArbitrary(shape: ModelShape): fc.Arbitrary<FellegiSunterModel> {
  const comps = shape.comparisons.map((c) =>
    fc.tuple(distribution(c.levels.length), distribution(c.levels.length)).map(([m, u]) => ({
      name: c.name,
      levels: c.levels.map((label, l) => ({ label, m: m[l]!, u: u[l]! })),
    })),
  );
  return fc.tuple(fc.double({ min: 1e-9, max: 0.5, noNaN: true }), fc.tuple(...comps)).map(
    ([prior, comparisons]): FellegiSunterModel => ({
      format: 'vn-reconcile/fellegi-sunter',
      version: 1,
      prior,
      comparisons,
    }),
  );
}
