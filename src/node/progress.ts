/**
 * Progress events of the Node engine's runs. The engine reports; a caller draws (the CLI's bar is
 * one such caller). Events come at most every 100 ms per phase, plus the first and last of each.
 */

/** The phases of a run, in the order they happen. */
export type RunPhase =
  | 'read'
  | 'clean'
  | 'reference'
  | 'load'
  | 'train'
  | 'link'
  | 'dedupe'
  | 'write';

/** One progress event. */
export interface ProgressEvent {
  readonly phase: RunPhase;
  /** Rows done in this phase. */
  readonly rowsDone: number;
  /** Rows in this phase, when known. */
  readonly total?: number;
  /** Rows per second in this phase so far. */
  readonly rate: number;
  /** Seconds since the phase started. */
  readonly seconds: number;
}

/** A progress callback. */
export type ProgressListener = (event: ProgressEvent) => void;

/**
 * A throttled reporter: `report(phase, rowsDone, total, final?)` calls `listener` at most every
 * 100 ms per phase, and always for a phase's first event and for `final` ones. A listener that
 * throws does not stop the run.
 *
 * @example
 * ```ts
 * const report = progressReporter((e) => console.log(e.phase, e.rowsDone));
 * report('link', 4096, 1_000_000);
 * ```
 */
export function progressReporter(
  listener: ProgressListener | undefined,
): (phase: RunPhase, rowsDone: number, total: number | undefined, final?: boolean) => void {
  if (listener === undefined) return () => undefined;
  let current: RunPhase | undefined;
  let started = 0;
  let last = 0;
  return (phase, rowsDone, total, final = false) => {
    const now = performance.now();
    const first = phase !== current;
    if (first) {
      current = phase;
      started = now;
    } else if (!final && now - last < 100) return;
    last = now;
    const seconds = (now - started) / 1000;
    const event: ProgressEvent = {
      phase,
      rowsDone,
      ...(total === undefined ? {} : { total }),
      rate: seconds > 0 ? rowsDone / seconds : 0,
      seconds,
    };
    try {
      listener(event);
    } catch {
      // A drawing error must not fail the run.
    }
  };
}
