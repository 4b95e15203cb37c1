import { describe, expect, it } from 'vitest';
import {
  createScaleLinker,
  exactComparison,
  type FellegiSunterModel,
  type LinkageSpec,
  prepareSide,
  toColumnarReference,
  VnReconcileError,
} from '../../../src/index.js';

type R = { readonly name: string };

describe('createScaleLinker', () => {
  it('refuses a model trained for other comparisons with a VnReconcileError (MODEL_MISMATCH)', () => {
    const spec: LinkageSpec<R> = {
      comparisons: [exactComparison<R>({ name: 'name', get: (r) => r.name })],
      blocking: [],
    };
    const ref = toColumnarReference(prepareSide([{ name: 'Lan' }], spec));
    const model: FellegiSunterModel = {
      format: 'vn-reconcile/fellegi-sunter',
      version: 1,
      prior: 0.01,
      comparisons: [
        {
          name: 'dob',
          levels: [
            { label: 'exact', m: 0.9, u: 0.01 },
            { label: 'else', m: 0.1, u: 0.99 },
          ],
        },
      ],
    };
    let thrown: unknown;
    try {
      createScaleLinker(ref, model, { match: 0.99, review: 0.5 }, spec);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(VnReconcileError);
    expect((thrown as VnReconcileError).code).toBe('MODEL_MISMATCH');
  });
});
