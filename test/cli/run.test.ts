import { describe, expect, it } from 'vitest';
import { runCapture } from './capture.js';

describe('runCli', () => {
  it('prints help and exits 0 with --help', async () => {
    const r = await runCapture(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Usage: vn-reconcile <command>');
  });
  it('exits 1 on an unknown command and names it', async () => {
    const r = await runCapture(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.err).toContain("unknown command 'frobnicate'");
  });
  it('exits 1 with no command', async () => {
    const r = await runCapture([]);
    expect(r.code).toBe(1);
  });
});
