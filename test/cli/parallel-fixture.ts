/** A small synthetic register and damaged list written as CSV files for the pipeline tests. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { formatSummary } from '../../src/cli/commands/link.js';
import { type LinkFilesOptions, linkFiles } from '../../src/node/index.js';
import {
  csvLine,
  generateDataset,
  LIST_COLUMNS,
  REGISTER_COLUMNS,
} from '../../src/testing/population/index.js';
import { makeTempDir } from './temp-dir.js';

export interface Fixture {
  readonly dir: string;
  readonly left: string;
  readonly right: string;
}

/** Writes register.csv and list.csv (seeded) into a fresh temporary directory. */
export function writeFixture(registerSize: number, listSize: number, seed = 5): Fixture {
  const dir = makeTempDir('vnr-scale-');
  const d = generateDataset({ seed, registerSize, listSize });
  const rows = <T extends object>(xs: readonly T[], cols: readonly string[]) =>
    `${[cols.join(','), ...xs.map((x) => csvLine(cols.map((c) => String((x as Record<string, unknown>)[c] ?? ''))))].join('\n')}\n`;
  const left = join(dir, 'list.csv');
  const right = join(dir, 'register.csv');
  writeFileSync(left, rows(d.list, LIST_COLUMNS));
  writeFileSync(right, rows(d.register, REGISTER_COLUMNS));
  return { dir, left, right };
}

/** Runs `linkFiles` to a string (output) and returns it with the summary. */
export async function runToString(
  options: Omit<LinkFilesOptions, 'out'> & { readonly left: string; readonly right: string },
) {
  const stdout = new PassThrough();
  const out: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  const { left, right, ...rest } = options;
  const summary = await linkFiles(left, right, {
    referenceDate: new Date(Date.UTC(2026, 0, 1)),
    ...rest,
    out: stdout,
  });
  return { text: Buffer.concat(out).toString('utf8'), err: formatSummary(summary), summary };
}
