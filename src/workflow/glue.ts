/**
 * Glue to the other parts: open cases from cleaning results and from link results marked `review`.
 * @module
 */
import { type CleanRecord, formatPartialDate } from '../record/index.js';
import type { OpenEvent } from './events.js';
import type { CaseCategory, PersonData, PersonField } from './states.js';

/** The cleaning categories that open a case (Công văn 2262's three error kinds). */
export const CLEANING_CATEGORIES = [
  'missing-id',
  'malformed-id',
  'inconsistent-personal-data',
] as const satisfies readonly CaseCategory[];

/**
 * An issue of `cleanRecord` (a `RecordIssue`): a code and a category, one of the workflow's three
 * error kinds or `field` for field-level problems (which open no case).
 */
export interface CleaningIssueInput {
  readonly code: string;
  /** `missing-id`, `malformed-id`, `inconsistent-personal-data`, or anything else (field level). */
  readonly category?: string | undefined;
}

/** What `cleanRecord(raw)` returns (a `CleanResult`): the cleaned record and its issues. */
export interface CleaningResultInput {
  readonly record: CleanRecord;
  readonly issues: readonly CleaningIssueInput[];
}

/** Options of `casesFromCleaning`. */
export interface CasesFromCleaningOptions {
  /** Case id of a record (default `clean:` + the record key). */
  readonly caseId?: (record: CleanRecord, index: number) => string;
  /** Commune to use when the record has none (default empty). */
  readonly commune?: string;
}

/**
 * `open` events for every cleaned record with at least one workflow category (no CCCD/CMND,
 * malformed CCCD/CMND, inconsistent personal data); records with only field-level issues or none
 * open no case. Append the events with `appendEvents` to open the cases.
 *
 * @example
 * ```ts
 * const events = casesFromCleaning(rows.map(cleanRecord));
 * const r = await appendEvents(campaign, events.map((event) => ({ event, actor: station, at })));
 * ```
 */
export function casesFromCleaning(
  results: Iterable<CleaningResultInput>,
  options: CasesFromCleaningOptions = {},
): OpenEvent[] {
  const out: OpenEvent[] = [];
  let index = 0;
  for (const { record, issues } of results) {
    const categories: CaseCategory[] = [];
    const codes: string[] = [];
    for (const issue of issues) {
      const category = CLEANING_CATEGORIES.find((c) => c === issue.category);
      if (category === undefined) continue;
      if (!categories.includes(category)) categories.push(category);
      if (!codes.includes(issue.code)) codes.push(issue.code);
    }
    if (categories.length > 0) {
      out.push({
        type: 'open',
        caseId: options.caseId ? options.caseId(record, index) : `clean:${record.key}`,
        recordKey: record.key,
        commune: communeOf(record) ?? options.commune ?? '',
        categories,
        issueCodes: codes,
        data: personDataOf(record),
      });
    }
    index++;
  }
  return out;
}

/** A record-linkage result (see the `match` part); only `decision: 'review'` opens a case. */
export interface LinkResultInput {
  readonly leftId: string;
  readonly rightId?: string | undefined;
  readonly decision: string;
  readonly probability?: number | undefined;
}

/** Options of `casesFromLinks`. */
export interface CasesFromLinksOptions {
  /** The left records by key, to copy their personal data and commune into the case. */
  readonly records?: ReadonlyMap<string, CleanRecord>;
  /** Commune to use when the record is unknown or has none (default empty). */
  readonly commune?: string;
  /** Case id of a link result (default `link:` + the left id). */
  readonly caseId?: (leftId: string) => string;
  /**
   * What an official decided in the report's review queue (the decisions file, e.g. read by
   * `parseClericalDecisions` of `vn-reconcile/node`), by left id: a `match` puts the chosen
   * register candidate on the case (it may be a competing candidate, not the best), a `no_match`
   * on every candidate (empty `rightId`) leaves the case without one, so the commune police look
   * the person up in the register themselves (step 3). Rows without a decision keep the best
   * candidate.
   */
  readonly decisions?: ReadonlyMap<string, ClericalDecisionInput>;
}

