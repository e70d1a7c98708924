import {
  CreateRegistryAgentRequest,
  RegistryAgentEnvelope,
  RegistryAgentListEnvelope,
  RegistryId,
} from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { expectRegistryError, literally, modelMessage } from "../../test/client.ts";
import { useSandbox } from "../../test/sandbox.ts";

const ctx = useSandbox();
const UNKNOWN = "013xrzp12g3nqk8nx0y2vfkg4s3jp2qr";
const ID = /^[0-9a-hjkmnp-tv-z]{32}$/;

const create = (details: unknown, headers: Record<string, string> = {}, query = {}) =>
  ctx.http.registry("POST", "/agent", { json: { details }, headers, query });

describe("POST /api/v1/agent", () => {
  it("registers a pending agent with a base32 id, zeroed counts and the actions a pending agent has", async () => {
    const response = await create({ name: "Invoice bot", description: "Fetches invoices" });
    expect(response.status).toBe(200);
    const { details } = RegistryAgentEnvelope.parse(response.body);
    expect(response.body.status).toBe("success");
    expect(details).toMatchObject({
      type: "agent",
      name: "Invoice bot",
      description: "Fetches invoices",
      status: "pending",
      instance_counts: {
        active: 0,
        cancelled: 0,
        complete: 0,
        failed: 0,
        finished: 0,
        pending: 0,
        terminated: 0,
        total: 0,
      },
      available_actions: { retire: true, reinstate: false, delete: false, update: true },
    });
    expect(details.id).toMatch(ID);
    expect(details.inserted_at).toBe(details.updated_at);
    expect((await ctx.http.registry("GET", `/agent/${details.id}`)).body).toEqual(response.body);
  });

  it("answers 422 validation_errors with core's message per field path", async () => {
    const details = { name: "   " };
    const response = await create(details);
    expectRegistryError(response, 422, "validation_errors");
    expect(response.body.errors).toEqual({
      "details.name": [modelMessage(CreateRegistryAgentRequest, details, "name")],
    });
  });

  it("answers validation_errors for a missing details object and for a too-long description", async () => {
    const missing = await ctx.http.registry("POST", "/agent", { json: {} });
    expectRegistryError(missing, 422, "validation_errors");
    expect(Object.keys(missing.body.errors)).toEqual(["details"]);
    const long = await create({ name: "n", description: "d".repeat(2001) });
    expect(Object.keys(long.body.errors)).toEqual(["details.description"]);
  });

  it("answers bad_request for malformed JSON and for a body that is not an object", async () => {
    expectRegistryError(
      await ctx.http.registry("POST", "/agent", { rawBody: "{nope" }),
      400,
      "bad_request",
      /not valid JSON/,
    );
    expectRegistryError(await ctx.http.registry("POST", "/agent", { json: ["x"] }), 400, "bad_request");
  });

  it("ignores fields it does not know, such as an older client's environment_id", async () => {
    const response = await create({ name: "Old client", environment_id: UNKNOWN });
    expect(response.status).toBe(200);
  });

  it("assigns a known risk profile and answers 404 not_found for an unknown one", async () => {
    const riskProfile = ctx.sandbox.store.addRiskProfile();
    expect((await create({ name: "Risky", risk_profile_id: riskProfile })).body.details.risk_profile_id).toBe(
      riskProfile,
    );
    expectRegistryError(
      await create({ name: "Unknown risk", risk_profile_id: UNKNOWN }),
      404,
      "not_found",
      /risk profile/,
    );
  });
});

