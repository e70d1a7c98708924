import { resumeBatch } from "../run/run-batch.ts";
import { commandClient } from "./command-client.ts";
import { withCommandErrors } from "./command-errors.ts";
import type { CommandIo } from "./command-io.ts";
import { journalPath } from "./journal-path.ts";
import { reportOutcome } from "./outcome-report.ts";
import { progressView } from "./progress-view.ts";
import { type RunTuning, tuningOf } from "./run.ts";
import { testHooksFrom } from "./test-hooks.ts";

/** `batch resume [--journal f.sqlite]`. */
export type BatchResumeOptions = RunTuning & { journal?: string | undefined };

/** Goes on with a batch from its journal, after a crash, Ctrl-C, an error or a cancel. */
export function batchResume(options: BatchResumeOptions, io: CommandIo): Promise<number> {
  return withCommandErrors(io, async () => {
    const tuning = tuningOf(options);
    const journal = journalPath(options.journal, io);
    const client = commandClient(io);
    io.stderr.write(`batch: journal ${journal}\n`);
    const view = progressView(io);
    const outcome = await resumeBatch({
      client,
      journal,
      ...tuning,
      onProgress: view.update,
      signal: io.signal,
      hooks: testHooksFrom(io.env),
    });
    view.finish();
    return reportOutcome(outcome, io);
  });
}
