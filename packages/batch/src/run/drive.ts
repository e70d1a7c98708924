import { BadRequestError, type Client, type Execution } from "@agentdeck/core";
import type { Journal, JournalRow, RowFailure } from "../journal/journal.ts";
import { executionMetadata } from "./batch-metadata.ts";
import { classifyExecuteError } from "./execute-outcome.ts";
import { ExecutionWatcher, WatchStopped } from "./execution-watcher.ts";
import { findRowExecution } from "./find-row-execution.ts";
import { type BatchProgress, ProgressMeter } from "./progress.ts";
import { SharedBackoff } from "./shared-backoff.ts";

/** Test-only points in a row's send, each told how many executes this process has sent (1-based). */
export type BatchHooks = {
  /** The row is `submitting` on disk; its execute is about to be sent. */
  beforeExecute?: (n: number) => void;
  /** The execute has been handed to the client (it is on its way). */
  duringExecute?: (n: number) => void;
  /** The execute was answered with an execution id, which the journal does not have yet. */
  afterExecute?: (n: number) => void;
};

/** How a run ended before every row was done; undefined in BatchOutcome when it ran to the end. */
export type BatchStop =
  | { reason: "interrupted" }
  | { reason: "cancelled" }
  | { reason: "error"; error: unknown };

/** What `runBatch`, `resumeBatch` and `cancelBatch` return. */
export type BatchOutcome = {
  batchId: string;
  journal: string;
  progress: BatchProgress;
  stopped: BatchStop | undefined;
};

export type DriveOptions = {
  client: Client;
  journal: Journal;
  /** `run` sends pending rows; `cancel` sends none and cancels every execution still open. */
  mode: "run" | "cancel";
  concurrency: number;
  pollIntervalMs: number;
  settleMs: number;
  onProgress?: ((progress: BatchProgress) => void) | undefined;
  signal?: AbortSignal | undefined;
  hooks?: BatchHooks | undefined;
};

const HEARTBEAT_MS = 5_000;
/** How long answered executes wait to be written together. */
const SUBMITTED_WRITE_MS = 5;

/**
 * Runs a journal's rows to the end (or until stopped): at most `concurrency` rows in flight, each
 * written `submitting` before its execute and `submitted` after; rows another process left
 * `submitting` are looked up on the server by their metadata, and sent again only when it has none.
 */
