import { ExecuteRequest, Execution } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { expectV2Error, literally, modelMessage } from "../../test/client.ts";
import { useSandbox } from "../../test/sandbox.ts";

const ctx = useSandbox({ stepMs: 3_600_000 });
const UNKNOWN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

async function firstAgent() {
  return (await ctx.http.v2("GET", "/agents")).body.items[0] as { id: string; name: string };
}

describe("GET /agents", () => {
  it("lists the six demo agents by name with a correct total", async () => {
    const response = await ctx.http.v2("GET", "/agents");
    expect(response.body).toMatchObject({ page: 1, pageSize: 50, total: 6 });
    const names = response.body.items.map((a: { name: string }) => a.name);
    expect(names).toEqual([...names].sort());
    expect(response.body.items[0]).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      createdAt: expect.any(String),
      userId: (await ctx.http.v2("GET", "/context")).body.userId,
      organizationId: ctx.sandbox.organizationId,
    });
  });

  it("searches by a case-insensitive part of the name", async () => {
    const response = await ctx.http.v2("GET", "/agents", { query: { searchName: "WATCH" } });
    expect(response.body.items.map((a: { name: string }) => a.name)).toEqual(["Price Watcher"]);
    expect(response.body.total).toBe(1);
  });

  it("sorts by created_at in both directions and pages", async () => {
    const asc = await ctx.http.v2("GET", "/agents", {
      query: { sortField: "created_at", sortDirection: "asc" },
    });
    const desc = await ctx.http.v2("GET", "/agents", {
      query: { sortField: "created_at", sortDirection: "desc" },
    });
    const ascDates = asc.body.items.map((a: { createdAt: string }) => a.createdAt);
    expect(ascDates).toEqual([...ascDates].sort());
    expect(desc.body.items.map((a: { id: string }) => a.id)).toEqual(
      asc.body.items.map((a: { id: string }) => a.id).reverse(),
    );
    const page2 = await ctx.http.v2("GET", "/agents", { query: { pageSize: 4, page: 2 } });
    expect(page2.body).toMatchObject({ page: 2, pageSize: 4, total: 6 });
    expect(page2.body.items).toHaveLength(2);
  });

  it("refuses an unknown sort field with 400", async () => {
    expectV2Error(
      await ctx.http.v2("GET", "/agents", { query: { sortField: "updated_at" } }),
      400,
      /^sortField: /,
    );
  });
});

