import { Journal } from "../journal/journal.ts";
import { ROW_STATES } from "../journal/row-state.ts";
import { withCommandErrors } from "./command-errors.ts";
import { type CommandIo, EXIT } from "./command-io.ts";
import { journalPath } from "./journal-path.ts";

/** `batch status [--journal f.sqlite] [--json]`. */
export type BatchStatusOptions = { journal?: string | undefined; json?: boolean | undefined };

/** What `batch status --json` prints: the count of rows in each state, and the batch they belong to. */
export type BatchStatusJson = {
  batchId: string;
  journal: string;
  agentId: string;
  poolId: string | null;
  profileId: string | null;
  source: string | null;
  createdAt: string;
  total: number;
  states: Record<(typeof ROW_STATES)[number], number>;
  /** Finished rows by the execution's final status. */
  statuses: Record<string, number>;
  cancelRequested: boolean;
  /** The pid of the live process running the batch, or null. */
  runnerPid: number | null;
};

/** Prints where a batch stands, read from its journal alone (no request is made). */
export function batchStatus(options: BatchStatusOptions, io: CommandIo): Promise<number> {
  return withCommandErrors(io, async () => {
    const journal = Journal.open(journalPath(options.journal, io));
    try {
      const { batch } = journal;
      const status: BatchStatusJson = {
        batchId: batch.id,
        journal: journal.path,
        agentId: batch.agentId,
        poolId: batch.poolId ?? null,
        profileId: batch.profileId ?? null,
        source: batch.source ?? null,
        createdAt: batch.createdAt,
        total: journal.total,
        states: journal.counts(),
        statuses: journal.statuses(),
        cancelRequested: journal.cancelRequested(),
        runnerPid: journal.runner() ?? null,
      };
      if (options.json) {
        io.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return EXIT.ok;
      }
      const statuses = Object.entries(status.statuses).map(([name, n]) => `${n} ${name}`);
      io.stdout.write(
        [
          `batch     ${status.batchId}`,
          `journal   ${status.journal}`,
          `agent     ${status.agentId}`,
          status.poolId === null ? `profile   ${status.profileId}` : `pool      ${status.poolId}`,
          `rows      ${status.total}${status.source === null ? "" : ` from ${status.source}`}`,
          ...ROW_STATES.map(
            (state) =>
              `  ${state.padEnd(11)} ${String(status.states[state]).padStart(7)}${state === "finished" && statuses.length > 0 ? `  (${statuses.join(", ")})` : ""}`,
          ),
          status.runnerPid === null ? "not running" : `running in process ${status.runnerPid}`,
          ...(status.cancelRequested ? ["cancel requested"] : []),
          "",
        ].join("\n"),
      );
      return EXIT.ok;
    } finally {
      journal.close();
    }
  });
}
