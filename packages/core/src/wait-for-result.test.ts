import { describe, expect, it } from "vitest";
import {
  AbortError,
  InternalServerError,
  NotFoundError,
  RequestValidationError,
  ResponseValidationError,
  TimeoutError,
} from "./errors.ts";
import type { Execution } from "./models/execution.ts";
import { testClient, V2 } from "./test/client.ts";
import { EXECUTION_ID, execution, executionResult } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";
import { MAX_POLL_BACKOFF_MS, pollBackoff } from "./wait-for-result.ts";

const server = useTestServer();

const ROUTE = `GET ${V2}/executions/:id`;

describe("executions.waitForResult", () => {
  it("polls until a terminal status and returns that execution", async () => {
    server.route(
      ROUTE,
      { json: execution({ status: "starting" }) },
      { json: execution({ status: "running" }) },
      { json: execution({ status: "failed" }) },
    );
    const result = await testClient(server).executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 1 });
    expect(result.status).toBe("failed");
    expect(server.received(ROUTE)).toHaveLength(3);
  });

  it("keeps polling while a completed execution has no executionResult yet", async () => {
    server.route(
      ROUTE,
      { json: execution({ status: "running" }) },
      { json: execution({ status: "completed" }) },
      { json: execution({ status: "completed" }) },
      { json: execution({ status: "completed", executionResult: executionResult() }) },
    );
    const result = await testClient(server).executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 1 });
    expect(result.executionResult).toEqual(executionResult());
    expect(server.received(ROUTE)).toHaveLength(4);
  });

  it("returns a cancelled execution at once, without waiting for a result", async () => {
    server.route(ROUTE, { json: execution({ status: "cancelled" }) });
    const result = await testClient(server).executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 1 });
    expect(result.status).toBe("cancelled");
    expect(server.requests).toHaveLength(1);
  });

  it("calls onUpdate once per status change, not once per poll", async () => {
    server.route(
      ROUTE,
      { json: execution({ status: "running" }) },
      { json: execution({ status: "running" }) },
      { json: execution({ status: "paused" }) },
      { json: execution({ status: "running" }) },
      { json: execution({ status: "completed", executionResult: executionResult() }) },
    );
    const seen: string[] = [];
    await testClient(server).executions.waitForResult(EXECUTION_ID, {
      pollIntervalMs: 1,
      onUpdate: (e: Execution) => seen.push(e.status),
    });
    expect(seen).toEqual(["running", "paused", "running", "completed"]);
  });

  it("keeps polling through an unknown status, which is not terminal", async () => {
    server.route(
      ROUTE,
      { json: execution({ status: "warming_up" }) },
      { json: execution({ status: "failed" }) },
    );
    const result = await testClient(server).executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 1 });
    expect(result.status).toBe("failed");
  });

  it("rejects with AbortError when the signal aborts between polls", async () => {
    server.route(ROUTE, { json: execution({ status: "running" }) });
    const controller = new AbortController();
    const waiting = testClient(server).executions.waitForResult(EXECUTION_ID, {
      signal: controller.signal,
      pollIntervalMs: 60_000,
      // The first poll is answered: the wait is now sleeping until the next one.
      onUpdate: () => setTimeout(() => controller.abort(), 10),
    });
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    // Between polls nothing is on its way.
    expect((error as AbortError).mayHaveActed).toBe(false);
  });

  it("rejects with AbortError when the signal aborts during a poll", async () => {
    server.route(ROUTE, { json: execution({ status: "running" }), delayMs: 60_000 });
    const controller = new AbortController();
    const waiting = testClient(server).executions.waitForResult(EXECUTION_ID, { signal: controller.signal });
    await server.waitForRequest(() => true);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
  });

  it("rejects with TimeoutError naming the last status once its timeoutMs runs out", async () => {
    server.route(ROUTE, { json: execution({ status: "running" }) });
    const error = await testClient(server)
      .executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 60_000, timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toContain("last status: running");
  });

  it("rejects with the API error when polling fails for good", async () => {
    server.route(ROUTE, { status: 404, json: { code: 404, message: "execution not found" } });
    await expect(testClient(server).executions.waitForResult(EXECUTION_ID)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("rejects invalid options before polling", async () => {
    await expect(
      testClient(server).executions.waitForResult(EXECUTION_ID, { pollIntervalMs: 0 }),
    ).rejects.toThrow(
      new RequestValidationError("waitForResult options", [
        { path: "pollIntervalMs", message: "must be a whole number of milliseconds, 1 or more" },
      ]),
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("executions.waitForResult through failed polls", () => {
  it("waits what a 429's Retry-After asks before the next poll", async () => {
    server.route(
      ROUTE,
      { status: 429, headers: { "retry-after": "1" } },
      { json: execution({ status: "failed" }) },
    );
    const waits: number[] = [];
    const client = testClient(server, { maxRetries: 0 });
    const result = await client.executions.waitForResult(EXECUTION_ID, {
      pollIntervalMs: 1,
      onError: (_, retry) => waits.push(retry.retryInMs),
    });
    expect(result.status).toBe("failed");
    expect(waits).toEqual([1000]);
    const [first, second] = server.received(ROUTE).map((request) => request.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("counts failures in a row for onError, from 1 again after a poll succeeds, and keeps calling onUpdate", async () => {
    server.route(
      ROUTE,
      { status: 500 },
      { status: 502 },
      { json: execution({ status: "running" }) },
      { status: 504 },
      { json: execution({ status: "completed", executionResult: executionResult() }) },
    );
    const failures: number[] = [];
    const statuses: string[] = [];
    await testClient(server, { maxRetries: 0 }).executions.waitForResult(EXECUTION_ID, {
      pollIntervalMs: 1,
      onError: (_, retry) => failures.push(retry.failures),
      onUpdate: (e) => statuses.push(e.status),
    });
    expect(failures).toEqual([1, 2, 1]);
    expect(statuses).toEqual(["running", "completed"]);
  });

  it("rejects at once on a poll no retry can cure, such as a body that breaks the model", async () => {
    server.route(ROUTE, { json: { id: "not an execution" } }, { json: execution({ status: "failed" }) });
    const errors: unknown[] = [];
    await expect(
      testClient(server).executions.waitForResult(EXECUTION_ID, {
        pollIntervalMs: 1,
        onError: (error) => errors.push(error),
      }),
    ).rejects.toBeInstanceOf(ResponseValidationError);
    expect(errors).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("treats a poll that ran out of the client's own timeoutMs as one more failed poll", async () => {
    server.route(ROUTE, { json: execution(), delayMs: 60_000 }, { json: execution({ status: "cancelled" }) });
    const errors: string[] = [];
    const client = testClient(server, { timeoutMs: 50 });
    const result = await client.executions.waitForResult(EXECUTION_ID, {
      pollIntervalMs: 1,
      timeoutMs: 10_000,
      onError: (error) => errors.push(error.name),
    });
    expect(result.status).toBe("cancelled");
    expect(errors).toEqual(["TimeoutError"]);
  });
});

describe("pollBackoff", () => {
  const error = new InternalServerError({ api: "v2", method: "GET", url: "u", status: 503, message: "x" });

  it("doubles per failure in a row, never below the poll interval, up to 30 s", () => {
    const top = () => 0.999_999;
    expect([1, 2, 3, 4, 10].map((failures) => pollBackoff(error, failures, 1000, top))).toEqual([
      1999,
      3999,
      7999,
      15_999,
      MAX_POLL_BACKOFF_MS - 1,
    ]);
    expect(pollBackoff(error, 3, 1000, () => 0)).toBe(1000);
  });

  it("waits exactly what Retry-After asked for", () => {
    const limited = new InternalServerError({ ...error, status: 503, message: "x", retryAfterMs: 4500 });
    expect(pollBackoff(limited, 1, 1000, () => 0)).toBe(4500);
  });
});
