/**
 * A case (hồ sơ cần làm sạch): one vaccinated person's record under cleaning, as a discriminated
 * union of states. Each state carries exactly the data that exists at that point: a case that was
 * never verified has no `verification`, and TypeScript rejects reading one.
 * @module
 */
import type { Actor, Stamp } from './roles.js';

/**
 * Vietnamese labels of the statuses, for user interfaces; also the one list of the statuses, in
 * process order (terminal side states last).
 *
 * @example
 * ```ts
 * STATUS_LABELS_VI.verified; // 'đã xác minh'
 * ```
 */
export const STATUS_LABELS_VI = {
  detected: 'phát hiện sai sót',
  listed: 'đã lập danh sách',
  'under-village-review': 'thôn/tổ dân phố đang rà soát',
  reviewed: 'đã rà soát',
  'with-police': 'công an xã đang xác minh',
  returned: 'trả lại để bổ sung thông tin',
  verified: 'đã xác minh',
  'not-in-register': 'không có trong CSDLQG về dân cư',
  'handed-over': 'đã bàn giao cho trạm y tế',
  'updated-on-platform': 'đã cập nhật trên nền tảng tiêm chủng',
  'passport-confirmed': 'đã xác nhận hộ chiếu vắc xin',
  merged: 'gộp vào hồ sơ trùng',
  withdrawn: 'rút khỏi danh sách',
} as const;

/** Where a case stands. */
export type CaseStatus = keyof typeof STATUS_LABELS_VI;

/** Every case status, in process order (terminal side states last). */
export const CASE_STATUSES: readonly CaseStatus[] = /* @__PURE__ */ Object.keys(
  STATUS_LABELS_VI,
) as CaseStatus[];

/**
 * Why a case was opened: the three error categories of Công văn 2262 (no CCCD/CMND, malformed
 * CCCD/CMND, wrong basic personal data), or a record-linkage result that needs a human decision.
 */
export type CaseCategory =
  | 'missing-id'
  | 'malformed-id'
  | 'inconsistent-personal-data'
  | 'link-review';

/** The personal fields the workflow corrects. */
export const PERSON_FIELDS = ['fullName', 'dob', 'sex', 'idNumber', 'phone', 'address'] as const;

/** A correctable personal field: họ và tên, ngày sinh, giới tính, số CCCD/CMND, số điện thoại, địa chỉ. */
export type PersonField = (typeof PERSON_FIELDS)[number];

/**
 * The personal data of a case as text (dates as `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; sex as
 * `male`/`female`). A field is absent when unknown.
 */
export type PersonData = { readonly [F in PersonField]?: string };

/** One changed field: old and new value (`null` = absent) and who changed it when. */
export interface Correction {
  readonly field: PersonField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
  readonly by: Actor;
  readonly at: string;
}

/** The record-linkage result that opened a `link-review` case. */
export interface LinkReference {
  /** The best register candidate, if any. */
  readonly rightId?: string;
  /** The match probability of that candidate, in (0, 1). */
  readonly probability?: number;
}

/** The signature of the handing role on a list: who, when, and what (SHA-256 of the content). */
export interface ListSignature {
  readonly by: Actor;
  readonly at: string;
  /** Lower-case hex SHA-256 of the list content (see `listContentHash`). */
  readonly contentHash: string;
}

/** A signed list (danh sách) of cases handed over in one go. */
export interface SignedList {
  readonly listId: string;
  readonly caseIds: readonly string[];
  readonly signature: ListSignature;
}

/** Data every case has from the moment it is opened. */
export interface CaseCommon {
  readonly caseId: string;
  /** The key of the cleaned record (or the left id of a link result). */
  readonly recordKey: string;
  /** Xã/phường: the commune responsible for the case. */
  readonly commune: string;
  readonly categories: readonly CaseCategory[];
  /** Issue codes of the cleaning step that opened the case. */
  readonly issueCodes: readonly string[];
  /** The link result that opened a `link-review` case; `null` for cleaning cases. */
  readonly link: LinkReference | null;
  /** The personal data as it stands now (after corrections). */
  readonly data: PersonData;
  /** Every correction so far, oldest first. */
  readonly corrections: readonly Correction[];
  /** Incremented by every transition; an edit names the version it was made against. */
  readonly version: number;
  readonly opened: Stamp;
  readonly updated: Stamp;
}

/** Step 1: the health station put the case on a list for a village. */
export interface Listing extends Stamp {
  readonly listId: string;
  /** Thôn/tổ dân phố that reviews the case. */
  readonly village: string;
}

/** The police sent the case back: what is missing and why. */
export interface PoliceReturn extends Stamp {
  readonly reason: string;
  readonly missing: readonly PersonField[];
}

/** The police found the person in the national population database (CSDLQG về dân cư). */
export interface PoliceVerification extends Stamp {
  /** The verified CCCD/CMND number (always present once verified). */
  readonly idNumber: string;
}

/** The police did not find the person in the register. */
export interface RegisterFinding extends Stamp {
  readonly note: string;
}

/** A hand-over of the case on a signed list (steps 3 and 5). */
export interface Handover {
  readonly listId: string;
  readonly signature: ListSignature;
}

