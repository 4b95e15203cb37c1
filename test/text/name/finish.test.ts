import { describe, expect, it } from 'vitest';
import { finishWord } from '../../../src/text/name/finish.js';

describe('finishWord (last step: tone placement and case, one word)', () => {
  it('moves the tone and capitalises, saying which of the two changed', () => {
    expect(finishWord('hoà', 'traditional', true)).toEqual({
      value: 'Hòa',
      tone: true,
      case: true,
    });
    expect(finishWord('hòa', 'traditional', true)).toEqual({
      value: 'Hòa',
      tone: false,
      case: true,
    });
    expect(finishWord('Hoà', 'traditional', true)).toEqual({
      value: 'Hòa',
      tone: true,
      case: false,
    });
  });

  it('leaves a word already in the asked form alone', () => {
    expect(finishWord('Hòa', 'traditional', true)).toEqual({
      value: 'Hòa',
      tone: false,
      case: false,
    });
    expect(finishWord('hoà', 'modern', false)).toEqual({ value: 'hoà', tone: false, case: false });
  });

  it('without capitalize keeps the case; with it only the first letter is upper', () => {
    expect(finishWord('HOÀ', 'traditional', false).value).toBe('HÒA');
    expect(finishWord('HOÀ', 'traditional', true).value).toBe('Hòa');
  });
});
