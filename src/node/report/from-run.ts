/**
 * From a run to its report: the link rows are watched as they are written (weights for the
 * histogram, review rows for the queue), the review rows' records are read back from the inputs,
 * and the page is written atomically beside the other outputs.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { type FellegiSunterModel, parseCompetitors } from '../../match/index.js';
import { CSV_PARSE_OPTIONS, formatCsvRow } from '../io/csv.js';
import { parseCsvText } from '../io/csv-chunks.js';
import { type OutputHandle, openTarget } from '../io/target.js';
import type { ClericalDecision } from './decisions.js';
import { renderReport } from './render.js';
import type { ReportInput, ReviewCase, ReviewField } from './types.js';

/** The review rows kept for the queue (the page pages through them). */
const MAX_REVIEW = 5000;

/** A review row as written. */
interface ReviewRow {
  readonly leftId: string;
  readonly rightId: string;
  readonly probability: number;
  readonly matchWeight: number;
  readonly explanation: string;
}

/** Watches link rows: match weights, review rows, decision counts. */
export interface LinkRowWatcher {
  /** Sees (and, with clerical decisions, rewrites) a piece of the output: whole lines. */
  lines(text: string): string;
  readonly weights: number[];
  readonly review: ReviewRow[];
  readonly counts: { match: number; review: number; no_match: number; invalid: number };
  /** Clerical decisions applied. */
  applied: number;
}

/**
 * A watcher over the link output. With `decisions`, each LEFT row a clerk decided is rewritten:
 * `match` links it to the decided RIGHT record, `no_match` on its best candidate makes it
 * `no_match`; the explanation starts with `clerical: …;`. `shard` outputs have a leading
 * `left_row` column.
 *
 * @example
 * ```ts
 * const w = linkRowWatcher({ shard: false, guard: true });
 * w.lines('A1,P9,review,0.500000,0.00,given=exact+3.1\r\n');
 * w.review.length; // 1
 * ```
 */
export function linkRowWatcher(options: {
  readonly shard: boolean;
  readonly guard: boolean;
  readonly decisions?: ReadonlyMap<string, ClericalDecision> | undefined;
}): LinkRowWatcher {
  const off = options.shard ? 1 : 0;
  const w: LinkRowWatcher = {
    weights: [],
    review: [],
    counts: { match: 0, review: 0, no_match: 0, invalid: 0 },
    applied: 0,
    lines(text) {
      const rows = parseCsvText(text);
      let changed = false;
      for (const cells of rows) {
        const leftId = cells[off] ?? '';
        const d = options.decisions?.get(leftId);
        if (d !== undefined) {
          const best = cells[off + 1] ?? '';
          if (d.decision === 'match') {
            if (best !== d.rightId) {
              cells[off + 3] = '';
              cells[off + 4] = '';
            }
            cells[off + 1] = d.rightId;
            cells[off + 2] = 'match';
            cells[off + 5] = `clerical: match;${best === d.rightId ? (cells[off + 5] ?? '') : ''}`;
            w.applied++;
            changed = true;
          } else if (best === d.rightId && cells[off + 2] !== 'invalid') {
            cells[off + 2] = 'no_match';
            cells[off + 5] = `clerical: no_match;${cells[off + 5] ?? ''}`;
            w.applied++;
            changed = true;
          }
        }
        const decision = cells[off + 2] as keyof LinkRowWatcher['counts'];
        if (decision in w.counts) w.counts[decision]++;
        const weight = Number(cells[off + 4]);
        if (cells[off + 4] !== '' && Number.isFinite(weight)) w.weights.push(weight);
        if (decision === 'review' && w.review.length < MAX_REVIEW) {
          w.review.push({
            leftId,
            rightId: cells[off + 1] ?? '',
            probability: Number(cells[off + 3]),
            matchWeight: weight,
            explanation: cells[off + 5] ?? '',
          });
        }
      }
      if (!changed) return text;
      return rows.map((r) => formatCsvRow(r, options.guard)).join('');
    },
  };
  return w;
}

/**
 * The field weights of an explanation (`given=exact+6.2;dob=null;…`; a leading rule or clerical
 * note is skipped).
 *
 * @example
 * ```ts
 * explanationFields('rule: same id;given=exact+6.2;phone=null');
 * // [{ comparison: 'given', level: 'exact', weight: 6.2 }, { comparison: 'phone', level: 'null', weight: 0 }]
 * ```
 */
