/**
 * The prepared register file: `prepareFile` writes it, `linkFiles` takes it in place of the
 * register CSV with byte-identical output, and a damaged, truncated or other-version file is
 * refused with INPUT_INVALID (exit 1 from the CLI), never misread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkFiles, prepareFile, VnReconcileError } from '../../src/node/index.js';
import {
  isRegisterFile,
  REGISTER_MAGIC,
  readRegisterFile,
} from '../../src/node/link/register-file.js';
import { runCapture } from '../cli/capture.js';
import { type Fixture, writeFixture } from '../cli/parallel-fixture.js';

const referenceDate = new Date(Date.UTC(2026, 0, 1));
let fx: Fixture;
let vnreg: string;

beforeAll(async () => {
  fx = writeFixture(1500, 1200, 17);
  vnreg = join(fx.dir, 'register.vnreg');
  const s = await prepareFile(fx.right, { out: vnreg, workers: 2, referenceDate });
  expect(s.rowsRead).toBe(1500);
  expect(s.records).toBeGreaterThan(1400);
}, 120_000);

async function refusal(p: Promise<unknown>): Promise<VnReconcileError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof VnReconcileError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('prepared register file', () => {
  it('starts with the magic bytes and loads what was prepared', () => {
    expect(isRegisterFile(vnreg)).toBe(true);
    expect(isRegisterFile(fx.right)).toBe(false);
    const { register, info } = readRegisterFile(vnreg);
    expect(info.rowsRead).toBe(1500);
    expect(register.reference.size).toBe(info.records);
    expect(register.reference.blocks.length).toBeGreaterThan(0);
    expect(register.reference.blocks[0]!.members.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('links byte for byte as the register CSV does (1 and 2 workers, any chunking)', async () => {
    const fromCsv = join(fx.dir, 'csv-links.csv');
    await linkFiles(fx.left, fx.right, { out: fromCsv, workers: 2, referenceDate });
    const fromFile = join(fx.dir, 'file-links.csv');
    const s = await linkFiles(fx.left, vnreg, { out: fromFile, workers: 1, referenceDate });
    expect(readFileSync(fromFile, 'utf8')).toBe(readFileSync(fromCsv, 'utf8'));
    expect(s.preparedRegister?.records).toBe(s.rightRows);
    const chunked = join(fx.dir, 'file-links-97.csv');
    await linkFiles(fx.left, vnreg, { out: chunked, workers: 2, chunkRows: 97, referenceDate });
    expect(readFileSync(chunked, 'utf8')).toBe(readFileSync(fromCsv, 'utf8'));
  }, 120_000);

  it('the CLI prepares the same file and links with it', async () => {
    const viaCli = join(fx.dir, 'cli.vnreg');
    const p = await runCapture([
      'prepare',
      fx.right,
      '--out',
      viaCli,
      '--reference-date',
      '2026-01-01',
      '--workers',
      '1',
    ]);
    expect(p.code).toBe(0);
    expect(readFileSync(viaCli).equals(readFileSync(vnreg))).toBe(true);
    const out = join(fx.dir, 'cli-links.csv');
    const l = await runCapture([
      'link',
      fx.left,
      viaCli,
      '--out',
      out,
      '--reference-date',
      '2026-01-01',
    ]);
    expect(l.code).toBe(0);
  }, 120_000);

  const damaged: [string, (b: Buffer) => Buffer][] = [
    ['truncated', (b) => b.subarray(0, b.length - 100)],
    ['cut in the header', (b) => b.subarray(0, 40)],
    ['cut before the header', (b) => b.subarray(0, 12)],
    ['a flipped data byte', (b) => flip(b, b.length - 1000)],
    ['a flipped header byte', (b) => flip(b, 50)],
    ['another format version', (b) => withU32(b, 8, 99)],
    ['format 2 (before the flat block tables)', (b) => withU32(b, 8, 2)],
    ['a wrong data length', (b) => withF64(b, 24, b.readDoubleLE(24) + 8)],
    ['extra bytes', (b) => Buffer.concat([b, Buffer.alloc(8)])],
  ];
  it.each(damaged)(
    'refuses a file with %s (INPUT_INVALID, exit 1)',
    async (what, damage) => {
      const bad = join(fx.dir, `bad-${what.replace(/\W+/g, '-')}.vnreg`);
      writeFileSync(bad, damage(readFileSync(vnreg)));
      const e = await refusal(
        linkFiles(fx.left, bad, { out: join(fx.dir, 'never.csv'), workers: 1, referenceDate }),
      );
      expect(e.code).toBe('INPUT_INVALID');
      expect(e.message).toContain('prepared register');
      const r = await runCapture(['link', fx.left, bad, '--out', join(fx.dir, 'never2.csv')]);
      expect(r.code).toBe(1);
    },
    60_000,
  );

  it('refuses a file prepared by an engine that prepares differently', async () => {
    const buf = readFileSync(vnreg);
    const headerLength = buf.readUInt32LE(12);
    const header = buf.subarray(32, 32 + headerLength).toString('utf8');
    const other = header.replace(/"fingerprint":"[0-9a-f]+"/, '"fingerprint":"00000000"');
    expect(other).not.toBe(header);
    const patched = Buffer.from(buf);
    patched.write(other, 32, 'utf8');
    // A correct header checksum: only the fingerprint tells the engines apart.
    const { crc32 } = await import('node:zlib');
    patched.writeUInt32LE(crc32(patched.subarray(32, 32 + headerLength)) >>> 0, 16);
    const bad = join(fx.dir, 'other-engine.vnreg');
    writeFileSync(bad, patched);
    const e = await refusal(
      linkFiles(fx.left, bad, { out: join(fx.dir, 'never3.csv'), workers: 1, referenceDate }),
    );
    expect(e.code).toBe('INPUT_INVALID');
    expect(e.message).toMatch(/prepare it again/);
  }, 60_000);

  it('a file with the magic bytes only is refused, not taken for a CSV', async () => {
    const bad = join(fx.dir, 'magic-only.vnreg');
    writeFileSync(bad, Buffer.from(REGISTER_MAGIC));
    const e = await refusal(
      linkFiles(fx.left, bad, { out: join(fx.dir, 'never4.csv'), workers: 1, referenceDate }),
    );
    expect(e.code).toBe('INPUT_INVALID');
  }, 60_000);
});

function flip(b: Buffer, at: number): Buffer {
  const c = Buffer.from(b);
  c[at] = c[at]! ^ 0xff;
  return c;
}
function withU32(b: Buffer, at: number, v: number): Buffer {
  const c = Buffer.from(b);
  c.writeUInt32LE(v, at);
  return c;
}
function withF64(b: Buffer, at: number, v: number): Buffer {
  const c = Buffer.from(b);
  c.writeDoubleLE(v, at);
  return c;
}
