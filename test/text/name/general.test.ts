import { describe, expect, it } from 'vitest';
import { nameContext } from '../../../src/text/name/context.js';
import { normalizeGeneral } from '../../../src/text/name/general.js';

describe('normalizeGeneral (the reference word-by-word pipeline)', () => {
  it('decodes, collapses spaces and capitalises, listing each change in order', () => {
    expect(normalizeGeneral('NGUYÔN  V¡N HïNG', nameContext())).toEqual({
      value: 'Nguyễn Văn Hùng',
      changes: ['decoded-tcvn3', 'whitespace', 'capitalization'],
    });
  });

  it('does not decode when the context says so', () => {
    expect(normalizeGeneral('NGUYÔN  V¡N HïNG', nameContext({ decode: false }))).toEqual({
      value: 'Nguyôn V¡n Hïng',
      changes: ['whitespace', 'capitalization'],
    });
  });

  it('repairs Telex leftovers', () => {
    expect(normalizeGeneral('Nguyeenx Vawn', nameContext())).toEqual({
      value: 'Nguyễn Văn',
      changes: ['telex-repaired'],
    });
  });
});