export async function drive(options: DriveOptions): Promise<BatchOutcome> {
  const { client, journal, concurrency, settleMs, signal, hooks } = options;
  const { batch } = journal;
  const target =
    batch.poolId !== undefined ? { agentProfilePoolId: batch.poolId } : { agentProfileId: batch.profileId };
  const rateLimit = new SharedBackoff({ baseMs: 1_000, capMs: 60_000 });
  const noFreeProfile = new SharedBackoff({ baseMs: 500, capMs: 30_000 });
  const meter = new ProgressMeter(journal);
  let waiting: BatchProgress["waiting"];
  let stop: BatchStop | undefined;
  let cancelling = options.mode === "cancel";
  let sent = 0;
  let inFlight = 0;
  let wake: (() => void) | undefined;
  const nudge = () => wake?.();
  /** The journal row of each execution being watched. */
  const seqOf = new Map<string, number>();
  const submitted = new SubmittedWrites(journal);

  const report = (notice?: string) => {
    options.onProgress?.(meter.snapshot({ waiting, openStatuses: watcher.openStatuses, notice }));
  };
  const watcher = new ExecutionWatcher({
    client,
    batchId: batch.id,
    agentId: batch.agentId,
    intervalMs: options.pollIntervalMs,
    backoff: rateLimit,
    record: (finished: Execution[]) => {
      submitted.flush();
      const bySeq = finished.map((execution) => ({
        seq: seqOf.get(execution.id) as number,
        status: execution.status,
        result: execution.executionResult,
      }));
      journal.finishAll(bySeq.filter((row) => row.seq !== undefined));
      for (const execution of finished) seqOf.delete(execution.id);
      noFreeProfile.release();
      nudge();
      report();
    },
    notice: (text) => report(text),
  });
  const cancelExecution = async (executionId: string) => {
    try {
      await client.executions.cancel(executionId);
    } catch (error) {
      // A 400 here means it finished first: nothing left to cancel.
      if (!(error instanceof BadRequestError))
        report(`could not cancel ${executionId}: ${(error as Error).message}`);
    }
  };

  const follow = async (seq: number, executionId: string) => {
    seqOf.set(executionId, seq);
    if (cancelling) await cancelExecution(executionId);
    try {
      await watcher.watch(executionId);
    } catch (error) {
      if (!(error instanceof WatchStopped)) throw error;
    }
  };

  const hold = (
    backoff: SharedBackoff,
    reason: NonNullable<BatchProgress["waiting"]>["reason"],
    retryAfterMs?: number,
  ) => {
    const ms = backoff.hold(retryAfterMs);
    waiting = { reason, ms };
    return ms;
  };

  /** A row whose execute may or may not have started a run: ask the server, give it time, then decide. */
  const settle = async (row: JournalRow, giveTime: boolean): Promise<void> => {
    for (;;) {
      if (stop !== undefined) return;
      let found: Execution | undefined;
      try {
        const matches = await findRowExecution(client, batch, row.key);
        if (matches.length > 1)
          report(`row ${row.key} has ${matches.length} executions on the server; keeping the first`);
        found = matches[0];
      } catch (error) {
        if (classifyExecuteError(error).kind === "fatal") throw error;
        report(`could not look row ${row.key} up (${(error as Error).message}); trying again`);
        await sleep(Math.max(options.pollIntervalMs, rateLimit.remainingMs()), signal);
        continue;
      }
      if (found !== undefined) {
        journal.markSubmitted([{ seq: row.seq, executionId: found.id }]);
        return follow(row.seq, found.id);
      }
      const waitMs = giveTime ? (row.sendingSince ?? 0) + settleMs - Date.now() : 0;
      if (waitMs <= 0) {
        // The server has no execution for it: sending it again cannot run it twice.
        journal.release(row.seq);
        return;
      }
      await sleep(waitMs, signal);
    }
  };

  const send = async (row: JournalRow): Promise<void> => {
    const n = ++sent;
    hooks?.beforeExecute?.(n);
    let executionId: string;
    try {
      // No abort signal: an execute on its way is let finish, so its answer reaches the journal.
      const answer = client.agents.execute(batch.agentId, {
        ...target,
        inputs: row.inputs,
        metadata: executionMetadata(batch.id, row.key, row.metadata),
      });
      hooks?.duringExecute?.(n);
      ({ executionId } = await answer);
    } catch (error) {
      const failure = classifyExecuteError(error);
      switch (failure.kind) {
        case "rate-limited": {
          journal.release(row.seq);
          const ms = hold(rateLimit, "rate-limited", failure.retryAfterMs);
          return report(`rate limited; every row waits ${(ms / 1000).toFixed(1)} s`);
        }
        case "no-free-profile":
          journal.release(row.seq);
          hold(noFreeProfile, "no-free-profile");
          return report();
        case "unreachable": {
          journal.release(row.seq);
          const ms = hold(rateLimit, "unreachable");
          return report(
            `the API is unreachable (${(error as Error).message}); every row waits ${(ms / 1000).toFixed(1)} s`,
          );
        }
        case "refused":
          journal.fail(row.seq, failureOf(error));
          return report();
        case "fatal":
          journal.release(row.seq);
          throw error;
        case "unknown":
          report(
            `the execute of row ${row.key} went unanswered (${(error as Error).message}); looking it up before sending it again`,
          );
          return settle(row, failure.settle);
      }
    }
    hooks?.afterExecute?.(n);
    rateLimit.succeeded();
    noFreeProfile.succeeded();
    submitted.add(row.seq, executionId);
    report();
    return follow(row.seq, executionId);
  };

  const launch = (work: () => Promise<void>) => {
    inFlight++;
    work()
      .catch((error: unknown) => {
        stop ??= { reason: "error", error };
      })
      .finally(() => {
        inFlight--;
        nudge();
      });
  };

  const onAbort = () => {
    stop ??= { reason: "interrupted" };
    nudge();
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  journal.acquireLease();
  let heartbeatAt = Date.now();
  try {
    for (const row of journal.rowsIn("submitted")) launch(() => follow(row.seq, row.executionId as string));
    for (const row of journal.rowsIn("submitting")) launch(() => settle(row, true));
    for (;;) {
      if (signal?.aborted) stop ??= { reason: "interrupted" };
      if (!cancelling && journal.cancelRequested()) {
        cancelling = true;
        report("cancel requested: sending no more rows, cancelling what runs");
        for (const executionId of seqOf.keys()) void cancelExecution(executionId);
      }
      if (stop !== undefined && !watcher.stopped) watcher.stop();
      const heldMs = Math.max(rateLimit.remainingMs(), noFreeProfile.remainingMs());
      if (heldMs === 0) waiting = undefined;
      if (stop === undefined && !cancelling && heldMs === 0) {
        if (inFlight < concurrency) {
          for (const row of journal.claimPending(concurrency - inFlight)) launch(() => send(row));
        }
      }
      if (inFlight === 0 && (stop !== undefined || cancelling || journal.counts().pending === 0)) break;
      if (Date.now() - heartbeatAt >= HEARTBEAT_MS) {
        journal.heartbeat();
        heartbeatAt = Date.now();
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(
          resolve,
          heldMs > 0 ? Math.min(heldMs, options.pollIntervalMs) : options.pollIntervalMs,
        );
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  } finally {
    submitted.flush();
    watcher.stop();
    signal?.removeEventListener("abort", onAbort);
    journal.releaseLease();
  }
  if (stop === undefined && cancelling) stop = { reason: "cancelled" };
  const progress = meter.snapshot({ waiting: undefined, openStatuses: {}, notice: undefined });
  options.onProgress?.(progress);
  return { batchId: batch.id, journal: journal.path, progress, stopped: stop };
}

/**
 * Writes `submitted` for rows whose executes were answered, a few milliseconds' worth in one
 * transaction: one disk sync for many rows. A crash before the write leaves them `submitting`, which
 * resume settles by asking the server, so the delay never costs a row twice.
 */
class SubmittedWrites {
  readonly #journal: Journal;
  readonly #queue: { seq: number; executionId: string }[] = [];
  #timer: NodeJS.Timeout | undefined;

  constructor(journal: Journal) {
    this.#journal = journal;
  }

  add(seq: number, executionId: string): void {
    this.#queue.push({ seq, executionId });
    this.#timer ??= setTimeout(() => this.flush(), SUBMITTED_WRITE_MS);
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#journal.markSubmitted(this.#queue.splice(0));
  }
}

function failureOf(error: unknown): RowFailure {
  const { name, message } = error as Error;
  const status = (error as { status?: unknown }).status;
  return { name, message, ...(typeof status === "number" ? { status } : {}) };
}

/** Waits `ms`, or less when the signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
