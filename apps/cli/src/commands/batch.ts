import type * as BatchModule from "@agentdeck/batch";
import type { Client } from "@agentdeck/core";
import { type Command, Option } from "commander";
import { NoCredentialsError } from "../cli-errors.ts";
import { command, group } from "../command-spec.ts";
import { parseDuration } from "../duration.ts";
import { type ExitCode, exitForBatch } from "../exit-codes.ts";
import { collect } from "../inputs.ts";
import type { Session } from "../session.ts";

type BatchIo = BatchModule.CommandIo;

/** How the batch commands are called in their own messages ("go on with: agentdeck batch resume …"). */
const COMMAND_NAME = "agentdeck batch";

/**
 * Runs one of `@agentdeck/batch`'s command functions with the CLI's io: its client (built from the
 * same settings as every command), its Ctrl-C as the batch's signal, and every line it writes
 * through the printer, so a configured key is redacted there too. Its exit code is mapped to the
 * CLI's table. The batch package is loaded only here.
 */
async function mounted(
  session: Session,
  needs: "client" | "journal only",
  call: (batch: typeof BatchModule, io: BatchIo) => Promise<number>,
): Promise<ExitCode> {
  let client: Client | undefined;
  if (needs === "client") client = await session.client();
  else {
    // Reading a journal needs no key; with one configured, its secrets are hidden all the same.
    await session.settings().catch((error: unknown) => {
      if (!(error instanceof NoCredentialsError)) throw error;
    });
  }
  const batch = await import("@agentdeck/batch");
  const out = session.out;
  const io: BatchIo = {
    stdout: { write: (text: string) => void out.raw(text) },
    stderr: { write: (text: string) => void out.status(text) },
    isTTY: session.io.stderr.isTTY,
    env: session.io.env as NodeJS.ProcessEnv,
    signal: session.signal,
    client,
    commandName: COMMAND_NAME,
  };
  const stopping = () =>
    void out.status(
      "\nagentdeck batch: stopping (executes on their way are let finish); Ctrl-C again to quit at once\n",
    );
  session.signal.addEventListener("abort", stopping, { once: true });
  try {
    return exitForBatch(await call(batch, io));
  } finally {
    session.signal.removeEventListener("abort", stopping);
  }
}

const journalFlag = (c: Command) =>
  c.option("--journal <file>", "the journal (default: the most recent one in the current directory)");

/** `--concurrency`, `--interval`, `--settle`: how run and resume pace the batch. */
const tuningFlags = (c: Command) =>
  c
    .option("--concurrency <n>", "executions in flight at most, 1 to 1000 (default: 8)")
    .addOption(
      new Option(
        "--interval <duration>",
        "between two polls of the running executions (default: 2s)",
      ).argParser(parseDuration),
    )
    .addOption(
      new Option(
        "--settle <duration>",
        "how long an unanswered execute may take to show up before its row is sent again (default: 30s)",
      ).argParser(parseDuration),
    );

type Tuning = { concurrency?: string; interval?: number; settle?: number };

const tuningOf = (o: Tuning) => ({ concurrency: o.concurrency, pollMs: o.interval, settleMs: o.settle });

const run = command({
  usage: "run <agent>",
  summary: "run an agent over every row of a file, resumably",
  description: `Run an agent (its id or exact name) over every row of a file: .csv with a header, .jsonl, or .json (an array of objects). Each row becomes one execution, at most --concurrency at a time, on the profiles of --pool (an id or exact name) or on one --agent-profile.

The whole file is checked before anything is sent. A journal (SQLite) records every row before and after its execute, so a crash, kill -9 or Ctrl-C at any point can be resumed (agentdeck batch resume) without running a row twice or losing a result. Every execution carries the batch id and its row key in its metadata.

Without --map every column is a text input of its own name; --map name=Column:type (string, number, integer, boolean or json; a ? after the type leaves the input out when the cell is empty) maps a column to a typed input. --key names the column holding each row's key (else a hash of the row).

Exits 0 when every row completed, 10 when some failed or were refused, 12 when it stopped before its end (resume goes on), 130 on Ctrl-C.`,
  examples: [
    'agentdeck batch run "Invoice Downloader" --pool "Billing portal (EU)" --rows rows.csv --concurrency 8',
    "agentdeck batch run $AGENT --agent-profile $PROFILE --rows rows.jsonl --journal june.sqlite",
    "agentdeck batch run $AGENT --pool $POOL --rows customers.csv --map city=City --map seats=Seats:integer --key 'Customer ID'",
    "agentdeck batch run $AGENT --pool $POOL --rows rows.csv --map-metadata customer='Customer ID'",
  ],
  options: (c) =>
    journalFlag(
      tuningFlags(
        c
          .option("--pool <pool>", "the pool whose profiles run the rows (its id or exact name)")
          .option("--agent-profile <profile-id>", "or one agent profile for every row")
          .requiredOption("--rows <file>", "the rows: .csv (with a header), .jsonl or .json")
          .addOption(
            new Option("--format <format>", "when the extension does not say").choices([
              "csv",
              "jsonl",
              "json",
            ]),
          )
          .option("--map <name=Column:type>", "an input from a column, typed (repeatable)", collect)
          .option(
            "--map-metadata <key=Column>",
            "metadata each execution carries, from a column (repeatable)",
            collect,
          )
          .option("--key <column>", "the column holding each row's key (default: a hash of the row)"),
      ),
    ),
  run(session, [agent], options) {
    const o = options as Tuning & {
      pool?: string;
      agentProfile?: string;
      rows: string;
      format?: string;
      map?: string[];
      mapMetadata?: string[];
      key?: string;
      journal?: string;
    };
    return mounted(session, "client", (batch, io) =>
      batch.batchRun(
        {
          agent: agent as string,
          pool: o.pool,
          agentProfile: o.agentProfile,
          rows: o.rows,
          format: o.format,
          input: o.map,
          metadata: o.mapMetadata,
          key: o.key,
          journal: o.journal,
          ...tuningOf(o),
        },
        io,
      ),
    );
  },
});

