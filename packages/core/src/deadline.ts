import { AbortError, TimeoutError } from "./errors.ts";

/** The signal one call runs under: the caller's signal and the call's own `timeoutMs`, whichever fires first. */
export type Deadline = {
  signal: AbortSignal;
  /** Time left before `timeoutMs` runs out; Infinity without one. */
  remainingMs(): number;
  /**
   * The error to throw now that `signal` has aborted: AbortError (caller) or TimeoutError (deadline).
   * `mayHaveActed` says whether a request had gone out; `advice` how to find out what it did.
   */
  error(
    what: string,
    fate: { mayHaveActed: boolean; advice?: string | undefined },
  ): AbortError | TimeoutError;
  /** Clears the timer; call when the call settles. */
  dispose(): void;
};

/** Starts the clock for one call. Without `timeoutMs` only the caller's signal can stop it. */
export function startDeadline(
  callerSignal: AbortSignal | undefined,
  timeoutMs: number | undefined,
): Deadline {
  const timer = new AbortController();
  const started = Date.now();
  const handle = timeoutMs === undefined ? undefined : setTimeout(() => timer.abort(), timeoutMs);
  const signal = callerSignal ? AbortSignal.any([callerSignal, timer.signal]) : timer.signal;
  return {
    signal,
    remainingMs: () =>
      timeoutMs === undefined ? Number.POSITIVE_INFINITY : timeoutMs - (Date.now() - started),
    error(what, fate) {
      const { mayHaveActed } = fate;
      const advice = mayHaveActed && fate.advice ? ` ${fate.advice}` : "";
      if (callerSignal?.aborted) {
        return new AbortError(`${what} was aborted by its signal.${advice}`, {
          cause: callerSignal.reason,
          mayHaveActed,
        });
      }
      return new TimeoutError(
        `${what} did not finish within ${timeoutMs} ms. Raise timeoutMs, or check that the server is reachable.${advice}`,
        timeoutMs ?? 0,
        { mayHaveActed },
      );
    },
    dispose: () => clearTimeout(handle),
  };
}
