import { describe, expect, it } from 'vitest';
import { type NameContext, nameContext } from '../../../src/text/name/context.js';
import { reshape } from '../../../src/text/name/reshape.js';
import type { NormalizedName } from '../../../src/text/name/types.js';

/** A stand-in for the word-by-word finish that records what it is given. */
function recorder() {
  const seen: [string, NameContext][] = [];
  const finish = (t: string, ctx: NameContext): NormalizedName => {
    seen.push([t, ctx]);
    return { value: t.toUpperCase(), changes: [] };
  };
  return { seen, finish };
}

describe('reshape (step 3: the whole-name steps around the word finish)', () => {
  it('removes stray punctuation and splits run-together words before the finish', () => {
    const { seen, finish } = recorder();
    expect(reshape('NguyễnThị Hoa.', nameContext(), finish)).toEqual({
      value: 'NGUYỄN THỊ HOA',
      changes: ['punctuation-removed', 'words-split'],
    });
    expect(seen).toEqual([['Nguyễn Thị Hoa', nameContext()]]);
  });

  it('hands the finish the decoded text, with decoding off', () => {
    const { seen, finish } = recorder();
    expect(reshape('NguyÔn V¨n Hïng', nameContext(), finish)).toEqual({
      value: 'NGUYỄN VĂN HÙNG',
      changes: ['decoded-tcvn3'],
    });
    expect(seen).toEqual([['Nguyễn Văn Hùng', nameContext({ decode: false })]]);
  });
});
