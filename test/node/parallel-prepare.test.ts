/**
 * The register prepared on the workers (each chunk with interners of its own, merged and
 * re-numbered here in file order) is the register prepared serially, id for id: the same columns,
 * dictionaries, block tables and record keys.
 */
import { describe, expect, it } from 'vitest';
import { findIdFields } from '../../src/match/index.js';
import { scanCsv } from '../../src/node/io/csv-chunks.js';
import { buildReference } from '../../src/node/link/pipeline.js';
import { probeRecords } from '../../src/node/link/probes.js';
import { createPool } from '../../src/node/workers/pool.js';
import { pipelineSpec } from '../../src/node/workers/tasks.js';
import { writeFixture } from '../cli/parallel-fixture.js';

describe('parallel register preparation', () => {
  it('finds the id fields of every comparison with a dictionary', () => {
    const fields = findIdFields(pipelineSpec, probeRecords());
    expect(fields).toBeDefined();
    const spec = pipelineSpec();
    spec.comparisons.forEach((c, k) => {
      if (c.dictionary) expect(fields![k]!.length).toBeGreaterThan(0);
    });
  });

  it('gives the serial preparation id for id (chunks of 97 rows, 2 workers)', async () => {
    const fx = writeFixture(2000, 10, 29);
    const scan = scanCsv(fx.right, { label: 'register.csv', chunkRows: 97 });
    const pool = createPool(2);
    try {
      await pool.broadcast({
        type: 'setup',
        setup: {
          right: { file: 'register.csv', path: fx.right, headerText: scan.headerText },
          map: {},
          referenceDate: Date.UTC(2026, 0, 1),
          shard: undefined,
          formulaGuard: true,
        },
      });
      const serial = await buildReference(pipelineSpec(), pool, scan, 2, () => {}, false);
      const parallel = await buildReference(pipelineSpec(), pool, scan, 2, () => {}, true);
      expect(parallel.reference.size).toBe(serial.reference.size);
      expect(parallel.rowsRead).toBe(2000);
      expect(parallel.reference.columns).toEqual(serial.reference.columns);
      expect(parallel.reference.blocks).toEqual(serial.reference.blocks);
      expect(parallel.dictionaries).toEqual(serial.dictionaries);
      expect(parallel.rightKeys).toEqual(serial.rightKeys);
    } finally {
      await pool.close();
    }
  }, 120_000);
});
