import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Journal } from "../journal/journal.ts";
import { useBatchSandbox } from "../test/batch-sandbox.ts";
import { runBatch } from "./run-batch.ts";

const env = useBatchSandbox();

const rows = (n: number, extra: Record<string, unknown> = {}) =>
  Array.from({ length: n }, (_, i) => ({ key: `row-${i + 1}`, inputs: { n: i + 1, steps: 1, ...extra } }));

describe("runBatch", () => {
  it("runs every row once, at most `concurrency` at a time, and keeps each result", async () => {
    const journal = join(env.dir, "basic.sqlite");
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
    expect(outcome.progress.counts).toMatchObject({ finished: 12, pending: 0, submitting: 0, submitted: 0, failed: 0 });
    expect(maxRunning).toBeLessThanOrEqual(3);
    const onServer = env.executionsOf(outcome.batchId);
    expect(onServer.size).toBe(12);
    expect([...onServer.values()].every((n) => n === 1)).toBe(true);
    const opened = Journal.open(journal);
    const finished = [...opened.allRows()];
    opened.close();
    expect(finished.map((row) => row.status)).toEqual(Array(12).fill("completed"));
    expect(finished[4]?.result).toMatchObject({ outcome: "success", result: { inputs: { n: 5 } } });
  });
});
