import { describe, expect, it } from "vitest";
import { AbortError, NotFoundError, RequestValidationError, TimeoutError } from "./errors.ts";
import type { Execution } from "./models/execution.ts";
import { testClient, V2 } from "./test/client.ts";
import { EXECUTION_ID, execution, executionResult } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

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
    });
    await server.waitForRequest(() => true);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(AbortError);
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
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(server.requests).toHaveLength(0);
  });
});