describe("idempotency keys", () => {
  it("the same key and body give the same agent, and no second one is made", async () => {
    const before = (await ctx.http.registry("GET", "/agent")).body.pagination.item_count;
    const first = await create({ name: "Once" }, { "Idempotency-Key": "key-same" });
    const again = await create({ name: "Once" }, { "Idempotency-Key": "key-same" });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await ctx.http.registry("GET", "/agent")).body.pagination.item_count).toBe(before + 1);
  });

  it("the key may come as the idempotency_key query parameter, and key order in the body does not matter", async () => {
    const first = await ctx.http.registry("POST", "/agent", {
      rawBody: '{"details":{"name":"Query key","description":"d"}}',
      query: { idempotency_key: "key-query" },
    });
    const again = await ctx.http.registry("POST", "/agent", {
      rawBody: '{"details":{"description":"d","name":"Query key"}}',
      headers: { "Idempotency-Key": "key-query" },
    });
    expect(again.body.details.id).toBe(first.body.details.id);
  });

  it("the same key with another body is a 409 conflict", async () => {
    await create({ name: "First body" }, { "Idempotency-Key": "key-conflict" });
    const response = await create({ name: "Second body" }, { "Idempotency-Key": "key-conflict" });
    expectRegistryError(response, 409, "conflict", /key-conflict.*different request/);
  });

  it("a retried retire with the same key replays the first answer instead of failing", async () => {
    const agent = (await create({ name: "Retire twice" })).body.details;
    const first = await ctx.http.registry("POST", `/agent/${agent.id}/retire`, {
      headers: { "Idempotency-Key": "key-retire" },
    });
    const again = await ctx.http.registry("POST", `/agent/${agent.id}/retire`, {
      json: {},
      headers: { "Idempotency-Key": "key-retire" },
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
  });

  it("a failed request does not use up its key", async () => {
    expect((await create({ name: "" }, { "Idempotency-Key": "key-after-error" })).status).toBe(422);
    expect((await create({ name: "Fixed" }, { "Idempotency-Key": "key-after-error" })).status).toBe(200);
  });

  it("refuses a header and a query parameter that differ, and a key over 255 characters", async () => {
    expectRegistryError(
      await create({ name: "Two keys" }, { "Idempotency-Key": "a" }, { idempotency_key: "b" }),
      400,
      "bad_request",
      /differ/,
    );
    expectRegistryError(
      await create({ name: "Long key" }, { "Idempotency-Key": "k".repeat(256) }),
      400,
      "bad_request",
    );
  });
});

describe("GET /api/v1/agent", () => {
  const listed = useSandbox({ seed: 11 });

  it("lists the demo agents newest first with full pagination", async () => {
    const response = await listed.http.registry("GET", "/agent");
    const page = RegistryAgentListEnvelope.parse(response.body);
    expect(page.pagination).toEqual({
      item_count: 5,
      item_start: 1,
      item_end: 5,
      page_count: 1,
      page_index: 1,
      page_offset: 0,
      page_size: 10,
      next_page_offset: null,
      previous_page_offset: null,
    });
    const inserted = page.summaries.map((a) => a.inserted_at);
    expect(inserted).toEqual([...inserted].sort().reverse());
    expect(new Set(page.summaries.map((a) => a.status))).toEqual(
      new Set(["active", "pending", "dormant", "retired"]),
    );
    for (const agent of page.summaries) {
      const retired = agent.status === "retired";
      expect(agent.available_actions).toEqual({
        retire: !retired,
        reinstate: retired,
        delete: retired,
        update: !retired,
      });
    }
  });

  it("pages by offset and page_size", async () => {
    const response = await listed.http.registry("GET", "/agent", { query: { offset: 2, page_size: 2 } });
    expect(response.body.summaries).toHaveLength(2);
    expect(response.body.pagination).toMatchObject({
      item_start: 3,
      item_end: 4,
      page_count: 3,
      page_index: 2,
      page_offset: 2,
      next_page_offset: 4,
      previous_page_offset: 0,
    });
    const past = await listed.http.registry("GET", "/agent", { query: { offset: 50 } });
    expect(past.body.summaries).toEqual([]);
    expect(past.body.pagination).toMatchObject({ item_start: 0, item_end: 0, next_page_offset: null });
  });

  it("sorts by name ascending and by -name descending", async () => {
    const asc = (await listed.http.registry("GET", "/agent", { query: { sort: "name" } })).body.summaries;
    const desc = (await listed.http.registry("GET", "/agent", { query: { sort: "-name" } })).body.summaries;
    const names = asc.map((a: { name: string }) => a.name);
    expect(names).toEqual([...names].sort());
    expect(desc.map((a: { name: string }) => a.name)).toEqual(names.reverse());
  });

  it.each([
    [{ page_size: 0 }, "page_size"],
    [{ page_size: 101 }, "page_size"],
    [{ offset: -1 }, "offset"],
    [{ sort: "colour" }, "sort"],
    [{ sort: "Name!" }, "sort"],
  ])("refuses %o with 422 validation_errors for that parameter", async (query, field) => {
    const response = await listed.http.registry("GET", "/agent", { query });
    expectRegistryError(response, 422, "validation_errors");
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });
});

