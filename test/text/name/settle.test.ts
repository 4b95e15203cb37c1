import { describe, expect, it } from 'vitest';
import { nameContext } from '../../../src/text/name/context.js';
import { settled } from '../../../src/text/name/settle.js';
import type { NormalizedName } from '../../../src/text/name/types.js';

/** A reader that decodes the TCVN3 `Lª` (Lê) and leaves anything else. */
const read = (t: string): NormalizedName => ({
  value: t === 'Lª' ? 'Lê' : t,
  changes: ['decoded-tcvn3'],
});

describe('settled (step 4: the result made a fixed point)', () => {
  it('returns a result that cannot read as legacy text as it is', () => {
    const r: NormalizedName = { value: 'Lê', changes: ['whitespace'] };
    expect(settled('Lê ', r, nameContext(), read)).toBe(r);
  });

  it('reads again a result that still reads as legacy text, merging the changes', () => {
    expect(settled('Lª ', { value: 'Lª', changes: ['whitespace'] }, nameContext(), read)).toEqual({
      value: 'Lê',
      changes: ['whitespace', 'decoded-tcvn3'],
    });
  });

  it('does nothing when decoding is not automatic', () => {
    const r: NormalizedName = { value: 'Lª', changes: ['whitespace'] };
    expect(settled('Lª ', r, nameContext({ decode: false }), read)).toBe(r);
  });
});
