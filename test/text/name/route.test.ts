import { describe, expect, it } from 'vitest';
import { nameContext } from '../../../src/text/name/context.js';
import { routeName } from '../../../src/text/name/route.js';

describe('routeName (the router: word facts, decoding word by word)', () => {
  it('decodes a VNI name word by word when the context decodes', () => {
    expect(routeName('Nguyeãn  Vaên Huøng', nameContext())).toEqual({
      value: 'Nguyễn Văn Hùng',
      changes: ['decoded-vni', 'whitespace'],
    });
  });

  it('does not decode with decoding off in the context', () => {
    expect(routeName('Nguyeãn  Vaên Huøng', nameContext({ decode: false }))).toBeNull();
  });

  it('finishes a Unicode name and declines what it cannot route (a tab)', () => {
    expect(routeName('TRẦN THỊ  BÍCH', nameContext())).toEqual({
      value: 'Trần Thị Bích',
      changes: ['whitespace', 'capitalization'],
    });
    expect(routeName('Trần\tBích', nameContext())).toBeNull();
  });
});
