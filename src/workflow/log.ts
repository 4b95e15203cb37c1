/**
 * The append-only audit log: validated appends, a hash chain, fast replay and verification.
 * @module
 */
import { type Failure, isNonEmpty, type Result } from '../result.js';
import { applyInPlace, type CampaignState, GENESIS_HASH } from './campaign.js';
import type { WorkflowEvent } from './events.js';
import { canonicalJson, sha256Hex } from './hash.js';
import { fail, under, type WorkflowIssue, type WorkflowIssueCode } from './issues.js';
import { verifyListSignature } from './lists.js';
import type { LogEntry } from './log-types.js';
import { fastReplay } from './replay-fast.js';
import { parseEntryContext, parseLog, parseWorkflowEvent } from './schema.js';

/** Options of replaying and appending. */
export interface ReplayOptions {
  /** ID-number check before police verification (default: `isVerifiableIdNumber`). */
  readonly isValidIdNumber?: (idNumber: string) => boolean;
}

/** One event to append, with who makes it and when (all validated by zod). */
export interface EntryInput {
  readonly event: unknown;
  readonly actor: unknown;
  readonly at: unknown;
}

/** The appended entries and the campaign after them. */
export interface AppendResult {
  readonly entries: readonly LogEntry[];
  readonly campaign: CampaignState;
}

/**
 * The SHA-256 (hex) of a log entry's content: canonical JSON of `{ seq, at, actor, event, prevHash }`.
 *
 * @example
 * ```ts
 * (await hashEntry(entry)) === entry.hash; // true for an untouched entry
 * ```
 */
export function hashEntry(entry: Omit<LogEntry, 'hash'>): Promise<string> {
  return sha256Hex(
    canonicalJson({
      seq: entry.seq,
      at: entry.at,
      actor: entry.actor,
      event: entry.event,
      prevHash: entry.prevHash,
    }),
  );
}

/**
 * Validates one event (zod), applies it to the campaign and builds its hash-chained log entry.
 * Nothing is appended anywhere: store `entries[0]` and keep the returned campaign. Fails with
 * `WORKFLOW_INVALID_EVENT` for malformed input, `WORKFLOW_SIGNATURE_MISMATCH` for a list whose
 * content hash is wrong, or any transition issue. The input campaign is not changed.
 *
 * @example
 * ```ts
 * const r = await appendEvent(campaign, { type: 'assign', caseId: 'c1' }, { actor: team, at: '2022-05-06T01:00:00Z' });
 * if (r.success) { await store(r.data.entries[0]); campaign = r.data.campaign; }
 * ```
 */
export function appendEvent(
  campaign: CampaignState,
  event: unknown,
  context: { readonly actor: unknown; readonly at: unknown },
  options: ReplayOptions = {},
): Promise<Result<AppendResult, WorkflowIssueCode>> {
  // Untyped callers: a missing context is an invalid entry (reported), not a throw.
  const ctx: Partial<EntryInput> = context !== null && typeof context === 'object' ? context : {};
  return appendEvents(campaign, [{ event, actor: ctx.actor, at: ctx.at }], options);
}

/**
 * Validates and appends several events in order, all or nothing (one copy of the campaign's maps,
 * so it is the way to append in bulk). Issue paths start with the input index.
 *
 * @example
 * ```ts
 * const r = await appendEvents(emptyCampaign(), casesFromCleaning(results).map((event) => ({ event, actor: station, at })));
 * ```
 */
export async function appendEvents(
  campaign: CampaignState,
  inputs: readonly EntryInput[],
  options: ReplayOptions = {},
): Promise<Result<AppendResult, WorkflowIssueCode>> {
  const cases = new Map(campaign.cases);
  const lists = new Map(campaign.lists);
  const entries: LogEntry[] = [];
  let head = campaign.head;
  let seq = campaign.length;
  if (!Array.isArray(inputs)) {
    return fail('WORKFLOW_INVALID_EVENT', 'Expected a list of { event, actor, at } inputs', []);
  }
  for (let i = 0; i < inputs.length; i++) {
    const input: unknown = inputs[i];
    if (input === null || typeof input !== 'object') {
      return fail('WORKFLOW_INVALID_EVENT', `Input ${i} is not an { event, actor, at } object`, [
        i,
      ]);
    }
    const { event: rawEvent, actor: rawActor, at: rawAt } = input as Partial<EntryInput>;
    const parsed = parseWorkflowEvent(rawEvent);
    if (!parsed.success) return under([i, 'event'], parsed.issues);
    const ctx = parseEntryContext({ actor: rawActor, at: rawAt });
    if (!ctx.success) return under([i], ctx.issues);
    const event = parsed.data;
    const { actor, at } = ctx.data;
    if (
      (event.type === 'hand-back' || event.type === 'confirm-passports') &&
      !(await verifyListSignature(event.list))
    ) {
      return under(
        [i, 'event'],
        fail(
          'WORKFLOW_SIGNATURE_MISMATCH',
          'The list content hash does not match its id and cases',
          ['list', 'signature', 'contentHash'],
        ).issues,
      );
    }
    const context = options?.isValidIdNumber
      ? { actor, at, isValidIdNumber: options.isValidIdNumber }
      : { actor, at };
    const failure = applyInPlace(cases, lists, event, context);
    if (failure) return under([i, 'event'], failure);
    const body = { seq, at, actor, event, prevHash: head };
    head = await hashEntry(body);
    entries.push({ ...body, hash: head });
    seq++;
  }
  return { success: true, data: { entries, campaign: { cases, lists, length: seq, head } } };
}

