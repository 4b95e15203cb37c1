import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseNameArbitrary, vietnameseTextArbitrary } from '../../src/testing/text.js';
import { decodeLegacy, detectEncoding, encodeLegacy, normalizeName } from '../../src/text/index.js';
import { LATIN_NAMES } from './fixtures/latin-names.js';

describe('detectEncoding', () => {
  it.each([
    ['NguyÔn V¨n Hïng', 'tcvn3'],
    ['NGUYÔN V¡N HïNG', 'tcvn3'],
    ['Tr¬ng ThÞ Hoµ', 'tcvn3'],
    ['Ph¹m', 'tcvn3'],
    ['Nguyeãn Vaên Huøng', 'vni'],
    ['NGUYEÃN VAÊN HUØNG', 'vni'],
    ['Leâ Thò Lan', 'vni'],
    ['Nguye^~n Va(n Hu`ng', 'viqr'],
    ["TRA^`N THI. A'NH", 'viqr'],
    ['Nguy\u00adn Vån Hùng', 'viscii'],
    ['Trß½ng Th¸ Hòa', 'viscii'],
    ['NguyêÞn Vãn Hùng', 'cp1258'],
    ['Nguyễn Văn Hùng', 'unicode'],
    ['Nguye\u0302\u0303n', 'unicode'],
    ['Lê Hà', 'unicode'],
    ['Hà Tú', 'unicode'],
    ['Hélène Müller', 'unicode'],
    ["Seán O'Brien", 'unicode'],
    ['Nguyen Van Hung', 'ascii'],
    ["O'Brien", 'ascii'],
    ['Eddie', 'ascii'],
    ['', 'ascii'],
  ])('%j → %s', (input, encoding) => {
    expect(detectEncoding(input).encoding).toBe(encoding);
  });

  it('is sure about text that cannot be legacy, less about ambiguous Latin-1', () => {
    expect(detectEncoding('Nguyễn').confidence).toBe(1);
    expect(detectEncoding('Hélène').confidence).toBeLessThan(1);
    expect(detectEncoding('NguyÔn V¨n Hïng').confidence).toBe(1);
  });

  it('ignores zero-width characters and NBSP inside legacy text', () => {
    expect(detectEncoding('NguyÔn\u200b V¨n\u00a0Hïng').encoding).toBe('tcvn3');
    expect(detectEncoding('Nguye^~n\u00a0Va(n').encoding).toBe('viqr');
  });

  it('has no false positives on the non-Vietnamese Latin names fixture', () => {
    const falsePositives = LATIN_NAMES.filter((name) => {
      const d = detectEncoding(name).encoding;
      const changes = normalizeName(name).changes;
      return (
        (d !== 'unicode' && d !== 'ascii') ||
        changes.some((c) => c.startsWith('decoded-') || c === 'telex-repaired')
      );
    });
    expect(LATIN_NAMES.length).toBeGreaterThanOrEqual(180);
    expect(falsePositives).toEqual([]);
  });

  fcTest.prop([vietnameseNameArbitrary()], { numRuns: 200 })(
    'never decodes real Unicode Vietnamese names',
    (n) => {
      expect(['unicode', 'ascii']).toContain(detectEncoding(n.fullName).encoding);
      expect(decodeLegacy(n.fullName)).toBe(n.fullName);
    },
  );

  fcTest.prop([vietnameseTextArbitrary()], { numRuns: 200 })(
    'never decodes Unicode Vietnamese text',
    (s) => {
      expect(decodeLegacy(s)).toBe(s);
    },
  );

  fcTest.prop(
    [vietnameseNameArbitrary(), fc.constantFrom('tcvn3', 'vni', 'viqr', 'cp1258' as const)],
    { numRuns: 200 },
  )('recognises legacy-encoded names unless every word is also a Unicode syllable', (n, enc) => {
    const legacy = encodeLegacy(n.fullName, enc);
    // TCVN3 (ABC) has no toned capitals: `Ý` comes back as `ý`.
    const d = enc === 'tcvn3' ? decodeLegacy(legacy).toLowerCase() : decodeLegacy(legacy);
    const expected = enc === 'tcvn3' ? n.fullName.toLowerCase() : n.fullName;
    if (legacy === n.fullName) expect(decodeLegacy(legacy)).toBe(n.fullName);
    else expect([expected, enc === 'tcvn3' ? legacy.toLowerCase() : legacy]).toContain(d);
  });
});
