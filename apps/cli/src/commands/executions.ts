import { EXECUTION_SORT_FIELDS, EXECUTION_STATUSES } from "@agentdeck/core";
import { InvalidArgumentError, Option } from "commander";
import { UsageError } from "../cli-errors.ts";
import { command, group } from "../command-spec.ts";
import { parseDuration, parsePositive } from "../duration.ts";
import { parseMetadata } from "../inputs.ts";
import { unlessFateUnknown } from "../may-have-acted.ts";
import { activityView } from "../views/activity.ts";
import { executionView } from "../views/execution.ts";
import { executionFileView, savedFileView } from "../views/file.ts";
import { listParams, orgOption, type PagingOptions, pagingOptions, printListing } from "./list-options.ts";
import { watchFlags, watchOptionsOf } from "./watch-options.ts";

// `--status running,paused` or `--status running --status paused`, each checked as it is read.
function statuses(value: string, previous: string[] | undefined): string[] {
  const given = value.split(",").map((s) => s.trim());
  for (const status of given) {
    if (!(EXECUTION_STATUSES as readonly string[]).includes(status)) {
      throw new InvalidArgumentError(
        `"${status}" is not a status; the statuses are ${EXECUTION_STATUSES.join(", ")}.`,
      );
    }
  }
  return [...(previous ?? []), ...given];
}

type ListOptions = PagingOptions & {
  status?: string[];
  agent?: string;
  metadata?: string;
  createdAfter?: string;
  createdBefore?: string;
};

const list = command({
  usage: "list",
  summary: "list executions, newest first",
  examples: [
    "agentdeck executions list --status running,paused",
    "agentdeck executions list --metadata agentdeck-run=$TAG   # the run of one agentdeck run",
    "agentdeck executions list --status failed --all --quiet | xargs -n1 agentdeck executions get",
    "agentdeck executions list --agent $AGENT --created-after 2025-06-01T00:00:00Z --json",
  ],
  options: (c) =>
    orgOption(
      pagingOptions(c, EXECUTION_SORT_FIELDS)
        .option("--status <status>", "only these statuses (comma-separated or repeated)", statuses)
        .option("--agent <agent-id>", "only executions of this agent")
        .option("--metadata <key=value>", "only executions with this metadata")
        .option("--created-after <time>", "only created after this ISO 8601 time")
        .option("--created-before <time>", "only created before this ISO 8601 time"),
      "to list",
    ),
  async run(session, _args, options) {
    const o = options as ListOptions;
    const metadata = o.metadata === undefined ? undefined : parseMetadata(o.metadata);
    const client = await session.client();
    const params = {
      ...(await listParams(session, o)),
      ...(o.status === undefined ? {} : { status: o.status }),
      ...(o.agent === undefined ? {} : { agentId: o.agent }),
      ...(metadata === undefined ? {} : { metadataKey: metadata[0], metadataValue: metadata[1] }),
      ...(o.createdAfter === undefined ? {} : { createdAfter: o.createdAfter }),
      ...(o.createdBefore === undefined ? {} : { createdBefore: o.createdBefore }),
    } as Parameters<typeof client.executions.list>[0];
    await printListing(
      session,
      o,
      {
        page: (signal) => client.executions.list(params, { signal }),
        all: (signal) => client.executions.listAll({ pageSize: 100, ...params }, { signal }),
      },
      executionView,
    );
  },
});

const get = command({
  usage: "get <execution-id>",
  summary: "show one execution: status, outcome, result",
  examples: [
    "agentdeck executions get $ID",
    "agentdeck executions get $ID --json | jq .executionResult.result",
  ],
  async run(session, [executionId]) {
    const client = await session.client();
    await session.out.item(
      await client.executions.get(executionId as string, { signal: session.signal }),
      executionView,
    );
  },
});

const activities = command({
  usage: "activities <execution-id>",
  summary: "show an execution's activity feed, oldest first",
  examples: [
    "agentdeck executions activities $ID",
    "agentdeck executions activities $ID --order desc --limit 5",
    "agentdeck executions activities $ID --json | jq -r '.[].payload.activityType'",
  ],
  options: (c) =>
    c
      .option("--limit <n>", "at most this many (1 to 1000)", parsePositive)
      .addOption(
        new Option("--order <direction>", "oldest (asc) or newest (desc) first").choices(["asc", "desc"]),
      ),
  async run(session, [executionId], options) {
    const o = options as { limit?: number; order?: "asc" | "desc" };
    const client = await session.client();
    const feed = await client.executions.activities(
      executionId as string,
      { order: o.order ?? "asc", ...(o.limit === undefined ? {} : { limit: o.limit }) },
      { signal: session.signal },
    );
    await session.out.list(feed, activityView);
  },
});