const resume = command({
  usage: "resume",
  summary: "go on with a batch after a crash, Ctrl-C, an error or a cancel",
  description:
    "Go on with a batch from its journal: rows whose execute may have reached the server are looked up by their metadata, never sent again blindly; unsent rows are sent; running ones are watched to the end. Exits as batch run does.",
  examples: ["agentdeck batch resume", "agentdeck batch resume --journal june.sqlite --concurrency 16"],
  options: (c) => journalFlag(tuningFlags(c)),
  run(session, _args, options) {
    const o = options as Tuning & { journal?: string };
    return mounted(session, "client", (batch, io) =>
      batch.batchResume({ journal: o.journal, ...tuningOf(o) }, io),
    );
  },
});

const status = command({
  usage: "status",
  summary: "how many rows are in each state (from the journal alone)",
  description:
    "Print where a batch stands, read from its journal alone (no request): rows pending, submitting, submitted, finished (by status) and failed, and whether a process runs it. --json prints {batchId, journal, agentId, poolId, profileId, total, states, statuses, cancelRequested, runnerPid}.",
  examples: ["agentdeck batch status", "agentdeck batch status --json | jq .states"],
  options: journalFlag,
  run(session, _args, options) {
    return mounted(session, "journal only", (batch, io) =>
      batch.batchStatus({ journal: options.journal as string | undefined, json: session.options.json }, io),
    );
  },
});

const results = command({
  usage: "results",
  summary: "every row with its result, in file order, as JSON lines or CSV",
  description:
    "Print every row of the batch in file order with its state and result (key, line, state, executionId, status, outcome, result, error): JSON lines, or CSV with the result as JSON text. Read from the journal alone.",
  examples: [
    "agentdeck batch results > results.jsonl",
    "agentdeck batch results --format csv --journal june.sqlite > results.csv",
    "agentdeck batch results | jq -c 'select(.status != \"completed\")'",
  ],
  options: (c) =>
    journalFlag(
      c.addOption(new Option("--format <format>", "jsonl or csv").choices(["jsonl", "csv"]).default("jsonl")),
    ),
  run(session, _args, options) {
    return mounted(session, "journal only", (batch, io) =>
      batch.batchResults(
        { journal: options.journal as string | undefined, format: options.format as string },
        io,
      ),
    );
  },
});

const cancel = command({
  usage: "cancel",
  summary: "cancel what a batch still runs",
  description:
    "Cancel what a batch still runs. A live batch run or resume is asked, through the journal, to stop and cancel its executions; with none, this command cancels them itself and records how each ended. Rows not sent stay pending (batch resume sends them).",
  examples: ["agentdeck batch cancel", "agentdeck batch cancel --journal june.sqlite"],
  options: journalFlag,
  run(session, _args, options) {
    return mounted(session, "client", (batch, io) =>
      batch.batchCancel({ journal: options.journal as string | undefined }, io),
    );
  },
});

/** `agentdeck batch …`: `@agentdeck/batch`'s commands, with the CLI's settings, client and exit codes. */
export const batch = group("batch", "one agent over many rows: run, status, resume, results, cancel", [
  run,
  status,
  resume,
  results,
  cancel,
]);
