import { type Execution, type ExecutionActivity, isTerminalStatus } from "@agentdeck/core";
import { useEffect, useEffectEvent } from "react";
import { isAbort } from "../../common/errorMessage.ts";
import type { ViewContext } from "../../shell/viewStack.ts";
import type { MonitorState } from "./monitorView.tsx";
import { nextPollDelay, POLL_MIN_MS } from "./poll.ts";

/** How many of the newest activities the monitor keeps. */
export const FEED_LIMIT = 500;

/** Whether an execution will not change any more: finished, and its result (if it completed) arrived. */
export function isSettled(execution: Execution | undefined): boolean {
  if (execution === undefined || !isTerminalStatus(execution.status)) return false;
  return execution.status !== "completed" || execution.executionResult !== undefined;
}

/**
 * Polls one execution into the monitor's state: its status and activity feed, fast while they
 * change and ever slower while they do not; a failed poll is reported and tried again later.
 * Once the run has ended, the feed is read once more (until that read succeeds): the feed of the
 * last poll may have been read a moment before the run ended, and would miss its last steps.
 */
export function useExecutionWatch(context: ViewContext<MonitorState>): void {
  const { executionId, pokes } = context.state;
  const { client } = context.session;
  const set = useEffectEvent((change: (state: MonitorState) => MonitorState) => context.set(change));
  const ok = useEffectEvent(() => context.report.ok());
  const failed = useEffectEvent((error: unknown) => context.report.failed(error, "refresh the execution"));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MIN_MS;
    let seen = "";
    let ended = false;
    const feed = () =>
      client.executions.activities(executionId, { order: "desc", limit: FEED_LIMIT }, { signal });
    const showFeed = (activities: readonly ExecutionActivity[]) => {
      const oldestFirst = activities.toReversed();
      set((s) => ({ ...s, activities: oldestFirst }));
    };
    const poll = async () => {
      try {
        if (ended) {
          const final = await feed();
          if (signal.aborted) return;
          showFeed(final);
          set((s) => ({ ...s, settled: true }));
          ok();
          return;
        }
        const [next, activities] = await Promise.all([
          client.executions.get(executionId, { signal }),
          feed(),
        ]);
        if (signal.aborted) return;
        const fingerprint = `${next.status}|${next.executionResult?.id ?? ""}|${activities.length}|${activities[0]?.id ?? ""}`;
        const changed = fingerprint !== seen;
        seen = fingerprint;
        if (changed) showFeed(activities);
        set((s) => ({ ...s, execution: next }));
        ok();
        ended = isSettled(next);
        delay = ended ? 0 : nextPollDelay(delay, changed);
      } catch (error) {
        if (signal.aborted || isAbort(error)) return;
        failed(error);
        delay = nextPollDelay(Math.max(delay, POLL_MIN_MS), false);
      }
      set((s) => (s.delayMs === delay ? s : { ...s, delayMs: delay }));
      timer = setTimeout(() => void poll(), delay);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [client, executionId, pokes]);
}
