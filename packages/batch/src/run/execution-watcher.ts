import {
  type Client,
  EXECUTION_STATUSES,
  type Execution,
  isTerminalStatus,
  RateLimitError,
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

/** Gets run this many at a time for executions that left the open list in one tick. */
const GETS_IN_FLIGHT = 8;

type Waiter = { resolve: () => void; reject: (error: unknown) => void };

/**
 * Watches every running execution of a batch with one `executions.list` a tick: the batch's open
 * executions (filtered by its metadata and the open statuses), a page of 100 for up to 100 rows in
 * flight. An execution that is no longer listed has finished: it is fetched once for its result,
 * `record` writes the tick's finished executions in one go, and their watchers resolve.
 */
export class ExecutionWatcher {
  readonly #waiters = new Map<string, Waiter>();
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
    const open = new Set<string>();
    const statuses: Record<string, number> = {};
    for await (const execution of this.#client.executions.listAll({
      agentId: this.#agentId,
      metadataKey: BATCH_METADATA_KEY,
      metadataValue: this.#batchId,
      status: [...OPEN_STATUSES],
      pageSize: 100,
    })) {
      open.add(execution.id);
      statuses[execution.status] = (statuses[execution.status] ?? 0) + 1;
    }
    this.openStatuses = statuses;
    const left = watched.filter((id) => !open.has(id));
    const finished: Execution[] = [];
    for (let start = 0; start < left.length; start += GETS_IN_FLIGHT) {
      const executions = await Promise.all(
        left.slice(start, start + GETS_IN_FLIGHT).map((id) => this.#client.executions.get(id)),
      );
      finished.push(...executions.filter(isFinal));
    }
    if (finished.length === 0 || this.#stopped !== undefined) return;
    this.#record(finished);
    for (const execution of finished) {
      this.#waiters.get(execution.id)?.resolve();
      this.#waiters.delete(execution.id);
    }
  }
}