export function explanationFields(explanation: string): ReviewField[] {
  const out: ReviewField[] = [];
  for (const part of explanation.split(';')) {
    const m = /^([a-z_]+)=([a-z_0-9]+?)(?:([+-]\d+(?:\.\d+)?))?$/.exec(part.trim());
    if (m === null) continue;
    out.push({ comparison: m[1]!, level: m[2]!, weight: m[3] === undefined ? 0 : Number(m[3]) });
  }
  return out;
}

/** Reads the rows of `path` whose key (column `keyColumn`, default the first) is in `keys`. */
async function rowsByKey(
  path: string,
  keys: ReadonlySet<string>,
  keyColumn: string | undefined,
): Promise<Map<string, Record<string, string>>> {
  const found = new Map<string, Record<string, string>>();
  if (keys.size === 0 || path === '') return found;
  const parser = createReadStream(path).pipe(parse({ ...CSV_PARSE_OPTIONS, bom: true }));
  let header: string[] | undefined;
  let k = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    if (header === undefined) {
      header = cells;
      k = keyColumn === undefined ? 0 : Math.max(0, header.indexOf(keyColumn));
      continue;
    }
    const key = cells[k] ?? '';
    if (keys.has(key) && !found.has(key)) {
      found.set(key, Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ''])));
      if (found.size === keys.size) break;
    }
  }
  parser.destroy();
  return found;
}

/** What {@link linkReportInput} needs beyond the watcher. */
export interface LinkReportContext {
  readonly left: {
    readonly name: string;
    readonly path: string;
    readonly key?: string | undefined;
    readonly rows: number;
  };
  readonly right: {
    readonly name: string;
    /** Absent for a prepared register file (it keeps no original rows). */
    readonly path: string | undefined;
    readonly key?: string | undefined;
    readonly rows: number;
  };
  readonly thresholds: {
    match: number;
    review: number;
    estimatedFdr: number;
    estimatedFnr: number;
  };
  readonly timings: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  readonly model: FellegiSunterModel;
  readonly blocking: readonly { readonly rule: string; readonly pairs: number }[];
  readonly version: string;
}

/**
 * The report input of a link run: counts, thresholds, model, weights, and the review queue with
 * each row's records and field weights.
 *
 * @example
 * ```ts
 * const input = await linkReportInput(watcher, context);
 * ```
 */
export async function linkReportInput(
  watcher: LinkRowWatcher,
  ctx: LinkReportContext,
): Promise<ReportInput> {
  const lefts = await rowsByKey(
    ctx.left.path,
    new Set(watcher.review.map((r) => r.leftId)),
    ctx.left.key,
  );
  const written = watcher.review.map((r) => parseCompetitors(r.explanation));
  const rightIds = new Set<string>();
  watcher.review.forEach((r, i) => {
    if (r.rightId !== '') rightIds.add(r.rightId);
    for (const c of written[i]!.competing) rightIds.add(c.rightId);
  });
  const rights = await rowsByKey(ctx.right.path ?? '', rightIds, ctx.right.key);
  const review: ReviewCase[] = watcher.review.map((r, i) => ({
    leftId: r.leftId,
    left: lefts.get(r.leftId) ?? {},
    candidates:
      r.rightId === ''
        ? []
        : [
            {
              rightId: r.rightId,
              right: rights.get(r.rightId) ?? {},
              probability: r.probability,
              matchWeight: r.matchWeight,
              fields: explanationFields(written[i]!.best),
            },
            ...written[i]!.competing.map((c) => ({
              rightId: c.rightId,
              right: rights.get(c.rightId) ?? {},
              probability: c.probability,
              matchWeight: c.matchWeight,
              fields: explanationFields(c.fields),
            })),
          ],
  }));
  return {
    command: 'link',
    generatedAt: new Date().toISOString(),
    tool: { name: 'vn-reconcile', version: ctx.version },
    files: [
      { role: 'left', name: ctx.left.name, rows: ctx.left.rows },
      { role: 'right', name: ctx.right.name, rows: ctx.right.rows },
    ],
    counts: watcher.counts,
    thresholds: ctx.thresholds,
    timings: ctx.timings,
    warnings: ctx.warnings,
    model: ctx.model,
    weights: watcher.weights,
    blocking: ctx.blocking,
    review,
  };
}

/**
 * Writes the report page of `input` to `path`, atomically.
 *
 * @example
 * ```ts
 * await writeReport('report.html', input, { pii: false }, process.cwd());
 * ```
 */
export async function writeReport(
  path: string,
  input: ReportInput,
  options: { readonly pii?: boolean | undefined },
  cwd: string,
): Promise<void> {
  const out: OutputHandle = await openTarget(path, cwd);
  try {
    out.stream.write(renderReport(input, { pii: options.pii === true }));
    await out.commit();
  } catch (e) {
    await out.abort();
    throw out.explain(e);
  }
}
