import { CreatePoolRequest, PoolListParams } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { expectV2Error, literally, modelMessage } from "../../test/client.ts";
import { useSandbox } from "../../test/sandbox.ts";

const ctx = useSandbox();
const useSandboxPools = useSandbox({ pools: 1200 });
const newPool = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  organizationId: ctx.sandbox.organizationId,
  ...extra,
});

describe("POST /agent-profile-pools", () => {
  it("creates a pool with the documented defaults and answers 201", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: newPool("Created in a test"),
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      name: "Created in a test",
      organizationId: ctx.sandbox.organizationId,
      selectionStrategy: "least_recently_used",
      allowConcurrentUse: false,
      createdAt: expect.any(String),
      updatedAt: response.body.createdAt,
    });
    const fetched = await ctx.http.v2("GET", `/agent-profile-pools/${response.body.id}`);
    expect(fetched.body).toEqual(response.body);
  });

  it("keeps the strategy and concurrency it is given", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: newPool("MRU shared", { selectionStrategy: "most_recently_used", allowConcurrentUse: true }),
    });
    expect(response.body).toMatchObject({
      selectionStrategy: "most_recently_used",
      allowConcurrentUse: true,
    });
  });

  it("refuses a duplicate name in the organization with 409 and a message naming it", async () => {
    await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Taken") });
    const response = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Taken") });
    expectV2Error(response, 409, /a pool named "Taken" already exists in this organization/);
  });

  it("allows the same name in another organization the user belongs to", async () => {
    const other = ctx.sandbox.store.addOrganization({ name: "Second org" });
    await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Shared name") });
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: { name: "Shared name", organizationId: other.id },
    });
    expect(response.status).toBe(201);
  });

  it("answers 403 for an organization the user does not belong to", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: { name: "Elsewhere", organizationId: "3c90c3cc-0d44-4b50-8888-8dd25736052a" },
    });
    expectV2Error(response, 403, /not a member of organization/);
  });

  it.each([
    ["an empty name", { name: "" }, "name"],
    ["a name longer than 255 characters", { name: "x".repeat(256) }, "name"],
    ["a name that is not a string", { name: 42 }, "name"],
    ["an unknown strategy", { selectionStrategy: "random" }, "selectionStrategy"],
    ["a non-boolean concurrency flag", { allowConcurrentUse: "yes" }, "allowConcurrentUse"],
    ["a malformed organization id", { organizationId: "acme" }, "organizationId"],
  ])("refuses %s with 400 and core's message for the field", async (_label, fields, field) => {
    const body = { ...newPool("valid"), ...fields };
    const response = await ctx.http.v2("POST", "/agent-profile-pools", { json: body });
    expectV2Error(response, 400, literally(`${field}: ${modelMessage(CreatePoolRequest, body, field)}`));
  });

  it("refuses a body without organizationId", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", { json: { name: "No org" } });
    expectV2Error(response, 400, /organizationId/);
  });

  it("ignores fields the API does not know, as the document leaves the request open", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: newPool("With extras", { color: "teal" }),
    });
    expect(response.status).toBe(201);
    expect(response.body).not.toHaveProperty("color");
  });

  it("accepts a name of exactly 255 characters", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("n".repeat(255)) });
    expect(response.status).toBe(201);
  });
});

describe("GET /agent-profile-pools/{poolId}", () => {
  it("answers 404 for an unknown pool", async () => {
    const response = await ctx.http.v2("GET", "/agent-profile-pools/3c90c3cc-0d44-4b50-8888-8dd25736052a");
    expectV2Error(response, 404, /agent profile pool 3c90c3cc-0d44-4b50-8888-8dd25736052a not found/);
  });

  it("answers 400 for an id that is not a uuid", async () => {
    const response = await ctx.http.v2("GET", "/agent-profile-pools/not-a-uuid");
    expectV2Error(response, 400, /poolId must be a UUID/);
  });

  it("finds a pool by its id in upper case too", async () => {
    const created = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Upper") });
    const response = await ctx.http.v2("GET", `/agent-profile-pools/${created.body.id.toUpperCase()}`);
    expect(response.body.id).toBe(created.body.id);
  });
});

describe("PATCH /agent-profile-pools/{poolId}", () => {
  it("changes the given fields, keeps the rest and moves updatedAt", async () => {
    const created = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Before rename") });
    const response = await ctx.http.v2("PATCH", `/agent-profile-pools/${created.body.id}`, {
      json: { name: "After rename", allowConcurrentUse: true },
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: created.body.id,
      name: "After rename",
      allowConcurrentUse: true,
      selectionStrategy: created.body.selectionStrategy,
      createdAt: created.body.createdAt,
    });
    expect(response.body.updatedAt > created.body.updatedAt).toBe(true);
    const listed = await ctx.http.v2("GET", "/agent-profile-pools", {
      query: { searchName: "after rename" },
    });
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(created.body.id);
  });

  it("answers an empty update with the pool unchanged", async () => {
    const created = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Untouched") });
    const response = await ctx.http.v2("PATCH", `/agent-profile-pools/${created.body.id}`, { json: {} });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(created.body);
  });

  it("refuses renaming to another pool's name with 409", async () => {
    await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Existing name") });
    const created = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("To rename") });
    const response = await ctx.http.v2("PATCH", `/agent-profile-pools/${created.body.id}`, {
      json: { name: "Existing name" },
    });
    expectV2Error(response, 409, /already exists/);
  });

  it("validates like create: an empty name is a 400", async () => {
    const created = await ctx.http.v2("POST", "/agent-profile-pools", { json: newPool("Validated") });
    const response = await ctx.http.v2("PATCH", `/agent-profile-pools/${created.body.id}`, {
      json: { name: "" },
    });
    expectV2Error(response, 400, /^name: /);
  });

  it("answers 404 for an unknown pool and 400 for a malformed id", async () => {
    expectV2Error(
      await ctx.http.v2("PATCH", "/agent-profile-pools/3c90c3cc-0d44-4b50-8888-8dd25736052a", {
        json: { name: "n" },
      }),
      404,
    );
    expectV2Error(await ctx.http.v2("PATCH", "/agent-profile-pools/123", { json: { name: "n" } }), 400);
  });
});

