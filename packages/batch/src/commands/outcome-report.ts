import type { BatchOutcome } from "../run/drive.ts";
import { type CommandIo, EXIT } from "./command-io.ts";
import { failedCount } from "./progress-view.ts";
import { terminalSafe } from "./terminal-text.ts";

const STATUS_ORDER = ["completed", "failed", "cancelled"];
function statusOrder(status: string): number {
  const index = STATUS_ORDER.indexOf(status);
  return index === -1 ? STATUS_ORDER.length : index;
}

/** The closing lines of `run`, `resume` and `cancel`, and the exit code the outcome gives. */
export function reportOutcome(outcome: BatchOutcome, io: CommandIo): number {
  const name = io.commandName ?? "agentdeck-batch";
  const { progress, stopped } = outcome;
  const journal = `--journal ${outcome.journal}`;
  const statuses = Object.entries(progress.statuses)
    .sort(([a], [b]) => statusOrder(a) - statusOrder(b) || (a < b ? -1 : 1))
    .map(([status, n]) => `${n} ${status}`)
    .join(", ");
  const summary = `batch ${outcome.batchId}: ${progress.total} rows: ${progress.done} done${statuses === "" ? "" : ` (${statuses})`}, ${progress.counts.failed} refused, ${progress.running} running, ${progress.counts.pending} not sent`;
  io.stderr.write(`${summary}\n`);
  if (stopped?.reason === "interrupted") {
    io.stderr.write(
      `interrupted: what was sent keeps running on the server. Go on with: ${name} resume ${journal}\n`,
    );
    return EXIT.interrupted;
  }
  if (stopped?.reason === "error") {
    io.stderr.write(
      `stopped: ${terminalSafe((stopped.error as Error).message)}\nFix that, then go on with: ${name} resume ${journal}\n`,
    );
    return EXIT.stopped;
  }
  if (stopped?.reason === "cancelled") {
    io.stderr.write(`cancelled. The rows not sent stay pending: ${name} resume ${journal} sends them.\n`);
    return EXIT.stopped;
  }
  io.stderr.write(`results: ${name} results ${journal}\n`);
  return failedCount(progress) > 0 ? EXIT.rowsFailed : EXIT.ok;
}
