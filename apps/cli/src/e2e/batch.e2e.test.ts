import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BATCH_METADATA_KEY } from "@agentdeck/batch";
import type { Sandbox } from "@agentdeck/sandbox";
import { describe, expect, test } from "vitest";
import { runTarget, testSandbox } from "../test/sandbox-env.ts";
import { e2eUnavailable, shell } from "../test/shell.ts";

const unavailable = e2eUnavailable();
const title = unavailable
  ? `agentdeck batch as a shell runs it (skipped: ${unavailable})`
  : "agentdeck batch as a shell runs it";

const ROWS = 6;

const BY_CREATION = { sortField: "created_at", sortDirection: "asc" } as const;

/** A directory holding rows.csv: `id,city,nights` with ROWS rows. */
function rowsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "agentdeck-cli-batch-"));
  const lines = Array.from({ length: ROWS }, (_, i) => `r${i + 1},City ${i + 1},${i + 1}`);
  writeFileSync(join(dir, "rows.csv"), `id,city,nights\n${lines.join("\n")}\n`);
  return dir;
}

/** The sandbox's own count of the executions carrying the batch's id, by row key. */
function executionsOf(sandbox: Sandbox, batchId: string): Map<string, number> {
  const { items } = sandbox.store.executions.list({
    metadataKey: BATCH_METADATA_KEY,
    metadataValue: batchId,
    page: 1,
    pageSize: 1000,
    ...BY_CREATION,
  });
  const byRow = new Map<string, number>();
  for (const execution of items) {
    const row = execution.metadata?.agentdeck_row as string;
    byRow.set(row, (byRow.get(row) ?? 0) + 1);
  }
  return byRow;
}

const RUN = "agentdeck batch run";
const TUNING = "--concurrency 3 --interval 20ms --settle 400ms";

