import { WaitForResultOptions } from "./call-options.ts";
import { startDeadline } from "./deadline.ts";
import { type Execution, isTerminalStatus } from "./models/execution.ts";
import { sleep } from "./sleep.ts";
import { parseRequest } from "./validate.ts";

/** Poll interval when the caller gives none: often enough for a UI, rare enough for rate limits. */
export const DEFAULT_POLL_INTERVAL_MS = 2_000;

// A completed execution's result is written a moment after its status: returning before it
// arrives would hand the caller a "completed" run with nothing in it.
function isFinished(execution: Execution): boolean {
  if (!isTerminalStatus(execution.status)) return false;
  return execution.status !== "completed" || execution.executionResult !== undefined;
}

/**
 * Polls `get` until the execution reaches a terminal status (and, when completed, has its result),
 * calling `onUpdate` on every status change. Rejects with AbortError on `signal`, TimeoutError after `timeoutMs`.
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
    pollIntervalMs = DEFAULT_POLL_INTERVAL_MS,
  } = parseRequest(WaitForResultOptions, options, "waitForResult options");
  const deadline = startDeadline(signal, timeoutMs);
  let lastStatus: string | undefined;
  const stopped = () =>
    deadline.error(`Waiting for execution ${executionId} (last status: ${lastStatus ?? "none yet"})`);
  try {
    for (;;) {
      let execution: Execution;
      try {
        execution = await get(deadline.signal);
      } catch (error) {
        throw deadline.signal.aborted ? stopped() : error;
      }
      if (execution.status !== lastStatus) {
        lastStatus = execution.status;
        onUpdate?.(execution);
      }
      if (isFinished(execution)) return execution;
      try {
        await sleep(pollIntervalMs, deadline.signal);
      } catch {
        throw stopped();
      }
    }
  } finally {
    deadline.dispose();
  }
}
