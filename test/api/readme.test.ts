/**
 * The README's and docs' examples print what they claim. Every TypeScript example that imports only from
 * `vn-reconcile` and its browser-safe subpaths and needs no outside data is run; each line written `expression; // value` (or an
 * expression followed by a `// value` line) is checked: the value as a JavaScript literal, objects
 * compared as a subset (`toMatchObject`). Comments that are not literals (with `…` or prose) are
 * read by people, not checked.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

const PAGES = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
/** Runnable examples: they import from the package's entries but `/node`, and use no outside data. */
const examples = PAGES.flatMap((page) =>
  [...readFileSync(join(root, page), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)]
    .map((m) => m[1]!)
    .filter(
      (code) =>
        /from 'vn-reconcile(\/[\w/]+)?'/.test(code) &&
        // The browser-safe entries only: `vn-reconcile/node` examples work on files.
        !/from 'vn-reconcile\/node'/.test(code) &&
        // Examples written around the reader's own data (free names, not properties) are read,
        // not run.
        !/(?<![.\w])(results|listRows|registerRows|registerRecords|sampleOfList|chunksOfList|rows|store|station)\b/.test(
          code
            .replace(/^import.*$/gm, '')
            .replace(/\/\/.*$/gm, '')
            .replace(/const station\b.*$/gm, ''),
        ),
    )
    .map((code, i) => [`${page} #${i + 1}`, code] as const),
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README examples', () => {
  it('there are examples to run', () => {
    expect(examples.length).toBeGreaterThanOrEqual(4);
  });

  it.each(examples)('%s prints what it claims', async (name, code) => {
    const i = examples.findIndex((e) => e[0] === name);
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
    // The README's examples each state at least one value a reader can check.
    if (name.startsWith('README')) expect(claims).toBeGreaterThan(0);
  });
});
