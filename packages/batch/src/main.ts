import { parseArgs } from "node:util";
import { batchCancel } from "./commands/cancel.ts";
import { type CommandIo, EXIT } from "./commands/command-io.ts";
import { batchResults } from "./commands/results.ts";
import { batchResume } from "./commands/resume.ts";
import { batchRun } from "./commands/run.ts";
import { batchStatus } from "./commands/status.ts";

export const USAGE = `Usage: agentdeck-batch <command> [options]

Runs one agent over every row of a file, resumably: a crash, Ctrl-C or kill at any point can be
resumed without running a row twice. The journal (SQLite) records every row.

Commands:
  run <agent> --pool P --rows FILE   start a batch (agent and pool by id or exact name)
  resume                             go on with a batch after a crash, Ctrl-C or an error
  status [--json]                    rows in each state
  results [--format jsonl|csv]       every row with its result, to stdout
  cancel                             cancel what the batch still runs

Options of run:
  --pool P | --agent-profile ID      the pool whose profiles run the rows, or one profile
  --rows FILE                        .csv (with a header), .jsonl or .json (an array of objects)
  --format csv|jsonl|json            when the extension does not say
  --input name=Column:type           an input from a column; type string, number, integer, boolean
                                     or json, ? after it to leave the input out when empty (repeat;
                                     without any, every column is a text input)
  --metadata key=Column              metadata from a column (repeat)
  --key Column                       the column with each row's key (else a hash of the row)
Options of run and resume:
  --concurrency N                    executions in flight at most (default 8)
  --poll-ms N                        between two polls of the running executions (default 2000)
  --settle-ms N                      how long an unanswered execute may take to show up on the
                                     server before its row is sent again (default 30000)
Options of every command:
  --journal FILE                     the journal (default: run makes batch-<time>.sqlite here;
                                     the others take the most recent journal here)
  -h, --help                         show this help

Credentials: ASTEROID_API_KEY, and ASTEROID_BASE_URL for another server than the real API.
Exit codes: 0 all rows completed; 1 some rows failed; 2 bad arguments or rows (nothing started);
3 stopped before the end (resume goes on); 130 interrupted.
`;

const OPTIONS = {
  pool: { type: "string" },
  "agent-profile": { type: "string" },
  rows: { type: "string" },
  format: { type: "string" },
  input: { type: "string", multiple: true },
  metadata: { type: "string", multiple: true },
  key: { type: "string" },
  concurrency: { type: "string" },
  "poll-ms": { type: "string" },
  "settle-ms": { type: "string" },
  journal: { type: "string" },
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The `agentdeck-batch` command line: reads the arguments, runs the command, resolves to its exit code. */
export async function main(argv: string[]): Promise<number> {
  const fail = (message: string) => {
    process.stderr.write(`agentdeck-batch: ${message}\n\n${USAGE}`);
    return EXIT.usage;
  };
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return fail((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined) {
    process.stdout.write(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  const controller = new AbortController();
  process.once("SIGINT", () => {
    process.stderr.write(
      "\nbatch: stopping (executes on their way are let finish); Ctrl-C again to quit at once\n",
    );
    controller.abort();
    process.once("SIGINT", () => process.exit(EXIT.interrupted));
  });
  const io: CommandIo = {
    stdout: process.stdout,
    stderr: process.stderr,
    isTTY: process.stderr.isTTY === true,
    env: process.env,
    signal: controller.signal,
  };
  const common = { journal: values.journal };
  const tuning = {
    concurrency: values.concurrency,
    pollMs: values["poll-ms"],
    settleMs: values["settle-ms"],
  };
  const expectArgs = (count: number) =>
    rest.length > count ? `unexpected argument "${rest[count]}"` : undefined;
  switch (command) {
    case "run": {
      const agent = rest[0];
      if (agent === undefined) return fail("run needs the agent (its id or exact name)");
      if (values.rows === undefined) return fail("run needs --rows FILE");
      const extra = expectArgs(1);
      if (extra !== undefined) return fail(extra);
      return batchRun(
        {
          ...common,
          ...tuning,
          agent,
          pool: values.pool,
          agentProfile: values["agent-profile"],
          rows: values.rows,
          format: values.format,
          input: values.input,
          metadata: values.metadata,
          key: values.key,
        },
        io,
      );
    }
    case "resume":
      return expectArgs(0) === undefined
        ? batchResume({ ...common, ...tuning }, io)
        : fail(expectArgs(0) as string);
    case "status":
      return expectArgs(0) === undefined
        ? batchStatus({ ...common, json: values.json }, io)
        : fail(expectArgs(0) as string);
    case "results":
      return expectArgs(0) === undefined
        ? batchResults({ ...common, format: values.format }, io)
        : fail(expectArgs(0) as string);
    case "cancel":
      return expectArgs(0) === undefined ? batchCancel(common, io) : fail(expectArgs(0) as string);
    default:
      return fail(`unknown command "${command}"`);
  }
}
