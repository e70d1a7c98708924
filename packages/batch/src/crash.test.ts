import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batchResults } from "./commands/results.ts";
import { batchResume } from "./commands/resume.ts";
import { Journal, JournalError } from "./journal/journal.ts";
import { finished, spawnBin } from "./test/batch-bin.ts";
import { useBatchSandbox } from "./test/batch-sandbox.ts";

// The batch runs in a child killed with SIGKILL; the sandbox and the resume run in this process.
// The sandbox holds every request 15 ms before it acts on it, so a kill can land while an execute is
// on its way, and the settle time (400 ms) must outlast that before a row is sent again.
const env = useBatchSandbox({ stepMs: 3, latencyMs: 15 });

const ROWS = 8;
const TRIALS = 24;
const AT_ONCE = 6;
const SEED = Number(process.env.BATCH_CRASH_SEED ?? Date.now() % 100_000);

/** mulberry32: a seeded random source, so a failing trial can be replayed with BATCH_CRASH_SEED. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(SEED);

type Kill =
  | { kind: "before-execute" | "during-execute" | "after-execute"; at: number }
  | { kind: "random"; afterMs: number };

/** The plan: each hook point a few times at a random execute, the rest killed from outside at a random moment. */
const plan: Kill[] = Array.from({ length: TRIALS }, (_, trial) => {
  const at = 1 + Math.floor(random() * ROWS);
  if (trial % 4 === 0) return { kind: "after-execute", at };
  if (trial % 4 === 1) return { kind: trial % 8 === 1 ? "during-execute" : "before-execute", at };
  return { kind: "random", afterMs: Math.floor(random() * 400) };
});

/** Where a kill landed, read from the journal it left and the sandbox's executions. */
type Landing = {
  trial: number;
  kill: string;
  states: string;
  /** Rows left `submitting` whose execute the server had acted on: sent, answer not recorded. */
  sentNotRecorded: number;
  /** Rows left `submitting` the server never saw (or had not yet acted on). */
  notSent: number;
};
const landings: Landing[] = [];

async function waitFor(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return true;
}

function hasRows(path: string): boolean {
  if (!existsSync(path)) return false;
  try {
    Journal.open(path).close();
    return true;
  } catch (error) {
    // Still being written by the batch: its rows are not in yet.
    if (error instanceof JournalError || /locked|busy/i.test((error as Error).message)) return false;
    throw error;
  }
}

async function trial(index: number, kill: Kill): Promise<void> {
  const cwd = join(env.dir, `trial-${index}`);
  mkdirSync(cwd);
  const rows = Array.from({ length: ROWS }, (_, i) => `r${index}-${i + 1},${1 + (i % 2)}`).join("\n");
  writeFileSync(join(cwd, "rows.csv"), `id,steps\n${rows}\n`);
  const journal = join(cwd, "j.sqlite");
  const tuning = ["--concurrency", "3", "--poll-ms", "20", "--settle-ms", "400"];
  const childEnv: Record<string, string> = { ...env.env };
  if (kill.kind !== "random") childEnv.AGENTDECK_TEST_KILL_AT = `${kill.kind}:${kill.at}`;
  const run = spawnBin(
    [
      "run",
      env.agentId,
      "--pool",
      env.poolId,
      "--rows",
      "rows.csv",
      "--key",
      "id",
      "--input",
      "steps:integer",
      "--journal",
      journal,
      ...tuning,
    ],
    { env: childEnv, cwd },
  );
  const ran = finished(run);
  if (kill.kind === "random") {
    if (await waitFor(() => hasRows(journal) || run.exitCode !== null, 30_000)) {
      await new Promise((resolve) => setTimeout(resolve, kill.afterMs));
    }
    run.kill("SIGKILL");
  }
  const first = await ran;
  // The kill must have landed (a random one may come after a quick batch finished: then it exited 0).
  expect(first.signal === "SIGKILL" || (kill.kind === "random" && first.code === 0), first.stderr).toBe(true);

  // Where it landed, before anything repairs it.
  const left = Journal.open(journal);
  const batchId = left.batch.id;
  const counts = left.counts();
  const onServer = env.executionsOf(batchId);
  const submitting = left.rowsIn("submitting");
  left.close();
  landings.push({
    trial: index,
    kill: kill.kind === "random" ? `random +${kill.afterMs} ms` : `${kill.kind}:${kill.at}`,
    states: Object.entries(counts)
      .filter(([, n]) => n > 0)
      .map(([state, n]) => `${state} ${n}`)
      .join(", "),
    sentNotRecorded: submitting.filter((row) => onServer.has(row.key)).length,
    notSent: submitting.filter((row) => !onServer.has(row.key)).length,
  });
  if (kill.kind === "after-execute") {
    // The deterministic window: the server ran it, the journal does not know.
    expect(submitting.some((row) => onServer.has(row.key))).toBe(true);
  }

  // `batch resume`, the command function the bin runs, here in the test process: only the killed
  // batch needs a process of its own.
  let resumeLog = "";
  const resumeIo = {
    stdout: process.stdout,
    stderr: { write: (chunk: string) => (resumeLog += chunk) },
    isTTY: false,
    env: env.env,
    cwd,
  };
  const code = await batchResume({ journal, concurrency: "3", pollMs: "20", settleMs: "400" }, resumeIo);
  expect(code, resumeLog).toBe(0);

  // The sandbox's own count: one execution per row, none twice, none lost.
  const executions = env.executionsOf(batchId);
  expect(executions.size).toBe(ROWS);
  expect([...executions.entries()].filter(([, n]) => n !== 1)).toEqual([]);

  // Every result is in `batch results`, and it is the server's execution for that row.
  let text = "";
  const io = {
    stdout: { write: (chunk: string) => (text += chunk) },
    stderr: process.stderr,
    isTTY: false,
    env: {},
    cwd,
  };
  expect(await batchResults({ journal, format: "jsonl" }, io)).toBe(0);
  const results = text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  expect(results).toHaveLength(ROWS);
  for (const result of results) {
    expect(result).toMatchObject({ state: "finished", status: "completed", outcome: "success" });
    const server = env.sandbox.store.executions.get(result.executionId);
    expect(server?.metadata?.agentdeck_row).toBe(result.key);
    expect(result.result).toEqual(server?.executionResult?.result);
  }
}

describe("kill -9 at a random point, then resume", () => {
  afterAll(() => {
    const lines = landings
      .sort((a, b) => a.trial - b.trial)
      .map(
        (landing) =>
          `  #${String(landing.trial).padStart(2)} ${landing.kill.padEnd(18)} left: ${landing.states}` +
          (landing.sentNotRecorded + landing.notSent > 0
            ? ` (submitting: ${landing.sentNotRecorded} sent but not recorded, ${landing.notSent} not acted on)`
            : ""),
      );
    console.info(`crash trials (seed ${SEED}):\n${lines.join("\n")}`);
  });

  it(`runs no row twice and loses no result over ${TRIALS} trials`, async () => {
    const queue = plan.map((kill, index) => ({ kill, index: index + 1 }));
    const workers = Array.from({ length: AT_ONCE }, async () => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift())
        await trial(next.index, next.kill);
    });
    await Promise.all(workers);
    expect(landings).toHaveLength(TRIALS);
    expect(landings.filter((landing) => landing.sentNotRecorded > 0).length).toBeGreaterThanOrEqual(
      TRIALS / 4,
    );
  }, 120_000);
});
