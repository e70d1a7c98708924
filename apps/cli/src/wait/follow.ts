import type { Client, ExecutionActivity } from "@agentdeck/core";

/** Waits `ms`, or until `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });
}

/**
 * Prints an execution's activities as they arrive: polls the feed every `intervalMs`, and passes each
 * activity not seen before to `print`, oldest first. `flush` fetches once more, for what arrived
 * just before the end. A failed poll is reported through `onError` and the next poll goes on.
 */
export class ActivityFollower {
  private readonly seen = new Set<string>();
  private readonly stopped = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly client: Client,
    private readonly executionId: string,
    private readonly print: (activity: ExecutionActivity) => Promise<void>,
    private readonly onError: (error: unknown) => Promise<void>,
  ) {}

  /** Starts polling until `stop`, or until `signal` aborts. */
  start(intervalMs: number, signal: AbortSignal): void {
    const both = AbortSignal.any([signal, this.stopped.signal]);
    this.loop = (async () => {
      while (!both.aborted) {
        await this.poll(both);
        await pause(intervalMs, both);
      }
    })();
  }

  private async poll(signal: AbortSignal): Promise<void> {
    let activities: ExecutionActivity[];
    try {
      activities = await this.client.executions.activities(this.executionId, { order: "asc" }, { signal });
    } catch (error) {
      if (!signal.aborted) await this.onError(error);
      return;
    }
    const fresh = activities
      .filter((activity) => !this.seen.has(activity.id))
      .sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    for (const activity of fresh) {
      this.seen.add(activity.id);
      await this.print(activity);
    }
  }

  /** Stops polling, then fetches once more so the last activities are printed too. */
  async flush(signal: AbortSignal): Promise<void> {
    this.stopped.abort();
    await this.loop;
    if (!signal.aborted) await this.poll(signal);
  }
}
