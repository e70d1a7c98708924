import { WaitForResultOptions } from "./call-options.ts";
import { startDeadline } from "./deadline.ts";
import { type AgentdeckError, ApiError, TimeoutError } from "./errors.ts";
import { type Execution, isTerminalStatus } from "./models/execution.ts";
import { isRetryableFailure } from "./retry.ts";
import { sleep } from "./sleep.ts";
import { parseRequest } from "./validate.ts";

/** Poll interval when the caller gives none: often enough for a UI, rare enough for rate limits. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

/** The longest wait between polls while they keep failing. */
export const MAX_POLL_BACKOFF_MS = 30_000;

// A completed execution's result is written a moment after its status: returning before it
// arrives would hand the caller a "completed" run with nothing in it.
function isFinished(execution: Execution): boolean {
  if (!isTerminalStatus(execution.status)) return false;
  return execution.status !== "completed" || execution.executionResult !== undefined;
}

// A poll that ran out of its own time is as passing as one that found no server: the run goes on.
function isPassingFailure(error: unknown): error is AgentdeckError {
  return isRetryableFailure(error) || error instanceof TimeoutError;
}

/**
 * The wait after the `failures`-th failed poll in a row: what `Retry-After` asked for, or else the
 * poll interval doubled per failure, with full jitter above the interval, up to `MAX_POLL_BACKOFF_MS`.
 */
export function pollBackoff(
  error: AgentdeckError,
  failures: number,
  pollIntervalMs: number,
  random: () => number = Math.random,
): number {
  if (error instanceof ApiError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(MAX_POLL_BACKOFF_MS, pollIntervalMs * 2 ** failures);
  return Math.max(pollIntervalMs, Math.floor(random() * ceiling));
}

/**
 * Polls `get` until the execution reaches a terminal status (and, when completed, has its result),
 * calling `onUpdate` on every status change. A poll that fails with no connection, 408, 429, 5xx or
 * its own timeout is reported to `onError` and tried again after a backoff (honouring `Retry-After`):
 * the execution goes on whether or not we can see it. Rejects with AbortError on `signal`,
 * TimeoutError after `timeoutMs`, or the error of a poll that no retry can cure (404, 401, …).
 */
export async function waitForResult(
  executionId: string,
  get: (signal: AbortSignal) => Promise<Execution>,
  options: WaitForResultOptions = {},
): Promise<Execution> {
  const {
    signal,
    timeoutMs,
    onUpdate,
    onError,
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  } = parseRequest(WaitForResultOptions, options, "waitForResult options");
  const deadline = startDeadline(signal, timeoutMs);
  let lastStatus: string | undefined;
  let failures = 0;
  // As for any call: a stop while a poll is on its way leaves that request's fate unknown.
  let polling = false;
  const stopped = () =>
    deadline.error(`Waiting for execution ${executionId} (last status: ${lastStatus ?? "none yet"})`, {
      mayHaveActed: polling,
    });
  try {
    for (;;) {
      let wait = pollIntervalMs;
      try {
        polling = true;
        const execution = await get(deadline.signal);
        polling = false;
        failures = 0;
        if (execution.status !== lastStatus) {
          lastStatus = execution.status;
          onUpdate?.(execution);
        }
        if (isFinished(execution)) return execution;
      } catch (error) {
        if (deadline.signal.aborted) throw stopped();
        polling = false;
        if (!isPassingFailure(error)) throw error;
        failures++;
        wait = pollBackoff(error, failures, pollIntervalMs);
        onError?.(error, { failures, retryInMs: wait });
      }
      try {
        await sleep(wait, deadline.signal);
      } catch {
        throw stopped();
      }
    }
  } finally {
    deadline.dispose();
  }
}
