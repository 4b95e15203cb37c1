/**
 * The clerical decisions file: what an official decided in the report's review queue, as CSV
 * `left_id,right_id,decision`, read back by the next run.
 * @module
 */
import { type Issue, isNonEmpty, type Result } from '../../result.js';

/** A clerical decision on one pair. */
export type ClericalDecisionValue = 'match' | 'no_match';

/** One decided pair. */
export interface ClericalDecision {
  readonly leftId: string;
  /** The candidate decided on; empty for a `no_match` that rejects every candidate. */
  readonly rightId: string;
  readonly decision: ClericalDecisionValue;
  /** Row of the file (header = row 1), for messages. */
  readonly row: number;
}

/** Codes of {@link parseClericalDecisions} issues. */
export type ClericalDecisionIssueCode =
  | 'DECISIONS_EMPTY'
  | 'DECISIONS_HEADER'
  | 'DECISIONS_QUOTE'
  | 'DECISIONS_ID_MISSING'
  | 'DECISIONS_VALUE'
  | 'DECISIONS_CONFLICT';

/** The columns of the decisions file, in order. */
export const DECISION_COLUMNS = ['left_id', 'right_id', 'decision'] as const;

interface CsvRecord {
  readonly row: number;
  readonly fields: string[];
}

/** RFC 4180 records; a quote problem is reported with the row it starts on. */
function readCsv(
  text: string,
  delimiter: string,
): { records: CsvRecord[]; quoteIssue?: Issue<ClericalDecisionIssueCode> } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let row = 1;
  let i = 0;
  const n = text.length;
  let fieldStarted = false;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ row, fields });
    fields = [];
    field = '';
    fieldStarted = false;
    row++;
  };
  while (i < n) {
    const c = text[i]!;
    if (c === '"' && !fieldStarted) {
      const startRow = row;
      i++;
      for (;;) {
        if (i >= n) {
          return {
            records,
            quoteIssue: {
              code: 'DECISIONS_QUOTE',
              message: `Row ${startRow}: a quoted field is not closed`,
              path: [startRow],
            },
          };
        }
        const d = text[i]!;
        if (d === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += d;
        i++;
      }
      fieldStarted = true;
      const next = text[i];
      if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') {
        return {
          records,
          quoteIssue: {
            code: 'DECISIONS_QUOTE',
            message: `Row ${startRow}: text follows a closing quote`,
            path: [startRow],
          },
        };
      }
      continue;
    }
    if (c === delimiter) {
      fields.push(field);
      field = '';
      fieldStarted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStarted = true;
      i++;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { records };
}

function normalizeDecision(value: string): ClericalDecisionValue | 'skip' | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (v === 'match') return 'match';
  if (v === 'no_match' || v === 'nomatch' || v === 'non_match') return 'no_match';
  if (v === '' || v === 'skip') return 'skip';
  return undefined;
}

/**
 * Reads the decisions CSV the report exports (`left_id,right_id,decision`; UTF-8 with or
 * without BOM; CRLF or LF; `,` or — as Excel writes under a Vietnamese locale — `;`). Extra
 * columns are ignored; rows whose decision is empty or `skip` are left out. Issues carry a stable
 * `code` and the row number, never a cell value.
 *
 * @example
 * ```ts
 * const r = parseClericalDecisions('\uFEFFleft_id,right_id,decision\r\nR1,P7,match\r\n');
 * if (r.success) r.data[0]; // { leftId: 'R1', rightId: 'P7', decision: 'match', row: 2 }
 * ```
 */
export function parseClericalDecisions(
  text: string,
): Result<readonly ClericalDecision[], ClericalDecisionIssueCode> {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.search(/\r|\n|$/));
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ',';
  const { records, quoteIssue } = readCsv(body, delimiter);
  if (quoteIssue) return { success: false, issues: [quoteIssue] };
  const header = records[0];
  if (!header) {
    return {
      success: false,
      issues: [{ code: 'DECISIONS_EMPTY', message: 'The decisions file is empty' }],
    };
  }
  const names = header.fields.map((f) => f.trim().toLowerCase());
  const at = DECISION_COLUMNS.map((c) => names.indexOf(c));
  const missing = DECISION_COLUMNS.filter((_, k) => at[k]! < 0);
  if (missing.length > 0) {
    return {
      success: false,
      issues: [
        {
          code: 'DECISIONS_HEADER',
          message: `Row ${header.row}: the header lacks column(s) ${missing.join(', ')} (expected ${DECISION_COLUMNS.join(',')})`,
          path: [header.row],
        },
      ],
    };
  }
  const [li, ri, di] = at as [number, number, number];
  const issues: Issue<ClericalDecisionIssueCode>[] = [];
  const data: ClericalDecision[] = [];
  const matchOf = new Map<string, { rightId: string; row: number }>();
  const pairs = new Map<string, { decision: ClericalDecisionValue; row: number }>();
  for (const rec of records.slice(1)) {
    const leftId = (rec.fields[li] ?? '').trim();
    const rightId = (rec.fields[ri] ?? '').trim();
    const decision = normalizeDecision(rec.fields[di] ?? '');
    const issue = (code: ClericalDecisionIssueCode, message: string) =>
      issues.push({ code, message: `Row ${rec.row}: ${message}`, path: [rec.row] });
    if (decision === undefined) {
      issue('DECISIONS_VALUE', 'decision must be match, no_match, skip or empty');
      continue;
    }
    if (decision === 'skip') continue;
    if (leftId === '') {
      issue('DECISIONS_ID_MISSING', 'left_id is empty');
      continue;
    }
    if (decision === 'match' && rightId === '') {
      issue('DECISIONS_ID_MISSING', 'right_id is empty for a match');
      continue;
    }
    const pairKey = JSON.stringify([leftId, rightId]);
    const seen = pairs.get(pairKey);
    if (seen) {
      if (seen.decision !== decision)
        issue('DECISIONS_CONFLICT', `contradicts the decision on the same pair in row ${seen.row}`);
      continue;
    }
    if (decision === 'match') {
      const other = matchOf.get(leftId);
      if (other) {
        issue(
          'DECISIONS_CONFLICT',
          `matches a left record already matched to another record in row ${other.row}`,
        );
        continue;
      }
      matchOf.set(leftId, { rightId, row: rec.row });
    }
    pairs.set(pairKey, { decision, row: rec.row });
    data.push({ leftId, rightId, decision, row: rec.row });
  }
  if (isNonEmpty(issues)) return { success: false, issues };
  return { success: true, data };
}

function csvField(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Writes decisions as the report's export does: UTF-8 BOM (so Excel reads the Vietnamese
 * letters), header `left_id,right_id,decision`, CRLF line ends, RFC 4180 quoting.
 *
 * @example
 * ```ts
 * formatClericalDecisions([{ leftId: 'R1', rightId: 'P7', decision: 'match' }]);
 * // '\uFEFFleft_id,right_id,decision\r\nR1,P7,match\r\n'
 * ```
 */
export function formatClericalDecisions(
  decisions: readonly Pick<ClericalDecision, 'leftId' | 'rightId' | 'decision'>[],
): string {
  const lines = [DECISION_COLUMNS.join(',')];
  for (const d of decisions) lines.push([d.leftId, d.rightId, d.decision].map(csvField).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
