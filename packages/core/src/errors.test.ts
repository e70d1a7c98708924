import { describe, expect, it, vi } from "vitest";
import {
  AgentdeckError,
  ApiError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./errors.ts";
import { REGISTRY, testClient, V2 } from "./test/client.ts";
import { POOL_ID, REGISTRY_AGENT_ID } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

const CASES = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [502, InternalServerError],
  [503, InternalServerError],
  [504, InternalServerError],
  [418, ApiError],
] as const;

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe("v2 error responses", () => {
  it.each(CASES)("maps %i with a {code, message} body to %o", async (status, ErrorClass) => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, {
      status,
      json: { code: status, message: "the server's own words" },
      headers: { "x-request-id": "req-123" },
    });
    const error = await failure(testClient(server, { maxRetries: 0 }).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(AgentdeckError);
    expect(error.name).toBe(ErrorClass.name);
    expect(error.status).toBe(status);
    expect(error.code).toBe(status);
    expect(error.requestId).toBe("req-123");
    expect(error.body).toEqual({ code: status, message: "the server's own words" });
    expect(error.method).toBe("GET");
    expect(error.url).toBe(`${server.url}${V2}/agent-profile-pools/${POOL_ID}`);
    expect(error.message).toContain("the server's own words");
    expect(error.message).toContain("req-123");
    expect(error.serverMessage).toBe("the server's own words");
  });

  it.each(CASES)("maps %i with an empty body to %o all the same", async (status, ErrorClass) => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, { status });
    const error = await failure(testClient(server, { maxRetries: 0 }).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.body).toBeUndefined();
    expect(error.code).toBeUndefined();
    expect(error.requestId).toBeUndefined();
    expect(error.serverMessage).toBeUndefined();
  });

  it.each(CASES)("maps %i with an HTML body to %o, keeping the text as body", async (status, ErrorClass) => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, {
      status,
      text: "<html>upstream trouble</html>",
      headers: { "content-type": "text/html" },
    });
    const error = await failure(testClient(server, { maxRetries: 0 }).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.body).toBe("<html>upstream trouble</html>");
    expect(error.message).toContain("upstream trouble");
    expect(error.serverMessage).toBe("<html>upstream trouble</html>");
  });

  it("tells the user to check the API key or ASTEROID_API_KEY on a 401", async () => {
    server.route(`GET ${V2}/context`, { status: 401, json: { code: 401, message: "invalid api key" } });
    const error = await failure(testClient(server).context.get());
    expect(error.message).toMatch(/Check the API key: pass apiKey to createClient or set ASTEROID_API_KEY/);
  });

  it("says no API key was given on a 401 when none was configured, and sends no key header", async () => {
    vi.stubEnv("ASTEROID_API_KEY", "");
    server.route(`GET ${V2}/context`, { status: 401, json: { code: 401, message: "missing api key" } });
    const error = await failure(testClient(server, { apiKey: undefined }).context.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/No API key was given/);
    expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBeUndefined();
  });

  it("takes the API key from ASTEROID_API_KEY when apiKey is not given", async () => {
    vi.stubEnv("ASTEROID_API_KEY", "from-the-environment");
    server.route(`GET ${V2}/context`, { json: { organizations: [] } });
    await testClient(server, { apiKey: undefined }).context.get();
    expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBe("from-the-environment");
  });

  it("gives RateLimitError the Retry-After wait as retryAfterMs", async () => {
    server.route(`GET ${V2}/context`, {
      status: 429,
      json: { code: 429, message: "slow down" },
      headers: { "retry-after": "7" },
    });
    const error = await failure(testClient(server, { maxRetries: 0 }).context.get());
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
    expect(error.message).toContain("7 s");
  });
});

describe("registry error responses", () => {
  it.each(CASES)("maps %i with a {status: error, code, message} body to %o", async (status, ErrorClass) => {
    server.route(`GET ${REGISTRY}/agent/:id`, {
      status,
      json: { status: "error", code: "some_code", message: "registry words" },
    });
    const error = await failure(testClient(server, { maxRetries: 0 }).registry.agents.get(REGISTRY_AGENT_ID));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error.code).toBe("some_code");
    expect(error.message).toContain("registry words");
    expect(error.serverMessage).toBe("registry words");
  });

  it("names the API that answered, whatever the error body looks like", async () => {
    const body = { status: "error", code: "unauthorized", message: "no" };
    server.route(`GET ${REGISTRY}/agent/:id`, { status: 401, json: body });
    server.route(`GET ${V2}/agent-profile-pools/:id`, { status: 401, json: body });
    const client = testClient(server, { maxRetries: 0 });
    expect((await failure(client.registry.agents.get(REGISTRY_AGENT_ID))).api).toBe("registry");
    expect((await failure(client.pools.get(POOL_ID))).api).toBe("v2");
  });

  it("tells the user to check the registry token or AGENT_REGISTRY_TOKEN on a 401", async () => {
    server.route(`GET ${REGISTRY}/agent/:id`, {
      status: 401,
      json: { status: "error", code: "unauthorized", message: "bad token" },
    });
    const error = await failure(testClient(server).registry.agents.get(REGISTRY_AGENT_ID));
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(
      /Check the registry token: pass registry.token to createClient or set AGENT_REGISTRY_TOKEN/,
    );
  });
});

describe("error serialisation", () => {
  it("JSON.stringify gives class, message and fields", async () => {
    server.route(`GET ${V2}/context`, { status: 404, json: { code: 404, message: "nope" } });
    const error = await failure(testClient(server).context.get());
    const json = JSON.parse(JSON.stringify(error));
    expect(json).toMatchObject({
      name: "NotFoundError",
      status: 404,
      code: 404,
      body: { code: 404, message: "nope" },
    });
    expect(json.message).toBe(error.message);
    expect(json).not.toHaveProperty("headers");
    expect(json).not.toHaveProperty("stack");
  });

  it("String(err) starts with the class name", async () => {
    server.route(`GET ${V2}/context`, { status: 409, json: { code: 409, message: "taken" } });
    const error = await failure(testClient(server).context.get());
    expect(String(error)).toMatch(/^ConflictError: GET .* failed with 409: taken\./);
  });
});
