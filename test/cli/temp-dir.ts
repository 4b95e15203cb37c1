import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/** A temporary folder made before a file's tests and removed after them. */
export interface TempDir {
  /** The folder's path (only valid once the tests run). */
  readonly path: () => string;
  /** Writes `text` to `name` inside the folder and returns the file's path. */
  readonly write: (name: string, text: string) => string;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * Makes a temp folder named `prefix…` now (in a test or at a file's top level) and removes it
 * after the file's tests, so that fixtures leave nothing behind in the system's temp folder.
 */
export function makeTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Registers `beforeAll`/`afterAll` hooks that make and remove a temp folder named `prefix…`. */
export function useTempDir(prefix: string): TempDir {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    path: () => dir,
    write: (name, text) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    },
  };
}
