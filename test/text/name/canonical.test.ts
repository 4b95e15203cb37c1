import { describe, expect, it } from 'vitest';
import {
  AMBIGUOUS,
  CANONICAL,
  canonicalState,
  NOT_CANONICAL,
} from '../../../src/text/name/canonical.js';

describe('canonicalState (step 1: canonical already?)', () => {
  it('says canonical for a clean name, not canonical for one that needs work', () => {
    expect(canonicalState('Lê Thị Hòa', { style: 'traditional', capitalize: true })).toBe(
      CANONICAL,
    );
    expect(canonicalState('LÊ THỊ HÒA', { style: 'traditional', capitalize: true })).toBe(
      NOT_CANONICAL,
    );
    expect(canonicalState('Lê Thị Hoà', { style: 'traditional', capitalize: true })).toBe(
      NOT_CANONICAL,
    );
    expect(canonicalState('Lê Thị Hoà', { style: 'modern', capitalize: true })).toBe(CANONICAL);
    expect(canonicalState('lê thị hòa', { style: 'traditional', capitalize: false })).toBe(
      CANONICAL,
    );
  });

  it('leaves to the whole-name reading a syllable name that may be legacy text', () => {
    // `Cao Thò Bình` is VNI for Cao Thị Bình.
    expect(canonicalState('Cao Thò Bình', { style: 'traditional', capitalize: true })).toBe(
      AMBIGUOUS,
    );
  });
});
