/**
 * Saved models on disk: read and validated (a bad file is an input error naming the file, never
 * its content), written atomically.
 */
import {
  type FellegiSunterModel,
  type LinkageSpec,
  parseModel,
  type Thresholds,
  thresholdsFromFlags,
} from '../match/index.js';
import type { CleanRecord } from '../record/index.js';
import { inputError } from './errors.js';
import { readOptionFile } from './io/read-text.js';
import { openTarget } from './io/target.js';
import type { ModelOptions } from './options.js';

/**
 * Reads and validates a model saved with `saveModel` / `--save-model`.
 *
 * @example
 * ```ts
 * const model = await readModelFile('model.json', vietnameseSpec(), process.cwd());
 * ```
 */
export async function readModelFile(
  path: string,
  spec: LinkageSpec<CleanRecord>,
  cwd: string,
): Promise<FellegiSunterModel> {
  const text = await readOptionFile(path, cwd, `--model ${path}`, () => 'MODEL_INVALID');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw inputError(
      'MODEL_INVALID',
      `--model ${path}: not a saved model (the file is not JSON; give the file written by --save-model)`,
    );
  }
  const parsed = parseModel(json, spec);
  if (!parsed.success) {
    throw inputError(
      'MODEL_INVALID',
      `--model ${path}: not a model for these comparisons (${parsed.issues.map((i) => i.code).join(', ')})`,
    );
  }
  return parsed.data;
}

/**
 * Writes a model as JSON, atomically.
 *
 * @example
 * ```ts
 * await writeModelFile('model.json', model, process.cwd());
 * ```
 */
export async function writeModelFile(
  path: string,
  model: FellegiSunterModel,
  cwd: string,
): Promise<void> {
  const out = await openTarget(path, cwd);
  try {
    out.stream.write(`${JSON.stringify(model, null, 2)}\n`);
    await out.commit();
  } catch (e) {
    await out.abort();
    throw e;
  }
}

/**
 * The model and thresholds a run was given: the model itself, or read from the path of one saved
 * with `saveModel`; the thresholds from `matchThreshold` / `reviewThreshold` (undefined: chosen).
 *
 * @example
 * ```ts
 * const { model, thresholds } = await givenModel({ model: 'model.json' }, vietnameseSpec(), cwd);
 * ```
 */
export async function givenModel(
  options: ModelOptions,
  spec: LinkageSpec<CleanRecord>,
  cwd: string,
): Promise<{ model: FellegiSunterModel | undefined; thresholds: Thresholds | undefined }> {
  const model =
    typeof options.model === 'string'
      ? await readModelFile(options.model, spec, cwd)
      : options.model;
  return {
    model,
    thresholds: thresholdsFromFlags(options.matchThreshold, options.reviewThreshold, model),
  };
}