describe("POST /agents/{agentId}/execute", () => {
  it("answers 202 with the new execution's id, and the execution names the profile it runs with", async () => {
    const agent = await firstAgent();
    const pool = ctx.sandbox.store.addPool({ name: "Execute basics" });
    const profile = ctx.sandbox.store.addProfile(pool.id, { name: "basics-01" });
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfilePoolId: pool.id, inputs: { city: "Lisbon" }, metadata: { team: "ops" } },
    });
    expect(response.status).toBe(202);
    expect(response.body).toEqual({ executionId: expect.any(String) });
    const execution = await ctx.http.v2("GET", `/executions/${response.body.executionId}`);
    expect(Execution.parse(execution.body)).toMatchObject({
      id: response.body.executionId,
      agentId: agent.id,
      agentName: agent.name,
      status: "starting",
      agentProfileId: profile.id,
      agentProfileName: "basics-01",
      inputs: { city: "Lisbon" },
      metadata: { team: "ops" },
      comments: [],
      humanLabels: [],
    });
  });

  it("runs with a profile given by id", async () => {
    const agent = await firstAgent();
    const pool = ctx.sandbox.store.addPool({ name: "By profile id" });
    const profile = ctx.sandbox.store.addProfile(pool.id, { name: "direct-01" });
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfileId: profile.id },
    });
    expect(response.status).toBe(202);
    const execution = await ctx.http.v2("GET", `/executions/${response.body.executionId}`);
    expect(execution.body).toMatchObject({ agentProfileId: profile.id, agentProfileName: "direct-01" });
  });

  it("refuses both a profile and a pool with 400", async () => {
    const agent = await firstAgent();
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfileId: UNKNOWN, agentProfilePoolId: UNKNOWN },
    });
    const both = { agentProfileId: UNKNOWN, agentProfilePoolId: UNKNOWN };
    expectV2Error(response, 400, literally(modelMessage(ExecuteRequest, both, "agentProfilePoolId")));
  });

  it("runs with neither a profile nor a pool, picking one of the agent's own profiles", async () => {
    const store = ctx.sandbox.store;
    const pool = store.addPool({ name: "Own profiles", allowConcurrentUse: true });
    const own = [
      store.addProfile(pool.id, { name: "own-01" }),
      store.addProfile(pool.id, { name: "own-02" }),
    ];
    const agent = store.addAgent({ name: "With own profiles", profileIds: own.map((p) => p.id) });
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { inputs: { steps: 1 } },
    });
    expect(response.status).toBe(202);
    const execution = store.executions.get(response.body.executionId);
    expect(own.map((p) => p.id)).toContain(execution?.agentProfileId);
    expect(execution?.agentProfileName).toMatch(/^own-0[12]$/);
  });

  it("runs an agent with no profiles of its own without one", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Bare" });
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: {} });
    expect(response.status).toBe(202);
    const execution = (await ctx.http.v2("GET", `/executions/${response.body.executionId}`)).body;
    expect(execution).not.toHaveProperty("agentProfileId");
    expect(execution.agentVersion).toBe(1);
    expect(execution.agentVersionDirty).toBe(false);
  });

  it("answers 404 for an unknown agent, pool or profile", async () => {
    const agent = await firstAgent();
    const pool = ctx.sandbox.store.addPool({ name: "For the unknown agent" });
    ctx.sandbox.store.addProfile(pool.id, { name: "unknown-agent-01" });
    expectV2Error(
      await ctx.http.v2("POST", `/agents/${UNKNOWN}/execute`, { json: { agentProfilePoolId: pool.id } }),
      404,
      /agent 3c90c3cc-0d44-4b50-8888-8dd25736052a not found/,
    );
    expectV2Error(
      await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: { agentProfilePoolId: UNKNOWN } }),
      404,
      /agent profile pool .* not found/,
    );
    expectV2Error(
      await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: { agentProfileId: UNKNOWN } }),
      404,
      /agent profile .* not found/,
    );
  });

  it("answers 400 for a malformed agent id before looking anything up", async () => {
    expectV2Error(
      await ctx.http.v2("POST", "/agents/agent-1/execute", { json: { agentProfilePoolId: UNKNOWN } }),
      400,
      /agentId must be a UUID/,
    );
  });

  it.each([
    ["inputs that are not an object", { inputs: [1, 2] }, /^inputs: /],
    ["metadata with a non-string value", { metadata: { n: 1 } }, /^metadata\.n: /],
    [
      "a softTimeoutMins of 0",
      { executionOptions: { softTimeoutMins: 0 } },
      /^executionOptions\.softTimeoutMins: /,
    ],
    ["a version of 0", { version: 0 }, /^version: /],
    ["a temp file without a name", { tempFiles: [{ id: UNKNOWN }] }, /^tempFiles\[0\]\.name: /],
  ])("refuses %s with 400", async (_label, extra, message) => {
    const agent = await firstAgent();
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfilePoolId: UNKNOWN, ...extra },
    });
    expectV2Error(response, 400, message);
  });

  it("answers 409 for a pool that holds no profiles", async () => {
    const agent = await firstAgent();
    const pool = ctx.sandbox.store.addPool({ name: "Empty pool" });
    expectV2Error(
      await ctx.http.v2("POST", `/agents/${agent.id}/execute`, { json: { agentProfilePoolId: pool.id } }),
      409,
      /has no agent profiles/,
    );
  });
});
