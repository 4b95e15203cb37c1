/**
 * `linkStream`: LINK for scripts that hold rows in memory or read them from a database rather
 * than from files. The rows are spooled to a private temporary CSV (constant memory), linked by
 * the same engine as {@link linkFiles}, and the link rows come back one by one.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { type LinkRow, parseCompetitors, type RowObject } from '../../match/index.js';
import { formatCsvRow } from '../io/csv.js';
import type { InputSource } from '../io/input.js';
import { cellText } from '../io/xlsx.js';
import { type LinkFilesOptions, type LinkFilesSummary, linkFiles } from './link-files.js';

/** Rows from memory or from a database cursor. */
export type RowSource = Iterable<RowObject> | AsyncIterable<RowObject>;

/** Options of {@link linkStream}: those of {@link linkFiles} without `out`. */
export type LinkStreamOptions = Omit<LinkFilesOptions, 'out' | 'bom' | 'formulaGuard'> & {
  /** Called with the run's summary once every row has been linked. */
  readonly onSummary?: ((summary: LinkFilesSummary) => void) | undefined;
};

async function spoolRows(rows: RowSource, path: string): Promise<number> {
  const out = createWriteStream(path, { mode: 0o600 });
  let columns: string[] | undefined;
  let n = 0;
  for await (const row of rows as AsyncIterable<RowObject>) {
    if (columns === undefined) {
      columns = Object.keys(row);
      out.write(formatCsvRow(columns, false));
    }
    const cells = columns.map((c) => cellText(row[c]));
    n++;
    if (!out.write(formatCsvRow(cells, false))) await once(out, 'drain');
  }
  if (columns === undefined) out.write('key\r\n');
  const finished = once(out, 'finish');
  out.end();
  await finished;
  return n;
}

function isRowSource(x: unknown): x is RowSource {
  return (
    typeof x === 'object' &&
    x !== null &&
    !('pipe' in x) &&
    (Symbol.iterator in x || Symbol.asyncIterator in x)
  );
}

/**
 * Links `rows` (objects, with the columns a file would have) to `reference` (a file, a stream or
 * rows) and yields one link row per input row, in input order. The first column is the key
 * unless `key` says otherwise.
 *
 * @example
 * ```ts
 * import { linkStream } from 'vn-reconcile/node';
 *
 * const rows = [{ ma: 'A1', full_name: 'Nguyễn Văn An', dob: '03/05/1990', id_number: '001090012345' }];
 * for await (const link of linkStream(rows, 'register.csv', { workers: 1 })) {
 *   console.log(link.leftId, link.decision, link.rightId);
 * }
 * ```
 */
export async function* linkStream(
  rows: RowSource,
  reference: InputSource | RowSource,
  options: LinkStreamOptions = {},
): AsyncGenerator<LinkRow> {
  const dir = await mkdtemp(join(tmpdir(), 'vn-reconcile-'));
  try {
    const left = join(dir, 'left.csv');
    await spoolRows(rows, left);
    let right: InputSource;
    if (isRowSource(reference)) {
      right = join(dir, 'right.csv');
      await spoolRows(reference, right);
    } else right = reference;
    const outPath = join(dir, 'links.csv');
    const summary = await linkFiles(left, right, {
      ...options,
      out: outPath,
      formulaGuard: false,
    });
    const parser = createReadStream(outPath).pipe(parse({ columns: true, bom: true }));
    for await (const r of parser as AsyncIterable<Record<string, string>>) {
      yield linkRowFromCsv(r);
    }
    options.onSummary?.(summary);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A parsed output line of `vn-reconcile link` as a typed link row.
 *
 * @example
 * ```ts
 * linkRowFromCsv({ left_id: 'A1', right_id: 'R9', decision: 'match', probability: '0.999000',
 *   match_weight: '12.30', explanation: 'rule: same_id' }).matchWeight; // 12.3
 * ```
 */
export function linkRowFromCsv(r: Readonly<Record<string, string>>): LinkRow {
  const decision = r['decision'] as LinkRow['decision'];
  const rightId = r['right_id'] ?? '';
  const p = r['probability'] ?? '';
  const w = r['match_weight'] ?? '';
  const weight = Number(w);
  const explanation = r['explanation'] ?? '';
  const competing = decision === 'review' ? parseCompetitors(explanation).competing : [];
  return {
    leftId: r['left_id'] ?? '',
    ...(rightId === '' ? {} : { rightId }),
    decision,
    ...(p === '' ? {} : { probability: Number(p) }),
    ...(w === '' || !Number.isFinite(weight) ? {} : { matchWeight: weight }),
    explanation,
    ...(competing.length === 0
      ? {}
      : {
          competing: competing.map((c) => ({
            rightId: c.rightId,
            probability: c.probability,
            matchWeight: c.matchWeight,
          })),
        }),
  };
}
