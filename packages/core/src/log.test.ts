import { describe, expect, it, vi } from "vitest";
import { formatAttempt } from "./log.ts";
import { createRedactor } from "./redact.ts";
import { REGISTRY, TEST_API_KEY, TEST_TOKEN, testClient, V2 } from "./test/client.ts";
import { registryPagination, userContext } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

function captureDebugLog(): string[] {
  vi.stubEnv("AGENTDECK_LOG", "debug");
  const lines: string[] = [];
  vi.spyOn(console, "error").mockImplementation((line: unknown) => void lines.push(String(line)));
  return lines;
}

describe("formatAttempt", () => {
  it("reads: method, URL, status, duration in ms and retry count", () => {
    const line = formatAttempt(
      { method: "GET", url: "https://x.test/v2/context", outcome: 200, durationMs: 12.4, retry: 1 },
      createRedactor([]),
    );
    expect(line).toBe("[agentdeck] GET https://x.test/v2/context 200 12ms retry=1");
  });
});

describe("AGENTDECK_LOG=debug", () => {
  it("prints one line per attempt to stderr, with status and retry count", async () => {
    const lines = captureDebugLog();
    server.route(`GET ${V2}/context`, { status: 503 }, { drop: true }, { json: userContext() });
    await testClient(server).context.get();
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      new RegExp(`^\\[agentdeck\\] GET ${server.url}${V2}/context 503 \\d+ms retry=0$`),
    );
    expect(lines[1]).toMatch(/ GET .* (ECONNRESET|UND_ERR_SOCKET|error) \d+ms retry=1$/);
    expect(lines[2]).toMatch(/ GET .* 200 \d+ms retry=2$/);
  });

  it("logs a timed-out attempt as TimeoutError", async () => {
    const lines = captureDebugLog();
    server.route(`GET ${V2}/context`, { json: userContext(), delayMs: 60_000 });
    await testClient(server)
      .context.get({ timeoutMs: 20 })
      .catch(() => {});
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ TimeoutError \d+ms retry=0$/);
  });

  it("redacts the API key and the registry token wherever they appear, URLs included", async () => {
    const lines = captureDebugLog();
    server.route(`GET ${V2}/agent-profile-pools`, { json: { items: [], page: 1, pageSize: 50, total: 0 } });
    server.route(`GET ${REGISTRY}/agent`, {
      json: { status: "success", summaries: [], pagination: registryPagination(0) },
    });
    const client = testClient(server);
    await client.pools.list({ searchName: TEST_API_KEY });
    await client.pools.list({ searchName: TEST_TOKEN });
    await client.registry.agents.list({ sorting: "name" });
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(TEST_API_KEY);
      expect(line).not.toContain(TEST_TOKEN);
    }
    expect(lines[0]).toContain("searchName=[redacted]");
  });

  it("is silent when AGENTDECK_LOG is unset", async () => {
    vi.stubEnv("AGENTDECK_LOG", "");
    const stderr = vi.spyOn(console, "error").mockImplementation(() => {});
    server.route(`GET ${V2}/context`, { json: userContext() });
    await testClient(server).context.get();
    expect(stderr).not.toHaveBeenCalled();
  });
});
