import { describe, expect, it } from 'vitest';
import {
  DIACRITIC_LETTERS_LOWER,
  DIACRITIC_LETTERS_UPPER,
  TONE_MARKS,
  VOWEL_BASES,
  VOWELS_LOWER,
  VOWELS_UPPER,
} from '../../src/text/letters.js';

describe('letter tables', () => {
  it('every toned vowel is its base plus the tone mark, in NFC', () => {
    for (let b = 0; b < 12; b++) {
      const base = VOWELS_LOWER[b * 6] ?? '';
      expect(base).toBe(VOWEL_BASES[b]);
      for (let t = 1; t <= 5; t++) {
        const expected = (base + String.fromCharCode(TONE_MARKS[t] ?? 0)).normalize('NFC');
        expect(VOWELS_LOWER[b * 6 + t]).toBe(expected);
        expect(VOWELS_UPPER[b * 6 + t]).toBe(expected.toUpperCase());
      }
    }
  });

  it('has 67 + 67 letters with a diacritic, all distinct', () => {
    expect(DIACRITIC_LETTERS_LOWER).toHaveLength(67);
    expect(DIACRITIC_LETTERS_UPPER).toHaveLength(67);
    expect(new Set(DIACRITIC_LETTERS_LOWER + DIACRITIC_LETTERS_UPPER).size).toBe(134);
  });
});
