/**
 * Public face of the `workflow` part: the 5-step cleaning workflow of Công văn 2262/BYT-CNTT as
 * typed case states, a pure transition function, signed hand-over lists, a hash-chained audit log,
 * campaign queries and glue from cleaning and linking.
 * @module
 */

export type { CleanField, CleanRecord, IdKind, PartialDate, Sex } from '../record/index.js';
export type { Failure, Issue, Issues, Result, Success } from '../result.js';
export {
  applyEvent,
  type CampaignState,
  emptyCampaign,
  GENESIS_HASH,
} from './campaign.js';
export {
  type CampaignConfig,
  type CampaignDeadlines,
  campaignConfig,
  DEFAULT_CAMPAIGN_CONFIG,
} from './config.js';
export type {
  AssignEvent,
  CaseEventBase,
  CaseWorkflowEvent,
  CompleteReviewEvent,
  ConfirmPassportsEvent,
  CorrectEvent,
  HandBackEvent,
  ListEvent,
  ListWorkflowEvent,
  MarkNotInRegisterEvent,
  MergeEvent,
  OpenEvent,
  PersonChanges,
  ReturnEvent,
  SubmitEvent,
  UpdatePlatformEvent,
  VerifyEvent,
  WithdrawEvent,
  WorkflowEvent,
  WorkflowEventType,
} from './events.js';
export { isListEvent } from './events.js';
export {
  type CasesFromCleaningOptions,
  type CasesFromLinksOptions,
  CLEANING_CATEGORIES,
  type CleaningIssueInput,
  type CleaningResultInput,
  type ClericalDecisionInput,
  casesFromCleaning,
  casesFromLinks,
  type LinkResultInput,
  personDataOf,
} from './glue.js';
export { canonicalJson, sha256Hex } from './hash.js';
export { isVerifiableIdNumber } from './id-number.js';
export type { WorkflowIssue, WorkflowIssueCode } from './issues.js';
export { type ListContent, listContentHash, signList, verifyListSignature } from './lists.js';
export {
  type AppendResult,
  appendEvent,
  appendEvents,
  type EntryInput,
  hashEntry,
  type LogSummary,
  type ReplayOptions,
  replay,
  replayVerified,
  type VerifyLogOptions,
  verifyLog,
} from './log.js';
export type { LogEntry } from './log-types.js';
export { type RenderMermaidOptions, renderMermaid } from './mermaid.js';
export {
  countByCommune,
  type DeadlineKind,
  type OverdueCase,
  overdueCases,
  type StatusCounts,
  type WorkItem,
  type WorklistOptions,
  worklist,
} from './queries.js';
export {
  type Actor,
  ROLE_LABELS_VI,
  type Role,
  type Stamp,
  sameActor,
  WORKFLOW_ROLES,
} from './roles.js';
export {
  actorSchema,
  entryContextSchema,
  logEntrySchema,
  parseLog,
  parseWorkflowEvent,
  workflowEventSchema,
} from './schema.js';
export {
  type ActiveStatus,
  type AssignedFields,
  CASE_STATUSES,
  type CaseCategory,
  type CaseCommon,
  type CaseOf,
  type CaseState,
  type CaseStatus,
  type Correction,
  type DetectedCase,
  type HandedOverCase,
  type HandedOverFields,
  type Handover,
  hasStatus,
  type LinkReference,
  type ListedCase,
  type Listing,
  type ListSignature,
  type MergedCase,
  type NotInRegisterCase,
  type PassportConfirmedCase,
  PERSON_FIELDS,
  type PersonData,
  type PersonField,
  type PlatformUpdate,
  type PlatformUpdateMethod,
  type PoliceReturn,
  type PoliceVerification,
  type RegisterFinding,
  type ReturnedCase,
  type ReviewedCase,
  type ReviewedFields,
  type SignedList,
  STATUS_LABELS_VI,
  type SubmittedFields,
  TERMINAL_STATUSES,
  type UnderVillageReviewCase,
  type UpdatedFields,
  type UpdatedOnPlatformCase,
  type VerifiedCase,
  type VerifiedFields,
  type WithdrawnCase,
  type WithPoliceCase,
} from './states.js';
export {
  ACTIVE_STATUSES,
  isTerminal,
  ruleFor,
  TRANSITIONS,
  type TransitionRule,
} from './table.js';
export { type TransitionContext, type TransitionResult, transition } from './transition.js';
