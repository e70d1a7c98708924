import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  AbortError,
  BadRequestError,
  ConnectionError,
  InternalServerError,
  RequestValidationError,
  ResponseTooLargeError,
  TimeoutError,
  UnreadableResponseError,
} from "./errors.ts";
import { TEST_API_KEY, TEST_TOKEN, testClient, V2 } from "./test/client.ts";
import { AGENT_ID, EXECUTION_ID, execution, ORG_ID, POOL_ID, pool, userContext } from "./test/fixtures.ts";
import { expectNoSecret, failureOf } from "./test/renderings.ts";
import { useTestServer } from "./test/use-server.ts";

// Every fault runs through the client against a real server on 127.0.0.1, and each test checks
// the error's class, the time it took against the deadline, how many requests the server saw
// (never two for an execute or a create), and that no rendering of the error holds a secret.

const server = useTestServer();
const SECRETS = [TEST_API_KEY, TEST_TOKEN];
const EXECUTE = `POST ${V2}/agents/:id/execute`;
const POOLS = `POST ${V2}/agent-profile-pools`;
const CONTEXT = `GET ${V2}/context`;
const EXECUTION = `GET ${V2}/executions/:id`;
/** Slack for a busy 2-core machine; a hang would last until the test's own timeout. */
const LATE_MS = 3_000;

