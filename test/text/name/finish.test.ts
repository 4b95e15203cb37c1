import { describe, expect, it } from 'vitest';
import { finishWord } from '../../../src/text/name/finish.js';

describe('finishWord (last step: tone placement and case, one word)', () => {
  it('moves the tone and capitalises, saying which of the two changed', () => {
    expect(finishWord('hoà', { style: 'traditional', capitalize: true })).toEqual({
      value: 'Hòa',
      tone: true,
      case: true,
    });
    expect(finishWord('hòa', { style: 'traditional', capitalize: true })).toEqual({
      value: 'Hòa',
      tone: false,
      case: true,
    });
    expect(finishWord('Hoà', { style: 'traditional', capitalize: true })).toEqual({
      value: 'Hòa',
      tone: true,
      case: false,
    });
  });

  it('leaves a word already in the asked form alone', () => {
    expect(finishWord('Hòa', { style: 'traditional', capitalize: true })).toEqual({
      value: 'Hòa',
      tone: false,
      case: false,
    });
    expect(finishWord('hoà', { style: 'modern', capitalize: false })).toEqual({
      value: 'hoà',
      tone: false,
      case: false,
    });
  });

  it('without capitalize keeps the case; with it only the first letter is upper', () => {
    expect(finishWord('HOÀ', { style: 'traditional', capitalize: false }).value).toBe('HÒA');
    expect(finishWord('HOÀ', { style: 'traditional', capitalize: true }).value).toBe('Hòa');
  });
});
