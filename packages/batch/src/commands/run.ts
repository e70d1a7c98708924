import { resolve } from "node:path";
import { type ColumnMapping, parseInputSpec, parseMetadataSpec } from "../rows/mapping.ts";
import { ROW_FORMATS, type RowFormat, readRows } from "../rows/read-rows.ts";
import { runBatch } from "../run/run-batch.ts";
import { commandClient } from "./command-client.ts";
import { wholeOption, withCommandErrors } from "./command-errors.ts";
import { type CommandIo, UsageError } from "./command-io.ts";
import { newJournalPath } from "./journal-path.ts";
import { reportOutcome } from "./outcome-report.ts";
import { progressView } from "./progress-view.ts";
import { resolveAgent, resolvePool } from "./resolve-names.ts";
import { testHooksFrom } from "./test-hooks.ts";

/** Tuning both `run` and `resume` take. */
export type RunTuning = {
  /** Executions in flight at most (1 to 1000; 8). */
  concurrency?: string | number | undefined;
  /** Between two polls of the batch's open executions, in ms (2000). */
  pollMs?: string | number | undefined;
  /** How long an unanswered execute is given to appear on the server before its row is sent again, in ms (30000). */
  settleMs?: string | number | undefined;
};

/** `batch run <agent> --pool P --rows rows.csv [--journal f.sqlite]`. */
export type BatchRunOptions = RunTuning & {
  /** The agent: its id or exact name. */
  agent: string;
  /** The pool whose profiles run the rows: its id or exact name. */
  pool?: string | undefined;
  /** Or one agent profile (an id) that runs every row. */
  agentProfile?: string | undefined;
  /** The rows file. */
  rows: string;
  /** csv, jsonl or json; from the extension when not given. */
  format?: string | undefined;
  /** `name=Column:type` for each input; without any, every column is an input, as read. */
  input?: readonly string[] | undefined;
  /** `key=Column` for each metadata entry a row carries. */
  metadata?: readonly string[] | undefined;
  /** The column holding each row's key; without it a hash of the row. */
  key?: string | undefined;
  /** The journal to create; `batch-<time>.sqlite` in the current directory when not given. */
  journal?: string | undefined;
};

/** Reads the tuning options, naming the flag that is wrong. */
export function tuningOf(options: RunTuning) {
  return {
    concurrency: wholeOption(options.concurrency, "--concurrency", 1, 1000),
    pollIntervalMs: wholeOption(options.pollMs, "--poll-ms", 10, 3_600_000),
    settleMs: wholeOption(options.settleMs, "--settle-ms", 0, 3_600_000),
  };
}

function mappingOf(options: BatchRunOptions): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (options.input !== undefined && options.input.length > 0) {
    mapping.inputs = Object.fromEntries(options.input.map(parseInputSpec));
  }
  if (options.metadata !== undefined && options.metadata.length > 0) {
    mapping.metadata = Object.fromEntries(options.metadata.map(parseMetadataSpec));
  }
  if (options.key !== undefined) mapping.key = options.key;
  return mapping;
}

/** Starts a batch: checks every row into a new journal, then runs them. Resolves to the exit code. */
export function batchRun(options: BatchRunOptions, io: CommandIo): Promise<number> {
  return withCommandErrors(io, async () => {
    if ((options.pool === undefined) === (options.agentProfile === undefined)) {
      throw new UsageError(
        "give exactly one of --pool (a pool's id or name) and --agent-profile (a profile's id)",
      );
    }
    if (options.format !== undefined && !(ROW_FORMATS as readonly string[]).includes(options.format)) {
      throw new UsageError(`--format must be one of ${ROW_FORMATS.join(", ")}, not "${options.format}"`);
    }
    const mapping = mappingOf(options);
    const tuning = tuningOf(options);
    const cwd = io.cwd ?? process.cwd();
    const rowsPath = resolve(cwd, options.rows);
    const client = commandClient(io);
    const agentId = await resolveAgent(client, options.agent);
    const pool = options.pool === undefined ? undefined : await resolvePool(client, options.pool);
    const journal = options.journal === undefined ? newJournalPath(io) : resolve(cwd, options.journal);
    io.stderr.write(`batch: journal ${journal}\n`);
    const view = progressView(io);
    const outcome = await runBatch({
      client,
      agentId,
      pool,
      profile: options.agentProfile,
      rows: readRows({ path: rowsPath, format: options.format as RowFormat | undefined, mapping }),
      journal,
      source: rowsPath,
      ...tuning,
      onProgress: view.update,
      signal: io.signal,
      hooks: testHooksFrom(io.env),
    });
    view.finish();
    return reportOutcome(outcome, io);
  });
}
