/**
 * The README's examples print what they claim. Every TypeScript example that imports only from
 * `vn-reconcile` and needs no outside data is run; each line written `expression; // value` (or an
 * expression followed by a `// value` line) is checked: the value as a JavaScript literal, objects
 * compared as a subset (`toMatchObject`). Comments that are not literals (with `…` or prose) are
 * read by people, not checked.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'test/api/.readme-examples');

function literal(comment: string): { ok: true; value: unknown } | { ok: false } {
  for (const text of [comment, comment.split(/\s{2,}\(|\s\(/)[0] ?? '']) {
    if (text.includes('…')) continue;
    try {
      return { ok: true, value: new Function(`return (${text});`)() as unknown };
    } catch {
      // not a literal
    }
  }
  return { ok: false };
}

/** The example with its claims turned into checks, and how many claims it has. */
function instrument(code: string): { code: string; claims: number } {
  const lines = code.split('\n');
  let claims = 0;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? '';
    const same = /^(\s*)([^/].*?);\s*\/\/\s*(.+)$/.exec(line);
    const below = /^(\s*)([^/].*?);\s*$/.exec(line);
    const belowComment = /^\s*\/\/\s*(.+)$/.exec(next);
    const statement = (expr: string) => !/^(const|let|var|if|for|await|import|return)\b/.test(expr);
    if (same && statement(same[2]!)) {
      const v = literal(same[3]!);
      if (v.ok) {
        out.push(`${same[1]}__check((${same[2]}), ${JSON.stringify(v.value)}, ${i + 1});`);
        claims++;
        continue;
      }
    }
    if (below && belowComment && statement(below[2]!)) {
      const v = literal(belowComment[1]!);
      if (v.ok) {
        out.push(`${below[1]}__check((${below[2]}), ${JSON.stringify(v.value)}, ${i + 1});`);
        claims++;
        i++;
        continue;
      }
    }
    out.push(line);
  }
  return { code: out.join('\n'), claims };
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((m) => m[1]!)
  .filter((code) => !/from 'vn-reconcile\//.test(code) && !/\bresults\b/.test(code));

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README examples', () => {
  it('there are examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples.map((code, i) => [i, code] as const))(
    'example %i prints what it claims',
    async (i, code) => {
      const { code: checked, claims } = instrument(code);
      const failures: string[] = [];
      (globalThis as { __check?: unknown }).__check = (
        actual: unknown,
        expected: unknown,
        line: number,
      ) => {
        try {
          if (expected !== null && typeof expected === 'object')
            expect(actual).toMatchObject(expected as object);
          else expect(actual).toEqual(expected);
        } catch (e) {
          failures.push(`line ${line}: ${(e as Error).message.split('\n')[0]}`);
        }
      };
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `example-${i}.ts`);
      writeFileSync(
        file,
        `declare function __check(a: unknown, e: unknown, line: number): void;\n${checked}\nexport {};\n`,
      );
      await import(file);
      expect(failures).toEqual([]);
      expect(claims).toBeGreaterThan(0);
    },
  );
});
