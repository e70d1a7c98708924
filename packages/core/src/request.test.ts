import { describe, expect, it } from "vitest";
import { createClient } from "./client.ts";
import { AbortError, ApiError, ResponseValidationError, TimeoutError } from "./errors.ts";
import { TEST_API_KEY, TEST_TOKEN, testClient, V2 } from "./test/client.ts";
import { EXECUTION_ID, execution, POOL_ID, pool, registryPagination, userContext } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

describe("abort", () => {
  it("rejects with AbortError and sends nothing when the signal is already aborted", async () => {
    server.route(`GET ${V2}/context`, { json: userContext() });
    await expect(testClient(server).context.get({ signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      AbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("rejects with AbortError, without retrying, when the signal aborts while waiting for the response", async () => {
    server.route(`GET ${V2}/context`, { json: userContext(), delayMs: 60_000 });
    const controller = new AbortController();
    const call = testClient(server).context.get({ signal: controller.signal });
    await server.waitForRequest(() => true);
    controller.abort();
    await expect(call).rejects.toBeInstanceOf(AbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("timeout", () => {
  it("rejects a slow response with TimeoutError after the call's timeoutMs, without retrying", async () => {
    server.route(`GET ${V2}/context`, { json: userContext(), delayMs: 60_000 });
    const error = await testClient(server)
      .context.get({ timeoutMs: 300 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(300);
    expect((error as TimeoutError).message).toMatch(/did not finish within 300 ms/);
    expect(server.requests).toHaveLength(1);
  });

  it("uses the client's timeoutMs when the call gives none", async () => {
    server.route(`GET ${V2}/context`, { json: userContext(), delayMs: 60_000 });
    await expect(testClient(server, { timeoutMs: 30 }).context.get()).rejects.toBeInstanceOf(TimeoutError);
  });

  it("lets a call's timeoutMs override the client's", async () => {
    server.route(`GET ${V2}/context`, { json: userContext(), delayMs: 20 });
    await expect(testClient(server, { timeoutMs: 1 }).context.get({ timeoutMs: 10_000 })).resolves.toEqual(
      userContext(),
    );
  });

  it("times out an unsafe request too, without sending it again", async () => {
    server.route(`POST ${V2}/agent-profile-pools`, { json: pool(), delayMs: 60_000 });
    await expect(
      testClient(server).pools.create(
        { name: "x", organizationId: pool().organizationId },
        { timeoutMs: 300 },
      ),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("response validation", () => {
  it("rejects a body missing a required field with ResponseValidationError naming the path and keeping the body", async () => {
    const { name: _dropped, ...broken } = pool();
    server.route(`GET ${V2}/agent-profile-pools/:id`, { json: broken });
    const error = await testClient(server)
      .pools.get(POOL_ID)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseValidationError);
    const validation = error as ResponseValidationError;
    expect(validation.issues.map((i) => i.path)).toEqual(["name"]);
    expect(validation.body).toEqual(broken);
    expect(validation.message).toContain("name:");
  });

  it("names the index of the bad item in a list", async () => {
    const bad = { ...execution(), createdAt: "yesterday" };
    server.route(`GET ${V2}/executions`, {
      json: { items: [execution(), bad], page: 1, pageSize: 50, total: 2 },
    });
    const error = (await testClient(server)
      .executions.list()
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.issues.map((i) => i.path)).toEqual(["items[1].createdAt"]);
  });

  it("rejects a success body that is not JSON", async () => {
    server.route(`GET ${V2}/executions/:id`, { text: "<html>hello</html>" });
    const error = (await testClient(server)
      .executions.get(EXECUTION_ID)
      .catch((e: unknown) => e)) as ResponseValidationError;
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect(error.body).toBe("<html>hello</html>");
    expect(error.issues).toEqual([{ path: "", message: "is not JSON" }]);
  });

  it("does not retry a response that broke the model", async () => {
    server.route(`GET ${V2}/context`, { json: { organizations: "none" } });
    await expect(testClient(server).context.get()).rejects.toBeInstanceOf(ResponseValidationError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("client options", () => {
  it("sends the userAgent option as User-Agent", async () => {
    server.route(`GET ${V2}/context`, { json: userContext() });
    await testClient(server, { userAgent: "my-app/1.2" }).context.get();
    expect(server.requests[0]?.headers["user-agent"]).toBe("my-app/1.2");
  });

  it("sends requests through the fetch option", async () => {
    server.route(`GET ${V2}/context`, { json: userContext() });
    const seen: string[] = [];
    const client = testClient(server, {
      fetch: (input, init) => {
        seen.push(input instanceof Request ? input.url : String(input));
        return globalThis.fetch(input, init);
      },
    });
    await client.context.get();
    expect(seen).toEqual([`${server.url}${V2}/context`]);
  });

  it("accepts a base URL with a trailing slash", async () => {
    server.route(`GET ${V2}/context`, { json: userContext() });
    await testClient(server, { baseUrl: `${server.url}${V2}/` }).context.get();
    expect(server.requests[0]?.path).toBe(`${V2}/context`);
  });

  it("keeps two clients apart: each sends its own key to its own base URL", async () => {
    server.route(`GET /one/context`, { json: userContext() });
    server.route(`GET /two/context`, { json: userContext() });
    const one = createClient({ apiKey: "key-number-one", baseUrl: `${server.url}/one`, maxRetries: 0 });
    const two = createClient({ apiKey: "key-number-two", baseUrl: `${server.url}/two`, maxRetries: 0 });
    await Promise.all([one.context.get(), two.context.get(), one.context.get()]);
    const sent = server.requests.map((r) => `${r.path} ${r.headers["x-asteroid-agents-api-key"]}`).sort();
    expect(sent).toEqual([
      "/one/context key-number-one",
      "/one/context key-number-one",
      "/two/context key-number-two",
    ]);
  });

  it("uses the documented default base URLs", async () => {
    server.route(`GET /agents/v2/context`, { json: userContext() });
    server.route(`GET /api/v1/agent`, {
      json: { status: "success", summaries: [], pagination: registryPagination(0) },
    });
    const seen: string[] = [];
    const client = createClient({
      apiKey: TEST_API_KEY,
      registry: { token: TEST_TOKEN },
      // Records where the client meant to go, then sends the same request to the test server instead.
      fetch: (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        seen.push(url.href);
        return globalThis.fetch(new Request(`${server.url}${url.pathname}${url.search}`, request));
      },
    });
    await client.context.get();
    await client.registry.agents.list();
    expect(seen).toEqual([
      "https://odyssey.asteroid.ai/agents/v2/context",
      "https://api.prefactor.ai/api/v1/agent",
    ]);
    expect(server.requests.map((r) => r.path)).toEqual(["/agents/v2/context", "/api/v1/agent"]);
  });
});

describe("redirects", () => {
  it("does not follow a redirect, so the API key never travels elsewhere, and says where it pointed", async () => {
    server.route(`GET ${V2}/context`, {
      status: 301,
      headers: { location: "https://elsewhere.example/v2/context" },
    });
    server.route(`GET /elsewhere`, { json: userContext() });
    const error = (await testClient(server)
      .context.get()
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(301);
    expect(error.message).toContain("redirected to https://elsewhere.example/v2/context");
    expect(server.requests).toHaveLength(1);
  });
});
