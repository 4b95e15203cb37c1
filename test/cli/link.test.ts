import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCsv } from '../match/cli-fixtures.js';
import { runCapture } from './capture.js';

const fx = writeSyntheticCsv();

function readOut(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true }) as string[][];
}

describe('vn-reconcile link', () => {
  it('writes exactly one row per LEFT record, in LEFT order, and links most of the list', async () => {
    const out = path.join(fx.dir, 'out.csv');
    const model = path.join(fx.dir, 'model.json');
    const r = await runCapture(['link', fx.list, fx.register, '--out', out, '--save-model', model]);
    expect(r.code).toBe(0);
    const rows = readOut(out);
    expect(rows[0]).toEqual([
      'left_id',
      'right_id',
      'decision',
      'probability',
      'match_weight',
      'explanation',
    ]);
    expect(rows.slice(1).map((x) => x[0])).toEqual(fx.data.list.map((x) => x.record_id));
    let correct = 0;
    let wrong = 0;
    rows.slice(1).forEach((row, i) => {
      expect(['match', 'review', 'no_match', 'invalid']).toContain(row[2]);
      if (row[2] !== 'match') return;
      if (row[1] === fx.data.truth[i]!.person_id) correct++;
      else wrong++;
    });
    const inRegister = fx.data.truth.filter((t) => t.person_id !== null).length;
    expect(correct / inRegister).toBeGreaterThan(0.98);
    expect(wrong).toBeLessThanOrEqual(1);
    expect(r.err).toMatch(/match [\d,]+\W+review [\d,]+\W+no_match [\d,]+\W+invalid 0/);
    expect(r.err).toMatch(/FDR/);
    const saved = JSON.parse(readFileSync(model, 'utf8'));
    expect(saved.format).toBe('vn-reconcile/fellegi-sunter');

    // The saved model loads back, and one-to-one never gives one register person to two rows.
    const again = await runCapture([
      'link',
      fx.list,
      fx.register,
      '--model',
      model,
      '--one-to-one',
    ]);
    expect(again.code).toBe(0);
    const linked = (parse(again.out) as string[][])
      .slice(1)
      .filter((x) => x[2] === 'match')
      .map((x) => x[1]);
    expect(new Set(linked).size).toBe(linked.length);
    expect(again.err).toContain('model: loaded from file');
  });

  it('reports a malformed row as invalid without aborting', async () => {
    const left = path.join(fx.dir, 'bad-left.csv');
    writeFileSync(
      left,
      'record_id,full_name,dob,id_number\nA1,Nguyễn Văn An,01/02/1980,001080000001\nA2,"Trần Thị B",1990\nA3,,,\n',
    );
    const r = await runCapture(['link', left, fx.register]);
    expect(r.code).toBe(0);
    const rows = parse(r.out) as string[][];
    expect(rows.slice(1).map((x) => [x[0], x[2]])).toEqual([
      ['A1', expect.stringMatching(/^(match|review|no_match)$/)],
      ['A2', 'invalid'],
      ['A3', 'invalid'],
    ]);
  });

  it.each([
    [['link'], /expected two (input )?files/],
    [['link', 'nope.csv', 'nope2.csv'], /nope2?\.csv: cannot read the file/],
    [['link', 'a.csv', 'b.csv', '--match-threshold', '2'], /--match-threshold 2/],
  ])('%j exits 1 with a message', async (argv, message) => {
    const r = await runCapture(argv);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
  });

  it('rejects an invalid model file with exit code 1', async () => {
    const bad = path.join(fx.dir, 'bad-model.json');
    writeFileSync(bad, '{"format":"something else"}');
    const r = await runCapture(['link', fx.list, fx.register, '--model', bad]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad-model\.json: not a model for these comparisons/);
  });
});