/**
 * Rebuilds every case from the log: the fast path, with no hashing and no schema validation
 * (entries are trusted as stored: run `verifyLog` or use `replayVerified` for untrusted logs).
 * Fails if an entry's `seq` is not its position or an event does not apply.
 *
 * @example
 * ```ts
 * const r = replay(entries);
 * if (r.success) r.data.cases.get('c1')?.status;
 * ```
 */
export function replay(
  entries: readonly LogEntry[],
  options: ReplayOptions = {},
): Result<CampaignState, WorkflowIssueCode> {
  const notList = notAList(entries);
  if (notList) return notList;
  try {
    return fastReplay(entries, options?.isValidIdNumber);
  } catch (error) {
    return malformedOr(entries, error);
  }
}

function notAList(entries: unknown): Failure<WorkflowIssueCode> | undefined {
  return Array.isArray(entries)
    ? undefined
    : fail('WORKFLOW_INVALID_EVENT', 'Expected the log as a list of entries', []);
}

/**
 * The fast paths trust entries as stored; when one throws on an entry, the entries are checked
 * with the schema: a malformed entry (`null`, a missing field) is reported as
 * `WORKFLOW_INVALID_EVENT`, and an error on well-formed entries (a bug) is thrown on.
 */
function malformedOr(entries: unknown, error: unknown): Failure<WorkflowIssueCode> {
  const checked = parseLog(entries);
  if (!checked.success) return checked;
  throw error;
}

