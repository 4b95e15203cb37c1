/**
 * zod (v4) schemas: every event and log entry is validated on the way in. The schemas are built
 * on first use, so that importing the workflow does not build them (and a bundler drops them,
 * and zod, from apps that do not validate).
 * @module
 */
import { z } from 'zod';
import { type Issues, isNonEmpty, type Result } from '../result.js';
import type { WorkflowEvent } from './events.js';
import type { WorkflowIssueCode } from './issues.js';
import type { LogEntry } from './log-types.js';
import { type Actor, WORKFLOW_ROLES } from './roles.js';
import { PERSON_FIELDS } from './states.js';

interface WorkflowSchemas {
  readonly actor: z.ZodType<Actor>;
  readonly event: z.ZodType<WorkflowEvent>;
  readonly entryContext: z.ZodType<{ actor: Actor; at: string }>;
  readonly logEntry: z.ZodType<LogEntry>;
  readonly log: z.ZodType<LogEntry[]>;
}

/* @__NO_SIDE_EFFECTS__ */
function buildSchemas(): WorkflowSchemas {
  const text = z.string().min(1).max(500);
  const id = z.string().min(1).max(200);
  /** ISO 8601 UTC timestamp (`…Z`). */
  const timestamp = z.iso.datetime();
  const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
  const version = z.int().min(1);

  const actorSchema: z.ZodType<Actor> = z.strictObject({
    role: z.enum(WORKFLOW_ROLES),
    id,
  });

  const personField = z.enum(PERSON_FIELDS);
  const value = z.string().min(1).max(500);
  const changeValue = value.nullable();

  const personData = z.strictObject({
    fullName: value.exactOptional(),
    dob: value.exactOptional(),
    sex: value.exactOptional(),
    idNumber: value.exactOptional(),
    phone: value.exactOptional(),
    address: value.exactOptional(),
  });

  const personChanges = z.strictObject({
    fullName: changeValue.exactOptional(),
    dob: changeValue.exactOptional(),
    sex: changeValue.exactOptional(),
    idNumber: changeValue.exactOptional(),
    phone: changeValue.exactOptional(),
    address: changeValue.exactOptional(),
  });

  const signedList = z.strictObject({
    listId: id,
    caseIds: z.array(id).min(1),
    signature: z.strictObject({ by: actorSchema, at: timestamp, contentHash: hex64 }),
  });

  const caseEvent = { caseId: id, expectedVersion: version.exactOptional() };

  const eventSchema = z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('open'),
      caseId: id,
      recordKey: id,
      commune: z.string().max(200),
      categories: z.array(
        z.enum(['missing-id', 'malformed-id', 'inconsistent-personal-data', 'link-review']),
      ),
      issueCodes: z.array(id),
      data: personData,
      link: z
        .strictObject({
          rightId: id.exactOptional(),
          probability: z.number().min(0).max(1).exactOptional(),
        })
        .exactOptional(),
    }),
    z.strictObject({ type: z.literal('list'), ...caseEvent, listId: id, village: text }),
    z.strictObject({ type: z.literal('assign'), ...caseEvent }),
    z.strictObject({
      type: z.literal('correct'),
      caseId: id,
      expectedVersion: version,
      changes: personChanges,
    }),
    z.strictObject({ type: z.literal('complete-review'), ...caseEvent }),
    z.strictObject({ type: z.literal('submit'), ...caseEvent }),
    z.strictObject({
      type: z.literal('verify'),
      ...caseEvent,
      changes: personChanges.exactOptional(),
    }),
    z.strictObject({ type: z.literal('mark-not-in-register'), ...caseEvent, note: text }),
    z.strictObject({
      type: z.literal('return'),
      ...caseEvent,
      reason: text,
      missing: z.array(personField),
    }),
    z.strictObject({ type: z.literal('hand-back'), list: signedList }),
    z.strictObject({
      type: z.literal('update-platform'),
      ...caseEvent,
      method: z.enum(['sync', 'excel-import']),
    }),
    z.strictObject({ type: z.literal('confirm-passports'), list: signedList }),
    z.strictObject({ type: z.literal('merge'), ...caseEvent, into: id }),
    z.strictObject({ type: z.literal('withdraw'), ...caseEvent, reason: text }),
  ]);

  const entryContextSchema: z.ZodType<{ actor: Actor; at: string }> = z.strictObject({
    actor: actorSchema,
    at: timestamp,
  });

  const logEntrySchema: z.ZodType<LogEntry> = z.strictObject({
    seq: z.int().min(0),
    at: timestamp,
    actor: actorSchema,
    event: eventSchema,
    prevHash: hex64,
    hash: hex64,
  });

  return {
    actor: actorSchema,
    event: eventSchema,
    entryContext: entryContextSchema,
    logEntry: logEntrySchema,
    log: z.array(logEntrySchema),
  };
}

