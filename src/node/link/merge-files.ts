/**
 * Merging the outputs of `linkFiles` shards into the single-machine output, atomically.
 */
import { abortError, throwIfAborted } from '../errors.js';
import { absolutePath, checkOutputs, type OutputTarget, openOutput } from '../io/target.js';
import { mergeShardOutputs } from './merge.js';

/**
 * Merges shard outputs (each with its leading `left_row` column) into one output in LEFT order,
 * byte for byte what one machine writes. Resolves to the number of rows.
 *
 * @example
 * ```ts
 * await mergeShardFiles(['links.1.csv', 'links.2.csv'], { out: 'links.csv' });
 * ```
 */
export async function mergeShardFiles(
  files: readonly string[],
  options: { readonly out: OutputTarget; readonly cwd?: string; readonly signal?: AbortSignal },
): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  throwIfAborted(options.signal);
  checkOutputs(
    files.map((f) => ({ label: f, path: f })),
    [{ label: '--out', path: typeof options.out === 'string' ? options.out : undefined }],
    cwd,
  );
  const out = await openOutput(options.out, cwd);
  try {
    const rows = await mergeShardOutputs(
      files.map((f) => absolutePath(cwd, f)),
      out.stream,
    );
    throwIfAborted(options.signal);
    await out.commit();
    return rows;
  } catch (e) {
    await out.abort();
    if (options.signal?.aborted) throw abortError(options.signal);
    throw out.explain(e);
  }
}
