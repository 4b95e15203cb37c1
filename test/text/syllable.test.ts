import { test as fcTest } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vietnameseTextArbitrary } from '../../src/testing/text.js';
import { isVietnameseSyllable, parseSyllable } from '../../src/text/index.js';

describe('parseSyllable', () => {
  it.each([
    ['Nguyễn', 'ng', 'uyên', 'uyê', 'n', 3],
    ['Trường', 'tr', 'ương', 'ươ', 'ng', 1],
    ['quý', 'qu', 'y', 'y', '', 4],
    ['Quỳnh', 'qu', 'ynh', 'y', 'nh', 1],
    ['già', 'gi', 'a', 'a', '', 1],
    ['giếng', 'gi', 'êng', 'ê', 'ng', 4],
    ['gì', 'g', 'i', 'i', '', 1],
    ['khuỷu', 'kh', 'uyu', 'uyu', '', 2],
    ['NGHIÊNG', 'ngh', 'iêng', 'iê', 'ng', 0],
    ['ước', '', 'ươc', 'ươ', 'c', 4],
    ['Đức', 'đ', 'ưc', 'ư', 'c', 4],
    ['thuở', 'th', 'uơ', 'uơ', '', 2],
    ['oanh', '', 'oanh', 'oa', 'nh', 0],
  ])('%s → %s + %s', (word, onset, rhyme, vowels, coda, tone) => {
    const r = parseSyllable(word);
    expect(r.success).toBe(true);
    if (r.success) {
      expect(r.data).toMatchObject({ onset, rhyme, vowels, coda, tone });
    }
  });

  it.each([
    ['', 'SYLLABLE_EMPTY'],
    ['Müller', 'SYLLABLE_NOT_A_LETTER'],
    ['Hélène', 'SYLLABLE_TONES'],
    ['Smith', 'SYLLABLE_BAD_RHYME'],
    ['Frank', 'SYLLABLE_BAD_ONSET'],
    ['Zoe', 'SYLLABLE_BAD_ONSET'],
    ['Lee', 'SYLLABLE_BAD_RHYME'],
    ['Nguyen', 'SYLLABLE_BAD_RHYME'],
    ['kan', 'SYLLABLE_BAD_SPELLING'],
    ['cem', 'SYLLABLE_BAD_SPELLING'],
    ['nge', 'SYLLABLE_BAD_SPELLING'],
    ['ghan', 'SYLLABLE_BAD_SPELLING'],
    ['tàc', 'SYLLABLE_STOP_TONE'],
    ['Đuc', 'SYLLABLE_STOP_TONE'],
    ['hoà à', 'SYLLABLE_NOT_A_LETTER'],
  ])('%j is not a syllable (%s)', (word, code) => {
    const r = parseSyllable(word);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]?.code).toBe(code);
  });

  it('accepts missing diacritics on request', () => {
    expect(isVietnameseSyllable('Nguyen')).toBe(false);
    expect(isVietnameseSyllable('Nguyen', { missingDiacritics: true })).toBe(true);
    expect(isVietnameseSyllable('Duc', { missingDiacritics: true })).toBe(true);
    expect(isVietnameseSyllable('Smith', { missingDiacritics: true })).toBe(false);
  });

  fcTest.prop([vietnameseTextArbitrary({ maxWords: 1 })], { numRuns: 200 })(
    'generated syllables are syllables in any case',
    (w) => {
      expect(isVietnameseSyllable(w.toLowerCase())).toBe(true);
      expect(isVietnameseSyllable(w.toUpperCase())).toBe(true);
    },
  );

  fcTest.prop([fc.string({ unit: 'binary', maxLength: 20 })], { numRuns: 300 })(
    'never throws',
    (s) => {
      expect(typeof isVietnameseSyllable(s)).toBe('boolean');
    },
  );
});

describe('open syllables on ă and â (issue 16)', () => {
  it.each(['vâ', 'lă', 'Â', 'nhâ', 'quâ', 'gă'])('%s is not a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
  it.each(['vân', 'vâng', 'lăn', 'câu', 'mây', 'ăn', 'ân'])('%s is one', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
});