/** How the health station updated the vaccination platform. */
export type PlatformUpdateMethod = 'sync' | 'excel-import';

/** Step 4: the record was updated on the vaccination platform. */
export interface PlatformUpdate extends Stamp {
  readonly method: PlatformUpdateMethod;
}

/** Opened from a cleaning issue or a link review; nobody has acted yet. */
export interface DetectedCase extends CaseCommon {
  readonly status: 'detected';
}

/** Step 1 done: on a health-station list for a village. */
export interface ListedCase extends CaseCommon {
  readonly status: 'listed';
  readonly listing: Listing;
}

/** The fields of a case from step 2 on: listed and handed to a village team. */
export interface AssignedFields extends CaseCommon {
  readonly listing: Listing;
  /** The commune working group handed the list to the village team. */
  readonly assignment: Stamp;
}

/** Step 2 in progress: the village team reviews, supplements and corrects. */
export interface UnderVillageReviewCase extends AssignedFields {
  readonly status: 'under-village-review';
}

/** The fields of a case the village team has reviewed. */
export interface ReviewedFields extends AssignedFields {
  readonly review: Stamp;
}

/** Step 2 done: reviewed by the village team, not yet passed to the police. */
export interface ReviewedCase extends ReviewedFields {
  readonly status: 'reviewed';
}

/** The fields of a case passed to the commune police. */
export interface SubmittedFields extends ReviewedFields {
  /** The latest passing of the case to the commune police. */
  readonly submission: Stamp;
}

/** Step 3 in progress: with the commune police. */
export interface WithPoliceCase extends SubmittedFields {
  readonly status: 'with-police';
}

/** The police returned the case for more information; the village team acts again. */
export interface ReturnedCase extends SubmittedFields {
  readonly status: 'returned';
  readonly returned: PoliceReturn;
}

/** The police did not find the person in the register (terminal). */
export interface NotInRegisterCase extends SubmittedFields {
  readonly status: 'not-in-register';
  readonly finding: RegisterFinding;
}

/** The fields of a case the police verified against the register. */
export interface VerifiedFields extends SubmittedFields {
  readonly verification: PoliceVerification;
}

/** Step 3: verified against the register, not yet handed back. */
export interface VerifiedCase extends VerifiedFields {
  readonly status: 'verified';
}

/** The fields of a case handed back to the health station on a signed list. */
export interface HandedOverFields extends VerifiedFields {
  /** The police-signed list that handed the case back to the health station. */
  readonly handover: Handover;
}

/** Step 3 done: on a police-signed list kept by the health station. */
export interface HandedOverCase extends HandedOverFields {
  readonly status: 'handed-over';
}

/** The fields of a case updated on the vaccination platform. */
export interface UpdatedFields extends HandedOverFields {
  readonly platformUpdate: PlatformUpdate;
}

/** Step 4 done: updated on the vaccination platform. */
export interface UpdatedOnPlatformCase extends UpdatedFields {
  readonly status: 'updated-on-platform';
}

/** Step 5 done: the vaccination site signed the vaccine-passport confirmation (terminal). */
export interface PassportConfirmedCase extends UpdatedFields {
  readonly status: 'passport-confirmed';
  readonly passportConfirmation: Handover;
}

/** The terminal statuses: a case in one of them never moves again. */
export const TERMINAL_STATUSES = [
  'not-in-register',
  'passport-confirmed',
  'merged',
  'withdrawn',
] as const satisfies readonly CaseStatus[];

/** Statuses from which a case can still move. */
export type ActiveStatus = Exclude<CaseStatus, (typeof TERMINAL_STATUSES)[number]>;

/** The case turned out to duplicate another one (terminal). */
export interface MergedCase extends CaseCommon {
  readonly status: 'merged';
  readonly previousStatus: ActiveStatus;
  readonly merge: Stamp & { readonly into: string };
}

/** The case was withdrawn from the campaign, e.g. opened by mistake (terminal). */
export interface WithdrawnCase extends CaseCommon {
  readonly status: 'withdrawn';
  readonly previousStatus: ActiveStatus;
  readonly withdrawal: Stamp & { readonly reason: string };
}

/** A case in any state; switch on `status` to read the state's data. */
export type CaseState =
  | DetectedCase
  | ListedCase
  | UnderVillageReviewCase
  | ReviewedCase
  | WithPoliceCase
  | ReturnedCase
  | VerifiedCase
  | NotInRegisterCase
  | HandedOverCase
  | UpdatedOnPlatformCase
  | PassportConfirmedCase
  | MergedCase
  | WithdrawnCase;

/** The case type of one status, e.g. `CaseOf<'verified'>` is `VerifiedCase`. */
export type CaseOf<S extends CaseStatus> = Extract<CaseState, { readonly status: S }>;

/**
 * Narrows a case to one status.
 *
 * @example
 * ```ts
 * if (hasStatus(c, 'verified')) c.verification.idNumber;
 * ```
 */
export function hasStatus<S extends CaseStatus>(c: CaseState, status: S): c is CaseOf<S> {
  return c.status === status;
}
