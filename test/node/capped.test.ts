/**
 * Blocking caps are never silent in the file functions: the pipeline's and the in-memory
 * engine's summaries say which rule and how big (never the key), and the rows go to review.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dedupeFile, linkFiles } from '../../src/node/index.js';
import { useTempDir } from '../cli/temp-dir.js';

const tmp = useTempDir('vnr-capped-');
const referenceDate = new Date(Date.UTC(2026, 0, 1));
const HEADER = 'id,full_name,dob,gender,id_number,province\n';

function namesakes(n: number): string {
  let text = HEADER;
  for (let i = 0; i < n; i++) {
    const d = String((i % 28) + 1).padStart(2, '0');
    const m = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    text += `R${i},Nguyễn Văn Hùng,${d}/${m}/1985,nam,0010850${String(10000 + i)},Hà Nội\n`;
  }
  for (let i = 0; i < 200; i++)
    text += `Q${i},Trần Thị Mai ${String.fromCharCode(65 + (i % 26))}${i},0${(i % 9) + 1}/05/19${50 + (i % 40)},nữ,0311${String(90000000 + i)},Hải Phòng\n`;
  return text;
}

describe('blocking caps in linkFiles (the streaming pipeline)', () => {
  it('warns with the rule and sizes, and sends the capped row to review', async () => {
    const right = tmp.write('register.csv', namesakes(300));
    const left = tmp.write(
      'list.csv',
      `${HEADER}L1,Nguyễn Văn Hùng,1985,nam,,Hà Nội\nL2,Trần Thị Mai C2,03/05/1952,nữ,031190000002,Hải Phòng\n`,
    );
    const out = join(tmp.path(), 'links.csv');
    const summary = await linkFiles(left, right, { out, workers: 1, referenceDate });
    const rows = readFileSync(out, 'utf8').trim().split('\r\n');
    expect(rows[1]).toMatch(/^L1,[^,]*,review,/);
    expect(rows[2]).toMatch(/^L2,Q2,match,/);
    const text = summary.warnings.join('\n');
    expect(text).toMatch(/blocking rule '[a-z_+]+'/);
    expect(text).toContain('went to review');
    expect(text).not.toMatch(/Hùng|hung|1985/i);
    expect(summary.counts.review).toBe(1);
  }, 60_000);
});

describe('blocking caps in dedupeFile (the in-memory engine)', () => {
  it('257 identical rows are reviewed, not unique', async () => {
    let text = HEADER;
    for (let i = 0; i < 257; i++) text += `D${i},Lê Thị Lan,01/02/1990,nữ,001190012345,Hà Nội\n`;
    const input = tmp.write('same.csv', text);
    const out = join(tmp.path(), 'same.dedupe.csv');
    const summary = await dedupeFile(input, { out, referenceDate });
    expect(summary.counts.unique).toBe(0);
    expect(summary.counts.review + summary.counts.duplicate).toBe(257);
    expect(summary.warnings.join('\n')).toContain("'id_number'");
    expect(summary.warnings.join('\n')).not.toMatch(/001190012345|Lan/);
  }, 60_000);
});
