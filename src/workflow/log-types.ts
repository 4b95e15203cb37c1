/**
 * The shape of an audit-log entry.
 * @module
 */
import type { WorkflowEvent } from './events.js';
import type { Actor } from './roles.js';

/**
 * One entry of the append-only audit log: an event, who made it and when, its position, the
 * hash of the entry before it and its own hash (SHA-256 of everything else, hex).
 */
export interface LogEntry {
  /** Position in the log, from 0. */
  readonly seq: number;
  /** ISO 8601 UTC timestamp. */
  readonly at: string;
  readonly actor: Actor;
  readonly event: WorkflowEvent;
  /** `hash` of the entry before (`GENESIS_HASH` for the first). */
  readonly prevHash: string;
  /** SHA-256 (hex) of the canonical JSON of `{ seq, at, actor, event, prevHash }`. */
  readonly hash: string;
}
