/**
 * A small text file named by an option (a saved model, clerical decisions), read whole.
 */
import { readFile } from 'node:fs/promises';
import { type InputErrorCode, inputError } from '../errors.js';
import { absolutePath } from './target.js';

/**
 * Reads a UTF-8 text file named by an option; a file that cannot be read is an input error
 * `${label}: cannot read the file (no such file)` (or the system's code), with the error code
 * `codeFor` gives for the system's code.
 *
 * @example
 * ```ts
 * const text = await readOptionFile('model.json', process.cwd(), '--model model.json', () => 'MODEL_INVALID');
 * ```
 */
export async function readOptionFile(
  path: string,
  cwd: string,
  label: string,
  codeFor: (systemCode: unknown) => InputErrorCode,
): Promise<string> {
  try {
    return await readFile(absolutePath(cwd, path), 'utf8');
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    throw inputError(
      codeFor(code),
      `${label}: cannot read the file (${code === 'ENOENT' ? 'no such file' : String(code)})`,
    );
  }
}
