/**
 * The blocking-key hashes of `vietnameseSpec` (`blockingKeyHashes`, per 4,096-record chunk as a
 * worker computes them) two ways, alternated in one process over the same cleaned records: each
 * rule's `keyHash` (the key's parts hashed where they are) and `hashKey(key(r))` (the key string
 * made, then hashed):
 *
 *   node --import tsx bench/key-hashes.ts FILE.csv [ROWS]
 *
 * Prints µs per record for rounds 2–6 of each (round 1 includes compilation and fills the name
 * cache). The naive comma split suits the bench's generated files (no quoted cells).
 */
import { readFileSync } from 'node:fs';
import { type BlockingRule, type LinkageSpec, vietnameseSpec } from '../src/match/index.js';
import { blockingKeyHashes } from '../src/match/scale/block-table.js';
import { type CleanRecord, cleanRecord } from '../src/record/index.js';

const path = process.argv[2];
if (!path) throw new Error('usage: bench/key-hashes.ts FILE.csv [ROWS]');
const rows = Number(process.argv[3] ?? 200_000);
const lines = readFileSync(path, 'utf8').split('\n');
const header = (lines[0] ?? '').split(',');
const records: CleanRecord[] = [];
for (const line of lines.slice(1, 1 + rows)) {
  if (!line) continue;
  const cells = line.split(',');
  const raw: Record<string, string> = {};
  header.forEach((h, k) => {
    raw[h] = cells[k] ?? '';
  });
  records.push(cleanRecord(raw, { referenceDate: new Date(Date.UTC(2026, 0, 1)) }).record);
}
const withHash = vietnameseSpec();
const withoutHash: LinkageSpec<CleanRecord> = {
  ...withHash,
  blocking: withHash.blocking.map(({ keyHash: _, ...rule }): BlockingRule<CleanRecord> => rule),
};
let sink = 0;
for (let round = 1; round <= 6; round++) {
  const line: string[] = [];
  for (const [label, spec] of [
    ['keyHash', withHash],
    ['hashKey(key)', withoutHash],
  ] as const) {
    const t = performance.now();
    for (let c = 0; c < records.length; c += 4096) {
      sink += blockingKeyHashes(records.slice(c, c + 4096), spec)[0]!.length;
    }
    line.push(`${label} ${(((performance.now() - t) * 1000) / records.length).toFixed(2)} µs`);
  }
  if (round > 1) console.log(`round ${round}: ${line.join(', ')} a record`);
}
if (sink < 0) console.log(sink);
