/**
 * The prepared register file: `prepareFile` writes it, `linkFiles` takes it in place of the
 * register CSV with byte-identical output, and a damaged, truncated or other-version file is
 * refused with INPUT_INVALID (exit 1 from the CLI), never misread.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkFiles, prepareFile, VnReconcileError } from '../../src/node/index.js';
import {
  isRegisterFile,
  REGISTER_MAGIC,
  readRegisterFile,
  segmentStarts,
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

  it('loads into buffers of at most the segment size, cut at section starts, the same arrays', () => {
    // A message to a worker carries a view's byte offset in 32 bits: a view 4 GiB or more into
    // one buffer (a 40M register loaded into one) reached the workers pointing elsewhere.
    const whole = readRegisterFile(vnreg).register;
    const cut = readRegisterFile(vnreg, vnreg, 4096).register;
    const arrays = (v: unknown, out: ArrayBufferView[] = []): ArrayBufferView[] => {
      if (ArrayBuffer.isView(v)) out.push(v);
      else if (v !== null && typeof v === 'object')
        for (const x of Object.values(v)) arrays(x, out);
      return out;
    };
    const a = arrays(whole);
    const b = arrays(cut);
    expect(b.length).toBe(a.length);
    expect(new Set(a.map((x) => x.buffer)).size).toBe(1);
    expect(new Set(b.map((x) => x.buffer)).size).toBeGreaterThan(10);
    for (let i = 0; i < a.length; i++) {
      expect(b[i]!.constructor).toBe(a[i]!.constructor);
      expect(Buffer.from(b[i]!.buffer, b[i]!.byteOffset, b[i]!.byteLength)).toEqual(
        Buffer.from(a[i]!.buffer, a[i]!.byteOffset, a[i]!.byteLength),
      );
      // Within the segment size, or a section alone at the start of its own buffer.
      expect(b[i]!.byteOffset + b[i]!.byteLength <= 4096 || b[i]!.byteOffset === 0).toBe(true);
      expect(b[i]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    }
  });

  it('cuts segments at section starts, each within the limit unless one section is larger', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(300), { maxLength: 40 }),
        fc.integer({ min: 8, max: 1024 }),
        (lengths, limit) => {
          // Sections laid out as the writer does: consecutive, 8-byte aligned.
          const sections: { type: 'Uint8Array'; offset: number; length: number }[] = [];
          let offset = 0;
          for (const length of lengths) {
            sections.push({ type: 'Uint8Array', offset, length });
            offset += Math.ceil(length / 8) * 8;
          }
          const starts = segmentStarts(sections, offset, limit);
          expect(starts[0]).toBe(0);
          for (let g = 1; g < starts.length; g++) {
            expect(starts[g]!).toBeGreaterThan(starts[g - 1]!);
            expect(sections.some((x) => x.offset === starts[g])).toBe(true);
          }
          for (let g = 0; g < starts.length; g++) {
            const from = starts[g]!;
            const to = starts[g + 1] ?? offset;
            const inside = sections.filter((x) => x.offset >= from && x.offset < to);
            for (const x of inside) expect(x.offset + x.length).toBeLessThanOrEqual(to);
            const alone = new Set(inside.map((x) => x.offset)).size <= 1;
            expect(to - from <= limit || alone).toBe(true);
          }
        },
      ),
    );
    expect(
      segmentStarts(
        [
          { type: 'Int32Array', offset: 0, length: 4 },
          { type: 'Int32Array', offset: 16, length: 4 },
        ],
        32,
        16,
      ),
    ).toEqual([0, 16]);
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
