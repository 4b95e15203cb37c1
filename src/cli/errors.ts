/** Exit codes of the `vn-reconcile` command (DESIGN.md §5). */
export const EXIT_OK = 0;
/** Bad input file or arguments. */
export const EXIT_BAD_INPUT = 1;
/** Internal error (a bug in vn-reconcile). */
export const EXIT_INTERNAL = 2;

/**
 * An error caused by the user's input (file, row, column or argument): exits with code 1 and
 * prints only `message`, which names the file, row and column where they are known.
 */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}
