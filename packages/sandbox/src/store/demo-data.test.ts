import { Execution } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { startSandbox } from "../sandbox.ts";
import { httpClient } from "../test/client.ts";
import { useSandbox } from "../test/sandbox.ts";
import { eventually } from "../test/wait.ts";

async function snapshot(seed: number) {
  const sandbox = await startSandbox({ seed, stepMs: 3_600_000 });
  try {
    const http = httpClient(sandbox);
    return {
      context: (await http.v2("GET", "/context")).body,
      pools: (await http.v2("GET", "/agent-profile-pools")).body,
      agents: (await http.v2("GET", "/agents")).body,
      executions: (await http.v2("GET", "/executions", { query: { sortField: "created_at" } })).body,
      registry: (await http.registry("GET", "/agent")).body,
    };
  } finally {
    await sandbox.close();
  }
}

describe("the demo data", () => {
  it("is the same for the same seed and different for another", async () => {
    const [a, b, c] = await Promise.all([snapshot(21), snapshot(21), snapshot(22)]);
    expect(b).toEqual(a);
    expect(c.pools.items.map((p: { id: string }) => p.id)).not.toEqual(
      a.pools.items.map((p: { id: string }) => p.id),
    );
  });

  it("has about eight pools with varied names, strategies and concurrency, each with a few profiles", async () => {
    const sandbox = await startSandbox({ seed: 2 });
    try {
      const { items } = (await httpClient(sandbox).v2("GET", "/agent-profile-pools")).body;
      expect(items).toHaveLength(8);
      expect(new Set(items.map((p: { name: string }) => p.name)).size).toBe(8);
      expect(new Set(items.map((p: { selectionStrategy: string }) => p.selectionStrategy)).size).toBe(2);
      expect(new Set(items.map((p: { allowConcurrentUse: boolean }) => p.allowConcurrentUse)).size).toBe(2);
      for (const pool of items) {
        const profiles = sandbox.store.pools.profilesOf(pool.id);
        expect(profiles.length).toBeGreaterThanOrEqual(2);
        expect(profiles.length).toBeLessThanOrEqual(4);
      }
    } finally {
      await sandbox.close();
    }
  });

  it("has six agents and executions with activities, and a result on each finished one", async () => {
    const { agents, executions } = await snapshot(1);
    expect(agents.total).toBe(6);
    for (const execution of executions.items) {
      Execution.parse(execution);
      if (execution.status === "completed") expect(execution.executionResult.outcome).toBe("success");
      if (execution.status === "failed") expect(execution.executionResult.outcome).toBe("failure");
      if (["completed", "failed", "cancelled"].includes(execution.status)) {
        expect(execution.terminalAt).toEqual(expect.any(String));
        expect(execution.duration).toBeGreaterThan(0);
      }
    }
  });

  it("keeps the running demo execution moving until it completes", async () => {
    const sandbox = await startSandbox({ stepMs: 5 });
    try {
      const http = httpClient(sandbox);
      const running = (await http.v2("GET", "/executions", { query: { status: "running" } })).body.items;
      expect(running).toHaveLength(1);
      await eventually(async () => {
        const execution = (await http.v2("GET", `/executions/${running[0].id}`)).body;
        return execution.status === "completed" ? execution : undefined;
      });
    } finally {
      await sandbox.close();
    }
  });
});

describe("100,000 pools", () => {
  const ctx = useSandbox({ pools: 100_000 });

  it("are all listed, sorted by name across pages, with a correct total", async () => {
    const first = await ctx.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 100 } });
    expect(first.body.total).toBe(100_000);
    const last = await ctx.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 100, page: 1000 } });
    expect(last.body.items).toHaveLength(100);
    const names = [...first.body.items, ...last.body.items].map((p: { name: string }) =>
      p.name.toLowerCase(),
    );
    expect(names).toEqual([...names].sort());
  });

  it("are searched and sorted by update time in one request", async () => {
    const response = await ctx.http.v2("GET", "/agent-profile-pools", {
      query: { searchName: "cobalt", sortField: "updated_at", sortDirection: "desc", page: 2 },
    });
    expect(response.body.total).toBeGreaterThan(1000);
    const updated = response.body.items.map((p: { updatedAt: string }) => p.updatedAt);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const pool of response.body.items) expect(pool.name.toLowerCase()).toContain("cobalt");
  });

  it("lend profiles made on first use to an execution", async () => {
    const page = await ctx.http.v2("GET", "/agent-profile-pools", { query: { page: 500 } });
    const agent = (await ctx.http.v2("GET", "/agents")).body.items[0];
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfilePoolId: page.body.items[0].id },
    });
    expect(response.status).toBe(202);
    const execution = await ctx.http.v2("GET", `/executions/${response.body.executionId}`);
    expect(execution.body.agentProfileName).toMatch(/-0[12]$/);
  });
});
