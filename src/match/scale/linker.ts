import { VnReconcileError } from '../../errors.js';
import { type BlockingCounts, countCandidates } from '../blocking.js';
import type { ThresholdChoice } from '../decide.js';
import {
  chooseThresholdsFor,
  type LinkResult,
  type MatchOptions,
  resolveManyToOne,
  reviewCapped,
  scoreChunk,
} from '../link.js';
import {
  type FellegiSunterModel,
  modelMismatch,
  type Thresholds,
  weightToProbability,
} from '../model.js';
import { type CompiledRules, compileRules } from '../rules.js';
import { createScorer, type Scorer } from '../scorer.js';
import type { LinkageSpec, PreparedSide } from '../spec.js';
import { trainModel } from '../train.js';
import {
  type ColumnarReference,
  chunkBlockIndex,
  referenceMismatch,
  referenceSide,
  resolveBlocks,
} from './reference.js';

/** Everything fixed before the left records stream through: model, thresholds, scorer, rules. */
export interface ScaleLinker<R> {
  readonly spec: LinkageSpec<R>;
  readonly reference: ColumnarReference;
  readonly model: FellegiSunterModel;
  readonly thresholds: Thresholds;
  readonly scorer: Scorer<R>;
  readonly rules: CompiledRules;
  readonly options: MatchOptions;
}

/** What {@link trainOnSample} learned and how. */
export interface SampleTraining {
  /** The model, with the chosen thresholds saved in it. */
  readonly model: FellegiSunterModel;
  /** Thresholds with the error rates the model estimates for them on the sample. */
  readonly thresholds: ThresholdChoice;
  /** Left records in the sample. */
  readonly sampleSize: number;
  /** Candidate pairs of the sample (all rules), counted before scoring. */
  readonly blocking: BlockingCounts;
  /** Candidate pairs scored to choose the thresholds. */
  readonly pairsScored: number;
}

const TOP = 4;

/**
 * Prepares a linker for streaming: the model (trained elsewhere, e.g. by {@link trainOnSample}
 * or loaded with `parseModel`) and fixed thresholds. Every chunk is then scored and decided
 * on its own, so results do not depend on chunking, order or the number of threads. A model
 * trained for other comparisons, or a reference prepared by another spec, throws a
 * `VnReconcileError` with code `MODEL_MISMATCH`.
 *
 * @example
 * ```ts
 * const linker = createScaleLinker(ref, model, { match: 0.99, review: 0.2 }, spec);
 * const { results } = linkChunk(linker, prepareSide(rows, spec));
 * ```
 */
export function createScaleLinker<R>(
  reference: ColumnarReference,
  model: FellegiSunterModel,
  thresholds: Thresholds,
  spec: LinkageSpec<R>,
  options: MatchOptions = {},
): ScaleLinker<R> {
  const mismatch = modelMismatch(model, spec) ?? referenceMismatch(spec, reference);
  if (mismatch) throw new VnReconcileError('MODEL_MISMATCH', mismatch);
  return {
    spec,
    reference,
    model,
    thresholds,
    scorer: createScorer(model, referenceSide(reference), spec, options),
    rules: compileRules(options.rules ?? [], spec),
    options,
  };
}

/**
 * EM on a sample of the left side, as fastLink and Splink do: u from random pairs, m and λ by
 * EM on the sample's candidate pairs against the whole reference, then thresholds chosen from
 * the model's estimated false-discovery rate over the sample's best candidates (unless
 * `options.thresholds` or the model's saved thresholds fix them). The full data is only scored.
 *
 * @example
 * ```ts
 * const t = trainOnSample(ref, prepareSide(sampleRows, spec), spec);
 * t.thresholds.match; t.thresholds.estimatedFdr;
 * ```
 */
export function trainOnSample<R>(
  reference: ColumnarReference,
  sample: PreparedSide,
  spec: LinkageSpec<R>,
  options: MatchOptions = {},
): SampleTraining {
  const right = referenceSide(reference);
  const index = chunkBlockIndex(reference, sample, spec);
  const blocking = countCandidates(index, sample, spec);
  const trained = options.model ?? trainModel(sample, right, index, spec, options);
  const scorer = createScorer(trained, right, spec, options);
  const rules = compileRules(options.rules ?? [], spec);
  const chunk = scoreChunk(scorer, sample, right, index, rules, { settle: true });
  const bestP = new Float64Array(sample.size);
  for (let i = 0; i < sample.size; i++) bestP[i] = weightToProbability(chunk.weight[i * TOP]!);
  const thresholds = chooseThresholdsFor(bestP, options.thresholds ?? trained.thresholds, options);
  return {
    model: { ...trained, thresholds: { match: thresholds.match, review: thresholds.review } },
    thresholds,
    sampleSize: sample.size,
    blocking,
    pairsScored: chunk.pairs,
  };
}

/** The outcome of one chunk: one result per left record of the chunk, in order. */
export interface ChunkLink {
  readonly results: readonly LinkResult[];
  /** Candidate pairs compared. */
  readonly pairs: number;
  /** Of those, pairs of records a match rule had settled, compared on the gate only. */
  readonly settled: number;
  /** Per blocking rule, left records whose block was over the rule's cap (left out). */
  readonly cappedByRule: readonly number[];
  /** Left records that lost candidates to a cap and went to review instead of no_match. */
  readonly cappedToReview: number;
}

/**
 * Scores one chunk of left records (prepared with the linker's spec) against the reference and
 * decides each record many-to-one, exactly as the engine's `linkPrepared` does with the same
 * model and thresholds (`left` indexes in the results are chunk-relative).
 *
 * @example
 * ```ts
 * const { results, pairs } = linkChunk(linker, prepareSide(rows, spec));
 * ```
 */
export function linkChunk<R>(linker: ScaleLinker<R>, left: PreparedSide): ChunkLink {
  const index = resolveBlocks(linker.reference, left, linker.spec);
  const right = referenceSide(linker.reference);
  const chunk = scoreChunk(linker.scorer, left, right, index, linker.rules, { settle: true });
  const { results, sent } = reviewCapped(
    resolveManyToOne(
      chunk,
      left.size,
      linker.thresholds,
      linker.rules,
      linker.options.ambiguityBits ?? 3,
    ),
    index.capped,
  );
  return {
    results,
    pairs: chunk.pairs,
    settled: chunk.settled,
    cappedByRule: index.resolved.map((r) => r.cappedRows ?? 0),
    cappedToReview: sent,
  };
}
