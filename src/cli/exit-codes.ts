/** Exit codes of the `vn-reconcile` command (DESIGN.md §5). */
export const EXIT_OK = 0;
/** Bad input file or arguments. */
export const EXIT_BAD_INPUT = 1;
/** Internal error (a bug in vn-reconcile). */
export const EXIT_INTERNAL = 2;
/** Stopped by a signal (the process exits 128 + the signal's number). */
export const EXIT_INTERRUPTED = 130;
