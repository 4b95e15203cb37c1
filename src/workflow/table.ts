/**
 * The transition table: the single source of truth for who may do what from which state. The
 * transition function, the work lists and the Mermaid diagram are all read from it.
 * @module
 */
import type { WorkflowEventType } from './events.js';
import type { Role } from './roles.js';
import { type ActiveStatus, CASE_STATUSES, type CaseStatus, TERMINAL_STATUSES } from './states.js';

/** One row of the transition table. */
export interface TransitionRule {
  readonly event: WorkflowEventType;
  /** States the event applies to (empty for `open`, which creates the case). */
  readonly from: readonly CaseStatus[];
  /** The resulting state; `same` for in-place corrections. */
  readonly to: CaseStatus | 'same';
  readonly roles: readonly Role[];
  /** Which of the five steps of Công văn 2262 the event belongs to (0 = outside the steps). */
  readonly step: 0 | 1 | 2 | 3 | 4 | 5;
  /** `true` when the event moves the case forward (shown in work lists); `false` for side exits. */
  readonly advances: boolean;
}

/** Statuses from which a case may still move (everything but the terminal states). */
export const ACTIVE_STATUSES: readonly ActiveStatus[] = CASE_STATUSES.filter(
  (s): s is ActiveStatus => !(TERMINAL_STATUSES as readonly CaseStatus[]).includes(s),
);

/**
 * The transition table of the cleaning workflow.
 *
 * @example
 * ```ts
 * TRANSITIONS.find((r) => r.event === 'verify')?.roles; // ['commune-police']
 * ```
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  {
    event: 'open',
    from: [],
    to: 'detected',
    roles: ['health-station', 'commune-working-group'],
    step: 0,
    advances: true,
  },
  {
    event: 'list',
    from: ['detected'],
    to: 'listed',
    roles: ['health-station'],
    step: 1,
    advances: true,
  },
  {
    event: 'assign',
    from: ['listed'],
    to: 'under-village-review',
    roles: ['commune-working-group'],
    step: 1,
    advances: true,
  },
  {
    event: 'correct',
    from: ['under-village-review', 'reviewed', 'returned'],
    to: 'same',
    roles: ['village-working-group'],
    step: 2,
    advances: false,
  },
  {
    event: 'complete-review',
    from: ['under-village-review'],
    to: 'reviewed',
    roles: ['village-working-group'],
    step: 2,
    advances: true,
  },
  {
    event: 'submit',
    from: ['reviewed', 'returned'],
    to: 'with-police',
    roles: ['village-working-group'],
    step: 2,
    advances: true,
  },
  {
    event: 'verify',
    from: ['with-police'],
    to: 'verified',
    roles: ['commune-police'],
    step: 3,
    advances: true,
  },
  {
    event: 'mark-not-in-register',
    from: ['with-police'],
    to: 'not-in-register',
    roles: ['commune-police'],
    step: 3,
    advances: true,
  },
  {
    event: 'return',
    from: ['with-police'],
    to: 'returned',
    roles: ['commune-police'],
    step: 3,
    advances: true,
  },
  {
    event: 'hand-back',
    from: ['verified'],
    to: 'handed-over',
    roles: ['commune-police'],
    step: 3,
    advances: true,
  },
  {
    event: 'update-platform',
    from: ['handed-over'],
    to: 'updated-on-platform',
    roles: ['health-station'],
    step: 4,
    advances: true,
  },
  {
    event: 'confirm-passports',
    from: ['updated-on-platform'],
    to: 'passport-confirmed',
    roles: ['vaccination-site'],
    step: 5,
    advances: true,
  },
  {
    event: 'merge',
    from: ['detected', 'listed', 'under-village-review', 'reviewed', 'returned'],
    to: 'merged',
    roles: ['commune-working-group', 'village-working-group'],
    step: 0,
    advances: false,
  },
  {
    event: 'withdraw',
    from: ACTIVE_STATUSES,
    to: 'withdrawn',
    roles: ['commune-working-group'],
    step: 0,
    advances: false,
  },
];

const RULES = new Map<WorkflowEventType, TransitionRule>(TRANSITIONS.map((r) => [r.event, r]));

/**
 * The table row of an event type.
 *
 * @example
 * ```ts
 * ruleFor('submit').from; // ['reviewed', 'returned']
 * ```
 */
export function ruleFor(event: WorkflowEventType): TransitionRule {
  return RULES.get(event)!;
}

/**
 * Whether a status is terminal (no event applies to it any more).
 *
 * @example
 * ```ts
 * isTerminal('passport-confirmed'); // true
 * ```
 */
export function isTerminal(status: CaseStatus): boolean {
  return !(ACTIVE_STATUSES as readonly CaseStatus[]).includes(status);
}
