/**
 * Queries over a campaign: overdue cases, counts per commune, and work lists per role.
 * @module
 */
import type { CampaignState } from './campaign.js';
import { type CampaignConfig, DEFAULT_CAMPAIGN_CONFIG } from './config.js';
import type { WorkflowEventType } from './events.js';
import type { Role } from './roles.js';
import { CASE_STATUSES, type CaseState, type CaseStatus } from './states.js';
import { TRANSITIONS } from './table.js';

/** Which deadline a case missed. */
export type DeadlineKind = 'verification' | 'platform-sync';

/** A case past a deadline. */
export interface OverdueCase {
  readonly caseId: string;
  readonly commune: string;
  readonly status: CaseStatus;
  readonly deadline: DeadlineKind;
  /** The deadline date, `YYYY-MM-DD`. */
  readonly due: string;
  /** Whole days since the deadline (1 on the day after it). */
  readonly daysOverdue: number;
}

// Process order: every status before the police's outcome (verified or not in the register).
const BEFORE_POLICE_OUTCOME: ReadonlySet<CaseStatus> = new Set(
  CASE_STATUSES.slice(0, CASE_STATUSES.indexOf('verified')),
);
const VERIFIED_NOT_ON_PLATFORM: ReadonlySet<CaseStatus> = new Set(['verified', 'handed-over']);
const DAY_MS = 86_400_000;

function dayNumber(date: string): number {
  return Math.floor(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/**
 * Cases past a deadline at a date: without a police outcome after the verification deadline,
 * or verified but not yet on the vaccination platform after the platform-sync deadline. `date` is
 * the local (Vietnam) calendar date, `YYYY-MM-DD` (a longer ISO string is cut to its date).
 * Sorted by most overdue first, then case id.
 *
 * @example
 * ```ts
 * overdueCases(campaign, '2022-06-02').map((o) => o.caseId);
 * ```
 */
export function overdueCases(
  campaign: CampaignState,
  date: string,
  config: CampaignConfig = DEFAULT_CAMPAIGN_CONFIG,
): OverdueCase[] {
  const today = dayNumber(date);
  const verificationDue = config.deadlines.verification;
  const syncDue = config.deadlines.platformSync;
  const verificationLate = today - dayNumber(verificationDue);
  const syncLate = today - dayNumber(syncDue);
  const out: OverdueCase[] = [];
  for (const c of campaign.cases.values()) {
    if (verificationLate > 0 && BEFORE_POLICE_OUTCOME.has(c.status)) {
      out.push(overdue(c, 'verification', verificationDue, verificationLate));
    } else if (syncLate > 0 && VERIFIED_NOT_ON_PLATFORM.has(c.status)) {
      out.push(overdue(c, 'platform-sync', syncDue, syncLate));
    }
  }
  return out.sort(
    (a, b) =>
      b.daysOverdue - a.daysOverdue || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}

function overdue(c: CaseState, deadline: DeadlineKind, due: string, days: number): OverdueCase {
  return {
    caseId: c.caseId,
    commune: c.commune,
    status: c.status,
    deadline,
    due,
    daysOverdue: days,
  };
}

/** Number of cases in each status (every status present, zero when none). */
export type StatusCounts = Readonly<Record<CaseStatus, number>>;

/**
 * Counts cases per status for each commune.
 *
 * @example
 * ```ts
 * countByCommune(campaign).get('Yên Hòa')?.verified; // 12
 * ```
 */
export function countByCommune(campaign: CampaignState): ReadonlyMap<string, StatusCounts> {
  const out = new Map<string, Record<CaseStatus, number>>();
  for (const c of campaign.cases.values()) {
    let counts = out.get(c.commune);
    if (counts === undefined) {
      counts = Object.fromEntries(CASE_STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
      out.set(c.commune, counts);
    }
    counts[c.status]++;
  }
  return out;
}

/** A case waiting for a role, with what the role can do to move it on. */
export interface WorkItem {
  readonly caseId: string;
  readonly commune: string;
  readonly status: CaseStatus;
  /** Forward events this role may apply in this state (side exits such as withdraw left out). */
  readonly actions: readonly WorkflowEventType[];
  /** When the case last changed. */
  readonly since: string;
}

/** Filters of a work list. */
export interface WorklistOptions {
  readonly commune?: string;
  /** Only cases listed for this village (thôn/tổ dân phố). */
  readonly village?: string;
}

const FORWARD = new Map<Role, Map<CaseStatus, WorkflowEventType[]>>();
for (const rule of TRANSITIONS) {
  if (!rule.advances) continue;
  for (const role of rule.roles) {
    let byStatus = FORWARD.get(role);
    if (byStatus === undefined) {
      byStatus = new Map();
      FORWARD.set(role, byStatus);
    }
    for (const status of rule.from) {
      const list = byStatus.get(status) ?? [];
      list.push(rule.event);
      byStatus.set(status, list);
    }
  }
}

const ORDER = new Map<CaseStatus, number>(CASE_STATUSES.map((s, i) => [s, i]));

/**
 * The list a role must act on next: every case in a state where the role has a forward move
 * (read from the transition table), furthest along the process first, then longest waiting.
 *
 * @example
 * ```ts
 * worklist(campaign, 'commune-police').map((w) => w.actions); // [['verify', 'mark-not-in-register', 'return'], …]
 * ```
 */
export function worklist(
  campaign: CampaignState,
  role: Role,
  options: WorklistOptions = {},
): WorkItem[] {
  const byStatus = FORWARD.get(role);
  if (byStatus === undefined) return [];
  const out: WorkItem[] = [];
  for (const c of campaign.cases.values()) {
    const actions = byStatus.get(c.status);
    if (actions === undefined) continue;
    if (options.commune !== undefined && c.commune !== options.commune) continue;
    if (options.village !== undefined && villageOf(c) !== options.village) continue;
    out.push({
      caseId: c.caseId,
      commune: c.commune,
      status: c.status,
      actions,
      since: c.updated.at,
    });
  }
  return out.sort(
    (a, b) =>
      ORDER.get(b.status)! - ORDER.get(a.status)! ||
      Date.parse(a.since) - Date.parse(b.since) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0),
  );
}

function villageOf(c: CaseState): string | undefined {
  return 'listing' in c ? c.listing.village : undefined;
}
