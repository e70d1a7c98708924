/**
 * The life of a row in the journal:
 * - `pending`: not sent;
 * - `submitting`: an execute is being sent, or was being sent when the process stopped: its fate is
 *   unknown until the server is asked (by the row's metadata);
 * - `submitted`: the server has an execution for it (`executionId`), not yet finished;
 * - `finished`: the execution reached a final status (completed, failed, cancelled), result kept;
 * - `failed`: it never ran: the server refused the row (a 4xx that acted on nothing).
 */
export const ROW_STATES = ["pending", "submitting", "submitted", "finished", "failed"] as const;
export type RowState = (typeof ROW_STATES)[number];

/** How many rows are in each state. */
export type StateCounts = Record<RowState, number>;

export function emptyCounts(): StateCounts {
  return { pending: 0, submitting: 0, submitted: 0, finished: 0, failed: 0 };
}
