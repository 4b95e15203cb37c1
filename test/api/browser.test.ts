/**
 * The library core runs in browsers: bundling the public entry points for the browser must need
 * no Node.js built-in module (no fs, no path, no worker_threads) and no global `process`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');

describe('browser bundle', () => {
  it.each(['src/index.ts', 'src/testing/index.ts', 'src/testing/arbitraries.ts'])(
    '%s bundles for the browser',
    async (entry) => {
      const result = await build({
        entryPoints: [resolve(root, entry)],
        bundle: true,
        platform: 'browser',
        format: 'esm',
        write: false,
        logLevel: 'silent',
        external: ['fast-check'],
        metafile: true,
        minify: true, // drops comments, so TSDoc examples are not mistaken for code
      });
      expect(result.errors).toEqual([]);
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((f) => f.startsWith('node:') || f.includes('/src/cli/'))).toEqual([]);
      const code = result.outputFiles[0]?.text ?? '';
      expect(code).not.toMatch(/\bprocess\.(env|stdout|stderr|exit)\b/);
    },
  );

  it('no library source logs (personal data must never reach a log)', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'cli') walk(path);
        } else if (e.name.endsWith('.ts')) {
          readFileSync(path, 'utf8')
            .split('\n')
            .forEach((line, i) => {
              const code = line.trim();
              if (code.startsWith('*') || code.startsWith('//')) return;
              if (/\bconsole\.\w+\(/.test(code)) offenders.push(`${path}:${i + 1}`);
            });
        }
      }
    };
    walk(resolve(root, 'src'));
    expect(offenders).toEqual([]);
  });
});
