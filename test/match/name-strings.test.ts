import { describe, expect, it } from 'vitest';
import { nameStrings } from '../../src/match/comparisons/name-strings.js';
import { prepareName } from '../../src/match/index.js';
import { foldDiacritics } from '../../src/text/index.js';

const fold = (s: string) => foldDiacritics(s).toLowerCase();

describe('nameStrings', () => {
  it('derives the interned strings from the prepared name, once per object', () => {
    for (const full of ['Nguyễn Văn Dũng', 'Huỳnh Thị Ngọc Mai', 'Quyền Nguyễn Văn', 'Lan']) {
      const p = prepareName(full)!;
      const s = nameStrings(p);
      expect(s).toEqual({
        foldedGiven: fold(p.given),
        givenKey: `~${p.givenKey}`,
        surnameKey: p.surname ? `~${p.surnameKey}` : '',
        bagKey: `%${p.bagKey}`,
        foldedFamily: p.surname ? fold(p.family) : '',
        foldedSurname: p.surname ? fold(p.surname) : '',
        familyKey: p.surname ? `~${p.familyKey}` : '',
        middleKeys: p.middleKeys.map((m) => `~${m}`),
      });
      expect(nameStrings(p)).toBe(s);
      // Another object with the same fields gets its own (equal) strings.
      expect(nameStrings({ ...p })).not.toBe(s);
      expect(nameStrings({ ...p })).toEqual(s);
      // A frozen name cannot hold them: built again, equal.
      const frozen = Object.freeze({ ...p });
      expect(nameStrings(frozen)).toEqual(s);
      expect(nameStrings(frozen)).not.toBe(nameStrings(frozen));
    }
  });
});
