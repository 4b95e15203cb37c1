/**
 * The append-only audit log: validated appends, a hash chain, fast replay and verification.
 * @module
 */
import type { Result } from '../result.js';
import { applyInPlace, type CampaignState, GENESIS_HASH } from './campaign.js';
import type { WorkflowEvent } from './events.js';
import { canonicalJson, sha256Hex } from './hash.js';
import { fail, type WorkflowIssue, type WorkflowIssueCode } from './issues.js';
import { verifyListSignature } from './lists.js';
import type { LogEntry } from './log-types.js';
import { fastReplay } from './replay-fast.js';
import { parseEntryContext, parseWorkflowEvent } from './schema.js';

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
  return appendEvents(campaign, [{ event, actor: context.actor, at: context.at }], options);
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
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i]!;
    const parsed = parseWorkflowEvent(input.event);
    if (!parsed.success) return prefixed(i, 'event', parsed.issues);
    const ctx = parseEntryContext({ actor: input.actor, at: input.at });
    if (!ctx.success) return prefixed(i, undefined, ctx.issues);
    const event = parsed.data;
    const { actor, at } = ctx.data;
    if (
      (event.type === 'hand-back' || event.type === 'confirm-passports') &&
      !(await verifyListSignature(event.list))
    ) {
      return prefixed(
        i,
        'event',
        fail(
          'WORKFLOW_SIGNATURE_MISMATCH',
          'The list content hash does not match its id and cases',
          ['list', 'signature', 'contentHash'],
        ).issues,
      );
    }
    const context = options.isValidIdNumber
      ? { actor, at, isValidIdNumber: options.isValidIdNumber }
      : { actor, at };
    const failure = applyInPlace(cases, lists, event, context);
    if (failure) return prefixed(i, 'event', failure);
    const body = { seq, at, actor, event, prevHash: head };
    head = await hashEntry(body);
    entries.push({ ...body, hash: head });
    seq++;
  }
  return { success: true, data: { entries, campaign: { cases, lists, length: seq, head } } };
}

function prefixed(
  index: number,
  key: string | undefined,
  issues: readonly WorkflowIssue[],
): { success: false; issues: WorkflowIssue[] } {
  return {
    success: false,
    issues: issues.map((issue) => ({
      ...issue,
      path:
        key === undefined ? [index, ...(issue.path ?? [])] : [index, key, ...(issue.path ?? [])],
    })),
  };
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
  return fastReplay(entries, options.isValidIdNumber);
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
  const issues: WorkflowIssue[] = [];
  const max = options.maxIssues ?? 20;
  const batch = options.batchSize ?? 4096;
  const n = entries.length;
  for (let i = 0; i < n && issues.length < max; i++) {
    const entry = entries[i]!;
    if (entry.seq !== i) {
      issues.push({
        code: 'WORKFLOW_LOG_SEQUENCE_GAP',
        message: `Entry ${i} has seq ${entry.seq}`,
        path: [i, 'seq'],
      });
    }
    const expected = i === 0 ? GENESIS_HASH : entries[i - 1]!.hash;
    if (entry.prevHash !== expected) {
      issues.push({
        code: 'WORKFLOW_LOG_CHAIN_BROKEN',
        message: `Entry ${i} does not name the hash of the entry before it`,
        path: [i, 'prevHash'],
      });
    }
  }
  for (let start = 0; start < n && issues.length < max; start += batch) {
    const end = Math.min(n, start + batch);
    const pending: Promise<string>[] = [];
    for (let i = start; i < end; i++) pending.push(hashEntry(entries[i]!));
    const hashes = await Promise.all(pending);
    for (let i = start; i < end && issues.length < max; i++) {
      if (hashes[i - start] !== entries[i]!.hash) {
        issues.push({
          code: 'WORKFLOW_LOG_HASH_MISMATCH',
          message: `Entry ${i} was changed after it was hashed`,
          path: [i, 'hash'],
        });
      }
    }
  }
  const head = n === 0 ? GENESIS_HASH : entries[n - 1]!.hash;
  if (options.expectedHead !== undefined && options.expectedHead !== head && issues.length < max) {
    issues.push({
      code: 'WORKFLOW_LOG_HEAD_MISMATCH',
      message: 'The log does not end at the expected head hash',
      path: [],
    });
  }
  if (options.expectedLength !== undefined && options.expectedLength !== n && issues.length < max) {
    issues.push({
      code: 'WORKFLOW_LOG_HEAD_MISMATCH',
      message: `The log has ${n} entries, expected ${options.expectedLength}`,
      path: [],
    });
  }
  if (issues.length > 0) return { success: false, issues };
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
