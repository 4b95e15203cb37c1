import { describe, expect, it } from 'vitest';
import { nameContext } from '../../../src/text/name/context.js';
import { normalizeCommon } from '../../../src/text/name/one-scan.js';

describe('normalizeCommon (the one-scan path for Unicode syllables)', () => {
  it('maps spaces, collapses them and finishes each word in one scan', () => {
    expect(normalizeCommon('NGUYỄN  VĂN\u00a0HÙNG', nameContext())).toEqual({
      value: 'Nguyễn Văn Hùng',
      changes: ['unicode-normalized', 'whitespace', 'capitalization'],
    });
  });

  it('follows the context: modern tone placement, no capitalisation', () => {
    expect(
      normalizeCommon('lê thị hòa', nameContext({ style: 'modern', capitalize: false })),
    ).toEqual({ value: 'lê thị hoà', changes: ['tone-placement'] });
  });

  it('declines what it cannot take (a tab: the general path handles it)', () => {
    expect(normalizeCommon('Nguyễn\tVăn', nameContext())).toBeNull();
  });
});
