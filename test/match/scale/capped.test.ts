/**
 * Blocking caps are never silent (issue 14): a block over its rule's `maxBlockSize` is reported
 * (rule and sizes, never the key) and the rows that lost candidates to it go to review.
 */
import { describe, expect, it } from 'vitest';
import {
  cappedBlocksOf,
  createScaleLinker,
  dedupeWithSpec,
  linkChunk,
  linkWithSpec,
  prepareSide,
  toColumnarReference,
  trainOnSample,
  VIETNAMESE_RULES,
  vietnameseSpec,
} from '../../../src/match/index.js';
import { type CleanRecord, cleanRecord } from '../../../src/record/index.js';

const day = (i: number) => String((i % 28) + 1).padStart(2, '0');
const month = (i: number) => String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');

function person(i: number, name: string, year: number, withId = true): CleanRecord {
  return cleanRecord(
    {
      full_name: name,
      dob: `${day(i)}/${month(i)}/${year}`,
      gender: 'nam',
      ...(withId ? { id_number: `0010${String(year).slice(2)}${String(100000 + i)}` } : {}),
      province: 'Hà Nội',
    },
    { key: `P${i}` },
  ).record;
}

describe('in-memory engine', () => {
  it('257 identical rows are not 257 unique people: reported and sent to review', () => {
    const one = cleanRecord(
      {
        full_name: 'Nguyễn Văn Hùng',
        dob: '12/03/1985',
        gender: 'nam',
        id_number: '001085012345',
        phone: '0912345678',
        province: 'Hà Nội',
        commune: 'Phường Láng Thượng',
      },
      { key: 'x' },
    ).record;
    const rows = Array.from({ length: 257 }, () => one);
    const r = dedupeWithSpec(rows, vietnameseSpec(), { rules: VIETNAMESE_RULES });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const { summary, review, cluster } = r.data;
    const sizes = new Map<number, number>();
    for (const c of cluster) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    // Every row is clustered with another or in review: none is silently "unique".
    for (let i = 0; i < rows.length; i++)
      expect((sizes.get(cluster[i]!) ?? 0) > 1 || review[i] === 1).toBe(true);
    expect(review.reduce((s, x) => s + x, 0)).toBe(257);
    const id = summary.cappedBlocks.find((c) => c.rule === 'id_number');
    expect(id).toMatchObject({ cap: 256, blocks: 1, largestBlock: 257, records: 257, rows: 257 });
    expect(summary.warnings.join('\n')).toContain("'id_number'");
    expect(summary.warnings.join('\n')).not.toMatch(/001085012345|hung|Hùng/i);
  });

  it('10,000 namesakes: the list row without an ID goes to review, not to no_match', () => {
    const register = Array.from({ length: 10_000 }, (_, i) =>
      person(i, 'Nguyễn Văn Hùng', 1985 + (i % 2)),
    );
    register.push(person(20_000, 'Trần Thị Mai', 1990));
    const list = [
      person(5, 'Nguyễn Văn Hùng', 1985, false), // no ID: only the name blocks remain
      person(20_000, 'Trần Thị Mai', 1990), // an ordinary row
    ];
    const r = linkWithSpec(list, register, vietnameseSpec(), {
      rules: VIETNAMESE_RULES,
      thresholds: { match: 0.99, review: 0.5 },
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const [namesake, mai] = r.data.results;
    expect(mai?.decision).toBe('match');
    expect(namesake).toMatchObject({ decision: 'review', reason: 'capped' });
    const warnings = r.data.summary.warnings.join('\n');
    expect(r.data.summary.cappedBlocks.length).toBeGreaterThan(0);
    expect(warnings).toContain('went to review');
    expect(warnings).not.toMatch(/hung|Hùng|1985/i);
  });
});

describe('scale linker', () => {
  it('reports blocks over the cap and sends the rows that lost candidates to review', () => {
    const spec = vietnameseSpec();
    const register = Array.from({ length: 3_000 }, (_, i) => person(i, 'Lê Văn Nam', 1970));
    register.push(person(9_999, 'Phạm Thị Hoa', 1992));
    const reference = toColumnarReference(prepareSide(register, spec));
    const capped = cappedBlocksOf(reference, spec);
    expect(capped.length).toBeGreaterThan(0);
    for (const c of capped) expect(c.largestBlock).toBeGreaterThan(c.cap);
    const left = prepareSide(
      [person(7, 'Lê Văn Nam', 1970, false), person(9_999, 'Phạm Thị Hoa', 1992)],
      spec,
    );
    const trained = trainOnSample(reference, left, spec, {
      rules: VIETNAMESE_RULES,
      thresholds: { match: 0.99, review: 0.5 },
    });
    const linker = createScaleLinker(reference, trained.model, trained.thresholds, spec, {
      rules: VIETNAMESE_RULES,
    });
    const out = linkChunk(linker, left);
    expect(out.results[0]).toMatchObject({ decision: 'review', reason: 'capped' });
    expect(out.results[1]?.decision).toBe('match');
    expect(out.cappedToReview).toBe(1);
    expect(out.cappedByRule.reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
  });
});
