import { describe, expect, it } from "vitest";
import { startSandbox } from "../sandbox.ts";
import { expectRegistryError, expectV2Error, httpClient } from "../test/client.ts";

async function withSandbox<T>(
  options: Parameters<typeof startSandbox>[0],
  use: (s: Awaited<ReturnType<typeof startSandbox>>) => Promise<T>,
) {
  const sandbox = await startSandbox(options);
  try {
    return await use(sandbox);
  } finally {
    await sandbox.close();
  }
}

describe("injected faults", () => {
  it("with rate 1, every request fails with the chosen status and the API's error body", async () => {
    await withSandbox({ faults: { rate: 1, status: 500 } }, async (sandbox) => {
      const http = httpClient(sandbox);
      for (let i = 0; i < 5; i++) {
        expectV2Error(await http.v2("GET", "/agent-profile-pools"), 500, /a fault the sandbox injected/);
      }
      expectRegistryError(await http.registry("GET", "/agent"), 500, "internal_server_error");
      // Nothing happened behind the failure.
      expect(sandbox.store.pools.size).toBe(8);
    });
  });

  it("a 429 carries Retry-After", async () => {
    await withSandbox({ faults: { rate: 1, status: 429, retryAfterSeconds: 7 } }, async (sandbox) => {
      const response = await httpClient(sandbox).v2("GET", "/agents");
      expectV2Error(response, 429, /retry after 7 seconds/);
      expect(response.headers.get("retry-after")).toBe("7");
      const registry = await httpClient(sandbox).registry("GET", "/agent");
      expectRegistryError(registry, 429, "too_many_requests");
      expect(registry.headers.get("retry-after")).toBe("7");
    });
  });

  it("a 503 carries Retry-After too, and a 502 does not", async () => {
    // 502 and 503 are outside the v2 document's statuses, so these are read with plain fetch.
    await withSandbox({ faults: { rate: 1, status: 503 } }, async (sandbox) => {
      const response = await fetch(`${sandbox.agentsUrl}/agents`, {
        headers: { "x-asteroid-agents-api-key": sandbox.apiKey },
      });
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("1");
      expect(await response.json()).toEqual({
        code: 503,
        message: expect.stringMatching(/service unavailable/),
      });
    });
    await withSandbox({ faults: { rate: 1, status: 502 } }, async (sandbox) => {
      const response = await fetch(`${sandbox.registryUrl}/agent`);
      expect(response.status).toBe(502);
      expect(response.headers.get("retry-after")).toBeNull();
      expect(await response.json()).toMatchObject({ status: "error", code: "bad_gateway" });
    });
  });

  it("fails only the routes named: a method and path, a path prefix or a route template", async () => {
    const faults = {
      rate: 1,
      status: 500 as const,
      routes: [
        "GET /agents/v2/agent-profile-pools",
        "/api/v1",
        "POST /agents/v2/executions/{executionId}/status",
      ],
    };
    await withSandbox({ faults }, async (sandbox) => {
      const http = httpClient(sandbox);
      expect((await http.v2("GET", "/agent-profile-pools")).status).toBe(500);
      expect((await http.v2("GET", "/agent-profile-pools/3c90c3cc-0d44-4b50-8888-8dd25736052a")).status).toBe(
        500,
      );
      expect((await http.v2("POST", "/agent-profile-pools", { json: {} })).status).toBe(400);
      expect((await http.v2("GET", "/agents")).status).toBe(200);
      expect((await http.registry("GET", "/agent")).status).toBe(500);
      const executions = await http.v2("GET", "/executions");
      expect(executions.status).toBe(200);
      const id = executions.body.items[0].id;
      expect((await http.v2("POST", `/executions/${id}/status`, { json: { status: "paused" } })).status).toBe(
        500,
      );
      expect((await http.v2("GET", `/executions/${id}`)).status).toBe(200);
    });
  });

  it("a seeded sandbox fails the same requests every run", async () => {
    const pattern = async () =>
      withSandbox({ seed: 5, faults: { rate: 0.5, status: 500 } }, async (sandbox) => {
        const statuses = [];
        for (let i = 0; i < 20; i++) statuses.push((await httpClient(sandbox).v2("GET", "/agents")).status);
        return statuses;
      });
    const first = await pattern();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await pattern()).toEqual(first);
  });

  it("draws from the random option when one is given", async () => {
    const rolls = [0.9, 0.1];
    await withSandbox({ faults: { rate: 0.5 }, random: () => rolls.shift() ?? 0.9 }, async (sandbox) => {
      const http = httpClient(sandbox);
      expect((await http.v2("GET", "/agents")).status).toBe(200);
      expect((await http.v2("GET", "/agents")).status).toBe(500);
    });
  });

  it("with dropRate 1, the connection is destroyed and nothing is answered or done", async () => {
    await withSandbox({ faults: { dropRate: 1 } }, async (sandbox) => {
      const attempt = fetch(`${sandbox.agentsUrl}/agent-profile-pools`, {
        method: "POST",
        headers: { "x-asteroid-agents-api-key": sandbox.apiKey, "content-type": "application/json" },
        body: JSON.stringify({ name: "Dropped", organizationId: sandbox.organizationId }),
      });
      await expect(attempt).rejects.toThrow(TypeError);
      expect(sandbox.store.pools.size).toBe(8);
    });
  });

  it("added latency still answers every request", async () => {
    await withSandbox({ latencyMs: 20 }, async (sandbox) => {
      expect((await httpClient(sandbox).v2("GET", "/context")).status).toBe(200);
    });
  });
});
