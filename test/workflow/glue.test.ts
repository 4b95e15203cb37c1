import { describe, expect, it } from 'vitest';
import { type CleanResult, cleanRecord, type RawRecord } from '../../src/record/index.js';
import {
  appendEvents,
  casesFromCleaning,
  casesFromLinks,
  emptyCampaign,
  isVerifiableIdNumber,
  worklist,
} from '../../src/workflow/index.js';
import { at, station } from './helpers.js';

const rows: [string, RawRecord][] = [
  [
    'r1',
    {
      full_name: 'nguyễn văn an',
      dob: '05/03/1990',
      gender: 'Nam',
      id_number: '',
      commune: 'Yên Hòa',
    },
  ],
  [
    'r2',
    {
      full_name: 'Trần Thị Bình',
      dob: '1990',
      gender: 'Nữ',
      id_number: '1.23457E+11',
      commune: 'Dịch Vọng',
    },
  ],
  [
    'r3',
    {
      full_name: 'Lê Văn Cường',
      dob: '05/03/1985',
      gender: 'Nam',
      id_number: '001090012345',
      commune: 'Yên Hòa',
    },
  ],
  [
    'r4',
    {
      full_name: 'Lê Văn Dũng',
      dob: '1990',
      gender: 'Nam',
      id_number: '001090012345',
      phone: '0912345678',
    },
  ],
];
const cleaned: CleanResult[] = rows.map(([key, raw]) => cleanRecord(raw, { key }));

describe('casesFromCleaning', () => {
  it('opens a case for each record with a workflow category, none for field-level issues only', () => {
    const events = casesFromCleaning(cleaned);
    expect(events.map((e) => [e.caseId, e.commune, e.categories, e.issueCodes])).toEqual([
      ['clean:r1', 'Yên Hòa', ['missing-id'], ['ID_MISSING']],
      ['clean:r2', 'Dịch Vọng', ['malformed-id'], ['ID_SCIENTIFIC_NOTATION']],
      ['clean:r3', 'Yên Hòa', ['inconsistent-personal-data'], ['ID_DOB_CONFLICT']],
    ]);
  });

  it('copies the cleaned personal data, or the original text where nothing could be cleaned', () => {
    const [r1, r2] = casesFromCleaning(cleaned);
    expect(r1?.data).toEqual({ fullName: 'Nguyễn Văn An', dob: '1990-03-05', sex: 'male' });
    expect(r2?.data).toMatchObject({
      fullName: 'Trần Thị Bình',
      dob: '1990',
      sex: 'female',
      idNumber: '1.23457E+11',
    });
  });

  it('accepts structural inputs and options', () => {
    const record = cleaned[3]!.record;
    const events = casesFromCleaning(
      [
        {
          record,
          issues: [
            { code: 'X', category: 'field' },
            { code: 'Y', category: 'malformed-id' },
            { code: 'Y', category: 'malformed-id' },
          ],
        },
      ],
      { caseId: (r, i) => `${r.key}#${i}`, commune: 'Mai Dịch' },
    );
    expect(events).toEqual([
      {
        type: 'open',
        caseId: 'r4#0',
        recordKey: 'r4',
        commune: 'Mai Dịch',
        categories: ['malformed-id'],
        issueCodes: ['Y'],
        data: {
          fullName: 'Lê Văn Dũng',
          dob: '1990',
          sex: 'male',
          idNumber: '001090012345',
          phone: '0912345678',
        },
      },
    ]);
  });

  it('produces events the log accepts', async () => {
    const events = casesFromCleaning(cleaned);
    const r = await appendEvents(
      emptyCampaign(),
      events.map((event, i) => ({ event, actor: station, at: at(i) })),
    );
    expect(r.success).toBe(true);
    if (r.success)
      expect(worklist(r.data.campaign, 'health-station').map((w) => w.caseId)).toEqual([
        'clean:r1',
        'clean:r2',
        'clean:r3',
      ]);
  });
});

describe('casesFromLinks', () => {
  it('opens a link-review case for each review decision only', () => {
    const records = new Map(cleaned.map((c) => [c.record.key, c.record]));
    const events = casesFromLinks(
      [
        { leftId: 'r3', rightId: 'p9', decision: 'review', probability: 0.62 },
        { leftId: 'r4', rightId: 'p1', decision: 'match', probability: 0.99 },
        { leftId: 'r9', decision: 'review', rightId: undefined },
      ],
      { records, commune: 'Không rõ' },
    );
    expect(
      events.map((e) => [e.caseId, e.recordKey, e.commune, e.categories, e.link, e.data.fullName]),
    ).toEqual([
      [
        'link:r3',
        'r3',
        'Yên Hòa',
        ['link-review'],
        { rightId: 'p9', probability: 0.62 },
        'Lê Văn Cường',
      ],
      ['link:r9', 'r9', 'Không rõ', ['link-review'], {}, undefined],
    ]);
  });

  it("carries an official's clerical decision from the report to the case", () => {
    const links = [
      { leftId: 'a', rightId: 'p1', decision: 'review', probability: 0.6 },
      { leftId: 'b', rightId: 'p2', decision: 'review', probability: 0.7 },
      { leftId: 'c', rightId: 'p3', decision: 'review', probability: 0.8 },
      { leftId: 'd', rightId: 'p4', decision: 'review', probability: 0.9 },
      { leftId: 'e', rightId: 'p5', decision: 'review', probability: 0.5 },
      { leftId: 'f', rightId: 'p6', decision: 'review', probability: 0.55 },
    ];
    const decisions = new Map([
      ['a', { rightId: 'p1', decision: 'match' as const }], // the best candidate confirmed
      ['b', { rightId: 'p9', decision: 'match' as const }], // a competing candidate chosen
      ['c', { rightId: '', decision: 'no_match' as const }], // none of the candidates
      ['d', { rightId: 'p4', decision: 'no_match' as const }], // the best one rejected
      ['e', { rightId: 'p8', decision: 'no_match' as const }], // a competitor rejected
    ]);
    const events = casesFromLinks(links, { decisions });
    expect(events.map((e) => [e.recordKey, e.link])).toEqual([
      ['a', { rightId: 'p1', probability: 0.6 }],
      ['b', { rightId: 'p9' }],
      ['c', {}],
      ['d', {}],
      ['e', { rightId: 'p5', probability: 0.5 }],
      ['f', { rightId: 'p6', probability: 0.55 }],
    ]);
  });
});

describe('isVerifiableIdNumber', () => {
  it.each([
    ['001090012345', true],
    ['079203001234', true],
    ['012345678', true],
    ['003090012345', false],
    ['38095012345', false],
    ['0010900123', false],
    ['B1234567', false],
    ['001 090 012 345', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isVerifiableIdNumber(value)).toBe(expected);
  });
});
