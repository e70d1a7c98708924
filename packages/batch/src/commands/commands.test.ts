import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { Journal, JournalError } from "../journal/journal.ts";
import { BIN_ARGV, finished, runBin, spawnBin } from "../test/batch-bin.ts";
import { useBatchSandbox } from "../test/batch-sandbox.ts";
import { hasTmux, startTerminal } from "../test/terminal.ts";
import { batchResults } from "./results.ts";
import { batchResume } from "./resume.ts";
import { type BatchRunOptions, batchRun } from "./run.ts";
import { batchStatus } from "./status.ts";

const env = useBatchSandbox();

let dirs = 0;
/** A fresh working directory holding `rows.csv` with `text`. */
function workdir(text: string): string {
  const dir = join(env.dir, `work-${++dirs}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "rows.csv"), text);
  return dir;
}

const FAST = ["--poll-ms", "20", "--settle-ms", "200"];

/** An io for calling a command function in-process, its output kept as text. */
function captureIo(cwd: string, environment: Record<string, string>) {
  const stream = () => ({
    text: "",
    write(chunk: string) {
      this.text += chunk;
    },
  });
  return { stdout: stream(), stderr: stream(), isTTY: false, env: environment, cwd };
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function countsOf(path: string) {
  if (!existsSync(path)) return undefined;
  let journal: Journal;
  try {
    journal = Journal.open(path);
  } catch (error) {
    // The run may still be writing the rows in.
    if (error instanceof JournalError) return undefined;
    throw error;
  }
  try {
    return { ...journal.counts(), statuses: journal.statuses() };
  } finally {
    journal.close();
  }
}

describe("agentdeck-batch", () => {
  it("runs a CSV through a mapping, then status --json counts the states and results prints every row", async () => {
    const cwd = workdir("id,city,steps\nc1,Lisbon,1\nc2,Porto,2\nc3,Faro,1\n");
    const run = await runBin(
      [
        "run",
        "Batch test agent",
        "--pool",
        "Batch test pool 1",
        "--rows",
        "rows.csv",
        "--key",
        "id",
        "--input",
        "city",
        "--input",
        "steps=steps:integer",
        "--metadata",
        "customer=id",
        ...FAST,
      ],
      { env: env.env, cwd },
    );
    expect(run.stderr).toMatch(/batch: journal .*batch-\d{8}-\d{6}-[0-9a-f]{4}\.sqlite/);
    expect(run.stderr).toContain("3 rows: 3 done (3 completed)");
    expect(run.code).toBe(0);
    // Without --journal, the other commands take the most recent journal in the directory.
    const status = await runBin(["status", "--json"], { env: env.env, cwd });
    expect(status.code).toBe(0);
    const json = JSON.parse(status.stdout);
    expect(json).toMatchObject({
      total: 3,
      states: { pending: 0, submitting: 0, submitted: 0, finished: 3, failed: 0 },
      statuses: { completed: 3 },
      runnerPid: null,
    });
    expect(env.executionsOf(json.batchId).size).toBe(3);

    const jsonl = await runBin(["results", "--format", "jsonl"], { env: env.env, cwd });
    const lines = jsonl.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.key, line.line, line.state, line.status])).toEqual([
      ["c1", 2, "finished", "completed"],
      ["c2", 3, "finished", "completed"],
      ["c3", 4, "finished", "completed"],
    ]);
    expect(lines[1].result).toEqual({ inputs: { city: "Porto", steps: 2 }, stepsCompleted: 2 });

    const csv = await runBin(["results", "--format", "csv"], { env: env.env, cwd });
    const records = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(records.map((record) => record.key)).toEqual(["c1", "c2", "c3"]);
    expect(JSON.parse(records[2]?.result as string)).toEqual({
      inputs: { city: "Faro", steps: 1 },
      stepsCompleted: 1,
    });
    expect(records[0]?.executionId).toBe(lines[0].executionId);
  });

  it("exits 1 when the batch ran to its end but an execution failed", async () => {
    const cwd = workdir("fail,steps\ntrue,2\nfalse,1\n");
    const run = await runBin(
      [
        "run",
        env.agentId,
        "--pool",
        env.poolId,
        "--rows",
        "rows.csv",
        "--input",
        "fail:boolean",
        "--input",
        "steps:integer",
        "--journal",
        "j.sqlite",
        ...FAST,
      ],
      { env: env.env, cwd },
    );
    expect(run.stderr).toContain("2 rows: 2 done (1 completed, 1 failed)");
    expect(run.code).toBe(1);
  });

  it("refuses bad rows with exit 2, naming line and column, creating no journal and sending nothing", async () => {
    const cwd = workdir('id,qty\n1,2\n2,"3\n');
    const run = await runBin(
      [
        "run",
        env.agentId,
        "--pool",
        env.poolId,
        "--rows",
        "rows.csv",
        "--input",
        "qty:number",
        "--journal",
        "j.sqlite",
      ],
      { env: env.env, cwd },
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('line 3, column "qty": a quoted field is never closed');
    expect(existsSync(join(cwd, "j.sqlite"))).toBe(false);
  });

  it("refuses a command line it cannot read with exit 2 and the usage", async () => {
    const cwd = workdir("a\n1\n");
    for (const [args, message] of [
      [["run", env.agentId, "--pool", env.poolId], "run needs --rows FILE"],
      [["frobnicate"], 'unknown command "frobnicate"'],
      [["status", "--colour"], "Unknown option '--colour'"],
    ] as const) {
      const run = await runBin(args, { env: env.env, cwd });
      expect({ args, code: run.code }).toEqual({ args, code: 2 });
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain("Usage: agentdeck-batch <command> [options]");
    }
  });

  it("refuses bad options with exit 2, naming the option and what it takes, before sending anything", async () => {
    const cwd = workdir("a\n1\n");
    const io = captureIo(cwd, env.env);
    const run = (options: Partial<BatchRunOptions>) =>
      batchRun({ agent: env.agentId, pool: env.poolId, rows: "rows.csv", ...options } as BatchRunOptions, io);
    const cases: [() => Promise<number>, string][] = [
      [() => run({ pool: undefined }), "give exactly one of --pool"],
      [() => run({ concurrency: "0" }), '--concurrency must be a whole number from 1 to 1000, not "0"'],
      [() => run({ pollMs: "fast" }), '--poll-ms must be a whole number from 10 to 3600000, not "fast"'],
      [() => run({ input: ["a=b:float"] }), "type one of string, number, integer, boolean, json"],
      [() => run({ format: "xlsx" }), '--format must be one of csv, jsonl, json, not "xlsx"'],
      [() => run({ agent: "No such agent" }), 'there is no agent named "No such agent"'],
      [() => run({ pool: "No such pool" }), 'there is no pool named "No such pool"'],
      [() => batchStatus({}, io), `there is no batch journal in ${cwd}; name one with --journal`],
      [() => batchResults({ format: "xml", journal: "rows.csv" }, io), "--format must be one of jsonl, csv"],
      [() => batchStatus({ journal: "rows.csv" }, io), "rows.csv: is not a batch journal"],
    ];
    for (const [command, message] of cases) {
      io.stderr.text = "";
      expect(await command()).toBe(2);
      expect(io.stderr.text).toContain(message);
    }
    const noKey = captureIo(cwd, {});
    expect(await batchResume({ journal: "rows.csv" }, noKey)).toBe(2);
    expect(noKey.stderr.text).toContain("no API key: set ASTEROID_API_KEY");
    expect(readdirSync(cwd)).toEqual(["rows.csv"]);
  });

  it("cancel asks a live run to stop: it cancels what runs, records it, and exits 3; the rows not sent stay pending", async () => {
    const cwd = workdir(
      `n,awaitConfirmation\n${Array.from({ length: 6 }, (_, i) => `${i},true`).join("\n")}\n`,
    );
    const journal = join(cwd, "j.sqlite");
    const run = spawnBin(
      [
        "run",
        env.agentId,
        "--pool",
        env.poolId,
        "--rows",
        "rows.csv",
        "--input",
        "n:integer",
        "--input",
        "awaitConfirmation:boolean",
        "--concurrency",
        "4",
        "--journal",
        journal,
        ...FAST,
      ],
      { env: env.env, cwd },
    );
    const ran = finished(run);
    await waitFor(() => countsOf(journal)?.submitted === 4, "four rows to be running");
    const cancel = await runBin(["cancel", "--journal", journal], { env: env.env, cwd });
    expect(cancel.stderr).toContain(`asked process ${run.pid}`);
    expect(cancel.code).toBe(0);
    const { code, stderr } = await ran;
    expect(stderr).toContain("cancelled. The rows not sent stay pending");
    expect(code).toBe(3);
    expect(countsOf(journal)).toMatchObject({ finished: 4, pending: 2, statuses: { cancelled: 4 } });
  });

  it("cancel with no live run cancels the batch's open executions itself and records them", async () => {
    const cwd = workdir(
      `n,awaitConfirmation\n${Array.from({ length: 3 }, (_, i) => `${i},true`).join("\n")}\n`,
    );
    const journal = join(cwd, "j.sqlite");
    const run = spawnBin(
      [
        "run",
        env.agentId,
        "--pool",
        env.poolId,
        "--rows",
        "rows.csv",
        "--input",
        "n:integer",
        "--input",
        "awaitConfirmation:boolean",
        "--journal",
        journal,
        ...FAST,
      ],
      { env: env.env, cwd },
    );
    const ran = finished(run);
    await waitFor(() => countsOf(journal)?.submitted === 3, "three rows to be running");
    run.kill("SIGKILL");
    expect((await ran).signal).toBe("SIGKILL");
    const cancel = await runBin(["cancel", "--journal", journal, ...FAST.slice(0, 2)], { env: env.env, cwd });
    expect(cancel.stderr).toContain("cancelled.");
    expect(cancel.code).toBe(0);
    expect(countsOf(journal)).toMatchObject({ finished: 3, statuses: { cancelled: 3 } });
  });
});

describe.skipIf(!hasTmux)("agentdeck-batch on a terminal", () => {
  it("keeps its progress on one line, redrawn in place, then prints the summary", async () => {
    const cwd = workdir(`n,steps\n${Array.from({ length: 6 }, (_, i) => `${i},3`).join("\n")}\n`);
    const terminal = startTerminal(
      [
        ...BIN_ARGV,
        "run",
        env.agentId,
        "--pool",
        env.poolId,
        "--rows",
        "rows.csv",
        "--input",
        "n:integer",
        "--input",
        "steps:integer",
        "--concurrency",
        "2",
        "--journal",
        "j.sqlite",
        ...FAST,
      ],
      env.env,
      cwd,
    );
    try {
      const screen = await terminal.waitFor("[exited");
      expect(screen).toContain("[exited 0]");
      const lines = screen.split("\n");
      const progressLines = lines.filter((line) => / done · \d+ running · /.test(line));
      expect(progressLines).toEqual([
        expect.stringMatching(/^6\/6 done · 0 running · 0 failed · [\d.]+ rows\/s · ETA 0s$/),
      ]);
      expect(screen).toContain("6 rows: 6 done (6 completed)");
    } finally {
      terminal.close();
    }
  });
});
