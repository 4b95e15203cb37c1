import type { BlockingCounts, BlockingIssueCode, CappedBlocks } from './blocking.js';
import type { Decision, ThresholdChoice, ThresholdOptions } from './decide.js';
import type { FellegiSunterModel, Thresholds } from './model.js';
import type { MatchRule } from './rules.js';
import type { Scorer, TermFrequencyOptions } from './scorer.js';
import type { PreparedSide } from './spec.js';
import type { TrainOptions } from './train.js';

/** Options shared by {@link linkWithSpec} and {@link dedupeWithSpec}. */
export interface MatchOptions extends TrainOptions, TermFrequencyOptions, ThresholdOptions {
  /** A trained model (skips training). */
  readonly model?: FellegiSunterModel;
  /** Fixed thresholds (otherwise the model's saved ones, otherwise chosen from estimated FDR). */
  readonly thresholds?: Thresholds;
  /** Deterministic pre-decision rules. */
  readonly rules?: readonly MatchRule[];
  /** Refuse a blocking rule producing more candidate pairs than this (default 200 × records + 1e6). */
  readonly maxPairsPerRule?: number;
  /**
   * A best candidate whose match weight is within this many bits of the second best (both at or
   * above the review threshold) is ambiguous and goes to review (default 3).
   */
  readonly ambiguityBits?: number;
}

/** Options of {@link linkWithSpec}. */
export interface LinkOptions extends MatchOptions {
  /** One-to-one: no reference record is taken by two left records (default many-to-one). */
  readonly oneToOne?: boolean;
}

/**
 * Why a left record got its decision; `capped`: review because a blocking key of the record fell
 * in a block over its rule's cap (`maxBlockSize`), so candidates may be missing.
 */
export type LinkReason = 'model' | 'rule' | 'ambiguous' | 'taken' | 'no_candidate' | 'capped';

/** The outcome for one left record (exactly one per left record, in left order). */
export interface LinkResult {
  readonly left: number;
  /** Index of the best reference record, −1 when there is no candidate. */
  readonly right: number;
  readonly decision: Decision;
  /** Match weight (log2 Bayes factor, prior included); −Infinity without a candidate. */
  readonly matchWeight: number;
  readonly probability: number;
  readonly reason: LinkReason;
  /** Name of the deterministic rule that decided the pair, when `reason` is `rule`. */
  readonly rule?: string;
  /** Candidate pairs compared for this record. */
  readonly candidates: number;
  /**
   * For a `review` decision: the other candidates that compete with the best one (a deterministic
   * rule fires for them too, or they reach the review threshold, or they are within the ambiguity
   * margin of the best), best first. Absent when there is none.
   */
  readonly competing?: readonly CompetingCandidate[];
}

/** A reference record that competes with the best candidate of a `review` result. */
export interface CompetingCandidate {
  /** Index of the reference record. */
  readonly right: number;
  /** Match weight (log2 Bayes factor, prior included). */
  readonly matchWeight: number;
  readonly probability: number;
}

/** Summary of a link or dedupe run. */
export interface MatchSummary {
  readonly blocking: BlockingCounts;
  /** Candidate pairs compared. */
  readonly pairsScored: number;
  /**
   * Of `pairsScored`, pairs compared on the match rules' gate comparison only, because a match
   * rule had already decided their left record (see {@link ScoreChunkOptions}).
   */
  readonly pairsSettled: number;
  readonly thresholds: ThresholdChoice;
  readonly counts: Readonly<Record<Decision, number>>;
  /** Blocking rules with blocks over their cap (never silent: see {@link CappedBlocks}). */
  readonly cappedBlocks: readonly CappedBlocks[];
  /** What the user should know (blocks over a cap: rule and sizes, never a key's value). */
  readonly warnings: readonly string[];
}

/** The outcome of {@link linkWithSpec}. */
export interface LinkOutcome<R> {
  readonly results: readonly LinkResult[];
  readonly model: FellegiSunterModel;
  readonly summary: MatchSummary;
  readonly left: PreparedSide;
  readonly right: PreparedSide;
  readonly scorer: Scorer<R>;
}

/** Codes of {@link linkWithSpec} / {@link dedupeWithSpec} failures. */
export type MatchIssueCode = BlockingIssueCode | 'MODEL_MISMATCH';
