import { randomUUID } from "node:crypto";
import { type Client, RequestValidationError, Uuid } from "@agentdeck/core";
import { type BatchSettings, Journal } from "../journal/journal.ts";
import { type BatchHooks, type BatchOutcome, drive } from "./drive.ts";
import { type BatchProgress, ProgressMeter } from "./progress.ts";

/** Settings a batch gets unless told otherwise. */
export const DEFAULT_SETTINGS: BatchSettings = {
  concurrency: 8,
  pollIntervalMs: 2_000,
  // An execute whose answer was lost may still be on its way through the API; before its row is
  // sent again the server gets this long (from when it was sent) to show the execution.
  settleMs: 30_000,
};

type Common = {
  client: Client;
  concurrency?: number | undefined;
  /** How often the batch's open executions are listed (one request for all of them). */
  pollIntervalMs?: number | undefined;
  /** How long an execute that went unanswered is given to appear on the server before its row is sent again. */
  settleMs?: number | undefined;
  onProgress?: ((progress: BatchProgress) => void) | undefined;
  /** Aborting stops sending and watching; executes already on their way are let finish and recorded. */
  signal?: AbortSignal | undefined;
  /** Test-only: see BatchHooks. */
  hooks?: BatchHooks | undefined;
};

export type RunBatchOptions = Common & {
  agentId: string;
  /** The pool whose profiles run the rows; give this or `profile`. */
  pool?: string | undefined;
  /** One profile that runs every row; give this or `pool`. */
  profile?: string | undefined;
  /** The rows (`RowInput`s, e.g. from `readRows`); all are checked and written to the journal before any is sent. */
  rows: Iterable<unknown> | AsyncIterable<unknown>;
  /** Path of the journal to create; it must not exist. */
  journal: string;
  /** What the rows came from, for `batch status`. */
  source?: string | undefined;
};

function settingsOf(options: Common, base: BatchSettings): BatchSettings {
  const settings = {
    concurrency: options.concurrency ?? base.concurrency,
    pollIntervalMs: options.pollIntervalMs ?? base.pollIntervalMs,
    settleMs: options.settleMs ?? base.settleMs,
  };
  const issues = [];
  if (!Number.isInteger(settings.concurrency) || settings.concurrency < 1 || settings.concurrency > 1000)
    issues.push({ path: "concurrency", message: "must be a whole number from 1 to 1000" });
  if (!Number.isInteger(settings.pollIntervalMs) || settings.pollIntervalMs < 10)
    issues.push({ path: "pollIntervalMs", message: "must be a whole number of ms, 10 or more" });
  if (!Number.isInteger(settings.settleMs) || settings.settleMs < 0)
    issues.push({ path: "settleMs", message: "must be a whole number of ms, 0 or more" });
  if (issues.length > 0) throw new RequestValidationError("batch settings", issues);
  return settings;
}

/**
 * Runs `agentId` once for every row. The rows are read through and checked first, into a new
 * journal; then at most `concurrency` executions run at a time until every row is finished or
 * failed. A crash at any point can be resumed (`resumeBatch`) without running a row twice.
 */
export async function runBatch(options: RunBatchOptions): Promise<BatchOutcome> {
  const issues = [];
  if (!Uuid.safeParse(options.agentId).success) issues.push({ path: "agentId", message: "must be a UUID" });
  if ((options.pool === undefined) === (options.profile === undefined))
    issues.push({
      path: options.pool === undefined ? "pool" : "profile",
      message: "give exactly one of pool and profile",
    });
  for (const field of ["pool", "profile"] as const) {
    const value = options[field];
    if (value !== undefined && !Uuid.safeParse(value).success)
      issues.push({ path: field, message: "must be a UUID" });
  }
  if (issues.length > 0) throw new RequestValidationError("batch", issues);
  const settings = settingsOf(options, DEFAULT_SETTINGS);
  const journal = await Journal.create(
    options.journal,
    {
      id: randomUUID(),
      agentId: options.agentId.toLowerCase(),
      poolId: options.pool?.toLowerCase(),
      profileId: options.profile?.toLowerCase(),
      source: options.source,
      createdAt: new Date().toISOString(),
      settings,
    },
    options.rows,
  );
  try {
    return await drive({ ...options, ...settings, journal, mode: "run" });
  } finally {
    journal.close();
  }
}

export type ResumeBatchOptions = Common & { journal: string };

/**
 * Goes on with a journal's batch: rows left `submitting` are looked up on the server first (sent
 * again only when it has no execution for them), running ones are watched, pending ones sent. A
 * cancel asked for earlier is withdrawn. Settings not given are the batch's own.
 */
export async function resumeBatch(options: ResumeBatchOptions): Promise<BatchOutcome> {
  const journal = Journal.open(options.journal);
  try {
    const settings = settingsOf(options, journal.batch.settings);
    journal.setCancelRequested(false);
    return await drive({ ...options, ...settings, journal, mode: "run" });
  } finally {
    journal.close();
  }
}

export type CancelBatchOptions = Common & { journal: string };

/**
 * Cancels what a batch still runs. When another process runs the batch, it is asked to stop through
 * the journal (it cancels its executions and records them); otherwise this call cancels every open
 * execution of the batch and waits until each is recorded. Pending rows stay pending: `resumeBatch` sends them.
 */
export async function cancelBatch(
  options: CancelBatchOptions,
): Promise<BatchOutcome & { runner: number | undefined }> {
  const journal = Journal.open(options.journal);
  try {
    journal.setCancelRequested(true);
    const runner = journal.runner();
    const settings = settingsOf(options, journal.batch.settings);
    if (runner !== undefined) {
      return {
        batchId: journal.batch.id,
        journal: journal.path,
        progress: new ProgressMeter(journal).snapshot({
          waiting: undefined,
          openStatuses: {},
          notice: undefined,
        }),
        stopped: { reason: "cancelled" },
        runner,
      };
    }
    return { ...(await drive({ ...options, ...settings, journal, mode: "cancel" })), runner: undefined };
  } finally {
    journal.close();
  }
}
