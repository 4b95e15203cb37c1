import { describe, expect, it } from 'vitest';
import { runCapture } from './capture.js';

const REF = ['--reference-date', '2026-06-01'];
interface Line {
  readonly input?: string;
  readonly success?: boolean;
  readonly [key: string]: unknown;
}
const lines = (out: string) =>
  out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('vn-reconcile id', () => {
  it('prints one JSON line per value, in order, and exits 0 even for invalid values', async () => {
    const r = await runCapture(['id', ...REF, '001090012345', "'38095012345", '003090012345']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const [a, b, c] = lines(r.out);
    expect(a).toMatchObject({
      input: '001090012345',
      success: true,
      data: {
        kind: 'cccd',
        value: '001090012345',
        repairs: [],
        parts: { placeCode: '001', province: { name: 'Hà Nội' }, sex: 'male', birthYear: 1990 },
      },
    });
    expect(b).toMatchObject({
      success: true,
      data: {
        value: '038095012345',
        repairs: [
          { code: 'STRIPPED_APOSTROPHE', confidence: 'certain' },
          { code: 'RESTORED_LEADING_ZERO', confidence: 'high' },
        ],
      },
    });
    expect(c).toMatchObject({ success: false, issues: [{ code: 'CCCD_BAD_PROVINCE' }] });
    expect(lines(r.out)).toHaveLength(3);
  });

  it.each([
    [['--no-repair', '38095012345'], 'ID_REPAIR_FORBIDDEN'],
    [['--reference-date', '1995-01-01', '001096012345'], 'CCCD_FUTURE_BIRTH_YEAR'],
  ])('honours options %j', async (argv, code) => {
    const r = await runCapture(['id', ...argv]);
    expect(r.code).toBe(0);
    expect(lines(r.out)[0]).toMatchObject({ success: false, issues: [{ code }] });
  });

  it('treats everything after -- as values', async () => {
    const r = await runCapture(['id', '--', '--mask']);
    expect(r.code).toBe(0);
    expect(lines(r.out)[0]).toMatchObject({ input: '--mask', issues: [{ code: 'ID_NON_DIGIT' }] });
  });

  it('reports cmnd12 when asked', async () => {
    const r = await runCapture(['id', '--cmnd12', ...REF, '001090012345']);
    expect(lines(r.out)[0]).toMatchObject({ data: { kind: 'cmnd12' } });
  });

  it('masks numbers with --mask', async () => {
    const r = await runCapture(['id', '--mask', ...REF, '001090012345', '003090012345']);
    expect(r.out).not.toContain('090012');
    const [a, b] = lines(r.out);
    expect(a).toMatchObject({
      input: '001******345',
      data: { value: '001******345', parts: { serial: '******', birthYear: 1990 } },
    });
    expect(b).toMatchObject({ input: '003******345', success: false });
  });

  it.each([
    [['--frobnicate', '1']],
    [['--reference-date', '2026-02-31', '1']],
    [['--reference-date', 'yesterday', '1']],
  ])('exits 1 on bad arguments %j', async (argv) => {
    const r = await runCapture(['id', ...argv]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^vn-reconcile id: /);
  });

  it('reads one value per line from stdin when no VALUE is given', async () => {
    const r = await runCapture(['id', ...REF], { stdin: '001090012345\r\n\n0912345678\n' });
    expect(r.code).toBe(0);
    expect(lines(r.out).map((l) => l.success)).toEqual([true, false, false]);
    expect(lines(r.out)[1]).toMatchObject({ input: '', issues: [{ code: 'ID_EMPTY' }] });
    expect(lines(r.out)[2]).toMatchObject({ issues: [{ code: 'ID_LOOKS_LIKE_PHONE' }] });
  });

  it('exits 1 when there is no value at all', async () => {
    const empty = await runCapture(['id'], { stdin: '' });
    expect(empty.code).toBe(1);
    expect(empty.err).toContain('no VALUE given');
    const tty = await runCapture(['id'], { stdin: '001090012345\n', tty: true });
    expect(tty.code).toBe(1);
    expect(tty.out).toBe('');
  });

  it('prints its usage with --help', async () => {
    const r = await runCapture(['id', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('vn-reconcile id [options] VALUE...');
  });
});