describe.skipIf(unavailable !== undefined)(title, () => {
  test("batch run, then status --json and results, with the CLI's own settings", async () => {
    const { sandbox, env } = await testSandbox({ stepMs: 2 });
    const { agent, pool } = runTarget(sandbox);
    const dir = rowsDir();
    const result = await shell(
      `cd ${dir} && ${RUN} ${agent} --pool ${pool} --rows rows.csv --key id --map city=city --map nights=nights:integer ${TUNING} && \\
       agentdeck batch status --json > status.json && agentdeck batch results && \\
       agentdeck batch results --format csv | head -1`,
      env,
    );
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^batch: journal .*\/batch-[\d-]+-[0-9a-f]{4}\.sqlite\n/);
    expect(result.stderr).toMatch(/results: agentdeck batch results --journal /);
    const lines = result.stdout.trim().split("\n");
    expect(lines.at(-1)).toBe("key,line,state,executionId,status,outcome,result,error");
    const records = lines.slice(0, -1).map((line) => JSON.parse(line));
    expect(records.map((r) => r.key)).toEqual(Array.from({ length: ROWS }, (_, i) => `r${i + 1}`));
    expect(records[1]).toMatchObject({ line: 3, state: "finished", status: "completed", outcome: "success" });
    expect(records[1].result.inputs).toEqual({ city: "City 2", nights: 2 });
    const status = JSON.parse((await shell(`cat ${dir}/status.json`)).stdout);
    expect(status).toMatchObject({ total: ROWS, poolId: pool, runnerPid: null });
    expect(status.states).toEqual({ pending: 0, submitting: 0, submitted: 0, finished: ROWS, failed: 0 });
    expect(executionsOf(sandbox, status.batchId).size).toBe(ROWS);
  });

  test("bad arguments exit 2 before anything is sent; a refused key stops the batch (12), in the CLI's table", async () => {
    const { sandbox, env } = await testSandbox({ stepMs: 2 });
    const { agent, pool } = runTarget(sandbox);
    const dir = rowsDir();
    const both = await shell(
      `cd ${dir} && ${RUN} ${agent} --pool ${pool} --agent-profile x --rows rows.csv`,
      env,
    );
    expect(both.status).toBe(2);
    expect(both.stderr).toBe(
      "agentdeck batch: give exactly one of --pool (a pool's id or name) and --agent-profile (a profile's id)\n",
    );
    const refused = await shell(`cd ${dir} && ${RUN} ${agent} --pool ${pool} --rows rows.csv`, {
      ...env,
      ASTEROID_API_KEY: "not-the-key-of-this-sandbox",
    });
    expect(refused.status).toBe(12);
    expect(refused.stderr).not.toContain("not-the-key-of-this-sandbox");
    expect(sandbox.store.executions.list({ page: 1, pageSize: 100, ...BY_CREATION }).total).toBe(10);
  });

  test("kill -9 of agentdeck batch run between an execute's answer and its journal write; batch resume runs no row twice", async () => {
    const { sandbox, env } = await testSandbox({ stepMs: 2 });
    const { agent, pool } = runTarget(sandbox);
    const dir = rowsDir();
    const killed = await shell(
      `cd ${dir} && ${RUN} ${agent} --pool ${pool} --rows rows.csv --key id --journal j.sqlite ${TUNING}`,
      { ...env, AGENTDECK_TEST_KILL_AT: "after-execute:3" },
    );
    expect(killed.signal ?? killed.status, killed.stderr).toSatisfy(
      (how: unknown) => how === "SIGKILL" || how === 137,
    );
    const left = JSON.parse((await shell(`cd ${dir} && agentdeck batch status --json`, env)).stdout);
    // The server ran the third execute; the journal still says it is being submitted.
    expect(left.states.submitting).toBeGreaterThan(0);
    expect(executionsOf(sandbox, left.batchId).size).toBeGreaterThanOrEqual(3);
    const resumed = await shell(
      `cd ${dir} && agentdeck batch resume ${TUNING} && agentdeck batch results`,
      env,
    );
    expect(resumed.status, resumed.stderr).toBe(0);
    const onServer = executionsOf(sandbox, left.batchId);
    expect(onServer.size).toBe(ROWS);
    expect([...onServer.values()].every((n) => n === 1)).toBe(true);
    const records = resumed.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(records).toHaveLength(ROWS);
    for (const record of records) {
      expect(record).toMatchObject({ state: "finished", status: "completed" });
      expect(sandbox.store.executions.get(record.executionId)?.metadata?.agentdeck_row).toBe(record.key);
    }
  });

  test("Ctrl-C stops sending, leaves what runs running, and says how to go on (exit 130)", async () => {
    const { sandbox, env } = await testSandbox({ stepMs: 2 });
    const { agent, pool } = runTarget(sandbox);
    const dir = rowsDir();
    writeFileSync(join(dir, "wait.csv"), "id,awaitConfirmation\nw1,true\nw2,true\n");
    const result = await shell(
      `cd ${dir} && exec ${RUN} ${agent} --pool ${pool} --rows wait.csv --key id --map awaitConfirmation=awaitConfirmation:boolean ${TUNING}`,
      env,
      {
        onStart: (child) => {
          let err = "";
          child.stderr?.on("data", (chunk: Buffer) => {
            err += chunk.toString();
            if (/ 2 running/.test(err)) child.kill("SIGINT");
          });
        },
      },
    );
    expect(result.status, result.stderr).toBe(130);
    expect(result.stderr).toContain("agentdeck batch: stopping (executes on their way are let finish)");
    expect(result.stderr).toMatch(
      /interrupted: what was sent keeps running on the server\. Go on with: agentdeck batch resume --journal \S+\.sqlite\n$/,
    );
    // Both were left running (not cancelled): each goes on to wait for its confirmation, which on
    // a loaded machine may come a moment after the command has exited.
    const waiting = () =>
      sandbox.store.executions
        .list({ page: 1, pageSize: 100, ...BY_CREATION })
        .items.filter((execution) => execution.metadata?.[BATCH_METADATA_KEY] !== undefined)
        .map((execution) => execution.status);
    await expect.poll(waiting, { timeout: 5000 }).toEqual(["awaiting_confirmation", "awaiting_confirmation"]);
  });
});
