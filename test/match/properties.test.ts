import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  givenNameComparison,
  jaroWinkler,
  levenshtein,
  osaDistance,
  type PreparedName,
  parseModel,
  prepareName,
  vietnameseSpec,
} from '../../src/match/index.js';
import { fellegiSunterModelArbitrary, stringPairArbitrary } from '../../src/testing/match.js';
import { corruptedNameArbitrary } from '../../src/testing/text.js';
import {
  foldDiacritics,
  normalizeNameString,
  parseVietnameseName,
  phoneticKey,
  toNfc,
} from '../../src/text/index.js';
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

describe('prepareName', () => {
  /** The definition: NFC, lower case, spaces collapsed, parsed, each part's key on its own. */
  function definition(full: string): PreparedName | undefined {
    if (!full) return undefined;
    const text = toNfc(full).toLowerCase().replace(/\s+/g, ' ').trim();
    const parsed = parseVietnameseName(text);
    if (!parsed.success || !parsed.data.given) return undefined;
    const p = parsed.data;
    const middleKeys = p.middle.map((m) => phoneticKey(m));
    const surnameKey = p.surname ? phoneticKey(p.surname) : '';
    const family = p.surname ? [p.surname, ...p.middle].join(' ') : '';
    const fold = (s: string) => foldDiacritics(s).toLowerCase();
    return {
      bagKey: text
        .split(' ')
        .map((w) => phoneticKey(w))
        .sort()
        .join(' '),
      order: p.order,
      confidence: p.confidence,
      given: p.given,
      surname: p.surname,
      middle: p.middle,
      family,
      givenFolded: fold(p.given),
      familyFolded: fold(family),
      surnameFolded: fold(p.surname),
      givenKey: phoneticKey(p.given),
      surnameKey,
      middleKeys,
      familyKey: p.surname ? [surnameKey, ...middleKeys].join(' ') : '',
    };
  }

  it('equals its definition on damaged names, stray spaces and punctuation', () => {
    const words = fc.constantFrom(
      'Nguyễn',
      'tôn',
      'Thất',
      'Văn',
      'thị',
      'an',
      '-',
      '.',
      'Lê',
      'ÂU',
      'dương',
      'Ngyuen',
      'i\u0307',
      'A\u0301',
    );
    const spaces = fc.constantFrom(' ', '  ', '\u00a0', '\t', '\u3000', '\ufeff', '\u0085');
    const loose = fc
      .array(fc.tuple(spaces, words), { maxLength: 6 })
      .chain((parts) => fc.tuple(fc.constant(parts), spaces, fc.boolean()))
      .map(([parts, end, trail]) => parts.map(([s, w]) => s + w).join('') + (trail ? end : ''));
    fc.assert(
      fc.property(
        fc.oneof(
          corruptedNameArbitrary().map((c) => c.corrupted),
          loose,
          fc.string(),
        ),
        (s) => {
          expect(prepareName(s)).toEqual(definition(s));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads the parts where the parser put them, in every order', () => {
    expect(prepareName('Quyền Nguyễn Văn')).toEqual(definition('Quyền Nguyễn Văn'));
    expect(prepareName('Phong Âu Dương')).toEqual(definition('Phong Âu Dương'));
    expect(prepareName('Tôn Thất Thuyết')?.surnameKey).toBe('ton that');
    expect(prepareName('  Quyen\u00a0Van  Nguyen ')?.bagKey).toBe('kwien nguien van');
  });
});
