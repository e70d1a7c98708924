import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { createClient } from "./client.ts";
import {
  AgentdeckError,
  ConnectionError,
  RequestValidationError,
  ResponseValidationError,
} from "./errors.ts";
import { REGISTRY, TEST_API_KEY, TEST_TOKEN, testClient, V2 } from "./test/client.ts";
import { POOL_ID, REGISTRY_AGENT_ID } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

/** Every way an error is commonly shown: none may contain a secret. */
function renderings(error: unknown): string[] {
  return [String(error), (error as Error).message, JSON.stringify(error), inspect(error, { depth: 6 })];
}

function expectNoSecrets(texts: string[]): void {
  for (const text of texts) {
    expect(text).not.toContain(TEST_API_KEY);
    expect(text).not.toContain(TEST_TOKEN);
    expect(text).not.toContain(encodeURIComponent(TEST_API_KEY));
  }
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
}

describe("secrets never leak", () => {
  it("not from a 401 whose body echoes the API key", async () => {
    server.route(`GET ${V2}/context`, {
      status: 401,
      json: { code: 401, message: `key ${TEST_API_KEY} is revoked` },
    });
    const error = await caught(testClient(server).context.get());
    expect(error).toBeInstanceOf(AgentdeckError);
    expectNoSecrets(renderings(error));
    expect((error as Error).message).toContain("[redacted]");
  });

  it("not from a registry error whose body echoes the token", async () => {
    server.route(`GET ${REGISTRY}/agent/:id`, {
      status: 403,
      json: { status: "error", code: "forbidden", message: `Bearer ${TEST_TOKEN} may not read this` },
    });
    expectNoSecrets(renderings(await caught(testClient(server).registry.agents.get(REGISTRY_AGENT_ID))));
  });

  it("not from a text error body that echoes the key", async () => {
    server.route(`GET ${V2}/context`, { status: 500, text: `upstream said: ${TEST_API_KEY}` });
    expectNoSecrets(renderings(await caught(testClient(server, { maxRetries: 0 }).context.get())));
  });

  it("not from a ResponseValidationError whose body holds the key", async () => {
    server.route(`GET ${V2}/agent-profile-pools/:id`, { json: { id: POOL_ID, name: TEST_API_KEY } });
    const error = await caught(testClient(server).pools.get(POOL_ID));
    expect(error).toBeInstanceOf(ResponseValidationError);
    expectNoSecrets(renderings(error));
  });

  it("not from a URL that carries the key in its query", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, { status: 400, json: { code: 400, message: "bad" } });
    expectNoSecrets(renderings(await caught(testClient(server).pools.list({ searchName: TEST_API_KEY }))));
  });

  it("not from a ConnectionError, whose cause chain held the request and its headers", async () => {
    server.route(`GET ${V2}/context`, { drop: true });
    const error = await caught(testClient(server, { maxRetries: 0 }).context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expectNoSecrets(renderings(error));
  });

  it("not from a failure to send, such as a fetch that rejects quoting the headers", async () => {
    const client = testClient(server, {
      fetch: (input) =>
        Promise.reject(
          new Error(`cannot send ${new Request(input).headers.get("x-asteroid-agents-api-key")}`),
        ),
    });
    expectNoSecrets(renderings(await caught(client.context.get())));
  });

  it("not from client options that reject a malformed key", () => {
    const malformed = `${TEST_API_KEY}\n`;
    let error: unknown;
    try {
      createClient({ apiKey: malformed });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    expectNoSecrets(renderings(error));
  });

  it("not from any debug line, across success, error and retry", async () => {
    vi.stubEnv("AGENTDECK_LOG", "debug");
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
    server.route(
      `GET ${V2}/context`,
      { status: 503, json: { code: 503, message: TEST_API_KEY } },
      { status: 401 },
    );
    await caught(testClient(server).context.get());
    expect(lines.length).toBeGreaterThan(0);
    expectNoSecrets(lines);
  });
});
