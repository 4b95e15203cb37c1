import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, runToString, writeFixture } from './parallel-fixture.js';

describe('parallel link pipeline', () => {
  let fx: Fixture;
  let baseline: Awaited<ReturnType<typeof runToString>>;
  beforeAll(async () => {
    fx = writeFixture(3000, 1200);
    baseline = await runToString({ left: fx.left, right: fx.right, workers: 1, chunkRows: 400 });
  }, 120_000);

  it('writes one row per LEFT row, in LEFT order, with the link columns', () => {
    const lines = baseline.text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('left_id,right_id,decision,probability,match_weight,explanation');
    expect(lines.length).toBe(1201);
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['R0', 'R1', 'R2']);
    const leftIds = readFileSync(fx.left, 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[0]);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(leftIds);
    for (const l of lines.slice(1))
      expect(l.split(',')[2]).toMatch(/^(match|review|no_match|invalid)$/);
  });

  it('prints a summary with the sample, thresholds and error rates', () => {
    expect(baseline.err).toMatch(/EM on a sample of 1,200 LEFT rows/);
    expect(baseline.err).toMatch(/thresholds: match p >= [0-9.]+, review p >= [0-9.]+/);
    expect(baseline.err).toMatch(/estimated FDR [0-9.e+-]+, estimated FNR [0-9.e+-]+/);
    expect(baseline.err).toMatch(/match \d+, review \d+, no_match \d+, invalid 0/);
    expect(baseline.err).toMatch(
      /candidates per LEFT row on the sample: id_number [0-9.]+, old_cmnd/,
    );
    expect(baseline.summary.blockingPerRow.length).toBe(9);
    expect(baseline.summary.counts.match).toBeGreaterThan(1000);
    expect(baseline.summary.rowsWritten).toBe(1200);
  });

  it('is identical byte for byte with 2 workers, other chunk sizes and shuffled chunks', async () => {
    const two = await runToString({ left: fx.left, right: fx.right, workers: 2, chunkRows: 173 });
    expect(two.text).toBe(baseline.text);
    const shuffled = await runToString({
      left: fx.left,
      right: fx.right,
      workers: 2,
      chunkRows: 97,
      shuffleChunks: 12345,
    });
    expect(shuffled.text).toBe(baseline.text);
  }, 120_000);

  it('saves a model that reproduces the run', async () => {
    const modelPath = join(fx.dir, 'model.json');
    await runToString({ left: fx.left, right: fx.right, workers: 1, saveModel: modelPath });
    const model = JSON.parse(readFileSync(modelPath, 'utf8'));
    expect(model.format).toBe('vn-reconcile/fellegi-sunter');
    expect(model.thresholds.match).toBeGreaterThanOrEqual(model.thresholds.review);
    const again = await runToString({ left: fx.left, right: fx.right, workers: 2, model });
    expect(again.text).toBe(baseline.text);
    expect(again.err).toMatch(/model: loaded from file/);
  }, 120_000);
});
