import { join } from "node:path";
import { AuthenticationError } from "@agentdeck/core";
import { afterEach, describe, expect, it } from "vitest";
import { Journal } from "../journal/journal.ts";
import { useBatchSandbox } from "../test/batch-sandbox.ts";
import { type ProxiedRequest, type ProxyAction, startFaultProxy } from "../test/fault-proxy.ts";
import { ROW_METADATA_KEY } from "./batch-metadata.ts";
import type { BatchProgress } from "./progress.ts";
import { resumeBatch, runBatch } from "./run-batch.ts";

const env = useBatchSandbox();

const rows = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ key: `row-${i + 1}`, inputs: { n: i + 1, steps: 1, ...extra } }));

let journals = 0;
const newJournal = () => join(env.dir, `flow-${++journals}.sqlite`);

const proxies: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((proxy) => proxy.close()));
});

async function proxy(decide: (request: ProxiedRequest) => ProxyAction) {
  const started = await startFaultProxy(env.sandbox.url, decide);
  proxies.push(started);
  return started;
}

const isExecute = (request: ProxiedRequest) => request.method === "POST" && request.path.endsWith("/execute");
const rowOf = (request: ProxiedRequest) =>
  (request.body as { metadata?: Record<string, string> } | undefined)?.metadata?.[ROW_METADATA_KEY];

function rowsOf(journal: string) {
  const opened = Journal.open(journal);
  try {
    return [...opened.allRows()];
  } finally {
    opened.close();
  }
}

function expectEachRowRanOnce(batchId: string, count: number) {
  const onServer = env.executionsOf(batchId);
  expect(onServer.size).toBe(count);
  expect([...onServer.entries()].filter(([, n]) => n !== 1)).toEqual([]);
}

