import { readFile } from "node:fs/promises";
import { ExecuteRequest, RequestValidationError, type StagedFile, Uuid } from "@agentdeck/core";
import { FateUnknownError, StagedFilesError, UsageError } from "../cli-errors.ts";
import { command } from "../command-spec.ts";
import { parsePositive } from "../duration.ts";
import { collect, parseInput, parseInputsFile, parseMetadata } from "../inputs.ts";
import { unlessFateUnknown } from "../may-have-acted.ts";
import type { Session } from "../session.ts";
import { resumeCommand } from "../wait/outcome.ts";
import { orgOption } from "./list-options.ts";
import { watchFlags, watchOptionsOf } from "./watch-options.ts";

/** The metadata key every run carries, so a run whose start was not confirmed can be found. */
export const RUN_TAG = "agentdeck-run";

type RunOptions = {
  pool?: string;
  agentProfile?: string;
  input?: string[];
  inputsFile?: string;
  metadata?: string[];
  softTimeout?: number;
  agentVersion?: number;
  file?: string[];
  org?: string;
  wait?: boolean;
};

// The problems core would find in the execute, found before files are staged for it, so bad input
// sends nothing at all.
function issuesOf(schema: typeof Uuid | typeof ExecuteRequest, value: unknown, prefix: string) {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== "").join("."),
    message: issue.message,
  }));
}

function checkBeforeStaging(agentId: string, body: unknown): void {
  const issues = [...issuesOf(Uuid, agentId, "agentId"), ...issuesOf(ExecuteRequest, body, "")];
  if (issues.length > 0) throw new RequestValidationError("execute request", issues);
}

async function inputsOf(session: Session, options: RunOptions): Promise<Record<string, unknown> | undefined> {
  let inputs: Record<string, unknown> | undefined;
  if (options.inputsFile !== undefined) {
    const name = options.inputsFile;
    let text: string;
    try {
      text = name === "-" ? await session.io.stdin.readAll() : await readFile(name, "utf8");
    } catch (error) {
      throw new UsageError(
        `--inputs-file ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`,
      );
    }
    inputs = parseInputsFile(text, name);
  }
  for (const pair of options.input ?? []) {
    const [key, value] = parseInput(pair);
    inputs = { ...inputs, [key]: value };
  }
  return inputs;
}

/** `agentdeck run <agent-id>` */
export const run = command({
  usage: "run <agent-id>",
  summary: "start an execution of an agent; --wait or --follow to see it through",
  description: `Start an execution of an agent: with a profile from --pool, the profile --agent-profile, or with neither, the agent's default profile.

Inputs are typed as httpie types them: --input city=Lisbon is the string "Lisbon", --input nights:=3 the number 3 (any JSON after :=). --inputs-file reads a JSON object (- for stdin); --input wins over it.

--file stages a file (repeatable) and attaches it to the run; the agent sees it in its context. Every path is checked before anything is sent; if the run then fails to start, the message names the staged files.

Every run carries the metadata ${RUN_TAG}=<uuid>. A start that fails without an answer is never sent again: agentdeck prints the command that finds the run if it started after all.

--wait waits for the end and exits by it (0 completed, 10 failed, 11 cancelled); --follow also prints the activities as they arrive. Ctrl-C stops waiting and leaves the run going (unless --cancel-on-interrupt).`,
  examples: [
    "agentdeck run $AGENT --pool $POOL --input month=2025-01 --input invoices:=3",
    "agentdeck run $AGENT --pool $POOL --inputs-file inputs.json --metadata team=finance --wait",
    "agentdeck run $AGENT --agent-profile $PROFILE --follow --timeout 30m",
    "agentdeck run $AGENT --file invoices.csv --file brief.pdf --wait   # the agent's default profile",
    "id=$(agentdeck run $AGENT --pool $POOL --quiet) && agentdeck executions watch $id",
  ],
  options: (c) =>
    watchFlags(
      orgOption(
        c
          .option("--pool <pool-id>", "take a free agent profile from this pool")
          .option("--agent-profile <profile-id>", "run with this agent profile")
          .option("--input <key=value>", "an input: key=text or key:=json (repeatable)", collect)
          .option("--inputs-file <file>", "a JSON object of inputs (- reads stdin)")
          .option("--metadata <key=value>", "metadata to attach (repeatable)", collect)
          .option(
            "--soft-timeout <minutes>",
            "ask the agent to wrap up after this many minutes",
            parsePositive,
          )
          .option("--agent-version <n>", "run this version of the agent", parsePositive)
          .option("--file <path>", "stage this file and attach it to the run (repeatable)", collect),
        "to stage --file in",
      ).option("--wait", "wait for the execution to finish; exit by how it ended"),
    ),
  async run(session, [agentId], options) {
    const o = options as RunOptions;
    if (o.pool !== undefined && o.agentProfile !== undefined) {
      throw new UsageError(
        "give at most one of --pool POOL_ID and --agent-profile PROFILE_ID (neither runs with the agent's default profile).",
      );
    }
    const tag = crypto.randomUUID();
    const metadata: Record<string, string> = { [RUN_TAG]: tag };
    for (const pair of o.metadata ?? []) {
      const [key, value] = parseMetadata(pair);
      metadata[key] = value;
    }
    const inputs = await inputsOf(session, o);
    const body = {
      ...(o.pool === undefined ? {} : { agentProfilePoolId: o.pool }),
      ...(o.agentProfile === undefined ? {} : { agentProfileId: o.agentProfile }),
      ...(inputs === undefined ? {} : { inputs }),
      metadata,
      ...(o.softTimeout === undefined ? {} : { executionOptions: { softTimeoutMins: o.softTimeout } }),
      ...(o.agentVersion === undefined ? {} : { version: o.agentVersion }),
    };
    let tempFiles: StagedFile[] | undefined;
    if (o.file !== undefined) {
      checkBeforeStaging(agentId as string, body);
      const { stageLocalFiles } = await import("../files/stage.ts");
      tempFiles = await stageLocalFiles(session, o.file, { flag: "--file", org: o.org });
    }
    const client = await session.client();
    let executionId: string;
    try {
      ({ executionId } = await unlessFateUnknown(
        client.agents.execute(
          agentId as string,
          { ...body, ...(tempFiles ? { tempFiles } : {}) },
          {
            signal: session.signal,
          },
        ),
        `The run may have started all the same: before running it again, look for it with agentdeck executions list --metadata ${RUN_TAG}=${metadata[RUN_TAG]}`,
      ));
    } catch (error) {
      throw tempFiles ? new StagedFilesError(error, tempFiles, error instanceof FateUnknownError) : error;
    }
    const watch = watchOptionsOf(options);
    if (!o.wait && !watch.follow) {
      await session.out.done(
        `Started execution ${executionId}. Watch it with: ${resumeCommand(executionId)}`,
        { executionId },
        executionId,
      );
      return;
    }
    await session.out.hint(`started execution ${executionId}`);
    const { watchExecution } = await import("../wait/watch.ts");
    return watchExecution(session, executionId, watch);
  },
});
