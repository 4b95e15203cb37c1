import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCapture } from './capture.js';

const dir = mkdtempSync(join(tmpdir(), 'vn-reconcile-demo-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('vn-reconcile demo', () => {
  it('runs clean, link and dedupe on the generated sample and scores them', async () => {
    const r = await runCapture(['demo', '--size', '400', '--dir', dir]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('$ vn-reconcile clean list.csv');
    expect(r.out).toContain('$ vn-reconcile link list.csv register.csv');
    expect(r.out).toContain('$ vn-reconcile dedupe list.csv');
    const f1 = /F1 ([\d.]+)%/.exec(r.out);
    expect(f1).not.toBeNull();
    expect(Number(f1?.[1])).toBeGreaterThan(95);
    // Every list row comes out of link exactly once, in order.
    const list = readFileSync(join(dir, 'list.csv'), 'utf8').trim().split(/\r?\n/);
    const links = readFileSync(join(dir, 'links.csv'), 'utf8').trim().split(/\r?\n/);
    expect(links.length).toBe(list.length);
    expect(links[0]).toBe('left_id,right_id,decision,probability,match_weight,explanation');
  });

  it('at its default size, leaves work in the report review queue', async () => {
    const d = join(dir, 'default');
    const r = await runCapture(['demo', '--dir', d]);
    expect(r.code).toBe(0);
    const queue = /review queue \((\d+) rows\)/.exec(r.out);
    expect(Number(queue?.[1])).toBeGreaterThan(0);
    const review = /(\d+) sent to review \(([\d.]+)%\)/.exec(r.out);
    expect(Number(review?.[1])).toBe(Number(queue?.[1]));
    expect(Number(review?.[2])).toBeLessThanOrEqual(1); // the review share stays ≤ 1%
    const html = readFileSync(join(d, 'report.html'), 'utf8');
    expect(html).toContain('review');
    expect(r.out).toContain('--decisions decisions.csv');
  }, 120_000);

  it('rejects a bad --size with exit code 1', async () => {
    const r = await runCapture(['demo', '--size', 'lots', '--dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('--size');
  });
});