describe("runBatch", () => {
  it("runs every row once, at most `concurrency` at a time, and keeps each result", async () => {
    const journal = newJournal();
    let maxRunning = 0;
    const outcome = await runBatch({
      client: env.client,
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(12),
      concurrency: 3,
      journal,
      pollIntervalMs: 20,
      onProgress: (progress) => {
        maxRunning = Math.max(maxRunning, progress.running);
      },
    });
    expect(outcome.stopped).toBeUndefined();
    expect(outcome.progress.counts).toEqual({
      pending: 0,
      submitting: 0,
      submitted: 0,
      finished: 12,
      failed: 0,
    });
    expect(maxRunning).toBe(3);
    expectEachRowRanOnce(outcome.batchId, 12);
    const finished = rowsOf(journal);
    expect(finished.map((row) => row.status)).toEqual(Array(12).fill("completed"));
    expect(finished[4]?.result).toMatchObject({ outcome: "success", result: { inputs: { n: 5 } } });
  });

  it("polls with lists of the batch's executions, open then finished, not a GET per row", async () => {
    const { url, log } = await proxy(() => ({ forward: true }));
    const outcome = await runBatch({
      client: env.clientAt(`${url}/agents/v2`),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(10, { steps: 6 }),
      concurrency: 10,
      journal: newJournal(),
      pollIntervalMs: 15,
    });
    expect(outcome.progress.counts.finished).toBe(10);
    const lists = log.filter((request) => request.method === "GET" && /\/executions\?/.test(request.path));
    const gets = log.filter(
      (request) => request.method === "GET" && /\/executions\/[0-9a-f-]+$/.test(request.path),
    );
    // An execution is fetched on its own only when it finished before any list had shown it.
    expect(gets.length).toBeLessThanOrEqual(2);
    const open = ["awaiting_confirmation", "paused", "paused_by_agent", "running", "starting"];
    const kinds = new Set<string>();
    for (const list of lists) {
      const query = new URL(list.path, url).searchParams;
      expect(query.get("metadataKey")).toBe("agentdeck_batch");
      expect(query.get("metadataValue")).toBe(outcome.batchId);
      const statuses = query.getAll("status").sort();
      if (statuses.join() === open.join()) kinds.add("open");
      else if (statuses.join() === "cancelled,completed,failed" && query.get("createdAfter") !== null)
        kinds.add("finished");
      else throw new Error(`unexpected list ${list.path}`);
    }
    expect([...kinds].sort()).toEqual(["finished", "open"]);
  });

  it("treats a 409 (the pool has no free profile) as backpressure: every row runs, none fails", async () => {
    const pool = env.addPool(false, 2);
    const seen: BatchProgress[] = [];
    const outcome = await runBatch({
      client: env.client,
      agentId: env.agentId,
      pool,
      rows: rows(8, { steps: 2 }),
      concurrency: 5,
      journal: newJournal(),
      pollIntervalMs: 15,
      onProgress: (progress) => seen.push(progress),
    });
    expect(outcome.progress.counts).toMatchObject({ finished: 8, failed: 0 });
    expect(outcome.progress.statuses).toEqual({ completed: 8 });
    expect(seen.some((progress) => progress.waiting?.reason === "no-free-profile")).toBe(true);
    expectEachRowRanOnce(outcome.batchId, 8);
  });

  it("fails a row the API refuses (a 400 that started nothing) and runs the others", async () => {
    const { url } = await proxy((request) =>
      isExecute(request) && rowOf(request) === "row-3"
        ? { status: 400, body: { code: 400, message: "inputs.n: three is not allowed" } }
        : { forward: true },
    );
    const journal = newJournal();
    const outcome = await runBatch({
      client: env.clientAt(`${url}/agents/v2`),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(5),
      concurrency: 2,
      journal,
      pollIntervalMs: 15,
    });
    expect(outcome.progress.counts).toMatchObject({ finished: 4, failed: 1 });
    const refused = rowsOf(journal).find((row) => row.key === "row-3");
    expect(refused).toMatchObject({ state: "failed", error: { name: "BadRequestError", status: 400 } });
    expect(refused?.error?.message).toContain("three is not allowed");
    expect(env.executionsOf(outcome.batchId).has("row-3")).toBe(false);
  });

  it("adopts the execution of an execute whose answer was lost after the server acted, instead of sending it again", async () => {
    let lost = false;
    const { url, log } = await proxy((request) => {
      if (isExecute(request) && rowOf(request) === "row-2" && !lost) {
        lost = true;
        return { dropAnswer: true };
      }
      return { forward: true };
    });
    const journal = newJournal();
    const outcome = await runBatch({
      client: env.clientAt(`${url}/agents/v2`),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(4),
      concurrency: 2,
      journal,
      pollIntervalMs: 15,
      settleMs: 60_000,
    });
    expect(outcome.progress.counts.finished).toBe(4);
    expect(log.filter((request) => isExecute(request) && rowOf(request) === "row-2")).toHaveLength(1);
    expectEachRowRanOnce(outcome.batchId, 4);
  });

  it("sends a row again when its execute never reached the server, once the server has had time to show it", async () => {
    let dropped = false;
    const { url, log } = await proxy((request) => {
      if (isExecute(request) && rowOf(request) === "row-2" && !dropped) {
        dropped = true;
        return { dropBeforeServer: true };
      }
      return { forward: true };
    });
    const outcome = await runBatch({
      client: env.clientAt(`${url}/agents/v2`),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(3),
      concurrency: 3,
      journal: newJournal(),
      pollIntervalMs: 15,
      settleMs: 200,
    });
    expect(outcome.progress.counts.finished).toBe(3);
    expect(log.filter((request) => isExecute(request) && rowOf(request) === "row-2")).toHaveLength(2);
    expectEachRowRanOnce(outcome.batchId, 3);
  });

  it("waits out the settle time before believing the server has nothing: an execute that arrives late is found, not run twice", async () => {
    let slowed = false;
    const { url, log } = await proxy((request) => {
      if (isExecute(request) && rowOf(request) === "row-1" && !slowed) {
        slowed = true;
        // The client gives up at 300 ms; the server gets the request at 600 ms and starts the run.
        return { forward: true, delayMs: 600 };
      }
      return { forward: true };
    });
    const journal = newJournal();
    const outcome = await runBatch({
      client: env.clientAt(`${url}/agents/v2`, { timeoutMs: 300 }),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(2),
      concurrency: 2,
      journal,
      pollIntervalMs: 15,
      settleMs: 1_500,
    });
    expect(outcome.progress.counts.finished).toBe(2);
    const lookups = log.filter((request) => request.path.includes(`metadataKey=${ROW_METADATA_KEY}`));
    expect(lookups.length).toBeGreaterThanOrEqual(2);
    expect(log.filter((request) => isExecute(request) && rowOf(request) === "row-1")).toHaveLength(1);
    expectEachRowRanOnce(outcome.batchId, 2);
  });

  it("stops the whole batch on a 401, leaving every row unsent and ready to resume", async () => {
    const journal = newJournal();
    const outcome = await runBatch({
      client: env.clientAt(env.sandbox.agentsUrl, { apiKey: "a-wrong-key" }),
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(6),
      concurrency: 3,
      journal,
      pollIntervalMs: 15,
    });
    expect(outcome.stopped).toMatchObject({ reason: "error" });
    expect((outcome.stopped as { error: unknown }).error).toBeInstanceOf(AuthenticationError);
    expect(outcome.progress.counts).toEqual({
      pending: 6,
      submitting: 0,
      submitted: 0,
      finished: 0,
      failed: 0,
    });
    const resumed = await resumeBatch({ client: env.client, journal, pollIntervalMs: 15 });
    expect(resumed.progress.counts.finished).toBe(6);
    expectEachRowRanOnce(outcome.batchId, 6);
  });

  it("stops sending on abort, leaves what runs recorded, and resumes to the end without running a row twice", async () => {
    const journal = newJournal();
    const controller = new AbortController();
    const outcome = await runBatch({
      client: env.client,
      agentId: env.agentId,
      pool: env.poolId,
      rows: rows(10, { steps: 3 }),
      concurrency: 2,
      journal,
      pollIntervalMs: 15,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.done >= 2) controller.abort();
      },
    });
    expect(outcome.stopped).toEqual({ reason: "interrupted" });
    expect(outcome.progress.counts.pending).toBeGreaterThan(0);
    expect(outcome.progress.counts.submitting).toBe(0);
    const resumed = await resumeBatch({ client: env.client, journal, pollIntervalMs: 15 });
    expect(resumed.stopped).toBeUndefined();
    expect(resumed.progress.counts.finished).toBe(10);
    expectEachRowRanOnce(outcome.batchId, 10);
  });

  it("records a failed execution as finished with its status and result", async () => {
    const journal = newJournal();
    const outcome = await runBatch({
      client: env.client,
      agentId: env.agentId,
      pool: env.poolId,
      rows: [
        { key: "bad", inputs: { fail: true, steps: 2 } },
        { key: "good", inputs: { steps: 1 } },
      ],
      journal,
      pollIntervalMs: 15,
    });
    expect(outcome.progress.statuses).toEqual({ completed: 1, failed: 1 });
    expect(rowsOf(journal).find((row) => row.key === "bad")).toMatchObject({
      state: "finished",
      status: "failed",
      result: { outcome: "failure" },
    });
  });
});