const executeBody = { agentProfilePoolId: POOL_ID, metadata: { batch: "b-42" } };
const execute = (options = {}) => testClient(server).agents.execute(AGENT_ID, executeBody, options);
const createPool = (options = {}) =>
  testClient(server).pools.create({ name: "night shift", organizationId: ORG_ID }, options);

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("deadlines hold while a body stalls", () => {
  it("ends a GET whose body stalls after the headers with TimeoutError at its timeoutMs", async () => {
    server.route(CONTEXT, { partial: "{", ending: "stall" });
    const { error, ms } = await failureOf(() => testClient(server).context.get({ timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeGreaterThanOrEqual(295);
    expect(ms).toBeLessThan(300 + LATE_MS);
    expect(server.requests).toHaveLength(1);
    await server.requests[0]?.closed;
    expectNoSecret(error, SECRETS);
  });

  it("ends an execute whose 202 stalls with TimeoutError that may have acted, says how to check, and never re-sends", async () => {
    server.route(EXECUTE, { status: 202, partial: '{"executionId":', ending: "stall" });
    const { error, ms } = await failureOf(() => execute({ timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(300 + LATE_MS);
    expect((error as TimeoutError).mayHaveActed).toBe(true);
    expect((error as Error).message).toContain(
      `client.executions.list({ agentId: "${AGENT_ID}", metadataKey: "batch", metadataValue: "b-42" })`,
    );
    expect(server.received(EXECUTE)).toHaveLength(1);
    expectNoSecret(error, SECRETS);
  });

  it("ends a stalled body with AbortError as soon as the signal aborts", async () => {
    server.route(CONTEXT, { partial: "{", ending: "stall" });
    const controller = new AbortController();
    const call = failureOf(() =>
      testClient(server).context.get({ signal: controller.signal, timeoutMs: 60_000 }),
    );
    await server.waitForRequest(() => true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const aborted = performance.now();
    controller.abort();
    const { error } = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect(performance.now() - aborted).toBeLessThan(LATE_MS);
    expect((error as AbortError).mayHaveActed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("ends waitForResult promptly when its signal aborts during a stalled poll", async () => {
    server.route(EXECUTION, { partial: "{", ending: "stall" });
    const controller = new AbortController();
    const waiting = failureOf(() =>
      testClient(server).executions.waitForResult(EXECUTION_ID, { signal: controller.signal }),
    );
    await server.waitForRequest(() => true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const aborted = performance.now();
    controller.abort();
    const { error } = await waiting;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).mayHaveActed).toBe(true);
    expect((error as Error).message).toBe(
      `Waiting for execution ${EXECUTION_ID} (last status: none yet) was aborted by its signal.`,
    );
    expect(performance.now() - aborted).toBeLessThan(LATE_MS);
    expect(server.requests).toHaveLength(1);
  });

  it("ends a response whose headers never come with TimeoutError at its timeoutMs", async () => {
    server.route(POOLS, { json: pool(), delayMs: 60_000 });
    const { error, ms } = await failureOf(() => createPool({ timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeLessThan(300 + LATE_MS);
    expect((error as TimeoutError).mayHaveActed).toBe(true);
    expect((error as Error).message).toContain(
      `client.pools.list({ organizationId: "${ORG_ID}", searchName: "night shift" })`,
    );
    expect(server.received(POOLS)).toHaveLength(1);
  });
});

describe("the size limit", () => {
  it("stops a gzip bomb at maxResponseBytes with ResponseTooLargeError, and memory stays bounded", async () => {
    server.route(CONTEXT, { gzipBomb: 2 * 1024 ** 3 });
    const before = process.memoryUsage().rss;
    const { error, ms } = await failureOf(() =>
      testClient(server).context.get({ maxResponseBytes: 1024 * 1024, timeoutMs: 20_000 }),
    );
    const grownMiB = (process.memoryUsage().rss - before) / 1024 ** 2;
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(UnreadableResponseError);
    const tooLarge = error as ResponseTooLargeError;
    expect(tooLarge.maxResponseBytes).toBe(1024 * 1024);
    expect(tooLarge.status).toBe(200);
    expect(tooLarge.mayHaveActed).toBe(true);
    expect(tooLarge.message).toMatch(/answered 200, but its body is over maxResponseBytes \(1048576 bytes/);
    // Inflated whole it would be 2 GiB; the bound leaves room for the server's own buffers and the GC.
    expect(grownMiB).toBeLessThan(256);
    expect(ms).toBeLessThan(20_000);
    // Retrying would only bring the same bomb again.
    expect(server.requests).toHaveLength(1);
    expectNoSecret(error, SECRETS);
  });

  it("applies the client's maxResponseBytes to a plain body, and a call's own wins over it", async () => {
    const big = { organizations: [], padding: "x".repeat(100_000) };
    server.route(CONTEXT, { json: big });
    const client = testClient(server, { maxResponseBytes: 50_000 });
    const { error } = await failureOf(() => client.context.get());
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect((error as ResponseTooLargeError).maxResponseBytes).toBe(50_000);
    await expect(client.context.get({ maxResponseBytes: 200_000 })).resolves.toMatchObject({
      organizations: [],
    });
  });

  it("gives an error status over the limit its own class, without the body", async () => {
    server.route(CONTEXT, { status: 400, json: { code: 400, message: "x".repeat(10_000) } });
    const { error } = await failureOf(() => testClient(server).context.get({ maxResponseBytes: 1000 }));
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).body).toBeUndefined();
  });
});

describe("unreadable answers say the server answered", () => {
  it("reports invalid gzip on an execute's 202 as UnreadableResponseError, not as no response, and never re-sends", async () => {
    server.route(EXECUTE, {
      status: 202,
      bytes: new TextEncoder().encode("this is not gzip"),
      headers: { "content-encoding": "gzip", "content-type": "application/json", "x-request-id": "req-9" },
    });
    const { error, ms } = await failureOf(() => execute());
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    const unreadable = error as UnreadableResponseError;
    expect(unreadable.status).toBe(202);
    expect(unreadable.code).toBe("Z_DATA_ERROR");
    expect(unreadable.requestId).toBe("req-9");
    expect(unreadable.mayHaveActed).toBe(true);
    expect(unreadable.message).toMatch(/answered 202, but its body could not be read \(Z_DATA_ERROR\)/);
    expect(unreadable.message).toContain("It may have started an execution");
    expect(ms).toBeLessThan(LATE_MS);
    expect(server.received(EXECUTE)).toHaveLength(1);
    expectNoSecret(error, SECRETS);
  });

  it("retries a GET whose body was cut off, then reports UnreadableResponseError", async () => {
    server.route(CONTEXT, { partial: '{"organizations":', ending: "cut" });
    const { error } = await failureOf(() => testClient(server).context.get());
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expect((error as UnreadableResponseError).mayHaveActed).toBe(true);
    expect(server.requests).toHaveLength(3);
    expectNoSecret(error, SECRETS);
  });

  it("never re-sends a pool create whose answer was cut off, and says how to look for the pool", async () => {
    server.route(POOLS, { status: 201, partial: '{"id":', ending: "cut" });
    const { error } = await failureOf(() => createPool());
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expect((error as Error).message).toContain("It may have created the pool");
    expect(server.received(POOLS)).toHaveLength(1);
  });
});

describe("whether the server may have acted", () => {
  it("is true for an execute whose connection dropped after sending; it is not re-sent, and the message says how to check", async () => {
    server.route(EXECUTE, { drop: true });
    const { error, ms } = await failureOf(() => execute());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).mayHaveActed).toBe(true);
    expect((error as Error).message).toContain("client.executions.list(");
    expect(ms).toBeLessThan(LATE_MS);
    expect(server.received(EXECUTE)).toHaveLength(1);
    expectNoSecret(error, SECRETS);
  });

  it("is true for a 5xx on an execute, which is not re-sent", async () => {
    server.route(EXECUTE, { status: 503, json: { code: 503, message: "overloaded" } });
    const { error } = await failureOf(() => execute());
    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).mayHaveActed).toBe(true);
    expect((error as Error).message).toContain("It may have started an execution");
    expect(server.received(EXECUTE)).toHaveLength(1);
  });

  it("says to look for a run by creation time when the execute carried no metadata", async () => {
    server.route(EXECUTE, { drop: true });
    const before = Date.now();
    const { error } = await failureOf(() =>
      testClient(server).agents.execute(AGENT_ID, { agentProfilePoolId: POOL_ID }),
    );
    const match = /createdAfter: "([^"]+)"/.exec((error as Error).message);
    expect(match).not.toBeNull();
    const createdAfter = Date.parse(match?.[1] ?? "");
    expect(createdAfter).toBeLessThanOrEqual(before);
    expect(createdAfter).toBeGreaterThan(before - 120_000);
    expect((error as Error).message).toContain("Give each execute a metadata value of its own");
  });

  it("is false for a 4xx: the server refused, and the message gives no advice to look", async () => {
    server.route(EXECUTE, { status: 400, json: { code: 400, message: "bad inputs" } });
    const { error } = await failureOf(() => execute());
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).mayHaveActed).toBe(false);
    expect((error as Error).message).not.toContain("may have");
  });

  it("is false for a refused connection, which nothing reached", async () => {
    const port = await closedPort();
    const client = testClient(server, { baseUrl: `http://127.0.0.1:${port}/v2`, maxRetries: 0 });
    const { error } = await failureOf(() => client.agents.execute(AGENT_ID, executeBody));
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect((error as ConnectionError).mayHaveActed).toBe(false);
    expect((error as Error).message).not.toContain("may have");
  });

  it("is false for a request refused before sending", async () => {
    const { error } = await failureOf(() =>
      testClient(server).agents.execute(AGENT_ID, { agentProfilePoolId: "not-a-uuid" }),
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).mayHaveActed).toBe(false);
    expect(server.requests).toHaveLength(0);
  });

  it("stays true for a GET that failed with a 5xx before its last attempt was refused", async () => {
    server.route(CONTEXT, { status: 503 }, { status: 503 }, { drop: true });
    const { error } = await failureOf(() => testClient(server).context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).mayHaveActed).toBe(true);
    expect(server.requests).toHaveLength(3);
  });

  it("tells a user whose message may have arrived to check the activity feed", async () => {
    server.route(`POST ${V2}/executions/:id/user-messages`, { drop: true });
    const { error } = await failureOf(() => testClient(server).executions.sendMessage(EXECUTION_ID, "hi"));
    expect((error as Error).message).toContain(`client.executions.activities("${EXECUTION_ID}")`);
    expect(server.requests).toHaveLength(1);
  });
});

describe("waitForResult survives failed polls", () => {
  it("keeps polling through 503s, reports each one, and returns the finished run", async () => {
    server.route(
      EXECUTION,
      { status: 503 },
      { json: execution({ status: "running" }) },
      { status: 503 },
      { status: 503 },
      { drop: true },
      { json: execution({ status: "cancelled" }) },
    );
    const errors: string[] = [];
    const client = testClient(server, { maxRetries: 0 });
    const result = await client.executions.waitForResult(EXECUTION_ID, {
      pollIntervalMs: 1,
      timeoutMs: 10_000,
      onError: (error) => errors.push(error.name),
    });
    expect(result.status).toBe("cancelled");
    expect(errors).toEqual([
      "InternalServerError",
      "InternalServerError",
      "InternalServerError",
      "ConnectionError",
    ]);
    expect(server.requests).toHaveLength(6);
  });

  it("still rejects at its own timeoutMs while every poll fails", async () => {
    server.route(EXECUTION, { status: 503 });
    const { error, ms } = await failureOf(() =>
      testClient(server, { maxRetries: 0 }).executions.waitForResult(EXECUTION_ID, {
        pollIntervalMs: 20,
        timeoutMs: 400,
      }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(ms).toBeGreaterThanOrEqual(395);
    expect(ms).toBeLessThan(400 + LATE_MS);
    expect(server.requests.length).toBeGreaterThan(1);
  });
});

it("runs no fault on a healthy server: the same client gets its answer", async () => {
  server.route(CONTEXT, { json: userContext() });
  await expect(testClient(server).context.get()).resolves.toEqual(userContext());
});
