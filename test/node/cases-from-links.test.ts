/** Everything that consumes link rows takes exactly what linkRecords returns. */
import { describe, expect, it } from 'vitest';
import { casesFromLinks, linkRecords } from '../../src/index.js';

describe('casesFromLinks', () => {
  it('takes the rows linkRecords returns', () => {
    const register = [
      { person_id: 'P1', full_name: 'Nguyễn Văn An', dob: '1990-05-03', id_number: '001090012345' },
      { person_id: 'P2', full_name: 'Trần Thị Bình', dob: '1985-01-20', id_number: '001185000111' },
    ];
    const list = [
      { stt: '1', full_name: 'Nguyễn Văn An', dob: '03/05/1990', id_number: '001090012345' },
      { stt: '2', full_name: '', dob: '', id_number: '' },
    ];
    const r = linkRecords(list, register);
    expect(r.success).toBe(true);
    if (!r.success) return;
    const cases = casesFromLinks(r.data.rows);
    expect(Array.isArray(cases)).toBe(true);
  });
});
