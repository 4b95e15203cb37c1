import { describe, expect, it } from 'vitest';
import {
  joinSplitSyllables,
  splitRunTogether,
  stripStrayPunctuation,
} from '../../../src/text/name/repair.js';

describe('whole-name repairs (before the words are finished)', () => {
  it('stripStrayPunctuation removes quotes and trailing dots, null when there is nothing', () => {
    expect(stripStrayPunctuation('"Trương Trọng Quân".')).toBe('Trương Trọng Quân');
    expect(stripStrayPunctuation('Nguyễn Văn Hùng')).toBeNull();
  });

  it('splitRunTogether splits words typed without a space, keeping their case', () => {
    expect(splitRunTogether('NguyễnThị Như Quỳnh')).toBe('Nguyễn Thị Như Quỳnh');
    expect(splitRunTogether('NGUYỄNTHỊ HOA')).toBe('NGUYỄN THỊ HOA');
    expect(splitRunTogether('Nguyễn Văn Hùng')).toBeNull();
  });

  it('joinSplitSyllables joins a syllable split by a space', () => {
    expect(joinSplitSyllables('Nguyễn Tha nh Hà')).toBe('Nguyễn Thanh Hà');
    expect(joinSplitSyllables('Lê Văn An')).toBeNull();
  });
});
