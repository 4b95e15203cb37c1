/**
 * Report inputs for the tests: a small model, weights, blocking counts and a review queue whose
 * cells carry markup, quotes, commas and Vietnamese letters.
 */
import type { FellegiSunterModel } from '../../../src/match/index.js';
import type { ReportInput, ReviewCase } from '../../../src/node/report/index.js';

export const XSS_NAME = '<script>window.__xss = 1</script>';
export const XSS_ADDRESS = '<img src=x onerror="window.__xss = 2">';
export const RAW_ID = '038095012345';
export const RAW_PHONE = '0912345678';
export const TRICKY_LEFT_ID = 'R"1",\r\nx';

export const MODEL: FellegiSunterModel = {
  format: 'vn-reconcile/fellegi-sunter',
  version: 1,
  prior: 1 / 1025,
  comparisons: [
    {
      name: 'given',
      levels: [
        { label: 'exact', m: 0.9, u: 0.01 },
        { label: 'fuzzy', m: 0.07, u: 0.05 },
        { label: 'else', m: 0.03, u: 0.94 },
      ],
    },
    {
      name: 'dob <b>',
      levels: [
        { label: 'exact', m: 0.85, u: 0.001 },
        { label: 'year', m: 0.1, u: 0.02 },
        { label: 'else', m: 0.05, u: 0.979 },
      ],
    },
    {
      name: 'id',
      levels: [
        { label: 'exact', m: 0.8, u: 0.00001 },
        { label: 'else', m: 0.2, u: 0.99999 },
      ],
    },
  ],
};

/** A deterministic pseudo-random stream (tests only). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `n` review cases; case 0 has the markup and the tricky id. */
export function reviewCases(n: number, seed = 1): ReviewCase[] {
  const rnd = lcg(seed);
  const cases: ReviewCase[] = [];
  for (let i = 0; i < n; i++) {
    const w1 = -4 + rnd() * 10;
    const ncand = 1 + Math.floor(rnd() * 3);
    cases.push({
      leftId: i === 0 ? TRICKY_LEFT_ID : `R${i + 1}`,
      left: {
        full_name: i === 0 ? XSS_NAME : `Nguyễn Văn An ${i}`,
        dob: `${String(1 + (i % 28)).padStart(2, '0')}/03/${1950 + (i % 50)}`,
        gender: i % 2 ? 'Nữ' : 'Nam',
        id_number: i === 1 ? RAW_ID : `0010${String(90000000 + i).padStart(8, '0')}`,
        phone: i === 1 ? RAW_PHONE : '',
        province: 'Hà Nội',
        address: i === 0 ? XSS_ADDRESS : `${i} Lê Lợi`,
      },
      candidates: Array.from({ length: ncand }, (_, k) => {
        const w = w1 - k * 2.5;
        return {
          rightId: i === 0 && k === 0 ? 'P,"7"' : `P${i * 10 + k}`,
          right: {
            full_name: `Nguyễn Văn Ân ${i}`,
            dob: `1985-03-${String(1 + k).padStart(2, '0')}`,
            gender: 'Nam',
            id_number: `0010${String(80000000 + i).padStart(8, '0')}`,
            phone: '0987654321',
            province: 'Hà Nội',
            address: `${i} Lê Lai`,
          },
          probability: 1 / (1 + 2 ** -w),
          matchWeight: w,
          fields: [
            { comparison: 'given', level: 'exact', weight: 6.49 },
            {
              comparison: 'dob <b>',
              level: k === 0 ? 'year' : 'else',
              weight: k === 0 ? 2.32 : -4.29,
            },
            { comparison: 'id', level: 'else', weight: w - 6.49 - (k === 0 ? 2.32 : -4.29) + 10 },
          ],
        };
      }),
    });
  }
  return cases;
}

/** A link report input with `reviewCount` review rows and `weightCount` weights. */
export function linkInput(reviewCount = 40, weightCount = 5000): ReportInput {
  const rnd = lcg(7);
  const weights = new Float64Array(weightCount);
  for (let i = 0; i < weightCount; i++) {
    const u = rnd();
    weights[i] = u < 0.02 ? Number.NEGATIVE_INFINITY : u < 0.15 ? -20 + rnd() * 18 : 5 + rnd() * 25;
  }
  return {
    command: 'link',
    generatedAt: '2026-12-06T21:30:00.000Z',
    tool: { name: 'vn-reconcile', version: '0.1.0' },
    files: [
      { role: 'left', name: 'danh sách <tiêm>.csv', rows: weightCount },
      { role: 'right', name: 'register.csv', rows: 10_000 },
    ],
    counts: { match: 4200, review: reviewCount, no_match: 700, invalid: 60 },
    issueCounts: { ID_MISSING: 300, DOB_EXCEL_SERIAL: 120, '<i>CODE</i>': 3 },
    thresholds: { match: 0.999, review: 0.01, estimatedFdr: 0.0004, estimatedFnr: 0.0001 },
    timings: { read: 0.4, link: 2.1 },
    warnings: ['blocking rule <surname> capped 2 blocks', 'a "quoted" & warning'],
    model: MODEL,
    weights,
    blocking: [
      { rule: 'id_number', pairs: 5200 },
      {
        rule: 'full_name_phonetic+birth_year',
        pairs: 48_000,
        capped: [{ key: 'nguyen van <a>|1990', rows: 5100, action: 'skipped' }],
      },
    ],
    review: reviewCases(reviewCount),
  };
}