let built: WorkflowSchemas | undefined;
/** The workflow schemas, built on first use (bundlers drop them, and zod, when unused). */
const schemas = (): WorkflowSchemas => (built ??= buildSchemas());
const actor = () => schemas().actor;
const event = () => schemas().event;
const entryContext = () => schemas().entryContext;
const logEntry = () => schemas().logEntry;

/**
 * zod schema of an actor.
 *
 * @example
 * ```ts
 * actorSchema.safeParse({ role: 'commune-police', id: 'ca-1' }).success; // true
 * ```
 */
export const actorSchema: z.ZodType<Actor> = /* @__PURE__ */ actor();

/**
 * zod schema of a workflow event.
 *
 * @example
 * ```ts
 * workflowEventSchema.safeParse({ type: 'assign', caseId: 'c1' }).success; // true
 * ```
 */
export const workflowEventSchema: z.ZodType<WorkflowEvent> = /* @__PURE__ */ event();

/**
 * zod schema of who acts and when.
 *
 * @example
 * ```ts
 * entryContextSchema.safeParse({ actor: { role: 'commune-police', id: 'ca' }, at: '2022-05-05T00:00:00Z' }).success; // true
 * ```
 */
export const entryContextSchema: z.ZodType<{ actor: Actor; at: string }> =
  /* @__PURE__ */ entryContext();

/**
 * zod schema of one log entry.
 *
 * @example
 * ```ts
 * logEntrySchema.safeParse(log[0]).success; // true for an entry written by appendEvent
 * ```
 */
export const logEntrySchema: z.ZodType<LogEntry> = /* @__PURE__ */ logEntry();

function toIssues(error: z.ZodError): Issues<WorkflowIssueCode> {
  const issues = error.issues.map((i) => ({
    code: 'WORKFLOW_INVALID_EVENT' as const,
    message: i.message,
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
  }));
  return isNonEmpty(issues) ? issues : [{ code: 'WORKFLOW_INVALID_EVENT', message: error.message }];
}

/**
 * Validates an event (e.g. from a form or a queue).
 *
 * @example
 * ```ts
 * parseWorkflowEvent({ type: 'assign', caseId: 'c1' }).success; // true
 * parseWorkflowEvent({ type: 'assign' }).success; // false (WORKFLOW_INVALID_EVENT)
 * ```
 */
export function parseWorkflowEvent(input: unknown): Result<WorkflowEvent, WorkflowIssueCode> {
  const r = schemas().event.safeParse(input);
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: toIssues(r.error) };
}

/**
 * Validates a stored log (an array of entries, e.g. read from JSON). It does not check hashes:
 * use `verifyLog` for that.
 *
 * @example
 * ```ts
 * const r = parseLog(JSON.parse(text));
 * if (r.success) replay(r.data);
 * ```
 */
export function parseLog(input: unknown): Result<LogEntry[], WorkflowIssueCode> {
  const r = schemas().log.safeParse(input);
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: toIssues(r.error) };
}

/**
 * @internal Validates an actor and a timestamp.
 *
 * @example
 * ```ts
 * parseEntryContext({ actor: { role: 'commune-police', id: 'ca' }, at: '2022-05-05T00:00:00Z' }).success; // true
 * ```
 */
export function parseEntryContext(
  input: unknown,
): Result<{ actor: Actor; at: string }, WorkflowIssueCode> {
  const r = schemas().entryContext.safeParse(input);
  return r.success
    ? { success: true, data: r.data }
    : { success: false, issues: toIssues(r.error) };
}
