import { describe, expect, it } from "vitest";
import { useSandbox } from "../test/sandbox.ts";

// Executions never leave `starting` here, so every profile they took stays busy until cancelled.
const ctx = useSandbox({ stepMs: 3_600_000 });

async function setUp(
  name: string,
  pool: { selectionStrategy: "least_recently_used" | "most_recently_used"; allowConcurrentUse: boolean },
) {
  const store = ctx.sandbox.store;
  const created = store.addPool({ name, ...pool });
  const profiles = ["a", "b", "c"].map((p) => store.addProfile(created.id, { name: `${name}-${p}` }));
  const agent = store.addAgent({ name: `${name} agent` });
  const run = async () => {
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfilePoolId: created.id },
    });
    if (response.status !== 202) return { status: response.status, message: response.body.message as string };
    const execution = await ctx.http.v2("GET", `/executions/${response.body.executionId}`);
    return {
      status: 202,
      id: execution.body.id as string,
      profile: execution.body.agentProfileName as string,
    };
  };
  return { pool: created, profiles, agent, run };
}

const cancel = (id: string) =>
  ctx.http.v2("POST", `/executions/${id}/status`, { json: { status: "cancelled" } });

describe("choosing a profile from a pool", () => {
  it("least recently used without concurrent use: each free profile once, then 409", async () => {
    const { run } = await setUp("lru-exclusive", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: false,
    });
    const picks = [await run(), await run(), await run()];
    expect(picks.map((p) => p.profile)).toEqual(["lru-exclusive-a", "lru-exclusive-b", "lru-exclusive-c"]);
    const refused = await run();
    expect(refused).toMatchObject({ status: 409 });
    expect(refused.message).toMatch(/every agent profile in pool "lru-exclusive" is in use/);
  });

  it("least recently used without concurrent use: a cancelled run frees its profile for the next", async () => {
    const { run } = await setUp("lru-freed", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: false,
    });
    const [, second] = [await run(), await run(), await run()];
    await cancel(second?.id as string);
    expect((await run()).profile).toBe("lru-freed-b");
    expect((await run()).status).toBe(409);
  });

  it("least recently used with concurrent use: rotates through every profile", async () => {
    const { run } = await setUp("lru-shared", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: true,
    });
    const picks = [];
    for (let i = 0; i < 5; i++) picks.push((await run()).profile);
    expect(picks).toEqual(["lru-shared-a", "lru-shared-b", "lru-shared-c", "lru-shared-a", "lru-shared-b"]);
  });

  it("most recently used with concurrent use: keeps taking the same profile", async () => {
    const { run } = await setUp("mru-shared", {
      selectionStrategy: "most_recently_used",
      allowConcurrentUse: true,
    });
    const picks = [];
    for (let i = 0; i < 3; i++) picks.push((await run()).profile);
    expect(picks).toEqual(["mru-shared-a", "mru-shared-a", "mru-shared-a"]);
  });

  it("most recently used without concurrent use: takes the last-used profile once it is free again", async () => {
    const { run } = await setUp("mru-exclusive", {
      selectionStrategy: "most_recently_used",
      allowConcurrentUse: false,
    });
    const first = await run();
    const second = await run();
    expect([first.profile, second.profile]).toEqual(["mru-exclusive-a", "mru-exclusive-b"]);
    await cancel(first.id as string);
    await cancel(second.id as string);
    expect((await run()).profile).toBe("mru-exclusive-b");
  });

  it("most recently used without concurrent use: 409 once every profile is busy", async () => {
    const { run } = await setUp("mru-full", {
      selectionStrategy: "most_recently_used",
      allowConcurrentUse: false,
    });
    await run();
    await run();
    await run();
    expect((await run()).status).toBe(409);
  });

  it("a profile named directly is refused with 409 while busy in a pool without concurrent use", async () => {
    const { run, profiles, agent } = await setUp("direct-busy", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: false,
    });
    await run();
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfileId: profiles[0]?.id },
    });
    expect(response.status).toBe(409);
    expect(response.body.message).toMatch(/agent profile "direct-busy-a" is in use/);
  });

  it("a profile named directly may be shared when its pool allows concurrent use", async () => {
    const { run, profiles, agent } = await setUp("direct-shared", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: true,
    });
    await run();
    const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
      json: { agentProfileId: profiles[0]?.id },
    });
    expect(response.status).toBe(202);
  });

  it("follows a strategy changed through PATCH", async () => {
    const { run, pool } = await setUp("switched", {
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: true,
    });
    await run();
    await ctx.http.v2("PATCH", `/agent-profile-pools/${pool.id}`, {
      json: { selectionStrategy: "most_recently_used" },
    });
    expect((await run()).profile).toBe("switched-a");
    expect((await run()).profile).toBe("switched-a");
  });
});
