import { join } from "node:path";
import { createClient } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { useBatchSandbox } from "../test/batch-sandbox.ts";
import { startFaultProxy } from "../test/fault-proxy.ts";
import type { BatchProgress } from "./progress.ts";
import { runBatch } from "./run-batch.ts";

// Every other execute is refused with 429 and `Retry-After: 1`: the sandbox rolls its faults with
// this source, and only executes roll.
let roll = 0;
const env = useBatchSandbox({
  stepMs: 2,
  faults: {
    rate: 0.5,
    status: 429,
    retryAfterSeconds: 1,
    routes: ["POST /agents/v2/agents/{agentId}/execute"],
  },
  random: () => (roll++ % 2 === 0 ? 0.1 : 0.9),
});

type Attempt = { method: string; url: string; startedAt: number; answeredAt: number; status: number };

/** A client whose every attempt (method, URL, status, when it started and was answered) is recorded. */
function recordingClient(baseUrl: string, attempts: Attempt[]) {
  return createClient({
    apiKey: env.sandbox.apiKey,
    baseUrl,
    retryTiming: { baseMs: 5, capMs: 20, maxRetryAfterMs: 60_000 },
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const startedAt = Date.now();
      const response = await fetch(request);
      attempts.push({
        method: request.method,
        url: request.url,
        startedAt,
        answeredAt: Date.now(),
        status: response.status,
      });
      return response;
    },
  });
}

const isExecute = (attempt: Attempt) => attempt.method === "POST" && attempt.url.endsWith("/execute");

describe("a 429 storm", () => {
  it("holds every row for the Retry-After of each 429, and finishes with no row failed for it", async () => {
    const attempts: Attempt[] = [];
    const seen: BatchProgress[] = [];
    const rows = Array.from({ length: 6 }, (_, i) => ({ key: `row-${i + 1}`, inputs: { steps: 1 } }));
    const outcome = await runBatch({
      client: recordingClient(env.sandbox.agentsUrl, attempts),
      agentId: env.agentId,
      pool: env.poolId,
      rows,
      concurrency: 3,
      journal: join(env.dir, "storm.sqlite"),
      pollIntervalMs: 20,
      onProgress: (progress) => seen.push(progress),
    });
    expect(outcome.stopped).toBeUndefined();
    expect(outcome.progress.counts).toEqual({
      pending: 0,
      submitting: 0,
      submitted: 0,
      finished: 6,
      failed: 0,
    });
    expect(outcome.progress.statuses).toEqual({ completed: 6 });
    const onServer = env.executionsOf(outcome.batchId);
    expect([...onServer.values()]).toEqual([1, 1, 1, 1, 1, 1]);

    const executes = attempts.filter(isExecute);
    const refused = executes.filter((attempt) => attempt.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(6);
    expect(seen.some((progress) => progress.waiting?.reason === "rate-limited")).toBe(true);
    // Shared: once a 429 is in, no row starts an execute until its Retry-After has passed.
    for (const limited of refused) {
      const tooSoon = executes.filter(
        (attempt) =>
          attempt.startedAt > limited.answeredAt && attempt.startedAt < limited.answeredAt + 1000 - 5,
      );
      expect(tooSoon).toEqual([]);
    }
  }, 60_000);

  it("waits out 429s on its polls too (after the client's own retries) and loses no row", async () => {
    let listsRefused = 0;
    const proxy = await startFaultProxy(env.sandbox.url, (request) => {
      if (
        request.method === "GET" &&
        /\/executions\?.*agentdeck_batch/.test(request.path) &&
        listsRefused < 3
      ) {
        listsRefused++;
        return { status: 429, body: { code: 429, message: "slow down" }, headers: { "retry-after": "1" } };
      }
      return { forward: true };
    });
    try {
      const notices: string[] = [];
      const outcome = await runBatch({
        client: recordingClient(`${proxy.url}/agents/v2`, []),
        agentId: env.agentId,
        pool: env.poolId,
        rows: [{ key: "a", inputs: { steps: 1 } }],
        journal: join(env.dir, "poll-storm.sqlite"),
        pollIntervalMs: 20,
        onProgress: (progress) => {
          if (progress.notice !== undefined) notices.push(progress.notice);
        },
      });
      expect(outcome.progress.counts.finished).toBe(1);
      expect(listsRefused).toBe(3);
      expect(notices.some((notice) => notice.includes("rate limited while polling"))).toBe(true);
      expect(env.executionsOf(outcome.batchId).get("a")).toBe(1);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
