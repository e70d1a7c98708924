import { cancelBatch } from "../run/run-batch.ts";
import { commandClient } from "./command-client.ts";
import { withCommandErrors } from "./command-errors.ts";
import { type CommandIo, EXIT } from "./command-io.ts";
import { journalPath } from "./journal-path.ts";
import { reportOutcome } from "./outcome-report.ts";
import { progressView } from "./progress-view.ts";

/** `batch cancel [--journal f.sqlite]`. */
export type BatchCancelOptions = { journal?: string | undefined };

/**
 * Cancels what the batch still runs. A live `run`/`resume` of the batch is asked (through the
 * journal) to stop and cancel its executions; otherwise this command cancels them and records how
 * each ended. Rows not sent stay pending.
 */
export function batchCancel(options: BatchCancelOptions, io: CommandIo): Promise<number> {
  return withCommandErrors(io, async () => {
    const journal = journalPath(options.journal, io);
    const client = commandClient(io);
    const view = progressView(io);
    const outcome = await cancelBatch({ client, journal, onProgress: view.update, signal: io.signal });
    if (outcome.runner !== undefined) {
      io.stderr.write(
        `batch: asked process ${outcome.runner}, which runs this batch, to cancel what runs and stop\n`,
      );
      return EXIT.ok;
    }
    view.finish();
    const code = reportOutcome(outcome, io);
    return code === EXIT.stopped && outcome.stopped?.reason === "cancelled" ? EXIT.ok : code;
  });
}
