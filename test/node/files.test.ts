/**
 * vn-reconcile/node: the file functions write what the CLI writes, stop on a signal leaving no
 * output, report progress, read .xlsx / streams / legacy encodings / other delimiters, and never
 * overwrite an input.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cleanFile,
  dedupeFile,
  formatClericalDecisions,
  linkFiles,
  linkStream,
  type ProgressEvent,
  VnReconcileError,
} from '../../src/node/index.js';
import { runCapture } from '../cli/capture.js';
import { type Fixture, writeFixture } from '../cli/parallel-fixture.js';

const referenceDate = new Date(Date.UTC(2026, 0, 1));
let fx: Fixture;

beforeAll(() => {
  fx = writeFixture(1500, 1200, 11);
});

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

describe('linkFiles, cleanFile and dedupeFile write the CLI files byte for byte', () => {
  it('link', async () => {
    const viaCli = join(fx.dir, 'cli-links.csv');
    const r = await runCapture([
      'link',
      fx.left,
      fx.right,
      '--out',
      viaCli,
      '--workers',
      '2',
      '--reference-date',
      '2026-01-01',
    ]);
    expect(r.code).toBe(0);
    const viaApi = join(fx.dir, 'api-links.csv');
    const summary = await linkFiles(fx.left, fx.right, { out: viaApi, workers: 2, referenceDate });
    expect(readFileSync(viaApi, 'utf8')).toBe(readFileSync(viaCli, 'utf8'));
    const c = summary.counts;
    expect(c.match + c.review + c.no_match + c.invalid).toBe(1200);
    expect(summary.rowsWritten).toBe(1200);
  }, 120_000);

  it('clean and dedupe', async () => {
    for (const command of ['clean', 'dedupe'] as const) {
      const viaCli = join(fx.dir, `cli-${command}.csv`);
      const r = await runCapture([
        command,
        fx.left,
        '--out',
        viaCli,
        '--reference-date',
        '2026-01-01',
      ]);
      expect(r.code).toBe(0);
      const viaApi = join(fx.dir, `api-${command}.csv`);
      const run = command === 'clean' ? cleanFile : dedupeFile;
      await run(fx.left, { out: viaApi, referenceDate });
      expect(readFileSync(viaApi, 'utf8')).toBe(readFileSync(viaCli, 'utf8'));
    }
  }, 120_000);
});

describe('cancellation and progress', () => {
  it('rejects with an AbortError and leaves no output (and an older file untouched)', async () => {
    const out = join(fx.dir, 'aborted.csv');
    writeFileSync(out, 'an older file\n');
    const controller = new AbortController();
    const phases: string[] = [];
    const started = performance.now();
    let abortedAt = 0;
    const error = await rejection(
      linkFiles(fx.left, fx.right, {
        out,
        workers: 2,
        chunkRows: 64,
        referenceDate,
        signal: controller.signal,
        onProgress: (e) => {
          phases.push(e.phase);
          if (e.phase === 'link' && e.rowsDone > 0 && abortedAt === 0) {
            abortedAt = performance.now();
            controller.abort();
          }
        },
      }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(performance.now() - abortedAt).toBeLessThan(5000);
    expect(readFileSync(out, 'utf8')).toBe('an older file\n');
    expect(readdirSync(fx.dir).filter((f) => f.endsWith('.partial'))).toEqual([]);
    expect(phases).toContain('reference');
    expect(started).toBeGreaterThan(0);
  }, 120_000);

  it('an already aborted signal rejects before anything is read', async () => {
    const error = await rejection(
      cleanFile(fx.left, { out: join(fx.dir, 'never.csv'), signal: AbortSignal.abort() }),
    );
    expect((error as Error).name).toBe('AbortError');
    expect(existsSync(join(fx.dir, 'never.csv'))).toBe(false);
  });

  it('reports phases with rows done, totals and rates', async () => {
    const events: ProgressEvent[] = [];
    await linkFiles(fx.left, fx.right, {
      out: new PassThrough().resume(),
      workers: 1,
      chunkRows: 200,
      referenceDate,
      onProgress: (e) => events.push(e),
    });
    const link = events.filter((e) => e.phase === 'link');
    expect(link.at(-1)?.rowsDone).toBe(1200);
    expect(link.at(-1)?.total).toBe(1200);
    for (let i = 1; i < link.length; i++)
      expect(link[i]!.rowsDone).toBeGreaterThanOrEqual(link[i - 1]!.rowsDone);
    expect(events.every((e) => e.rate >= 0 && Number.isFinite(e.rate))).toBe(true);
  }, 120_000);
});

describe('inputs', () => {
  it('a stream input gives the same output as the file', async () => {
    const a = join(fx.dir, 'from-file.csv');
    const b = join(fx.dir, 'from-stream.csv');
    await cleanFile(fx.left, { out: a, referenceDate });
    await cleanFile(Readable.from([readFileSync(fx.left)]), { out: b, referenceDate });
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
  });

  it('semicolons, UTF-16 with a BOM, CR-only line ends and Windows-1258 read like UTF-8 CSV', async () => {
    const text =
      'ma,full_name,dob,id_number\n1,Nguyễn Văn Hùng,03/05/1990,001090012345\n2,"Lê, Thị",1985,\n';
    const expected = join(fx.dir, 'plain.out.csv');
    writeFileSync(join(fx.dir, 'plain.csv'), text);
    await cleanFile(join(fx.dir, 'plain.csv'), { out: expected, referenceDate });
    const variants: [string, Buffer][] = [
      ['semi.csv', Buffer.from(text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';'))],
      ['u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')])],
      ['cr.csv', Buffer.from(text.replace(/\n/g, '\r'))],
      [
        'tab.tsv',
        Buffer.from(
          text.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, '\t').replace('"Lê\t Thị"', '"Lê, Thị"'),
        ),
      ],
    ];
    for (const [name, bytes] of variants) {
      writeFileSync(join(fx.dir, name), bytes);
      const out = join(fx.dir, `${name}.out.csv`);
      await cleanFile(join(fx.dir, name), { out, referenceDate });
      expect(readFileSync(out, 'utf8'), name).toBe(readFileSync(expected, 'utf8'));
    }
    // CP1258 keeps â ê ô ă ơ ư precomposed and the tone as a combining mark.
    const cp1258Form = text
      .normalize('NFD')
      .replace(/([aeoAEO])\u0302/g, (_, v: string) => `${v}\u0302`.normalize('NFC'))
      .replace(/([aA])\u0306/g, (_, v: string) => `${v}\u0306`.normalize('NFC'))
      .replace(/([ouOU])\u031b/g, (_, v: string) => `${v}\u031b`.normalize('NFC'));
    writeFileSync(join(fx.dir, 'cp1258.csv'), iconv.encode(cp1258Form, 'windows1258'));
    const error = await rejection(
      cleanFile(join(fx.dir, 'cp1258.csv'), { out: join(fx.dir, 'x.csv'), referenceDate }),
    );
    expect(error).toBeInstanceOf(VnReconcileError);
    expect((error as VnReconcileError).code).toBe('INPUT_ENCODING');
    expect((error as Error).message).toMatch(/cp1258\.csv: line 2: .*--encoding/);
    expect((error as Error).message).not.toMatch(/Hùng|Nguy/);
    const out = join(fx.dir, 'cp1258.out.csv');
    await cleanFile(join(fx.dir, 'cp1258.csv'), { out, referenceDate, encoding: 'windows-1258' });
    expect(readFileSync(out, 'utf8')).toContain('Nguyễn Văn Hùng');
  });

  it('reads and writes .xlsx: numbers mean what the user saw', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('DS');
    sheet.addRow(['ma', 'full_name', 'dob', 'id_number', 'phone']);
    sheet.addRow(['A1', 'Nguyễn Văn An', new Date(Date.UTC(1990, 4, 3)), 38095012345, 912345678]);
    sheet.addRow(['A2', 'Trần Thị Bình', '1985', '001185000111', '0987654321']);
    const xlsx = join(fx.dir, 'list.xlsx');
    await book.xlsx.writeFile(xlsx);
    const csvOut = join(fx.dir, 'list.xlsx.clean.csv');
    const summary = await cleanFile(xlsx, { out: csvOut, referenceDate });
    expect(summary.rows).toBe(2);
    const lines = readFileSync(csvOut, 'utf8').trim().split('\r\n');
    expect(lines[1]).toContain('038095012345');
    expect(lines[1]).toContain('0912345678');
    expect(lines[1]).toContain('1990-05-03');
    const xlsxOut = join(fx.dir, 'list.clean.xlsx');
    await cleanFile(xlsx, { out: xlsxOut, referenceDate });
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(xlsxOut);
    const rows: string[] = [];
    back.worksheets[0]!.eachRow((row) => {
      rows.push(
        (row.values as unknown[])
          .slice(1)
          .map((v) => String(v ?? ''))
          .join(','),
      );
    });
    expect(rows.length).toBe(3);
    expect(rows[1]).toContain('038095012345');
  });
});

describe('headers real files use', () => {
  it('Vietnamese, English and split-name headers are recognised and reported', async () => {
    const files: [string, string, RegExp][] = [
      [
        'officials.csv',
        'STT,Họ và tên,Ngày sinh,Giới tính,Số CMND/CCCD,Số điện thoại,Tỉnh/Thành phố,Quận/Huyện,Phường/Xã\n1,Nguyễn Văn An,03/05/1990,Nam,001090012345,0912345678,Hà Nội,Đống Đa,Láng Hạ\n',
        /Họ và tên → full_name/,
      ],
      [
        'english.csv',
        'id,name,sex,date_of_birth,cccd\n1,Nguyễn Văn An,M,1990-05-03,001090012345\n',
        /name → full_name/,
      ],
      [
        'split.csv',
        'ma,Họ đệm,Tên,Ngày sinh,CCCD\n1,Nguyễn Văn,An,03/05/1990,001090012345\n',
        /Tên → given_name/,
      ],
    ];
    for (const [name, text, mapping] of files) {
      const f = join(fx.dir, name);
      writeFileSync(f, text);
      const out = join(fx.dir, `${name}.out.csv`);
      const summary = await cleanFile(f, { out, referenceDate });
      expect(summary.notes.join('\n'), name).toMatch(mapping);
      const [row] = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
      expect(row?.['full_name_clean'], name).toBe('Nguyễn Văn An');
      expect(row?.['id_number_clean'], name).toBe('001090012345');
      expect(row?.['issues'] ?? '', name).not.toMatch(/NAME_MISSING|ID_MISSING/);
    }
  });

  it('--map accepts every engine column, old_id_number included; a file with no name and no ID column is exit 1', async () => {
    const f = join(fx.dir, 'mapped.csv');
    writeFileSync(f, 'ma,ho_ten,so_cu\n1,Lê Văn B,012345678\n');
    const r = await runCapture(['clean', f, '--map', 'full_name=ho_ten,old_id_number=so_cu']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/so_cu → old_id_number/);
    const none = join(fx.dir, 'none.csv');
    writeFileSync(none, 'a,b\n1,2\n');
    const n = await runCapture(['clean', none]);
    expect(n.code).toBe(1);
    expect(n.err).toMatch(/none\.csv: row 1: No column gives a name/);
  });
});

describe('the file boundary', () => {
  it('refuses an output that is an input, before reading anything', async () => {
    const before = readFileSync(fx.left);
    const error = await rejection(cleanFile(fx.left, { out: fx.left }));
    expect((error as VnReconcileError).code).toBe('OUTPUT_IS_INPUT');
    const error2 = await rejection(
      linkFiles(fx.left, fx.right, { out: join(fx.dir, 'o.csv'), saveModel: fx.right }),
    );
    expect((error2 as VnReconcileError).code).toBe('OUTPUT_IS_INPUT');
    expect(readFileSync(fx.left).equals(before)).toBe(true);
    const r = await runCapture(['link', fx.left, fx.right, '--out', fx.right]);
    expect(r.code).toBe(1);
  });

  it('stops on an unclosed quote instead of dropping the rows after it', async () => {
    const bad = join(fx.dir, 'unclosed.csv');
    writeFileSync(
      bad,
      `${readFileSync(fx.left, 'utf8')}X9,"never closed,1990\nX10,Lê Văn B,1991\n`,
    );
    const r = await runCapture(['link', bad, fx.right, '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/unclosed\.csv: row 1202: a quoted field is never closed/);
  });

  it('values with line breaks are written quoted: the output is CSV that reads back row for row', async () => {
    const f = join(fx.dir, 'breaks.csv');
    writeFileSync(
      f,
      'ma,full_name,address\r\n1,Lê Văn A,"Số 5\nngõ 12"\r\n2,Lê Văn B,"a\r\nb"\r\n',
    );
    for (const command of ['clean', 'dedupe'] as const) {
      const out = join(fx.dir, `breaks.${command}.csv`);
      await (command === 'clean' ? cleanFile : dedupeFile)(f, { out, referenceDate });
      const back = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
      expect(back.map((r) => r['address'])).toEqual(['Số 5\nngõ 12', 'a\r\nb']);
    }
  });

  it('a reference with no usable rows is exit 1', async () => {
    const empty = join(fx.dir, 'truth.csv');
    writeFileSync(empty, 'left_row,person_id\n1,P1\n2,P2\n');
    const r = await runCapture(['link', fx.left, empty, '--workers', '1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/truth\.csv: row 1: No column gives a name .* or an ID number/);
  }, 60_000);

  it('neutralises spreadsheet formulas in outputs unless told not to', async () => {
    const f = join(fx.dir, 'formula.csv');
    writeFileSync(
      f,
      'ma,full_name,note\n=HYPERLINK("http://x"),Lê Văn A,@SUM(1)\n-5,Lê Văn B,+84912345678\n',
    );
    const out = join(fx.dir, 'formula.out.csv');
    await cleanFile(f, { out, referenceDate });
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(text).toContain("'@SUM(1)");
    expect(text).toContain('\r\n-5,');
    expect(text).toContain(',+84912345678,');
    const raw = join(fx.dir, 'formula.raw.csv');
    await cleanFile(f, { out: raw, referenceDate, formulaGuard: false });
    expect(readFileSync(raw, 'utf8')).toContain('"=HYPERLINK(""http://x"")"');
  });
});

describe('report and clerical decisions', () => {
  it('writes a self-contained report, and a decisions file exported from it is applied by the next run', async () => {
    const out = join(fx.dir, 'r-links.csv');
    const report = join(fx.dir, 'r-report.html');
    const r = await runCapture([
      'link',
      fx.left,
      fx.right,
      '--out',
      out,
      '--report',
      report,
      '--workers',
      '1',
      '--reference-date',
      '2026-01-01',
    ]);
    expect(r.code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/src="http|href="http/);
    const rows = parse(readFileSync(out), { columns: true }) as Record<string, string>[];
    const matched = rows.find((x) => x['decision'] === 'match')!;
    const unmatched =
      rows.find((x) => x['decision'] === 'no_match' && x['right_id'] === '') ??
      rows.find((x) => x['decision'] !== 'match')!;
    const decisions = join(fx.dir, 'decisions.csv');
    writeFileSync(
      decisions,
      formatClericalDecisions([
        {
          leftId: matched['left_id']!,
          rightId: matched['right_id']!,
          decision: 'no_match',
        },
        { leftId: unmatched['left_id']!, rightId: matched['right_id']!, decision: 'match' },
      ]),
    );
    const again = join(fx.dir, 'r-links-2.csv');
    const r2 = await runCapture([
      'link',
      fx.left,
      fx.right,
      '--out',
      again,
      '--decisions',
      decisions,
      '--workers',
      '1',
      '--reference-date',
      '2026-01-01',
    ]);
    expect(r2.code).toBe(0);
    expect(r2.err).toContain('clerical decisions applied: 2');
    const rows2 = parse(readFileSync(again), { columns: true }) as Record<string, string>[];
    const byId = new Map(rows2.map((x) => [x['left_id'], x]));
    expect(byId.get(matched['left_id'])?.['decision']).toBe('no_match');
    expect(byId.get(unmatched['left_id'])).toMatchObject({
      decision: 'match',
      right_id: matched['right_id'],
    });
    expect(byId.get(unmatched['left_id'])?.['explanation']).toMatch(/^clerical: match;/);
    expect(rows2.length).toBe(rows.length);
    const bad = join(fx.dir, 'bad-decisions.csv');
    writeFileSync(bad, 'who,what\n1,2\n');
    const r3 = await runCapture(['link', fx.left, fx.right, '--decisions', bad]);
    expect(r3.code).toBe(1);
    expect(r3.err).toMatch(/--decisions .*bad-decisions\.csv/);
  }, 120_000);
});

describe('linkStream', () => {
  it('yields the rows linkFiles writes, typed', async () => {
    const file = join(fx.dir, 'stream-ref.csv');
    await linkFiles(fx.left, fx.right, { out: file, workers: 1, referenceDate });
    const lines = readFileSync(file, 'utf8').trim().split('\r\n').slice(1);
    const header = readFileSync(fx.left, 'utf8').split('\n')[0]!.split(',');
    const rows = readFileSync(fx.left, 'utf8')
      .trim()
      .split('\n')
      .slice(1, 51)
      .map((l) => Object.fromEntries(header.map((h, i) => [h, parseCsvLine(l)[i] ?? ''])));
    const got = [];
    for await (const r of linkStream(rows, fx.right, {
      workers: 1,
      referenceDate,
      sampleSize: 50_000,
    }))
      got.push(r);
    expect(got.length).toBe(50);
    expect(got.every((r) => ['match', 'review', 'no_match', 'invalid'].includes(r.decision))).toBe(
      true,
    );
    expect(got.every((r) => r.matchWeight === undefined || Number.isFinite(r.matchWeight))).toBe(
      true,
    );
    expect(got[0]!.leftId).toBe(lines[0]!.split(',')[0]);
  }, 120_000);
});

function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (q) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}
