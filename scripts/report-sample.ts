/**
 * A realistic report input: the synthetic population (src/testing) cleaned and linked with the
 * Vietnamese spec, the review queue with each row's best candidates and their waterfalls.
 * Used by scripts/report-screenshot.ts.
 */

import { candidatesOf, createCandidateBuffer } from '../src/match/blocking.js';
import {
  buildBlockIndex,
  explainPair,
  linkWithSpec,
  scorePair,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../src/match/index.js';
import type { ReportInput, ReviewCase } from '../src/node/report/index.js';
import { type CleanRecord, cleanRecord } from '../src/record/index.js';
import { generateDataset } from '../src/testing/population/index.js';

/** Builds the sample input (a few seconds for the default sizes). */
export function sampleReportInput(registerSize = 6000, listSize = 3600, seed = 19): ReportInput {
  const t0 = performance.now();
  // A hard list: many rows without an identity number or a full date of birth, so that some
  // rows land between the thresholds (with the default defect rates hardly any do).
  const data = generateDataset({
    seed,
    registerSize,
    listSize,
    rates: {
      ID_MISSING: 0.45,
      ID_OLD_CMND: 0.15,
      DOB_YEAR_ONLY: 0.2,
      DOB_DAY_MONTH_SWAP: 0.05,
      NAME_TYPO: 0.08,
      NAME_MIDDLE_MISSING: 0.08,
      PHONE_MISSING: 0.5,
      MOVED: 0.15,
    },
  });
  const t1 = performance.now();
  const issueCounts: Record<string, number> = {};
  const left: CleanRecord[] = data.list.map((row) => {
    const { record, issues } = cleanRecord(row, { key: row.record_id });
    for (const code of new Set(issues.map((i) => i.code)))
      issueCounts[code] = (issueCounts[code] ?? 0) + 1;
    return record;
  });
  const right = data.register.map((row) => cleanRecord(row, { key: row.person_id }).record);
  const t2 = performance.now();
  const spec = vietnameseSpec();
  // A cautious official's thresholds (--match-threshold 0.999 --review-threshold 0.01): every
  // pair the model is not sure of goes to review.
  const out = linkWithSpec(left, right, spec, {
    rules: VIETNAMESE_RULES,
    thresholds: { match: 0.999, review: 0.01 },
  });
  if (!out.success) throw new Error(out.issues.map((i) => i.message).join('; '));
  const o = out.data;
  const t3 = performance.now();

  const index = buildBlockIndex(o.right, spec);
  const buf = createCandidateBuffer();
  const listById = new Map(data.list.map((r) => [r.record_id, r]));
  const registerById = new Map(data.register.map((r) => [r.person_id, r]));
  const review: ReviewCase[] = [];
  for (const res of o.results) {
    if (res.decision !== 'review') continue;
    const n = candidatesOf(index, o.left, res.left, buf, false);
    const scored: { j: number; w: number }[] = [];
    for (let k = 0; k < n; k++) {
      const j = buf.out[k]!;
      scored.push({ j, w: scorePair(o.scorer, o.left, res.left, o.right, j) });
    }
    scored.sort((a, b) => b.w - a.w);
    const top = scored.slice(0, 3);
    if (res.right >= 0 && !top.some((s) => s.j === res.right)) top.unshift({ j: res.right, w: 0 });
    const leftRec = left[res.left]!;
    const { record_id: _l, ...leftRow } = listById.get(leftRec.key)!;
    review.push({
      leftId: leftRec.key,
      left: leftRow,
      candidates: top.map(({ j }) => {
        const e = explainPair(o.scorer, o.left, res.left, o.right, j);
        const key = right[j]!.key;
        const { person_id: _p, old_id_number: _o, ...rightRow } = registerById.get(key)!;
        return {
          rightId: key,
          right: rightRow,
          probability: e.probability,
          matchWeight: e.matchWeight,
          priorWeight: e.priorWeight,
          fields: e.contributions.map((c) => ({
            comparison: c.comparison,
            level: c.level,
            weight: c.weight + c.tfAdjustment,
          })),
        };
      }),
    });
  }
  const counts = { ...o.summary.counts };
  const th = o.summary.thresholds;
  return {
    command: 'link',
    generatedAt: '2026-12-06T21:30:00.000Z',
    tool: { name: 'vn-reconcile', version: '0.1.0' },
    files: [
      { role: 'left', name: 'list.csv', rows: data.list.length },
      { role: 'right', name: 'register.csv', rows: data.register.length },
      { role: 'output', name: 'links.csv', rows: data.list.length },
    ],
    counts,
    thresholds: {
      match: th.match,
      review: th.review,
      estimatedFdr: th.estimatedFdr,
      estimatedFnr: th.estimatedFnr,
    },
    timings: {
      'đọc · read': (t1 - t0) / 1000,
      'làm sạch · clean': (t2 - t1) / 1000,
      'liên kết · link': (t3 - t2) / 1000,
    },
    warnings: [],
    model: o.model,
    weights: o.results.map((r) => r.matchWeight),
    blocking: o.summary.blocking.perRule.map((r) => ({ rule: r.rule, pairs: r.pairs })),
    review,
    issueCounts,
  };
}
