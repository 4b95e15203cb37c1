/**
 * The input of the HTML report: plain data a `clean`, `link` or `dedupe` run already has.
 * @module
 */
import type { FellegiSunterModel } from '../../match/index.js';

/** The command a report describes. */
export type ReportCommand = 'clean' | 'link' | 'dedupe';

/** A file the run read or wrote. */
export interface ReportFile {
  readonly role: 'input' | 'left' | 'right' | 'output';
  readonly name: string;
  readonly rows: number;
}

/** The decision thresholds of a link or dedupe run, with the estimated error rates. */
export interface ReportThresholds {
  /** Match probability at or above which a pair is a match. */
  readonly match: number;
  /** Match probability at or above which (and below `match`) a pair goes to review. */
  readonly review: number;
  /** Estimated false discovery rate of the `match` decisions (0…1). */
  readonly estimatedFdr: number;
  /** Estimated false negative rate (0…1). */
  readonly estimatedFnr: number;
}

/** Candidate pairs of one blocking rule, and the blocks its cap left out. */
export interface ReportBlockingRule {
  readonly rule: string;
  readonly pairs: number;
  readonly capped?: readonly {
    readonly key: string;
    readonly rows: number;
    readonly action: string;
  }[];
}

/** One comparison's part of a candidate's match weight (one bar of the waterfall). */
export interface ReviewField {
  readonly comparison: string;
  readonly level: string;
  /** Bits, term-frequency adjustment included. */
  readonly weight: number;
}

/** A reference record competing for a review row. */
export interface ReviewCandidate {
  readonly rightId: string;
  readonly right: Readonly<Record<string, string>>;
  readonly probability: number;
  /** log2 Bayes factor with the prior included (as `LinkResult.matchWeight`). */
  readonly matchWeight: number;
  readonly fields: readonly ReviewField[];
  /**
   * The prior's bar of the waterfall in bits (default: the model's prior, else `matchWeight`
   * minus the fields).
   */
  readonly priorWeight?: number;
}

/** One row of the review queue with its candidates, best first. */
export interface ReviewCase {
  readonly leftId: string;
  readonly left: Readonly<Record<string, string>>;
  readonly candidates: readonly ReviewCandidate[];
}

/** Everything a report shows; only the first five fields are required. */
export interface ReportInput {
  readonly command: ReportCommand;
  /** ISO timestamp of the run. */
  readonly generatedAt: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly files: readonly ReportFile[];
  /** Rows per outcome (link: match/review/no_match/invalid; dedupe: clusters …; clean: rows …). */
  readonly counts: Readonly<Record<string, number>>;
  /** `clean`: rows per issue code. */
  readonly issueCounts?: Readonly<Record<string, number>>;
  readonly thresholds?: ReportThresholds;
  /** Seconds per phase, in run order. */
  readonly timings: Readonly<Record<string, number>>;
  readonly warnings: readonly string[];
  /** The trained model (m and u per comparison level). */
  readonly model?: FellegiSunterModel;
  /** Match weight of each scored row's best pair (−Infinity: no candidate). Binned, not embedded. */
  readonly weights?: readonly number[] | Float64Array;
  /**
   * The thresholds as match weights (default: log2 odds of `thresholds.match` / `.review`; the
   * match weight already includes the prior).
   */
  readonly thresholdWeights?: { readonly match: number; readonly review: number };
  readonly blocking?: readonly ReportBlockingRule[];
  readonly review?: readonly ReviewCase[];
}

/** Options of `renderReport`. */
export interface ReportOptions {
  /** Show personal data unmasked in the review queue (default false: masked). */
  readonly pii?: boolean;
  /** Title of the page (default `vn-reconcile <command>`). */
  readonly title?: string;
  /** Largest number of histogram bins (default 60). */
  readonly maxBins?: number;
}