/** A clerical decision on a link review (the `left_id,right_id,decision` file). */
export interface ClericalDecisionInput {
  readonly rightId: string;
  readonly decision: 'match' | 'no_match';
}

/**
 * `open` events (category `link-review`) for link results a human must decide: the village team
 * reviews them in step 2, with the best register candidate and its probability attached (or the
 * candidate an official chose in the report's review queue: `options.decisions`), and the
 * commune police verify them against the register in step 3.
 *
 * @example
 * ```ts
 * casesFromLinks([{ leftId: 'r7', rightId: 'p9', decision: 'review', probability: 0.62 }]);
 * // The official chose another candidate in the report:
 * const decisions = new Map([['r7', { rightId: 'p4', decision: 'match' as const }]]);
 * casesFromLinks([{ leftId: 'r7', rightId: 'p9', decision: 'review' }], { decisions })[0]?.link;
 * // { rightId: 'p4' }
 * ```
 */
export function casesFromLinks(
  links: Iterable<LinkResultInput>,
  options: CasesFromLinksOptions = {},
): OpenEvent[] {
  const out: OpenEvent[] = [];
  for (const link of links) {
    if (link.decision !== 'review') continue;
    const record = options.records?.get(link.leftId);
    const ref: { rightId?: string; probability?: number } = {};
    const clerk = options.decisions?.get(link.leftId);
    if (clerk === undefined) {
      if (link.rightId !== undefined) ref.rightId = link.rightId;
      if (link.probability !== undefined) ref.probability = link.probability;
    } else if (clerk.decision === 'match' && clerk.rightId !== '') {
      ref.rightId = clerk.rightId;
      // The model's probability belongs to its best candidate only.
      if (clerk.rightId === link.rightId && link.probability !== undefined)
        ref.probability = link.probability;
    } else if (
      clerk.decision === 'no_match' &&
      clerk.rightId !== '' &&
      clerk.rightId !== link.rightId &&
      link.rightId !== undefined
    ) {
      // A competing candidate rejected: the best one stands.
      ref.rightId = link.rightId;
      if (link.probability !== undefined) ref.probability = link.probability;
    }
    out.push({
      type: 'open',
      caseId: options.caseId ? options.caseId(link.leftId) : `link:${link.leftId}`,
      recordKey: link.leftId,
      commune: (record && communeOf(record)) ?? options.commune ?? '',
      categories: ['link-review'],
      issueCodes: [],
      data: record ? personDataOf(record) : {},
      link: ref,
    });
  }
  return out;
}

function communeOf(record: CleanRecord): string | undefined {
  return record.commune.value ?? record.commune.original;
}

/**
 * The personal data of a cleaned record as the workflow keeps it: the cleaned value where there
 * is one, else the original text (so the village team sees what was typed).
 *
 * @example
 * ```ts
 * personDataOf(record).dob; // '1990-03-05', '1990-03' or '1990'
 * ```
 */
export function personDataOf(record: CleanRecord): PersonData {
  const data: { [F in PersonField]?: string } = {};
  put(data, 'fullName', record.fullName.value ?? record.fullName.original);
  put(data, 'dob', record.dob.value ? formatPartialDate(record.dob.value) : record.dob.original);
  put(data, 'sex', record.sex.value ?? record.sex.original);
  put(data, 'idNumber', record.idNumber.value ?? record.idNumber.original);
  put(data, 'phone', record.phone.value ?? record.phone.original);
  put(data, 'address', record.address.value ?? record.address.original);
  return data;
}

function put(data: { [F in PersonField]?: string }, field: PersonField, value: string | undefined) {
  if (value !== undefined && value.trim() !== '') data[field] = value.trim().slice(0, 500);
}
