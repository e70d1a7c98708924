import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  NotFoundError,
  ResponseValidationError,
  UnreadableResponseError,
} from "./errors.ts";
import { withExtraBody } from "./extra-params.ts";
import { howToFindOut } from "./fate.ts";
import { readBody } from "./read-body.ts";
import { createRedactor, REDACTED } from "./redact.ts";
import { DEFAULT_RETRY_TIMING, decideRetry, parseRetryAfter } from "./retry.ts";
import { testClient, V2 } from "./test/client.ts";
import { AGENT_ID, POOL_ID, pool } from "./test/fixtures.ts";
import { failureOf } from "./test/renderings.ts";
import { useTestServer } from "./test/use-server.ts";

// Edges that the broader suites reach only by accident: each pins one decision of the request path.

const server = useTestServer();

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("readBody on a stream of its own", () => {
  it("ends a body that never ends when the signal aborts, by cancelling the reader", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull: () => new Promise(() => {}),
      cancel: () => {
        cancelled = true;
      },
    });
    const controller = new AbortController();
    const reading = readBody(new Response(stream), controller.signal, 100);
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(reading).rejects.toThrow("stop");
    expect(cancelled).toBe(true);
  });

  it("refuses to start on a signal that has already aborted", async () => {
    const reason = new Error("already");
    await expect(readBody(new Response("{}"), AbortSignal.abort(reason), 100)).rejects.toBe(reason);
  });

  it("reads an empty success body as no body, not as text", async () => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, { status: 204 });
    const { error } = await failureOf(() => testClient(server).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).issues[0]?.message).not.toBe("is not JSON");
    expect((error as ResponseValidationError).body).toBeUndefined();
  });
});

