/**
 * The canonical-name check of normalizeName reads the tone placement from its one scan; it must
 * decide exactly as tonePlacementOk does.
 */
import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCanonical, MODIFIED_BASES } from '../../src/text/name/canonical.js';
import { tonePlacementOk } from '../../src/text/tone.js';

const TONES = ['\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];
const ONSETS = [
  '',
  'b',
  'ch',
  'đ',
  'g',
  'gh',
  'gi',
  'h',
  'kh',
  'l',
  'ng',
  'ngh',
  'nh',
  'ph',
  'qu',
  'q',
  'th',
  'tr',
  'x',
];
const VOWELS = [...'aăâeêioôơuưy'];
const FINALS = ['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't', 'u', 'i', 'o', 'y'];

/** Words that look like syllables, with one tone on any vowel (right or wrong place). */
const toned = fc
  .tuple(
    fc.constantFrom(...ONSETS),
    fc.array(fc.constantFrom(...VOWELS), { minLength: 1, maxLength: 3 }),
    fc.constantFrom(...FINALS),
    fc.nat(),
    fc.constantFrom(...TONES),
  )
  .map(([onset, vowels, final, at, tone]) => {
    const k = at % vowels.length;
    const v = vowels.map((x, i) => (i === k ? x + tone : x)).join('');
    return `${onset}${v}${final}`.normalize('NFC');
  })
  // One letter above U+00FF keeps the other checks (legacy text, keystrokes) out of the way.
  .filter((w) => [...w].some((c) => c.charCodeAt(0) > 0xff));

describe('isCanonical tone placement', () => {
  fcTest.prop(
    [fc.array(toned, { minLength: 1, maxLength: 3 }), fc.constantFrom('traditional', 'modern')],
    {
      numRuns: 3000,
    },
  )('agrees with tonePlacementOk word by word', (words, style) => {
    const expected = words.every((w) => tonePlacementOk(w, 0, w.length, style));
    expect(isCanonical(words.join(' '), { style, capitalize: false })).toBe(expected);
  });

  it.each([
    ['hòa', 'traditional', true],
    ['hoà', 'traditional', false],
    ['hoà', 'modern', true],
    ['quý', 'traditional', true],
    ['qúy', 'traditional', false],
    ['giữa', 'traditional', true],
    ['nghiền', 'traditional', true],
    ['nghìên', 'traditional', false],
    ['thuỷ', 'modern', true],
    ['thủy', 'modern', false],
    ['tòan', 'traditional', false],
    ['toàn', 'traditional', true],
  ] as const)('%j (%s): %s', (w, style, ok) => {
    expect(isCanonical(w, { style, capitalize: false })).toBe(ok);
    expect(tonePlacementOk(w, 0, w.length, style)).toBe(ok);
  });
});

describe('MODIFIED_BASES', () => {
  it('is the literal the canonical-name check uses', () => {
    expect(MODIFIED_BASES).toBe(0x596);
  });
});
