import { stringify } from "csv-stringify/sync";
import { Journal, type JournalRow } from "../journal/journal.ts";
import { withCommandErrors } from "./command-errors.ts";
import { type CommandIo, EXIT, UsageError } from "./command-io.ts";
import { journalPath } from "./journal-path.ts";
import { terminalSafe } from "./terminal-text.ts";

export const RESULT_FORMATS = ["jsonl", "csv"] as const;

/** `batch results [--journal f.sqlite] [--format jsonl|csv]`. */
export type BatchResultsOptions = { journal?: string | undefined; format?: string | undefined };

/** One line of `batch results`: a row, its state and what its execution came to. */
export type ResultRecord = {
  key: string;
  line: number | null;
  state: JournalRow["state"];
  executionId: string | null;
  status: string | null;
  outcome: string | null;
  /** The execution's result data (`executionResult.result`). */
  result: unknown;
  /** Why the row never ran, for `failed` rows. */
  error: string | null;
};

const CSV_COLUMNS = ["key", "line", "state", "executionId", "status", "outcome", "result", "error"] as const;

function recordOf(row: JournalRow): ResultRecord {
  const executionResult = row.result as { outcome?: string; result?: unknown } | undefined;
  return {
    key: row.key,
    line: row.line ?? null,
    state: row.state,
    executionId: row.executionId ?? null,
    status: row.status ?? null,
    outcome: executionResult?.outcome ?? null,
    result: executionResult?.result ?? null,
    error: row.error?.message ?? null,
  };
}

/**
 * Prints every row of the journal in file order with its result: JSON lines, or CSV with the
 * result as JSON text. Read from the journal alone, streamed a row at a time.
 */
export function batchResults(options: BatchResultsOptions, io: CommandIo): Promise<number> {
  return withCommandErrors(io, async () => {
    const format = options.format ?? "jsonl";
    if (!(RESULT_FORMATS as readonly string[]).includes(format)) {
      throw new UsageError(`--format must be one of ${RESULT_FORMATS.join(", ")}, not "${format}"`);
    }
    const journal = Journal.open(journalPath(options.journal, io));
    // Result text comes from the server: on a terminal it is shown without its control sequences.
    const safe = (text: string) => (io.isTTY ? terminalSafe(text) : text);
    try {
      if (format === "csv") io.stdout.write(stringify([CSV_COLUMNS as unknown as string[]]));
      for (const row of journal.allRows()) {
        const record = recordOf(row);
        if (format === "jsonl") {
          io.stdout.write(`${safe(JSON.stringify(record))}\n`);
          continue;
        }
        const cells = CSV_COLUMNS.map((column) => {
          const value = record[column];
          if (value === null) return "";
          return safe(
            typeof value === "string" || typeof value === "number" ? String(value) : JSON.stringify(value),
          );
        });
        io.stdout.write(stringify([cells]));
      }
      return EXIT.ok;
    } finally {
      journal.close();
    }
  });
}
