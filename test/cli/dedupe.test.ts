import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCsv } from '../match/cli-fixtures.js';
import { runCapture } from './capture.js';

const fx = writeSyntheticCsv(1500, 600);

describe('vn-reconcile dedupe', () => {
  it('writes every row, in order, with a cluster id; second records join their person', async () => {
    const r = await runCapture(['dedupe', fx.list]);
    expect(r.code).toBe(0);
    const rows = parse(r.out) as string[][];
    const header = rows[0]!;
    expect(header.slice(-3)).toEqual(['cluster_id', 'cluster_size', 'dedupe_decision']);
    const body = rows.slice(1);
    expect(body.map((x) => x[0])).toEqual(fx.data.list.map((x) => x.record_id));
    const cluster = new Map(body.map((x) => [x[0]!, x[header.length - 3]!]));
    // Every cluster id is the key of a row of that cluster.
    for (const id of cluster.values()) expect(cluster.get(id)).toBe(id);
    const byEntity = new Map<string, string[]>();
    for (const t of fx.data.truth)
      byEntity.set(t.entity_id, [...(byEntity.get(t.entity_id) ?? []), t.record_id]);
    let together = 0;
    let pairs = 0;
    for (const ids of byEntity.values()) {
      if (ids.length < 2) continue;
      pairs++;
      if (cluster.get(ids[0]!) === cluster.get(ids[1]!)) together++;
    }
    expect(pairs).toBeGreaterThan(0);
    expect(together / pairs).toBeGreaterThan(0.9);
    expect(r.err).toMatch(/duplicate \d+, unique \d+, review \d+, invalid 0/);
  });

  it('gives a malformed row its own cluster, marked invalid', async () => {
    const file = path.join(fx.dir, 'dd-bad.csv');
    writeFileSync(file, 'id,full_name,dob\nX1,Lê Văn Tám,1975\nX2,Lê Văn Tám,1975,extra\n');
    const r = await runCapture(['dedupe', file]);
    expect(r.code).toBe(0);
    const rows = parse(r.out, { relaxColumnCount: true }) as string[][];
    expect(rows[2]!.slice(-3)).toEqual(['X2', '1', 'invalid']);
  });

  it('exits 1 without an input file', async () => {
    const r = await runCapture(['dedupe']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing the input file/);
  });
});
