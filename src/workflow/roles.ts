/**
 * The actors of the cleaning campaign (Công văn 2262/BYT-CNTT, DESIGN.md §6).
 * @module
 */

/**
 * Vietnamese labels of the roles, for user interfaces; also the one list of the roles, in the order
 * they first act.
 *
 * @example
 * ```ts
 * ROLE_LABELS_VI['commune-police']; // 'công an xã'
 * ```
 */
export const ROLE_LABELS_VI = {
  'health-station': 'trạm y tế',
  'commune-working-group': 'tổ công tác Đề án 06 cấp xã',
  'village-working-group': 'tổ công tác thôn/tổ dân phố',
  'commune-police': 'công an xã',
  'vaccination-site': 'điểm tiêm',
} as const;

/**
 * A role in the cleaning workflow.
 * - `health-station`: trạm y tế (lists the wrong records, keeps the returned list, updates the platform).
 * - `commune-working-group`: tổ công tác Đề án 06 cấp xã (dispatches lists to the villages).
 * - `village-working-group`: tổ công tác thôn/tổ dân phố (reviews, supplements and corrects).
 * - `commune-police`: công an xã (verifies against CSDLQG về dân cư, signs and hands back).
 * - `vaccination-site`: điểm tiêm (checks and signs vaccine-passport confirmations).
 */
export type Role = keyof typeof ROLE_LABELS_VI;

/** Every role that takes part in the cleaning workflow, in the order they first act. */
export const WORKFLOW_ROLES: readonly Role[] = /* @__PURE__ */ Object.keys(
  ROLE_LABELS_VI,
) as Role[];

/** Who did something: a role and an identifier of the unit or person acting in it (no personal data). */
export interface Actor {
  readonly role: Role;
  /** A stable identifier of the unit or officer, e.g. `ca-xa-yen-hoa` or `tyt-yen-hoa/02`. */
  readonly id: string;
}

/** When and by whom something happened. `at` is an ISO 8601 UTC timestamp. */
export interface Stamp {
  readonly by: Actor;
  readonly at: string;
}

/**
 * Whether two actors are the same role and identifier.
 *
 * @example
 * ```ts
 * sameActor({ role: 'commune-police', id: 'a' }, { role: 'commune-police', id: 'a' }); // true
 * ```
 */
export function sameActor(a: Actor, b: Actor): boolean {
  return a.role === b.role && a.id === b.id;
}
