import { describe, expect, it } from "vitest";
import { SandboxError } from "../sandbox-error.ts";
import { useSandbox } from "../test/sandbox.ts";

const ctx = useSandbox({ stepMs: 3_600_000 });

describe("setting state up in-process through the store", () => {
  it("pins ids, names and times given to addPool, addAgent, addProfile and addExecution", async () => {
    const store = ctx.sandbox.store;
    const pool = store.addPool({
      id: "11111111-1111-4111-8111-111111111111",
      name: "Pinned",
      selectionStrategy: "most_recently_used",
      createdAt: "2024-01-02T03:04:05Z",
    });
    const profile = store.addProfile(pool.id, {
      id: "22222222-2222-4222-8222-222222222222",
      name: "pinned-01",
    });
    const agent = store.addAgent({ id: "33333333-3333-4333-8333-333333333333", name: "Pinned agent" });
    const execution = store.addExecution({
      id: "44444444-4444-4444-8444-444444444444",
      agentId: agent.id,
      agentProfileId: profile.id,
      status: "completed",
      inputs: { q: 1 },
      executionResult: { outcome: "success", reasoning: "done", result: { answer: 42 } },
    });
    expect((await ctx.http.v2("GET", `/agent-profile-pools/${pool.id}`)).body).toMatchObject({
      name: "Pinned",
      createdAt: "2024-01-02T03:04:05.000Z",
    });
    expect((await ctx.http.v2("GET", `/executions/${execution.id}`)).body).toMatchObject({
      agentName: "Pinned agent",
      agentProfileId: profile.id,
      agentProfileName: "pinned-01",
      status: "completed",
      executionResult: { outcome: "success", reasoning: "done", result: { answer: 42 } },
    });
  });

  it("adds registry agents in any status, with counts and consistent actions", async () => {
    const agent = ctx.sandbox.store.addRegistryAgent({
      name: "Seeded",
      status: "dormant",
      instance_counts: { complete: 2, failed: 1 },
    });
    const response = await ctx.http.registry("GET", `/agent/${agent.id}`, {
      query: { include_counts: true },
    });
    expect(response.body.details).toMatchObject({
      status: "dormant",
      instance_counts: { complete: 2, failed: 1, finished: 3, total: 3 },
      available_actions: { retire: true, reinstate: false, delete: false, update: true },
    });
  });

  it("throws a SandboxError for a duplicate pool name or an execution of an unknown agent", () => {
    const store = ctx.sandbox.store;
    store.addPool({ name: "Once only" });
    expect(() => store.addPool({ name: "Once only" })).toThrow(SandboxError);
    expect(() => store.addExecution({ agentId: "3c90c3cc-0d44-4b50-8888-8dd25736052a" })).toThrow(
      /add it with store.addAgent/,
    );
  });

  it("clear() leaves only the organization and its user; reset() brings the demo data back as it was", async () => {
    const before = (await ctx.http.v2("GET", "/agent-profile-pools")).body;
    ctx.sandbox.store.clear();
    expect((await ctx.http.v2("GET", "/agent-profile-pools")).body).toMatchObject({ items: [], total: 0 });
    expect((await ctx.http.v2("GET", "/executions")).body.total).toBe(0);
    expect((await ctx.http.registry("GET", "/agent")).body.summaries).toEqual([]);
    expect((await ctx.http.v2("GET", "/context")).body.organizations[0].id).toBe(ctx.sandbox.organizationId);
    ctx.sandbox.store.reset();
    const after = (await ctx.http.v2("GET", "/agent-profile-pools")).body;
    expect(after).toEqual({
      ...before,
      items: before.items.filter((p: { name: string }) => !["Pinned", "Once only"].includes(p.name)),
      total: 8,
    });
  });
});
