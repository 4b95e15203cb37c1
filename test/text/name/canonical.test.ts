import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS,
  CANONICAL,
  canonicalState,
  NOT_CANONICAL,
} from '../../../src/text/name/canonical.js';

describe('canonicalState (step 1: canonical already?)', () => {
  it('says canonical for a clean name, not canonical for one that needs work', () => {
    expect(canonicalState('Lê Thị Hòa', 'traditional', true)).toBe(CANONICAL);
    expect(canonicalState('LÊ THỊ HÒA', 'traditional', true)).toBe(NOT_CANONICAL);
    expect(canonicalState('Lê Thị Hoà', 'traditional', true)).toBe(NOT_CANONICAL);
    expect(canonicalState('Lê Thị Hoà', 'modern', true)).toBe(CANONICAL);
    expect(canonicalState('lê thị hòa', 'traditional', false)).toBe(CANONICAL);
  });

  it('leaves to the whole-name reading a syllable name that may be legacy text', () => {
    // `Cao Thò Bình` is VNI for Cao Thị Bình.
    expect(canonicalState('Cao Thò Bình', 'traditional', true)).toBe(AMBIGUOUS);
  });
});
