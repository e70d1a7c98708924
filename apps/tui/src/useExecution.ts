import type { Client } from "@agentdeck/core";
import { type Execution, type ExecutionActivity, isTerminalStatus } from "@agentdeck/core";
import { useCallback, useEffect, useEffectEvent, useState } from "react";
import { isAbort } from "./errorMessage.ts";
import { nextPollDelay, POLL_MIN_MS } from "./poll.ts";

/** How many of the newest activities the monitor keeps. */
export const FEED_LIMIT = 500;

/** Whether an execution will not change any more: finished, and its result (if it completed) arrived. */
export function isSettled(execution: Execution | undefined): boolean {
  if (execution === undefined || !isTerminalStatus(execution.status)) return false;
  return execution.status !== "completed" || execution.executionResult !== undefined;
}

/**
 * Watches one execution: its status and activity feed, polled fast while they change and ever
 * slower while they do not, until it settles. `poke()` polls now and goes back to the fast pace.
 */
export function useExecution(
  client: Client,
  executionId: string,
  report: { ok: () => void; failed: (error: unknown) => void },
) {
  const [execution, setExecution] = useState<Execution>();
  const [activities, setActivities] = useState<readonly ExecutionActivity[]>([]);
  const [delayMs, setDelayMs] = useState(POLL_MIN_MS);
  const [pokes, setPokes] = useState(0);
  const ok = useEffectEvent(() => report.ok());
  const failed = useEffectEvent((error: unknown) => report.failed(error));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MIN_MS;
    let seen = "";
    const poll = async () => {
      try {
        const [next, feed] = await Promise.all([
          client.executions.get(executionId, { signal }),
          client.executions.activities(executionId, { order: "desc", limit: FEED_LIMIT }, { signal }),
        ]);
        if (signal.aborted) return;
        const fingerprint = `${next.status}|${feed.length}|${feed[0]?.id ?? ""}|${next.executionResult?.id ?? ""}`;
        const changed = fingerprint !== seen;
        seen = fingerprint;
        setExecution(next);
        if (changed) setActivities(feed.toReversed());
        ok();
        if (isSettled(next)) return;
        delay = nextPollDelay(delay, changed);
      } catch (error) {
        if (signal.aborted || isAbort(error)) return;
        failed(error);
        delay = nextPollDelay(delay, false);
      }
      setDelayMs(delay);
      timer = setTimeout(() => void poll(), delay);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [client, executionId, pokes]);

  const poke = useCallback(() => setPokes((n) => n + 1), []);
  return { execution, activities, delayMs, poke };
}
