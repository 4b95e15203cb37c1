import { describe, expect, it } from 'vitest';
import { chooseReading, legacyGate } from '../../../src/text/name/reading.js';

describe('chooseReading (the whole-name decision: decoded or as it stands)', () => {
  it('decodes a TCVN3 name into Unicode, with the encoding', () => {
    expect(chooseReading('NguyÔn V¨n Hïng')).toMatchObject({
      encoding: 'tcvn3',
      text: 'Nguyễn Văn Hùng',
    });
  });

  it('has nothing to decide for a name no legacy encoding can give', () => {
    expect(legacyGate('Nguyễn')).toBe(0);
    expect(chooseReading('Nguyễn')).toBeNull();
  });

  it('opens the gate for Latin-1 letters that legacy text uses', () => {
    expect(legacyGate('NguyÔn')).not.toBe(0);
  });
});