describe("the request path", () => {
  it("tells a missing field of a response from a wrong one", async () => {
    const { name: _, ...broken } = pool();
    server.route(`GET ${V2}/agent-profile-pools/:id`, { json: { ...broken, allowConcurrentUse: "no" } });
    const { error } = await failureOf(() => testClient(server).pools.get(POOL_ID));
    const issues = (error as ResponseValidationError).issues;
    expect(issues.find((i) => i.path === "name")?.message).toMatch(/^is required: /);
    expect(issues.find((i) => i.path === "allowConcurrentUse")?.message).not.toMatch(/^is required/);
  });

  it("keeps mayHaveActed true for a 404 that follows a 503 of the same call", async () => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, { status: 503 }, { status: 404 });
    const { error } = await failureOf(() => testClient(server).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).mayHaveActed).toBe(true);
  });

  it("drops every trailing slash of the base URL", async () => {
    server.route(`GET ${V2}/context`, { json: { organizations: [] } });
    await testClient(server, { baseUrl: `${server.url}${V2}///` }).context.get();
    expect(server.requests[0]?.path).toBe(`${V2}/context`);
  });

  it("gives up when a Retry-After would outlast what is left of the deadline", async () => {
    server.route(
      `GET ${V2}/context`,
      { status: 503, headers: { "retry-after": "2" }, delayMs: 700 },
      { json: { organizations: [] } },
    );
    const { error } = await failureOf(() => testClient(server).context.get({ timeoutMs: 2_500 }));
    expect((error as Error).name).toBe("InternalServerError");
    expect(server.requests).toHaveLength(1);
  });

  it("says exactly what a refused connection got, with no advice to look", async () => {
    const port = await closedPort();
    const client = testClient(server, { baseUrl: `http://127.0.0.1:${port}/v2`, maxRetries: 0 });
    const { error } = await failureOf(() => client.agents.execute(AGENT_ID, { agentProfilePoolId: POOL_ID }));
    expect((error as Error).message).toBe(
      `POST http://127.0.0.1:${port}/v2/agents/${AGENT_ID}/execute got no response (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:${port}. Check the base URL and your network connection.`,
    );
    expect((error as ConnectionError).cause).toMatchObject({ code: "ECONNREFUSED" });
  });

  it("finds the code of a refusal from every address of a name (an AggregateError)", async () => {
    const port = await closedPort();
    const client = testClient(server, { baseUrl: `http://localhost:${port}/v2`, maxRetries: 0 });
    const { error } = await failureOf(() => client.context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect((error as ConnectionError).mayHaveActed).toBe(false);
  });

  it("says exactly what could not be read of a badly compressed answer", async () => {
    server.route(`GET ${V2}/context`, {
      bytes: new TextEncoder().encode("zz"),
      headers: { "content-encoding": "gzip", "x-request-id": "r-1" },
    });
    const { error } = await failureOf(() => testClient(server, { maxRetries: 0 }).context.get());
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^GET ${server.url}${V2}/context answered 200, but its body could not be read \\(Z_DATA_ERROR\\): .+\\. The server did act on the request, and its answer was lost\\. \\(request id r-1\\)$`,
      ),
    );
  });

  it("names the options of listAll that it refuses", () => {
    expect(() => testClient(server).pools.listAll({}, { timeoutMs: -1 })).toThrow(
      "Invalid options: timeoutMs: must be a whole number of milliseconds, 1 or more",
    );
  });
});

describe("small decisions", () => {
  it("redacts a longer key whole when a shorter key is its start", () => {
    expect(createRedactor(["ab", "abcd"])("abcd")).toBe(REDACTED);
    expect(createRedactor([undefined])("?apikey=1&api-key=2")).toBe(
      `?apikey=${REDACTED}&api-key=${REDACTED}`,
    );
  });

  it("reads Retry-After strictly", () => {
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter(" 12 ")).toBe(12_000);
    expect(parseRetryAfter("12s")).toBeUndefined();
  });

  it("backs off without a Retry-After, and sleeps through one exactly at the cap", () => {
    const error = new NotFoundError({ api: "v2", method: "GET", url: "u", status: 503, message: "x" });
    const base = {
      policy: "safe",
      retries: 0,
      maxRetries: 2,
      timing: DEFAULT_RETRY_TIMING,
      random: () => 0.5,
    } as const;
    expect(decideRetry({ ...base, error })).toEqual({ retry: true, delayMs: 150 });
    const atCap = new NotFoundError({
      api: "v2",
      method: "GET",
      url: "u",
      status: 503,
      message: "x",
      retryAfterMs: 60_000,
    });
    expect(decideRetry({ ...base, error: atCap })).toEqual({ retry: true, delayMs: 60_000 });
  });

  it("merges extraBody only into a JSON object body", () => {
    const bare = Object.assign(Object.create(null), { a: 1 });
    expect(withExtraBody("POST", bare, { b: 2 })).toEqual({ a: 1, b: 2 });
    expect(withExtraBody("POST", undefined, { b: 2 })).toEqual({ b: 2 });
    expect(withExtraBody("GET", undefined, undefined)).toBeUndefined();
    for (const body of [null, [1], "text", new Date()]) {
      expect(() => withExtraBody("POST", body, { b: 2 })).toThrow(
        "Invalid options: extraBody: POST here sends no JSON object body to add fields to",
      );
    }
  });

  it("gives fate advice only for the paths it knows, anchored at both ends", () => {
    const general = "It may have been carried out: check the current state before sending it again.";
    const startedAt = 0;
    for (const [method, path] of [
      ["POST", `v1/agents/${AGENT_ID}/execute`],
      ["PATCH", `x/agent-profile-pools/${POOL_ID}`],
      ["PATCH", `agent-profile-pools/${POOL_ID}/more`],
      ["POST", `x/executions/${POOL_ID}/user-messages`],
      ["POST", `executions/${POOL_ID}/user-messages/more`],
    ] as const) {
      expect(howToFindOut({ method, path, body: {}, startedAt })).toBe(general);
    }
    expect(
      howToFindOut({ method: "POST", path: `agents/${AGENT_ID}/execute`, body: null, startedAt }),
    ).toContain("createdAfter");
    expect(
      howToFindOut({
        method: "POST",
        path: `agents/${AGENT_ID}/execute`,
        body: { metadata: "x" },
        startedAt,
      }),
    ).toContain("createdAfter");
  });
});
