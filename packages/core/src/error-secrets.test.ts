import { describe, expect, it } from "vitest";
import { createClient } from "./client.ts";
import {
  AbortError,
  AgentdeckError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InternalServerError,
  NotFoundError,
  PaginationError,
  PermissionDeniedError,
  RateLimitError,
  RequestValidationError,
  ResponseTooLargeError,
  ResponseValidationError,
  TimeoutError,
  UnprocessableEntityError,
  UnreadableResponseError,
} from "./errors.ts";
import { REGISTRY, V2 } from "./test/client.ts";
import { execution, POOL_ID, pool, REGISTRY_AGENT_ID } from "./test/fixtures.ts";
import { expectNoSecret, failureOf } from "./test/renderings.ts";
import type { Answer } from "./test/server.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

// Keys whose URL-encoded, query-encoded and JSON-escaped forms all differ from the raw one, and a
// key far shorter than any real one: each must be redacted wherever a server can echo it.
const KEYS = {
  "with characters encoding changes": `Ab/+=&?~!*'()"\\#%;k3y`,
  "two characters short": "Qz",
};
const TOKEN = "pf-Token/With+Slash~!";

function clientWith(apiKey: string, options: Parameters<typeof createClient>[0] = {}) {
  return createClient({
    apiKey,
    baseUrl: `${server.url}${V2}`,
    registry: { token: TOKEN, baseUrl: `${server.url}${REGISTRY}` },
    maxRetries: 0,
    retryTiming: { baseMs: 1, capMs: 2 },
    ...options,
  });
}

/** A reply that echoes `key` in every place a server can: reason phrase, request id, any header, body text, keys and values. */
function echoing(key: string, status: number, extra: Partial<Answer> = {}): Answer {
  return {
    status,
    statusText: `Echo ${key}`,
    headers: {
      "x-request-id": `req-${key}`,
      location: `https://elsewhere.test/?k=${encodeURIComponent(key)}`,
      "x-echo": key,
    },
    json: {
      code: status,
      message: `your key ${key} / ${encodeURIComponent(key)} / ${JSON.stringify(key)}`,
      [key]: { nested: [key, `Bearer ${key}`] },
    },
    ...extra,
  };
}

const STATUSES = [
  [301, ApiError],
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [418, ApiError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
] as const;

describe.each(Object.entries(KEYS))("no error holds a key %s", (_, key) => {
  const secrets = [key, TOKEN];

  it.each(STATUSES)("not a %i (%o) whose every part echoes it", async (status, ErrorClass) => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, echoing(key, status));
    const { error } = await failureOf(() => clientWith(key).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as ApiError).requestId).toBe("req-[redacted]");
    expectNoSecret(error, secrets);
  });

  it("not a text body that echoes it", async () => {
    server.route(`GET ${V2}/context`, {
      status: 502,
      text: `upstream said ${key}`,
      headers: { "x-request-id": key },
    });
    expectNoSecret((await failureOf(() => clientWith(key).context.get())).error, secrets);
  });

  it("not a registry validation_errors map that echoes it in fields and messages", async () => {
    server.route(`POST ${REGISTRY}/agent`, {
      status: 422,
      headers: { "x-request-id": TOKEN },
      json: {
        status: "error",
        code: "validation_errors",
        message: TOKEN,
        errors: { [key]: [`bad ${key}`], name: [TOKEN] },
      },
    });
    const { error } = await failureOf(() => clientWith(key).registry.agents.create({ name: "a" }));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expectNoSecret(error, secrets);
  });

  it("not a ResponseValidationError whose body echoes it, as a value and as a record key", async () => {
    server.route(`GET ${V2}/executions/:id`, {
      json: { ...execution(), status: 7, metadata: { [key]: key }, agentName: key },
      headers: { "x-request-id": key },
    });
    const { error } = await failureOf(() => clientWith(key).executions.get(execution().id));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNoSecret(error, secrets);
  });

  it("not a body that is not JSON and echoes it", async () => {
    server.route(`GET ${V2}/context`, { text: `{not json ${key}` });
    const { error } = await failureOf(() => clientWith(key).context.get());
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNoSecret(error, secrets);
  });

  it("not an UnreadableResponseError whose request id and reason echo it", async () => {
    server.route(`GET ${V2}/context`, {
      statusText: key,
      bytes: new TextEncoder().encode("not gzip"),
      headers: { "content-encoding": "gzip", "x-request-id": key },
    });
    const { error } = await failureOf(() => clientWith(key).context.get());
    expect(error).toBeInstanceOf(UnreadableResponseError);
    expectNoSecret(error, secrets);
  });

  it("not a ResponseTooLargeError whose request id echoes it", async () => {
    server.route(`GET ${V2}/context`, {
      json: { padding: key.repeat(1000) },
      headers: { "x-request-id": key },
    });
    const { error } = await failureOf(() => clientWith(key).context.get({ maxResponseBytes: 100 }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expectNoSecret(error, secrets);
  });

  it("not a ConnectionError from an answer the parser refused, which quoted it", async () => {
    server.route(`GET ${V2}/context`, {
      raw: `HTTP/1.1 200 OK\r\nx-echo: ${key}\u0001\r\ncontent-length: 2\r\n\r\n{}`,
    });
    const { error } = await failureOf(() => clientWith(key).context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoSecret(error, secrets);
  });

  it("not a ConnectionError from a dropped connection", async () => {
    server.route(`GET ${V2}/context`, { drop: true });
    const { error } = await failureOf(() => clientWith(key).context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoSecret(error, secrets);
  });

  it("not a TimeoutError or an AbortError whose URL carries it", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, { json: {}, delayMs: 60_000 });
    const timedOut = await failureOf(() =>
      clientWith(key).pools.list({ searchName: key }, { timeoutMs: 20 }),
    );
    expect(timedOut.error).toBeInstanceOf(TimeoutError);
    expectNoSecret(timedOut.error, secrets);
    const controller = new AbortController();
    const call = failureOf(() =>
      clientWith(key).pools.list({ searchName: key }, { signal: controller.signal }),
    );
    await server.waitForRequest(() => true);
    controller.abort();
    const aborted = await call;
    expect(aborted.error).toBeInstanceOf(AbortError);
    expectNoSecret(aborted.error, secrets);
  });

  it("not a PaginationError", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, {
      json: { items: [pool({ name: key })], page: 1, pageSize: 1, total: 5 },
    });
    const walk = async () => {
      for await (const _ of clientWith(key).pools.listAll({ pageSize: 1 })) {
        // walk
      }
    };
    const { error } = await failureOf(walk);
    expect(error).toBeInstanceOf(PaginationError);
    expectNoSecret(error, secrets);
  });

  it("not an error from a fetch that fails quoting the request's headers", async () => {
    const client = clientWith(key, {
      fetch: (input) =>
        Promise.reject(
          new Error(`cannot send ${new Request(input).headers.get("x-asteroid-agents-api-key")}`),
        ),
    });
    const { error } = await failureOf(() => client.context.get());
    expect(error).toBeInstanceOf(AgentdeckError);
    expectNoSecret(error, secrets);
  });

  it("not a RequestValidationError from a key in the environment that cannot be sent", () => {
    let error: unknown;
    try {
      createClient({ apiKey: `${key}\n` });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expectNoSecret(error, secrets);
  });

  it("not the registry's answers, whose token is redacted the same way", async () => {
    server.route(`GET ${REGISTRY}/agent/:id`, echoing(TOKEN, 403));
    const { error } = await failureOf(() => clientWith(key).registry.agents.get(REGISTRY_AGENT_ID));
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expectNoSecret(error, secrets);
  });
});
