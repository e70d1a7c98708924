import type { Journal } from "../journal/journal.ts";
import type { StateCounts } from "../journal/row-state.ts";

/** What `onProgress` is told, on every change. */
export type BatchProgress = {
  batchId: string;
  total: number;
  counts: StateCounts;
  /** Finished rows by the execution's final status. */
  statuses: Record<string, number>;
  /** Rows being sent or running (`submitting` + `submitted`). */
  running: number;
  /** Rows with a final state (`finished` + `failed`). */
  done: number;
  /** Rows done per second over the last half minute of this run; 0 until one is done. */
  ratePerSecond: number;
  /** Seconds until every row is done at that rate; undefined until there is a rate. */
  etaSeconds: number | undefined;
  /** Why nothing is being sent just now, and for how long. */
  waiting: { reason: "rate-limited" | "no-free-profile" | "unreachable"; ms: number } | undefined;
  /** Open executions by status (paused, awaiting_confirmation, … need someone's attention). */
  openStatuses: Record<string, number>;
  /** Something worth saying once (a failed poll, a rate limit); undefined on most calls. */
  notice: string | undefined;
};

const WINDOW_MS = 30_000;

/** Keeps the samples behind the rate and ETA, and builds each BatchProgress. */
export class ProgressMeter {
  readonly #journal: Journal;
  readonly #samples: { at: number; done: number }[] = [];

  constructor(journal: Journal) {
    this.#journal = journal;
  }

  snapshot(
    extra: Pick<BatchProgress, "waiting" | "openStatuses" | "notice">,
    now = Date.now(),
  ): BatchProgress {
    const counts = this.#journal.counts();
    const done = counts.finished + counts.failed;
    const total = this.#journal.total;
    const last = this.#samples.at(-1);
    if (last === undefined || now - last.at >= 250) this.#samples.push({ at: now, done });
    while (this.#samples.length > 2 && (this.#samples[1] as { at: number }).at <= now - WINDOW_MS)
      this.#samples.shift();
    const first = this.#samples[0] as { at: number; done: number };
    const seconds = (now - first.at) / 1000;
    const ratePerSecond = seconds > 0 ? (done - first.done) / seconds : 0;
    return {
      batchId: this.#journal.batch.id,
      total,
      counts,
      statuses: this.#journal.statuses(),
      running: counts.submitting + counts.submitted,
      done,
      ratePerSecond,
      etaSeconds: ratePerSecond > 0 ? (total - done) / ratePerSecond : undefined,
      ...extra,
    };
  }
}
