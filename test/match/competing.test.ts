/**
 * Competing candidates: a review row names the other reference records that compete with its
 * best candidate, in `LinkResult.competing`, in `LinkRow.competing`, at the end of the written
 * explanation (read back by `parseCompetitors`), in `linkFiles`' output and in the report's
 * review queue.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatCompetitor, linkRecords, parseCompetitors } from '../../src/index.js';
import { linkFiles, linkRowFromCsv } from '../../src/node/index.js';
import {
  generateDataset,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
  toCsv,
} from '../../src/testing/population/index.js';

const referenceDate = new Date(Date.UTC(2026, 0, 1));
const dir = mkdtempSync(join(tmpdir(), 'vn-competing-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = Record<string, string>;

/**
 * A generated register with namesakes added: for each of the first `n` list rows whose person is
 * in the register, a second register person with the same name, sex and date of birth in the
 * same commune (another ID, no phone); the list row loses its ID and phone, so only the name,
 * the date of birth, the sex and the place are left — the two register people are equally likely.
 */
function withNamesakes(n: number): { list: Row[]; register: Row[]; twins: Map<string, string> } {
  const data = generateDataset({ seed: 5, registerSize: 2500, listSize: 1200 });
  const list = data.list.map((r) => ({ ...r }) as unknown as Row);
  const register = data.register.map((r) => ({ ...r }) as unknown as Row);
  const byId = new Map(register.map((r) => [r['person_id']!, r]));
  const twins = new Map<string, string>();
  for (const t of data.truth) {
    if (twins.size >= n) break;
    const person = t.person_id === null ? undefined : byId.get(t.person_id);
    const row = list.find((r) => r['record_id'] === t.record_id);
    if (person === undefined || row === undefined) continue;
    const twinId = `TWIN|"${twins.size}"`; // separator and quote characters in an id
    register.push({
      ...person,
      person_id: twinId,
      id_number: '',
      old_id_number: '',
      phone: '',
    });
    Object.assign(row, {
      full_name: person['full_name'],
      dob: person['dob'],
      gender: person['gender'],
      province: person['province'],
      district: person['district'],
      commune: person['commune'],
      id_number: '',
      phone: '',
    });
    twins.set(t.record_id, twinId);
  }
  return { list, register, twins };
}

describe('competing candidates of review rows', () => {
  const { list, register, twins } = withNamesakes(12);

  it('linkRecords sends namesakes to review and names the other one', () => {
    const r = linkRecords(list, register, { referenceDate });
    expect(r.success).toBe(true);
    if (!r.success) return;
    let seen = 0;
    for (const row of r.data.rows) {
      const twin = twins.get(row.leftId);
      if (twin === undefined) continue;
      seen++;
      expect(row.decision).toBe('review');
      const ids = [row.rightId, ...(row.competing ?? []).map((c) => c.rightId)];
      expect(ids).toContain(twin);
      expect(row.competing?.length).toBeGreaterThan(0);
      // The written form says the same.
      const written = parseCompetitors(row.explanation).competing;
      expect(written.map((c) => c.rightId)).toEqual(row.competing?.map((c) => c.rightId));
      for (const [k, c] of written.entries()) {
        expect(c.probability).toBeCloseTo(row.competing![k]!.probability, 6);
        expect(c.fields).toMatch(/^[a-z_]+=/);
      }
    }
    expect(seen).toBe(twins.size);
    // Only review rows carry competitors.
    for (const row of r.data.rows)
      if (row.decision !== 'review') expect(row.competing).toBeUndefined();
  }, 60_000);

  it('linkFiles writes the same, and the report lists every candidate', async () => {
    const left = join(dir, 'list.csv');
    const right = join(dir, 'register.csv');
    writeFileSync(left, toCsv(list as never, LIST_COLUMNS));
    writeFileSync(right, toCsv(register as never, REGISTER_COLUMNS));
    const out = join(dir, 'links.csv');
    const report = join(dir, 'report.html');
    await linkFiles(left, right, { out, workers: 2, referenceDate, report });
    const rows = (parse(readFileSync(out), { columns: true, bom: true }) as Row[]).map(
      linkRowFromCsv,
    );
    const mem = linkRecords(list, register, { referenceDate });
    if (!mem.success) throw new Error('linkRecords failed');
    expect(rows.map((r) => r.explanation)).toEqual(mem.data.rows.map((r) => r.explanation));
    for (const [i, row] of rows.entries()) {
      expect(row.competing?.map((c) => c.rightId)).toEqual(
        mem.data.rows[i]!.competing?.map((c) => c.rightId),
      );
    }
    const html = readFileSync(report, 'utf8');
    for (const twin of twins.values()) expect(html).toContain(JSON.stringify(twin).slice(1, -1));
  }, 120_000);
});

describe('parseCompetitors', () => {
  it('reads back any id, weight and waterfall it is given', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            id: fc.string({ unit: 'binary' }),
            p: fc.double({ min: 0, max: 1, noNaN: true }),
            w: fc.double({ min: -60, max: 60, noNaN: true }),
          }),
          { maxLength: 3 },
        ),
        (cs) => {
          let e = 'ambiguous: second-best candidate too close;given=exact+6.2;dob=null';
          for (const c of cs)
            e += formatCompetitor({
              rightId: c.id,
              probability: c.p,
              matchWeight: c.w,
              fields: 'given=exact+1.0',
            });
          const back = parseCompetitors(e);
          expect(back.best).toBe(
            'ambiguous: second-best candidate too close;given=exact+6.2;dob=null',
          );
          expect(back.competing.map((c) => c.rightId)).toEqual(cs.map((c) => c.id));
          expect(back.competing.map((c) => c.matchWeight)).toEqual(
            cs.map((c) => Number(c.w.toFixed(2))),
          );
        },
      ),
    );
  });

  it('an explanation without competitors is all best', () => {
    expect(parseCompetitors('rule: same_id;given=exact+6.2')).toEqual({
      best: 'rule: same_id;given=exact+6.2',
      competing: [],
    });
  });
});
