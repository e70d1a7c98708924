import type { ExecutionActivity } from "@agentdeck/core";
import { useEffect, useEffectEvent } from "react";
import { briefError, isAbort } from "../../common/errorMessage.ts";
import type { ViewContext } from "../../shell/viewStack.ts";
import type { MonitorState, WatchTrouble } from "./monitorView.tsx";
import { nextPollDelay, POLL_MIN_MS } from "./poll.ts";

/** How many of the newest activities the monitor keeps. */
export const FEED_LIMIT = 500;

/** How often core's `waitForResult` asks for the execution's status while the monitor is open. */
export const STATUS_POLL_MS = 1000;

/**
 * Watches one execution into the monitor's state. Its status comes from core's `waitForResult`,
 * which goes on through failed polls (each shown in the status line, with when the next goes out)
 * and ends only at a final status with its result, or on an error no retry cures. Its activity feed
 * is polled beside it, fast while it changes and ever slower while it does not. Once the run has
 * ended, the feed is read once more, until that read succeeds: the feed of the last poll may have
 * been read a moment before the run ended, and would miss its last steps (issue 12, bug 5).
 */
export function useExecutionWatch(context: ViewContext<MonitorState>): void {
  const { executionId, pokes } = context.state;
  const { client } = context.session;
  const set = useEffectEvent((change: (state: MonitorState) => MonitorState) => context.set(change));
  const ok = useEffectEvent(() => context.report.ok());
  const troubled = useEffectEvent((error: unknown) => context.report.failedInPlace(error));
  const stop = useEffectEvent((error: unknown) => context.report.failed(error, "watch the execution"));

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let reading = false;
    let ended = false;
    let delay = POLL_MIN_MS;
    let failures = 0;
    let seen = "";
    const showTrouble = (error: unknown, trouble: WatchTrouble) => {
      troubled(error);
      set((s) => ({ ...s, trouble }));
    };
    /** A check succeeded: a failure shown is over once the check it announced has gone out. */
    const fine = () => {
      ok();
      set((s) =>
        s.trouble !== undefined && Date.now() >= s.trouble.retryAt ? { ...s, trouble: undefined } : s,
      );
    };
    const readFeed = () =>
      client.executions.activities(executionId, { order: "desc", limit: FEED_LIMIT }, { signal });
    const showFeed = (activities: readonly ExecutionActivity[]) => {
      const fingerprint = `${activities.length}|${activities[0]?.id ?? ""}`;
      const changed = fingerprint !== seen;
      seen = fingerprint;
      if (changed) set((s) => ({ ...s, activities: activities.toReversed() }));
      return changed;
    };
    /** Polls the feed until the run has ended; then reads it once more, until that read succeeds. */
    const pollFeed = async () => {
      const final = ended;
      reading = true;
      try {
        const changed = showFeed(await readFeed());
        reading = false;
        if (signal.aborted) return;
        failures = 0;
        fine();
        if (final) {
          set((s) => ({ ...s, settled: true, trouble: undefined }));
          return;
        }
        delay = nextPollDelay(delay, changed);
      } catch (error) {
        reading = false;
        if (signal.aborted || isAbort(error)) return;
        failures++;
        delay = nextPollDelay(Math.max(delay, POLL_MIN_MS), false);
        showTrouble(error, { reason: briefError(error), failures, retryAt: Date.now() + delay });
      }
      // The run ended while this poll was out: the final read goes now.
      if (ended && !final) delay = 0;
      timer = setTimeout(() => void pollFeed(), delay);
    };
    client.executions
      .waitForResult(executionId, {
        signal,
        pollIntervalMs: STATUS_POLL_MS,
        onUpdate: (execution) => {
          set((s) => ({ ...s, execution }));
          fine();
        },
        onError: (error, retry) =>
          showTrouble(error, {
            reason: briefError(error),
            failures: retry.failures,
            retryAt: Date.now() + retry.retryInMs,
          }),
      })
      .then(
        (execution) => {
          if (signal.aborted) return;
          set((s) => ({ ...s, execution }));
          ended = true;
          // The feed's next read is its final one: now, unless a read is out (it reads again after).
          if (!reading) {
            clearTimeout(timer);
            timer = setTimeout(() => void pollFeed(), 0);
          }
        },
        (error: unknown) => {
          if (signal.aborted || isAbort(error)) return;
          clearTimeout(timer);
          controller.abort();
          stop(error);
          set((s) => ({ ...s, trouble: undefined, stopped: briefError(error) }));
        },
      );
    set((s) => (s.stopped === undefined ? s : { ...s, stopped: undefined }));
    void pollFeed();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [client, executionId, pokes]);
}