const watch = command({
  usage: "watch <execution-id>",
  summary: "wait for an execution to finish; exit by how it ended",
  description:
    "Wait for an execution to finish and exit by how it ended: 0 completed, 10 failed, 11 cancelled. On a terminal a line on stderr shows its progress. Ctrl-C stops waiting and leaves the run going (unless --cancel-on-interrupt).",
  examples: [
    "agentdeck executions watch $ID",
    "agentdeck executions watch $ID --follow",
    'agentdeck executions watch $ID --timeout 1h || echo "did not complete: $?"',
  ],
  options: watchFlags,
  async run(session, [executionId], options) {
    const { watchExecution } = await import("../wait/watch.ts");
    return watchExecution(session, executionId as string, watchOptionsOf(options));
  },
});

const MOVES = [
  { verb: "pause", status: "paused", done: "Paused", summary: "pause a running execution" },
  { verb: "resume", status: "running", done: "Resumed", summary: "resume a paused or waiting execution" },
  { verb: "cancel", status: "cancelled", done: "Cancelled", summary: "cancel an execution for good" },
] as const;

const moves = MOVES.map(({ verb, status, done, summary }) =>
  command({
    usage: `${verb} <execution-id>`,
    summary,
    examples: [`agentdeck executions ${verb} $ID`],
    async run(session, [executionId]) {
      const client = await session.client();
      await client.executions[verb](executionId as string, { signal: session.signal });
      await session.out.done(
        `${done} execution ${executionId}.`,
        { executionId, status },
        executionId as string,
      );
    },
  }),
);

const message = command({
  usage: "message <execution-id> [text...]",
  summary: "send a message to a running agent (the text, or stdin)",
  examples: [
    'agentdeck executions message $ID "Use the blue card"',
    "echo 'Use the blue card' | agentdeck executions message $ID",
  ],
  async run(session, [executionId, ...words]) {
    let text = words.join(" ");
    if (text === "" || text === "-") {
      if (session.io.stdin.isTTY) throw new UsageError("give the message as arguments, or pipe it on stdin.");
      text = (await session.io.stdin.readAll()).trim();
    }
    const client = await session.client();
    await unlessFateUnknown(
      client.executions.sendMessage(executionId as string, text, { signal: session.signal }),
      `The message may have been delivered all the same: check with agentdeck executions activities ${executionId} before sending it again.`,
    );
    await session.out.done(
      `Sent the message to execution ${executionId}.`,
      { executionId, sent: true },
      executionId as string,
    );
  },
});

const files = command({
  usage: "files <execution-id>",
  summary: "list the files in an execution's context",
  description:
    "List the files in an execution's context: those it was started with (run --file), uploaded to it, or made by the agent. --json includes each file's signedUrl, which serves it without a key until it expires.",
  examples: [
    "agentdeck executions files $ID",
    "agentdeck executions files $ID --json | jq -r '.[].fileName'",
  ],
  async run(session, [executionId]) {
    const client = await session.client();
    await session.out.list(
      await client.executions.files(executionId as string, { signal: session.signal }),
      executionFileView,
    );
  },
});

const download = command({
  usage: "download <execution-id> [file]",
  summary: "download an execution's files (or the one named) to disk or stdout",
  description:
    "Download an execution's files, or the one named by its id or name, streaming each to disk: into the current directory under its own name, into -o DIR, as -o PATH (one file), or with -o - to stdout. A file already there is never overwritten without --force; a download that fails leaves nothing half-written. On a terminal, -o - shows only text, without control sequences.",
  examples: [
    "agentdeck executions download $ID                     # every file, into .",
    "agentdeck executions download $ID report.csv -o out/  # one file, into out/",
    "agentdeck executions download $ID report.csv -o - | head",
    "agentdeck executions download $ID --force --quiet     # overwrite; print the paths",
  ],
  options: (c) =>
    c
      .option("-o, --output <path>", "a directory, a file (one file), or - for stdout")
      .option("--force", "overwrite files that are already there")
      .addOption(
        new Option("--timeout <duration>", "give up a download after this long")
          .argParser(parseDuration)
          .default(600_000, "10m"),
      ),
  async run(session, [executionId, which], options) {
    const { downloadExecutionFiles } = await import("../files/download.ts");
    const saved = await downloadExecutionFiles(session, executionId as string, which, {
      output: options.output as string | undefined,
      force: options.force === true,
      timeoutMs: options.timeout as number,
    });
    // With -o - stdout holds the file and nothing else.
    if (!saved.some((file) => file.path === "-")) await session.out.list(saved, savedFileView);
  },
});

/** `agentdeck executions …` */
export const executions = group("executions", "executions: list, inspect, watch and steer them", [
  list,
  get,
  activities,
  watch,
  ...moves,
  message,
  files,
  download,
]);