describe("GET /agent-profile-pools", () => {
  const ctx2 = useSandbox({ seed: 7 });

  it("lists the demo pools by name, ascending, 50 to a page", async () => {
    const response = await ctx2.http.v2("GET", "/agent-profile-pools");
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ page: 1, pageSize: 50, total: 8 });
    const names = response.body.items.map((p: { name: string }) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });

  it("pages with a correct total", async () => {
    const first = await ctx2.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 3, page: 1 } });
    const third = await ctx2.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 3, page: 3 } });
    const beyond = await ctx2.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 3, page: 9 } });
    expect(first.body).toMatchObject({ page: 1, pageSize: 3, total: 8 });
    expect(first.body.items).toHaveLength(3);
    expect(third.body.items).toHaveLength(2);
    expect(beyond.body).toMatchObject({ items: [], total: 8, page: 9 });
  });

  it("searches names by a case-insensitive part", async () => {
    ctx2.sandbox.store.addPool({ name: "Zebra Crossing" });
    const response = await ctx2.http.v2("GET", "/agent-profile-pools", {
      query: { searchName: "ZEBRA cro" },
    });
    expect(response.body.total).toBe(1);
    expect(response.body.items[0].name).toBe("Zebra Crossing");
  });

  it.each([
    ["name", "desc"],
    ["created_at", "asc"],
    ["created_at", "desc"],
    ["updated_at", "asc"],
    ["updated_at", "desc"],
  ])("sorts by %s %s", async (sortField, sortDirection) => {
    const response = await ctx2.http.v2("GET", "/agent-profile-pools", {
      query: { sortField, sortDirection },
    });
    const key = { name: "name", created_at: "createdAt", updated_at: "updatedAt" }[sortField] as string;
    const values = response.body.items.map((p: Record<string, string>) =>
      key === "name" ? p.name?.toLowerCase() : p[key],
    );
    const sorted = [...values].sort();
    expect(values).toEqual(sortDirection === "asc" ? sorted : sorted.reverse());
  });

  it("filters by organization", async () => {
    const mine = await ctx2.http.v2("GET", "/agent-profile-pools", {
      query: { organizationId: ctx2.sandbox.organizationId },
    });
    const other = await ctx2.http.v2("GET", "/agent-profile-pools", {
      query: { organizationId: "3c90c3cc-0d44-4b50-8888-8dd25736052a" },
    });
    expect(mine.body.total).toBeGreaterThan(0);
    expect(other.body).toMatchObject({ items: [], total: 0 });
  });

  it("serves a list page asked again from memory, and never a stale one after a create or a rename", async () => {
    const query = { searchName: "Cache probe", pageSize: 5 };
    const list = async () =>
      (await ctx.http.v2("GET", "/agent-profile-pools", { query })).body.items.map(
        (p: { name: string }) => p.name,
      );
    expect(await list()).toEqual([]);
    expect(await list()).toEqual([]);
    const created = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: { name: "Cache probe A", organizationId: ctx.sandbox.organizationId },
    });
    expect(await list()).toEqual(["Cache probe A"]);
    await ctx.http.v2("PATCH", `/agent-profile-pools/${created.body.id}`, {
      json: { name: "Cache probe B" },
    });
    expect(await list()).toEqual(["Cache probe B"]);
  });

  it("refuses a pool name with a NUL character with 400, on create and on rename, and keeps other control characters", async () => {
    const created = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: { name: "nul\u0000here", organizationId: ctx.sandbox.organizationId },
    });
    expectV2Error(created, 400, literally("name: must not contain a NUL character"));
    const hostile = await ctx.http.v2("POST", "/agent-profile-pools", {
      json: { name: "\u001b[31mred\u0007", organizationId: ctx.sandbox.organizationId },
    });
    expect(hostile.status).toBe(201);
    const pool = ctx.sandbox.store.addPool({ name: "Renamed with NUL" });
    const renamed = await ctx.http.v2("PATCH", `/agent-profile-pools/${pool.id}`, {
      json: { name: "a\u0000b" },
    });
    expectV2Error(renamed, 400, literally("name: must not contain a NUL character"));
  });

  it("serves a pageSize beyond 1000 as 1000, and says so in the answer's pageSize", async () => {
    const big = useSandboxPools;
    const response = await big.http.v2("GET", "/agent-profile-pools", { query: { pageSize: 10 ** 9 } });
    expect(response.status).toBe(200);
    expect(response.body.pageSize).toBe(1000);
    expect(response.body.items).toHaveLength(1000);
    expect(response.body.total).toBe(1200);
  });

  it.each([
    [{ pageSize: 2.5 }, "pageSize"],
    [{ pageSize: 0 }, "pageSize"],
    [{ page: 0 }, "page"],
    [{ page: "two" }, "page"],
    [{ sortField: "size" }, "sortField"],
    [{ sortDirection: "up" }, "sortDirection"],
    [{ organizationId: "acme" }, "organizationId"],
  ])("refuses the query %o with 400 and core's message", async (query, field) => {
    const expected = modelMessage(PoolListParams, query, field);
    expectV2Error(
      await ctx2.http.v2("GET", "/agent-profile-pools", { query }),
      400,
      literally(`${field}: ${expected}`),
    );
  });
});
