import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  givenNameComparison,
  jaroWinkler,
  levenshtein,
  osaDistance,
  parseModel,
  vietnameseSpec,
} from '../../src/match/index.js';
import { fellegiSunterModelArbitrary, stringPairArbitrary } from '../../src/testing/match.js';
import { corruptedNameArbitrary } from '../../src/testing/text.js';
import { normalizeNameString } from '../../src/text/index.js';
import { refJaroWinkler, refLevenshtein, refOsa } from './reference.js';

describe('kernels on edited Vietnamese strings', () => {
  it('equal the references, are symmetric, and OSA ≤ Levenshtein', () => {
    fc.assert(
      fc.property(stringPairArbitrary(), ([a, b]) => {
        const lev = levenshtein(a, b);
        expect(lev).toBe(refLevenshtein(a, b));
        expect(levenshtein(b, a)).toBe(lev);
        const osa = osaDistance(a, b);
        expect(osa).toBe(refOsa(a, b));
        expect(osa).toBeLessThanOrEqual(lev);
        expect(jaroWinkler(a, b)).toBe(refJaroWinkler(a, b));
      }),
      { numRuns: 400 },
    );
  });
});

describe('given-name comparison under real-world damage', () => {
  const c = givenNameComparison<string>({ name: 'given', get: (s) => s });
  it('a damaged then normalised name still agrees with the clean one (exact, folded or phonetic)', () => {
    fc.assert(
      fc.property(
        corruptedNameArbitrary({
          defects: ['no-diacritics', 'all-caps', 'lowercase', 'modern-tone', 'nfd', 'double-space'],
        }),
        (n) => {
          const level = c.compare(
            c.prepare([n.clean]),
            0,
            c.prepare([normalizeNameString(n.corrupted)]),
            0,
          );
          // Without diacritics some names read in another order (`Duong Thi Nguyen` may be
          // Nguyễn Thị Dương written the Western way): the pair is then at `other_order`.
          const ok = n.defects.includes('no-diacritics')
            ? ['exact', 'folded', 'phonetic', 'other_order']
            : ['exact', 'folded', 'phonetic'];
          expect(ok).toContain(c.levels[level - 1]);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('saved models', () => {
  it('every valid model of the Vietnamese shape loads against the Vietnamese spec', () => {
    const spec = vietnameseSpec();
    const shape = {
      comparisons: spec.comparisons.map((x) => ({ name: x.name, levels: x.levels })),
    };
    fc.assert(
      fc.property(fellegiSunterModelArbitrary(shape), (m) => {
        expect(parseModel(JSON.parse(JSON.stringify(m)), spec).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });
});
