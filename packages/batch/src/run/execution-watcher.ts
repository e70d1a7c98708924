import {
  type Client,
  EXECUTION_STATUSES,
  type Execution,
  isTerminalStatus,
  RateLimitError,
  TERMINAL_STATUSES,
} from "@agentdeck/core";
import { BATCH_METADATA_KEY } from "./batch-metadata.ts";
import { isFatal } from "./execute-outcome.ts";
import type { SharedBackoff } from "./shared-backoff.ts";

/** The statuses an execution can still leave: what one list a tick asks for. */
export const OPEN_STATUSES = EXECUTION_STATUSES.filter((status) => !isTerminalStatus(status));

/** A finished execution is final once it has its result (a completed one gets it a moment after its status). */
export function isFinal(execution: Execution): boolean {
  return (
    isTerminalStatus(execution.status) &&
    (execution.status !== "completed" || execution.executionResult !== undefined)
  );
}

/** Thrown to a watcher's callers when the batch stops watching (interrupted, or the batch stopped). */
export class WatchStopped extends Error {
  override name = "WatchStopped";
}

/** Gets run this many at a time, for executions the list of finished ones did not show. */
const GETS_IN_FLIGHT = 8;
/** Pages of the batch's finished executions read in one tick before the rest are fetched one by one. */
const FINISHED_PAGES = 2;

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/**
 * Watches every running execution of a batch with lists, not a GET per row: each tick lists the
 * batch's open executions (its metadata, the open statuses; a page of 100 for up to 100 rows in
 * flight). Those no longer listed have finished: a second list (finished statuses, created from the
 * oldest of them on) brings their results; `record` writes them in one transaction, and their
 * watchers resolve.
 */
export class ExecutionWatcher {
  readonly #waiters = new Map<string, Waiter>();
  /** When each watched execution was created (ms), from the open list: where a tick's list of finished ones starts. */
  readonly #createdAt = new Map<string, number>();
  readonly #client: Client;
  readonly #batchId: string;
  readonly #agentId: string;
  readonly #intervalMs: number;
  readonly #backoff: SharedBackoff;
  readonly #record: (finished: Execution[]) => void;
  readonly #notice: (text: string) => void;
  #loop: Promise<void> | undefined;
  #stopped: unknown;
  #wake: (() => void) | undefined;
  /** Open executions by status, as the last tick saw them. */
  openStatuses: Record<string, number> = {};

  constructor(options: {
    client: Client;
    batchId: string;
    agentId: string;
    intervalMs: number;
    backoff: SharedBackoff;
    record: (finished: Execution[]) => void;
    notice: (text: string) => void;
  }) {
    this.#client = options.client;
    this.#batchId = options.batchId;
    this.#agentId = options.agentId;
    this.#intervalMs = options.intervalMs;
    this.#backoff = options.backoff;
    this.#record = options.record;
    this.#notice = options.notice;
  }

  /** Resolves once the execution is final and recorded; rejects with WatchStopped when watching stops. */
  watch(executionId: string): Promise<void> {
    if (this.#stopped !== undefined) return Promise.reject(this.#stopped);
    const done = new Promise<void>((resolve, reject) => this.#waiters.set(executionId, { resolve, reject }));
    this.#loop ??= this.#run().finally(() => {
      this.#loop = undefined;
    });
    return done;
  }

  /** Ends every watch with `reason` (WatchStopped unless another error stopped the batch). */
  stop(reason: unknown = new WatchStopped("the batch stopped watching its executions")): void {
    this.#stopped ??= reason;
    for (const waiter of this.#waiters.values()) waiter.reject(this.#stopped);
    this.#waiters.clear();
    this.#wake?.();
  }

  get stopped(): boolean {
    return this.#stopped !== undefined;
  }

  async #run(): Promise<void> {
    while (this.#waiters.size > 0 && this.#stopped === undefined) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(this.#intervalMs, this.#backoff.remainingMs()));
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      if (this.#stopped !== undefined || this.#backoff.remainingMs() > 0) continue;
      try {
        await this.#tick();
      } catch (error) {
        if (isFatal(error)) {
          this.stop(error);
          return;
        }
        if (error instanceof RateLimitError) {
          const waitMs = this.#backoff.hold(error.retryAfterMs);
          this.#notice(`rate limited while polling; every row waits ${Math.ceil(waitMs / 1000)} s`);
        } else {
          this.#notice(`polling failed (${(error as Error).message}); trying again`);
        }
      }
    }
  }

  async #tick(): Promise<void> {
    // Only executions watched before the list was asked for can be missing from it because they finished.
    const watched = [...this.#waiters.keys()];
    const batch = { agentId: this.#agentId, metadataKey: BATCH_METADATA_KEY, metadataValue: this.#batchId };
    const open = new Set<string>();
    const statuses: Record<string, number> = {};
    for await (const execution of this.#client.executions.listAll({
      ...batch,
      status: [...OPEN_STATUSES],
      pageSize: 100,
    })) {
      open.add(execution.id);
      this.#createdAt.set(execution.id, Date.parse(execution.createdAt));
      statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
    }
    this.openStatuses = statuses;
    const left = new Set(watched.filter((id) => !open.has(id)));
    if (left.size === 0) return;

    // Those that left: one list of the batch's finished executions, created from the oldest of them on
    // (so not every finished row of the batch), for as many pages as it takes, up to a few.
    const finished: Execution[] = [];
    const since = Math.min(
      ...[...left].map((id) => this.#createdAt.get(id) ?? Number.NaN).filter(Number.isFinite),
    );
    if (Number.isFinite(since)) {
      for (let page = 1; page <= FINISHED_PAGES && left.size > 0; page++) {
        const { items } = await this.#client.executions.list({
          ...batch,
          status: [...TERMINAL_STATUSES],
          createdAfter: new Date(since - 1).toISOString(),
          sortField: "created_at",
          sortDirection: "asc",
          page,
          pageSize: 100,
        });
        for (const execution of items) {
          if (left.delete(execution.id) && isFinal(execution)) finished.push(execution);
        }
        if (items.length < 100) break;
      }
    }
    // The rest (first seen finished, past those pages, or a completed one still without its result): one get each.
    const rest = [...left];
    for (let start = 0; start < rest.length; start += GETS_IN_FLIGHT) {
      const executions = await Promise.all(
        rest.slice(start, start + GETS_IN_FLIGHT).map((id) => this.#client.executions.get(id)),
      );
      finished.push(...executions.filter(isFinal));
    }
    if (finished.length === 0 || this.#stopped !== undefined) return;
    this.#record(finished);
    for (const execution of finished) {
      this.#waiters.get(execution.id)?.resolve();
      this.#waiters.delete(execution.id);
      this.#createdAt.delete(execution.id);
    }
  }
}