/** An entry's hash, or `undefined` when it cannot be serialised (a cycle, a bigint). */
async function hashOrUndefined(entry: LogEntry): Promise<string | undefined> {
  try {
    return await hashEntry(entry);
  } catch {
    return undefined;
  }
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

/** What to check the end of the log against. */
export interface VerifyLogOptions {
  /**
   * The head hash you kept elsewhere (e.g. published daily). Without it, deleting the last
   * entries or rewriting the last entry together with its hash cannot be detected.
   */
  readonly expectedHead?: string;
  /** The length you kept elsewhere. */
  readonly expectedLength?: number;
  /** Stop after this many issues (default 20). */
  readonly maxIssues?: number;
  /** Digests computed concurrently (default 4096). */
  readonly batchSize?: number;
}

/** A verified log's length and head hash. */
export interface LogSummary {
  readonly length: number;
  readonly head: string;
}

/**
 * Checks the hash chain: every `seq` is its position, every `prevHash` is the hash of the entry
 * before, and every `hash` is the SHA-256 of its entry's content. Any edited, deleted, reordered
 * or inserted entry breaks at least one of these; pass `expectedHead` to also catch changes at the
 * end of the log.
 *
 * @example
 * ```ts
 * const r = await verifyLog(entries, { expectedHead: publishedHead });
 * if (!r.success) r.issues[0]?.code; // e.g. 'WORKFLOW_LOG_HASH_MISMATCH'
 * ```
 */
export async function verifyLog(
  entries: readonly LogEntry[],
  options: VerifyLogOptions = {},
): Promise<Result<LogSummary, WorkflowIssueCode>> {
  const notList = notAList(entries);
  if (notList) return notList;
  const issues: WorkflowIssue[] = [];
  const max = options?.maxIssues ?? 20;
  const batch = Math.max(1, options?.batchSize ?? 4096);
  const n = entries.length;
  for (let i = 0; i < n && issues.length < max; i++) {
    const entry: unknown = entries[i];
    if (!isObject(entry)) {
      issues.push({
        code: 'WORKFLOW_INVALID_EVENT',
        message: `Entry ${i} is not a log entry object`,
        path: [i],
      });
      continue;
    }
    const { seq, prevHash } = entry as Partial<LogEntry>;
    if (seq !== i) {
      issues.push({
        code: 'WORKFLOW_LOG_SEQUENCE_GAP',
        message: `Entry ${i} has seq ${typeof seq === 'number' ? seq : 'missing'}`,
        path: [i, 'seq'],
      });
    }
    const before: unknown = i === 0 ? undefined : entries[i - 1];
    const expected =
      i === 0 ? GENESIS_HASH : isObject(before) ? (before as Partial<LogEntry>).hash : undefined;
    if (prevHash !== expected || typeof prevHash !== 'string') {
      issues.push({
        code: 'WORKFLOW_LOG_CHAIN_BROKEN',
        message: `Entry ${i} does not name the hash of the entry before it`,
        path: [i, 'prevHash'],
      });
    }
  }
  for (let start = 0; start < n && issues.length < max; start += batch) {
    const end = Math.min(n, start + batch);
    const pending: Promise<string | undefined>[] = [];
    for (let i = start; i < end; i++) {
      const entry: unknown = entries[i];
      pending.push(
        isObject(entry) ? hashOrUndefined(entry as LogEntry) : Promise.resolve(undefined),
      );
    }
    const hashes = await Promise.all(pending);
    for (let i = start; i < end && issues.length < max; i++) {
      const entry: unknown = entries[i];
      if (!isObject(entry)) continue;
      const hash = hashes[i - start];
      if (hash === undefined) {
        issues.push({
          code: 'WORKFLOW_INVALID_EVENT',
          message: `Entry ${i} cannot be serialised to be hashed`,
          path: [i],
        });
      } else if (hash !== (entry as Partial<LogEntry>).hash) {
        issues.push({
          code: 'WORKFLOW_LOG_HASH_MISMATCH',
          message: `Entry ${i} was changed after it was hashed`,
          path: [i, 'hash'],
        });
      }
    }
  }
  const last: unknown = n === 0 ? undefined : entries[n - 1];
  const lastHash = isObject(last) ? (last as Partial<LogEntry>).hash : undefined;
  const head = n === 0 ? GENESIS_HASH : typeof lastHash === 'string' ? lastHash : '';
  const expectedHead = options?.expectedHead;
  const expectedLength = options?.expectedLength;
  if (expectedHead !== undefined && expectedHead !== head && issues.length < max) {
    issues.push({
      code: 'WORKFLOW_LOG_HEAD_MISMATCH',
      message: 'The log does not end at the expected head hash',
      path: [],
    });
  }
  if (expectedLength !== undefined && expectedLength !== n && issues.length < max) {
    issues.push({
      code: 'WORKFLOW_LOG_HEAD_MISMATCH',
      message: `The log has ${n} entries, expected ${String(expectedLength)}`,
      path: [],
    });
  }
  if (isNonEmpty(issues)) return { success: false, issues };
  return { success: true, data: { length: n, head } };
}

/**
 * The hashed path: verifies the chain (`verifyLog`) and every list signature's content hash, then
 * replays.
 *
 * @example
 * ```ts
 * const r = await replayVerified(entries, { expectedHead });
 * ```
 */
export async function replayVerified(
  entries: readonly LogEntry[],
  options: ReplayOptions & VerifyLogOptions = {},
): Promise<Result<CampaignState, WorkflowIssueCode>> {
  const verified = await verifyLog(entries, options);
  if (!verified.success) return verified;
  try {
    return await replaySigned(entries, options);
  } catch (error) {
    return malformedOr(entries, error);
  }
}

async function replaySigned(
  entries: readonly LogEntry[],
  options: ReplayOptions,
): Promise<Result<CampaignState, WorkflowIssueCode>> {
  const signed: Promise<boolean>[] = [];
  const at: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const event: WorkflowEvent = entries[i]!.event;
    if (event.type === 'hand-back' || event.type === 'confirm-passports') {
      signed.push(verifyListSignature(event.list));
      at.push(i);
    }
  }
  const ok = await Promise.all(signed);
  const bad = ok.indexOf(false);
  if (bad >= 0) {
    return fail('WORKFLOW_SIGNATURE_MISMATCH', 'A list content hash does not match its cases', [
      at[bad]!,
      'event',
      'list',
      'signature',
      'contentHash',
    ]);
  }
  return replay(entries, options);
}
