import {
  CreateRegistryAgentRequest,
  RegistryAgentEnvelope,
  RegistryAgentListEnvelope,
  RegistryId,
} from "@agentdeck/core";
import { extractPartition, isPfid } from "@prefactor/pfid";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../random.ts";
import { IdempotencyLog, MAX_IDEMPOTENCY_KEYS } from "../../store/idempotency-log.ts";
import { expectRegistryError, literally, modelMessage } from "../../test/client.ts";
import { useSandbox } from "../../test/sandbox.ts";

const ctx = useSandbox();
const UNKNOWN = "013xrzp12g3nqk8nx0y2vfkg4s3jp2qr";
const ID = /^[0-7][0-9a-hjkmnp-tv-z]{31}$/;
const ids = createRandom(7, "test-ids");
const createRandomPfid = (partition: number) => ids.registryId(Date.now(), partition);

const create = (details: unknown, idempotencyKey?: string) =>
  ctx.http.registry("POST", "/agent", {
    json: { details, ...(idempotencyKey === undefined ? {} : { idempotency_key: idempotencyKey }) },
  });

describe("POST /api/v1/agent", () => {
  it("registers a pending agent with a PFID in the account's partition, zeroed counts, its environment and the actions a pending agent has", async () => {
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
    expect(isPfid(details.id)).toBe(true);
    expect(extractPartition(details.id)).toBe(ctx.sandbox.store.accountPartition);
    expect(details.environment_id).toBe(ctx.sandbox.store.environmentId);
    expect(details.inserted_at).toBe(details.updated_at);
    const withCounts = await ctx.http.registry("GET", `/agent/${details.id}`, {
      query: { include_counts: true },
    });
    expect(withCounts.body).toEqual(response.body);
    const { instance_counts: _counts, ...withoutCounts } = details;
    expect((await ctx.http.registry("GET", `/agent/${details.id}`)).body.details).toEqual(withoutCounts);
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

  it("takes the create details Prefactor's SDK sends: external_identifier, id, owner_person_id, team_id", async () => {
    const store = ctx.sandbox.store;
    const id = createRandomPfid(store.accountPartition);
    const person = createRandomPfid(store.accountPartition + 1);
    const response = await create({
      name: "Full",
      external_identifier: "crm-7",
      id,
      owner_person_id: person,
      team_id: null,
    });
    expect(response.status).toBe(200);
    expect(response.body.details).toMatchObject({
      id,
      external_identifier: "crm-7",
      owner_person_id: person,
      team_id: null,
    });
    expectRegistryError(
      await create({ name: "Again", external_identifier: "crm-7" }),
      409,
      "conflict",
      /crm-7/,
    );
  });

  it("refuses an id outside the account's partition with 422 on details.id", async () => {
    const response = await create({
      name: "Foreign",
      id: createRandomPfid(ctx.sandbox.store.accountPartition ^ 1),
    });
    expectRegistryError(response, 422, "validation_errors");
    expect(Object.keys(response.body.errors)).toEqual(["details.id"]);
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

describe("idempotency keys in the body", () => {
  it("the same key and body give the same agent, and no second one is made", async () => {
    const before = (await ctx.http.registry("GET", "/agent")).body.pagination.item_count;
    const first = await create({ name: "Once" }, "key-same");
    const again = await create({ name: "Once" }, "key-same");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect((await ctx.http.registry("GET", "/agent")).body.pagination.item_count).toBe(before + 1);
  });

  it("two concurrent creates with one key make one agent", async () => {
    const before = (await ctx.http.registry("GET", "/agent")).body.pagination.item_count;
    const answers = await Promise.all(Array.from({ length: 8 }, () => create({ name: "Racer" }, "key-race")));
    expect(new Set(answers.map((a) => a.body.details.id)).size).toBe(1);
    expect((await ctx.http.registry("GET", "/agent")).body.pagination.item_count).toBe(before + 1);
  });

  it("key order in the body does not matter", async () => {
    const first = await ctx.http.registry("POST", "/agent", {
      rawBody: '{"details":{"name":"Key order","description":"d"},"idempotency_key":"key-order"}',
    });
    const again = await ctx.http.registry("POST", "/agent", {
      rawBody: '{"idempotency_key":"key-order","details":{"description":"d","name":"Key order"}}',
    });
    expect(again.body.details.id).toBe(first.body.details.id);
  });

  it("the same key with another body is a clear 409 conflict", async () => {
    await create({ name: "First body" }, "key-conflict");
    const response = await create({ name: "Second body" }, "key-conflict");
    expectRegistryError(
      response,
      409,
      "conflict",
      literally(
        'the idempotency_key "key-conflict" was already used for a different request in the last 24 hours; use a new key for a new request',
      ),
    );
  });

  it("a key in the Idempotency-Key header is not read: the body is where it goes", async () => {
    const first = await ctx.http.registry("POST", "/agent", {
      json: { details: { name: "Header" } },
      headers: { "Idempotency-Key": "key-header" },
    });
    const again = await ctx.http.registry("POST", "/agent", {
      json: { details: { name: "Header" } },
      headers: { "Idempotency-Key": "key-header" },
    });
    expect(again.body.details.id).not.toBe(first.body.details.id);
  });

  it("a retried retire, update or delete with the same key replays the first answer instead of failing", async () => {
    const agent = (await create({ name: "Retire twice" })).body.details;
    const retire = () =>
      ctx.http.registry("POST", `/agent/${agent.id}/retire`, { json: { idempotency_key: "key-retire" } });
    const first = await retire();
    const again = await retire();
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const remove = () =>
      ctx.http.registry("DELETE", `/agent/${agent.id}`, { json: { idempotency_key: "key-delete" } });
    expect((await remove()).status).toBe(200);
    expect((await remove()).status).toBe(200);
    expect((await ctx.http.registry("GET", `/agent/${agent.id}`)).status).toBe(404);
  });

  it("a failed request does not use up its key", async () => {
    expect((await create({ name: "" }, "key-after-error")).status).toBe(422);
    expect((await create({ name: "Fixed" }, "key-after-error")).status).toBe(200);
  });

  it("refuses a key over 64 characters with 422 on idempotency_key", async () => {
    const response = await create({ name: "Long key" }, "k".repeat(65));
    expectRegistryError(response, 422, "validation_errors");
    expect(response.body.errors).toEqual({ idempotency_key: ["must be 1 to 64 characters"] });
  });
});

describe("the idempotency log", () => {
  it("forgets a key 24 hours after its first use, as Stripe does", () => {
    let now = 0;
    const log = new IdempotencyLog({ now: () => now });
    log.remember("k", { fingerprint: "f", status: 200, body: 1 });
    now = 24 * 60 * 60 * 1000 - 1;
    expect(log.get("k")?.body).toBe(1);
    now += 1;
    expect(log.get("k")).toBeUndefined();
  });

  it("stays bounded over 100k keys: the oldest go first, the newest are kept", () => {
    let now = 0;
    const log = new IdempotencyLog({ now: () => now });
    for (let i = 0; i < 100_000; i++) {
      now++;
      log.remember(`key-${i}`, { fingerprint: "f", status: 200, body: { i } });
      expect(log.size).toBeLessThanOrEqual(MAX_IDEMPOTENCY_KEYS);
    }
    expect(log.size).toBe(MAX_IDEMPOTENCY_KEYS);
    expect(log.get("key-0")).toBeUndefined();
    expect(log.get(`key-${100_000 - MAX_IDEMPOTENCY_KEYS - 1}`)).toBeUndefined();
    expect(log.get(`key-${100_000 - MAX_IDEMPOTENCY_KEYS}`)?.body).toEqual({
      i: 100_000 - MAX_IDEMPOTENCY_KEYS,
    });
    expect(log.get("key-99999")?.body).toEqual({ i: 99_999 });
  });
});

describe("GET /api/v1/agent", () => {
  const listed = useSandbox({ seed: 11 });

  it("lists the demo agents newest first (-id) with full pagination, as summaries without counts", async () => {
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
    expect(response.body.sorting).toEqual({ field: "id", direction: "desc" });
    const inserted = page.summaries.map((a) => a.inserted_at);
    expect(inserted).toEqual([...inserted].sort().reverse());
    const ids = page.summaries.map((a) => a.id);
    expect(ids).toEqual([...ids].sort().reverse());
    for (const agent of response.body.summaries) expect(agent).not.toHaveProperty("instance_counts");
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

  it("pages by pagination[offset] and pagination[page_size]", async () => {
    const response = await listed.http.registry("GET", "/agent", {
      query: { "pagination[offset]": 2, "pagination[page_size]": 2 },
    });
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
    const past = await listed.http.registry("GET", "/agent", { query: { "pagination[offset]": 50 } });
    expect(past.body.summaries).toEqual([]);
    expect(past.body.pagination).toMatchObject({ item_start: 0, item_end: 0, next_page_offset: null });
  });

  it("sorts by name ascending and by -name descending, and says so in `sorting`", async () => {
    const ascending = await listed.http.registry("GET", "/agent", { query: { sorting: "name" } });
    expect(ascending.body.sorting).toEqual({ field: "name", direction: "asc" });
    const asc = ascending.body.summaries;
    const desc = (await listed.http.registry("GET", "/agent", { query: { sorting: "-name" } })).body
      .summaries;
    const names = asc.map((a: { name: string }) => a.name);
    expect(names).toEqual([...names].sort());
    expect(desc.map((a: { name: string }) => a.name)).toEqual(names.reverse());
  });

  it("filters by risk_profile_id, team_id and owner_person_id", async () => {
    const agents = [...(await listed.http.registry("GET", "/agent")).body.summaries];
    const risky = agents.find((a) => a.risk_profile_id !== null);
    const filtered = await listed.http.registry("GET", "/agent", {
      query: { risk_profile_id: risky.risk_profile_id },
    });
    expect(filtered.body.summaries.map((a: { id: string }) => a.id)).toEqual([risky.id]);
    const none = await listed.http.registry("GET", "/agent", { query: { team_id: UNKNOWN } });
    expect(none.body.summaries).toEqual([]);
  });

  it.each([
    [{ "pagination[page_size]": 0 }, "pagination[page_size]"],
    [{ "pagination[page_size]": 101 }, "pagination[page_size]"],
    [{ "pagination[offset]": -1 }, "pagination[offset]"],
    [{ sorting: "colour" }, "sorting"],
    [{ sorting: "-inserted_at" }, "sorting"],
    [{ owner_person_id: "ada" }, "owner_person_id"],
  ])("refuses %o with 422 validation_errors for that parameter", async (query, field) => {
    const response = await listed.http.registry("GET", "/agent", { query });
    expectRegistryError(response, 422, "validation_errors");
    expect(Object.keys(response.body.errors)).toEqual([field]);
  });
});

describe("show and update", () => {
  it("shows an agent by external_identifier or agent_id, with counts only when asked", async () => {
    const agent = (await create({ name: "Shown", external_identifier: "show-me" })).body.details;
    const byExternal = await ctx.http.registry("GET", "/agent/show", {
      query: { external_identifier: "show-me" },
    });
    expect(byExternal.status).toBe(200);
    expect(byExternal.body.details.id).toBe(agent.id);
    expect(byExternal.body.details).not.toHaveProperty("instance_counts");
    const byId = await ctx.http.registry("GET", "/agent/show", {
      query: { agent_id: agent.id, include_counts: true },
    });
    expect(byId.body.details.instance_counts.total).toBe(0);
    expectRegistryError(
      await ctx.http.registry("GET", "/agent/show", { query: { external_identifier: "nobody" } }),
      404,
      "not_found",
    );
    expectRegistryError(await ctx.http.registry("GET", "/agent/show"), 422, "validation_errors");
  });

  it("updates only the fields given, clears one with null, and refuses external_identifier", async () => {
    const risk = ctx.sandbox.store.addRiskProfile();
    const agent = (await create({ name: "Before", description: "old", risk_profile_id: risk })).body.details;
    const response = await ctx.http.registry("PUT", `/agent/${agent.id}`, {
      json: { details: { name: "After", risk_profile_id: null }, idempotency_key: "key-update" },
    });
    expect(response.status).toBe(200);
    expect(response.body.details).toMatchObject({ name: "After", description: "old", risk_profile_id: null });
    expect(response.body.details.updated_at > agent.updated_at).toBe(true);
    const refused = await ctx.http.registry("PUT", `/agent/${agent.id}`, {
      json: { details: { external_identifier: "x" } },
    });
    expectRegistryError(refused, 422, "validation_errors");
    expect(refused.body.errors).toEqual({
      "details.external_identifier": ["can only be set when the agent is created"],
    });
  });

  it("refuses to update a retired agent with 409 invalid_action", async () => {
    const agent = (await create({ name: "Retired" })).body.details;
    await ctx.http.registry("POST", `/agent/${agent.id}/retire`);
    expectRegistryError(
      await ctx.http.registry("PUT", `/agent/${agent.id}`, { json: { details: { name: "x" } } }),
      409,
      "invalid_action",
    );
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