describe("one registry agent", () => {
  it("answers 404 not_found for an unknown id and 400 bad_request with core's message for a malformed one", async () => {
    expectRegistryError(
      await ctx.http.registry("GET", `/agent/${UNKNOWN}`),
      404,
      "not_found",
      literally(UNKNOWN),
    );
    expectRegistryError(
      await ctx.http.registry("GET", "/agent/not-an-id"),
      400,
      "bad_request",
      literally(`agent_id ${modelMessage(RegistryId, "not-an-id", "")}`),
    );
  });

  it("retires, reinstates to pending, and keeps available_actions in step with the status", async () => {
    const agent = (await create({ name: "Lifecycle" })).body.details;
    const retired = await ctx.http.registry("POST", `/agent/${agent.id}/retire`);
    expect(retired.body.details).toMatchObject({
      status: "retired",
      available_actions: { retire: false, reinstate: true, delete: true, update: false },
    });
    expect(retired.body.details.updated_at > agent.updated_at).toBe(true);
    const reinstated = await ctx.http.registry("POST", `/agent/${agent.id}/reinstate`, { json: {} });
    expect(reinstated.body.details).toMatchObject({
      status: "pending",
      available_actions: { retire: true, reinstate: false, delete: false, update: true },
    });
  });

  it("reinstates an agent with past instances as dormant, and one with an active instance as active", async () => {
    const store = ctx.sandbox.store;
    const dormant = store.addRegistryAgent({
      name: "Had runs",
      status: "retired",
      instance_counts: { complete: 3 },
    });
    const active = store.addRegistryAgent({
      name: "Still running",
      status: "retired",
      instance_counts: { active: 1 },
    });
    expect((await ctx.http.registry("POST", `/agent/${dormant.id}/reinstate`)).body.details.status).toBe(
      "dormant",
    );
    expect((await ctx.http.registry("POST", `/agent/${active.id}/reinstate`)).body.details.status).toBe(
      "active",
    );
  });

  it("refuses actions the agent's status does not allow with 409 invalid_action", async () => {
    const agent = (await create({ name: "Not yet retired" })).body.details;
    expectRegistryError(
      await ctx.http.registry("POST", `/agent/${agent.id}/reinstate`),
      409,
      "invalid_action",
    );
    expectRegistryError(
      await ctx.http.registry("DELETE", `/agent/${agent.id}`),
      409,
      "invalid_action",
      /retire it before/,
    );
    await ctx.http.registry("POST", `/agent/${agent.id}/retire`);
    expectRegistryError(
      await ctx.http.registry("POST", `/agent/${agent.id}/retire`),
      409,
      "invalid_action",
      /already retired/,
    );
  });

  it("deletes a retired agent, answering with it as it was; then it is gone", async () => {
    const agent = (await create({ name: "Short lived" })).body.details;
    const retired = (await ctx.http.registry("POST", `/agent/${agent.id}/retire`)).body.details;
    const deleted = await ctx.http.registry("DELETE", `/agent/${agent.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ status: "success", details: retired });
    expectRegistryError(await ctx.http.registry("GET", `/agent/${agent.id}`), 404, "not_found");
    expectRegistryError(await ctx.http.registry("DELETE", `/agent/${agent.id}`), 404, "not_found");
  });

  it("answers 404 for actions on an unknown agent", async () => {
    expectRegistryError(await ctx.http.registry("POST", `/agent/${UNKNOWN}/retire`), 404, "not_found");
    expectRegistryError(await ctx.http.registry("POST", `/agent/${UNKNOWN}/reinstate`), 404, "not_found");
  });
});
