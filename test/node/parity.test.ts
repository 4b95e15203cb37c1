/**
 * In-memory parity: `linkRecords` / `dedupeRecords` on the rows of a file give the decisions,
 * right ids, probabilities and explanations `linkFiles` / `dedupeFile` write for that file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dedupeRecords, linkRecords } from '../../src/index.js';
import { dedupeFile, linkFiles } from '../../src/node/index.js';
import { writeFixture } from '../cli/parallel-fixture.js';

const referenceDate = new Date(Date.UTC(2026, 0, 1));
const rowsOf = (path: string) =>
  parse(readFileSync(path), { columns: true, bom: true }) as Record<string, string>[];

describe('linkRecords and linkFiles agree', () => {
  it.each([
    [1, 2000, 1600],
    [2, 3000, 900],
  ])(
    'on generated population %i (%i register rows, %i list rows)',
    async (seed, reg, list) => {
      const fx = writeFixture(reg, list, 40 + seed);
      const out = join(fx.dir, 'links.csv');
      await linkFiles(fx.left, fx.right, { out, workers: 2, referenceDate, formulaGuard: false });
      const files = rowsOf(out);
      const r = linkRecords(rowsOf(fx.left), rowsOf(fx.right), { referenceDate });
      expect(r.success).toBe(true);
      if (!r.success) return;
      expect(r.data.rows.length).toBe(files.length);
      let matches = 0;
      r.data.rows.forEach((row, i) => {
        const f = files[i]!;
        expect(row.leftId).toBe(f['left_id']);
        expect(row.decision).toBe(f['decision']);
        expect(row.rightId ?? '').toBe(f['right_id']);
        expect(row.explanation).toBe(f['explanation']);
        if (f['probability'] !== '') expect(row.probability?.toFixed(6)).toBe(f['probability']);
        if (row.matchWeight !== undefined) expect(Number.isFinite(row.matchWeight)).toBe(true);
        if (row.decision === 'match') matches++;
      });
      expect(matches).toBeGreaterThan(list * 0.5);
    },
    120_000,
  );

  it('numbers and dates in rows are read as a spreadsheet shows them', () => {
    const register = [
      { person_id: 'P1', full_name: 'Nguyễn Văn An', dob: '1990-05-03', id_number: '001090012345' },
      { person_id: 'P2', full_name: 'Trần Thị Bình', dob: '1985-01-20', id_number: '001185000111' },
    ];
    const list = [
      {
        stt: 1,
        full_name: 'NGUYEN VAN AN',
        dob: new Date(Date.UTC(1990, 4, 3)),
        id_number: 1090012345,
      },
      { stt: 2, full_name: null, dob: '', id_number: undefined },
    ];
    const r = linkRecords(list, register, { referenceDate });
    expect(r.success).toBe(true);
    if (!r.success) return;
    expect(r.data.rows[0]).toMatchObject({ leftId: '1', rightId: 'P1', decision: 'match' });
    expect(r.data.rows[1]).toMatchObject({ leftId: '2', decision: 'invalid' });
    expect(r.data.rows[1]!.reasons).toContain('NOTHING_TO_MATCH_ON');
    expect(r.data.counts).toEqual({ match: 1, review: 0, no_match: 0, invalid: 1 });
  });

  it('a reference with no usable rows is an issue, not a throw', () => {
    const r = linkRecords([{ id: '1', full_name: 'Lê Văn A' }], [{ id: 'x', note: 'nothing' }]);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues[0]!.code).toBe('REFERENCE_EMPTY');
  });
});

describe('dedupeRecords and dedupeFile agree', () => {
  it('on a generated list', async () => {
    const fx = writeFixture(1500, 1500, 77);
    const out = join(fx.dir, 'dedupe.csv');
    await dedupeFile(fx.right, { out, referenceDate, formulaGuard: false });
    const files = rowsOf(out);
    const r = dedupeRecords(rowsOf(fx.right), { referenceDate });
    expect(r.success).toBe(true);
    if (!r.success) return;
    r.data.rows.forEach((row, i) => {
      const f = files[i]!;
      expect(row.clusterId).toBe(f['cluster_id']);
      expect(String(row.clusterSize)).toBe(f['cluster_size']);
      expect(row.decision).toBe(f['dedupe_decision']);
    });
  }, 120_000);
});
