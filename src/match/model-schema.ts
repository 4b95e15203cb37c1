/**
 * The zod schema of a saved model and {@link parseModel}, in a module of their own: the code that
 * scores with a model (./model.ts) does not load zod, so neither does a link worker (zod's module
 * graph is about 90 ms of CPU per thread to load).
 */
import { z } from 'zod';
import { isNonEmpty, type Result } from '../result.js';
import { type FellegiSunterModel, modelMismatch } from './model.js';
import type { LinkageSpec } from './spec.js';

/* @__NO_SIDE_EFFECTS__ */
function buildModelSchema() {
  const probability = z.number().min(0).max(1);
  return z.object({
    format: z.literal('vn-reconcile/fellegi-sunter'),
    version: z.literal(1),
    prior: z.number().gt(0).lt(1),
    comparisons: z
      .array(
        z.object({
          name: z.string().min(1),
          levels: z
            .array(z.object({ label: z.string().min(1), m: probability, u: probability }))
            .min(1),
        }),
      )
      .min(1),
    thresholds: z
      .object({ match: probability, review: probability })
      .refine((t) => t.review <= t.match, 'review threshold must not exceed match threshold')
      .optional(),
    training: z
      .object({
        randomPairs: z.number(),
        candidatePairs: z.number(),
        patterns: z.number(),
        rounds: z.array(
          z.object({
            rule: z.string(),
            pairs: z.number(),
            iterations: z.number(),
            converged: z.boolean(),
          }),
        ),
        candidateMatchShare: z.number(),
      })
      .optional(),
  });
}

let builtModelSchema: ReturnType<typeof buildModelSchema> | undefined;
/** The model schema, built on first use. */
const lazyModelSchema = () => (builtModelSchema ??= buildModelSchema());

/**
 * The zod schema of a saved model (built when first used: a bundler drops it, and zod with it,
 * from apps that never load a model).
 *
 * @example
 * ```ts
 * modelSchema.safeParse(JSON.parse(text)).success; // true for a model saved by vn-reconcile
 * ```
 */
export const modelSchema = /* @__PURE__ */ lazyModelSchema();

/** Codes of {@link parseModel} failures. */
export type ModelIssueCode = 'MODEL_INVALID' | 'MODEL_MISMATCH';

/**
 * Validates a model read from JSON (zod), and when `spec` is given checks that it has the same
 * comparisons and level labels in the same order.
 *
 * @example
 * ```ts
 * const r = parseModel(JSON.parse(text), spec);
 * if (r.success) linkWithSpec(left, right, spec, { model: r.data });
 * ```
 */
export function parseModel<R>(
  input: unknown,
  spec?: LinkageSpec<R>,
): Result<FellegiSunterModel, ModelIssueCode> {
  const parsed = lazyModelSchema().safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      code: 'MODEL_INVALID' as const,
      message: `Invalid model: ${i.message}`,
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    }));
    const invalid = { code: 'MODEL_INVALID' as const, message: 'Invalid model' };
    return { success: false, issues: isNonEmpty(issues) ? issues : [invalid] };
  }
  const model = parsed.data as FellegiSunterModel;
  if (spec) {
    const mismatch = modelMismatch(model, spec);
    if (mismatch)
      return { success: false, issues: [{ code: 'MODEL_MISMATCH', message: mismatch }] };
  }
  return { success: true, data: model };
}
