import { createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { createClient } from "../client.ts";
import { ConnectionError, InternalServerError } from "../errors.ts";
import { TEST_API_KEY, testClient, V2 } from "../test/client.ts";
import { AGENT_ID, agent, EXECUTION_ID, ORG_ID, POOL_ID, PROFILE_ID, uuidAt } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused before any byte is sent. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

describe("agents.list", () => {
  it("GETs agents with the params as query and parses the page", async () => {
    server.route(`GET ${V2}/agents`, { json: { items: [agent()], page: 1, pageSize: 5, total: 1 } });
    const result = await testClient(server).agents.list({
      organizationId: ORG_ID,
      pageSize: 5,
      sortField: "created_at",
    });
    expect(result.items).toEqual([agent()]);
    expect(server.requests[0]?.path).toBe(`${V2}/agents`);
    expect(server.requests[0]?.query.toString()).toBe(
      `organizationId=${ORG_ID}&pageSize=5&sortField=created_at`,
    );
  });
});

describe("agents.listAll", () => {
  it("yields every agent across pages", async () => {
    server.route(`GET ${V2}/agents`, (request) => {
      const n = Number(request.query.get("page"));
      const items =
        n < 3 ? [agent({ id: uuidAt(n * 2) }), agent({ id: uuidAt(n * 2 + 1) })] : [agent({ id: uuidAt(9) })];
      return { json: { items, page: n, pageSize: 2, total: 5 } };
    });
    const ids: string[] = [];
    for await (const a of testClient(server).agents.listAll({ pageSize: 2 })) ids.push(a.id);
    expect(ids).toEqual([uuidAt(2), uuidAt(3), uuidAt(4), uuidAt(5), uuidAt(9)]);
    expect(server.requests).toHaveLength(3);
  });
});

describe("agents.execute", () => {
  it("POSTs agents/{id}/execute with the body and returns the executionId", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, { status: 202, json: { executionId: EXECUTION_ID } });
    const body = {
      agentProfilePoolId: POOL_ID,
      inputs: { city: "Lisbon", nights: 3 },
      metadata: { team: "growth" },
      executionOptions: { softTimeoutMins: 5 },
      version: 2,
    };
    await expect(testClient(server).agents.execute(AGENT_ID, body)).resolves.toEqual({
      executionId: EXECUTION_ID,
    });
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(`${V2}/agents/${AGENT_ID}/execute`);
    expect(request?.json).toEqual(body);
    expect(request?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
  });

  it("starts a run with neither a profile nor a pool, as the vendor's README does, sending inputs alone", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, { status: 202, json: { executionId: EXECUTION_ID } });
    await testClient(server).agents.execute(AGENT_ID, { inputs: { city: "Porto" } });
    expect(server.requests[0]?.json).toEqual({ inputs: { city: "Porto" } });
  });

  it("sends a large pageSize unchanged: the API documents no maximum", async () => {
    server.route(`GET ${V2}/agents`, { json: { items: [], page: 1, pageSize: 5000, total: 0 } });
    await testClient(server).agents.list({ pageSize: 5000 });
    expect(server.requests[0]?.query.get("pageSize")).toBe("5000");
  });

  it("is never retried after a 500: one request, InternalServerError", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, { status: 500, json: { code: 500, message: "boom" } });
    await expect(
      testClient(server).agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it("is never retried after a dropped connection: one request, ConnectionError", async () => {
    server.route(
      `POST ${V2}/agents/:id/execute`,
      { drop: true },
      { status: 202, json: { executionId: EXECUTION_ID } },
    );
    await expect(
      testClient(server).agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("is never retried after a 429 either: the run may have been queued", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, { status: 429, json: { code: 429, message: "slow down" } });
    await expect(
      testClient(server).agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID }),
    ).rejects.toThrow();
    expect(server.requests).toHaveLength(1);
  });

  it("is retried when the connection is refused, which proves nothing was sent", async () => {
    const port = await closedPort();
    let attempts = 0;
    const client = createClient({
      apiKey: TEST_API_KEY,
      baseUrl: `http://127.0.0.1:${port}/v2`,
      retryTiming: { baseMs: 1, capMs: 2 },
      fetch: (input, init) => {
        attempts++;
        return globalThis.fetch(input, init);
      },
    });
    const error = await client.agents
      .execute(AGENT_ID, { agentProfileId: PROFILE_ID })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).code).toBe("ECONNREFUSED");
    expect(attempts).toBe(3);
  });
});
