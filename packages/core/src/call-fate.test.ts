import { describe, expect, it, vi } from "vitest";
import { AbortError, ConnectionError, TimeoutError } from "./errors.ts";
import { testClient, V2 } from "./test/client.ts";
import { AGENT_ID, POOL_ID, userContext } from "./test/fixtures.ts";
import { failureOf } from "./test/renderings.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();
const CONTEXT = `GET ${V2}/context`;

describe("what a stopped call says about its fate", () => {
  it("says nothing was sent when the signal had aborted before the call", async () => {
    const { error } = await failureOf(() => testClient(server).context.get({ signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).mayHaveActed).toBe(false);
    expect((error as Error).message).toBe(`GET ${server.url}${V2}/context was aborted by its signal.`);
  });

  it("says an execute aborted on its way may have acted, and how to check", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, {
      status: 202,
      json: { executionId: POOL_ID },
      delayMs: 60_000,
    });
    const controller = new AbortController();
    const call = failureOf(() =>
      testClient(server).agents.execute(
        AGENT_ID,
        { agentProfilePoolId: POOL_ID, metadata: { k: "v" } },
        { signal: controller.signal },
      ),
    );
    await server.waitForRequest(() => true);
    controller.abort();
    const { error } = await call;
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).mayHaveActed).toBe(true);
    expect((error as Error).message).toBe(
      `POST ${server.url}${V2}/agents/${AGENT_ID}/execute was aborted by its signal. It may have started an execution: look for it with client.executions.list({ agentId: "${AGENT_ID}", metadataKey: "k", metadataValue: "v" }) before starting another.`,
    );
  });

  it("keeps what an earlier attempt may have done when the signal aborts during the backoff after a 503", async () => {
    server.route(CONTEXT, { status: 503, headers: { "retry-after": "30" } }, { json: userContext() });
    const controller = new AbortController();
    vi.stubEnv("AGENTDECK_LOG", "debug");
    vi.spyOn(console, "error").mockImplementation(() => setTimeout(() => controller.abort(), 0));
    const { error } = await failureOf(() =>
      testClient(server, { timeoutMs: 120_000 }).context.get({ signal: controller.signal }),
    );
    expect(error).toBeInstanceOf(AbortError);
    expect((error as AbortError).mayHaveActed).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("says a timed-out GET may have reached the server, with no advice to look", async () => {
    server.route(CONTEXT, { json: userContext(), delayMs: 60_000 });
    const { error } = await failureOf(() => testClient(server).context.get({ timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).mayHaveActed).toBe(true);
    expect((error as Error).message).toBe(
      `GET ${server.url}${V2}/context did not finish within 200 ms. Raise timeoutMs, or check that the server is reachable.`,
    );
  });

  it("says what a dropped GET got, in its message", async () => {
    server.route(CONTEXT, { drop: true });
    const { error } = await failureOf(() => testClient(server, { maxRetries: 0 }).context.get());
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^GET ${server.url}${V2}/context got no response \\((UND_ERR_SOCKET|ECONNRESET)\\): .+\\. Check the base URL and your network connection\\.$`,
      ),
    );
    expect(((error as Error).cause as { code?: string }).code).toBe((error as ConnectionError).code);
  });

  it("says a fetch that broke before answering may have acted", async () => {
    const client = testClient(server, { fetch: () => Promise.reject(new Error("proxy exploded")) });
    const { error } = await failureOf(() => client.context.get());
    expect((error as AbortError).mayHaveActed).toBe(true);
    expect((error as Error).message).toBe(
      `GET ${server.url}${V2}/context failed before an answer arrived: proxy exploded.`,
    );
    expect((error as Error).cause).toBeUndefined();
  });
});
