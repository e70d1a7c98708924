import { describe, expect, it } from "vitest";
import { BadRequestError, ConnectionError, UnprocessableEntityError } from "../errors.ts";
import { REGISTRY, TEST_TOKEN, testClient } from "../test/client.ts";
import { REGISTRY_AGENT_ID, registryAgent, registryPagination } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

const envelope = (details: unknown) => ({ status: "success", details });
const keyOf = (request: { json: unknown } | undefined) =>
  (request?.json as { idempotency_key?: string } | undefined)?.idempotency_key;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("registry.agents.create", () => {
  it("POSTs agent with {details, idempotency_key}, a Bearer token, and returns the agent without its envelope", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    const created = await testClient(server).registry.agents.create({
      name: "My Agent",
      description: "Books flights",
    });
    expect(created).toEqual(registryAgent());
    const [request] = server.requests;
    expect(request?.path).toBe(`${REGISTRY}/agent`);
    expect(request?.json).toEqual({
      details: { name: "My Agent", description: "Books flights" },
      idempotency_key: expect.stringMatching(UUID_PATTERN),
    });
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers["x-asteroid-agents-api-key"]).toBeUndefined();
    expect(request?.headers["idempotency-key"]).toBeUndefined();
  });

  it("sends the new details fields: external_identifier, id, owner_person_id, team_id", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    const details = {
      name: "a",
      external_identifier: "crm-42",
      id: REGISTRY_AGENT_ID,
      owner_person_id: REGISTRY_AGENT_ID,
      team_id: null,
    };
    await testClient(server).registry.agents.create(details);
    expect(server.requests[0]?.json).toMatchObject({ details });
  });

  it("generates a different idempotency_key for each create", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    const client = testClient(server);
    await client.registry.agents.create({ name: "a" });
    await client.registry.agents.create({ name: "b" });
    const [first, second] = server.requests.map(keyOf);
    expect(first).toMatch(UUID_PATTERN);
    expect(first).not.toBe(second);
  });

  it("sends the caller's idempotencyKey", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    await testClient(server).registry.agents.create({ name: "a" }, { idempotencyKey: "order-42" });
    expect(keyOf(server.requests[0])).toBe("order-42");
  });

  it("retries a 503 and a dropped connection with the same idempotency_key", async () => {
    server.route(
      `POST ${REGISTRY}/agent`,
      { status: 503, json: { status: "error", code: "unavailable", message: "busy" } },
      { drop: true },
      { json: envelope(registryAgent()) },
    );
    await expect(testClient(server).registry.agents.create({ name: "My Agent" })).resolves.toEqual(
      registryAgent(),
    );
    const keys = server.requests.map(keyOf);
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(UUID_PATTERN);
    expect(new Set(keys).size).toBe(1);
  });

  it("gives up after maxRetries with the last error", async () => {
    server.route(`POST ${REGISTRY}/agent`, { drop: true });
    await expect(
      testClient(server, { maxRetries: 1 }).registry.agents.create({ name: "x" }),
    ).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
  });

  it("maps a bad_request envelope to BadRequestError with its code", async () => {
    server.route(`POST ${REGISTRY}/agent`, {
      status: 400,
      json: { status: "error", code: "bad_request", message: "name is taken" },
    });
    const error = await testClient(server)
      .registry.agents.create({ name: "x" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe("bad_request");
    expect((error as BadRequestError).message).toContain("name is taken");
  });

  it("maps a validation_errors envelope and exposes its per-field errors", async () => {
    const errors = { name: ["has already been taken"], description: ["is too long", "is rude"] };
    server.route(`POST ${REGISTRY}/agent`, {
      status: 422,
      json: { status: "error", code: "validation_errors", message: "Validation failed", errors },
    });
    const error = (await testClient(server)
      .registry.agents.create({ name: "x" })
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe("validation_errors");
    expect(error.errors).toEqual(errors);
    expect(error.message).toContain("name: has already been taken");
    expect(error.message).toContain("description: is too long, is rude");
  });
});

/** A list answer shaped as Prefactor's SDK models it: summaries without counts, `sorting`, nullable pagination. */
const vendorSummary = {
  type: "agent",
  id: REGISTRY_AGENT_ID,
  name: "My Agent",
  description: null,
  external_identifier: "crm-42",
  status: "active",
  owner_person_id: null,
  team_id: null,
  available_actions: { update: true, retire: true, reinstate: false, delete: false },
  inserted_at: "2025-01-02T03:04:05Z",
  updated_at: "2025-01-02T03:04:05Z",
};

describe("registry.agents.list", () => {
  it("GETs agent with Prefactor's paging names and filters, returning {items, pagination, sorting}", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: {
        status: "success",
        summaries: [vendorSummary],
        pagination: registryPagination(1),
        sorting: { field: "id", direction: "desc" },
      },
    });
    const result = await testClient(server).registry.agents.list({
      offset: 20,
      pageSize: 10,
      sorting: "-id",
      riskProfileId: REGISTRY_AGENT_ID,
      teamId: REGISTRY_AGENT_ID,
      ownerPersonId: REGISTRY_AGENT_ID,
    });
    expect(result).toEqual({
      items: [vendorSummary],
      pagination: registryPagination(1),
      sorting: { field: "id", direction: "desc" },
    });
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({
      "pagination[offset]": "20",
      "pagination[page_size]": "10",
      sorting: "-id",
      risk_profile_id: REGISTRY_AGENT_ID,
      team_id: REGISTRY_AGENT_ID,
      owner_person_id: REGISTRY_AGENT_ID,
    });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it("accepts a null pagination and no sorting, as the SDK allows", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: { status: "success", summaries: [vendorSummary], pagination: null },
    });
    await expect(testClient(server).registry.agents.list()).resolves.toEqual({
      items: [vendorSummary],
      pagination: null,
      sorting: null,
    });
  });

  it("drops instance_counts from a list item: summaries carry none", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: { status: "success", summaries: [registryAgent()], pagination: registryPagination(1) },
    });
    const [item] = (await testClient(server).registry.agents.list()).items;
    expect(item).not.toHaveProperty("instance_counts");
  });

  it("keeps an agent whose status it does not know", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: {
        status: "success",
        summaries: [vendorSummary, { ...vendorSummary, status: "hibernating" }],
        pagination: registryPagination(2),
      },
    });
    const result = await testClient(server).registry.agents.list();
    expect(result.items.map((a) => a.status)).toEqual(["active", "hibernating"]);
  });
});

describe("registry.agents.get", () => {
  it("GETs agent/{id} and returns the agent without its envelope", async () => {
    server.route(`GET ${REGISTRY}/agent/:id`, { json: envelope(registryAgent()) });
    await expect(testClient(server).registry.agents.get(REGISTRY_AGENT_ID)).resolves.toEqual(registryAgent());
    expect(server.requests[0]?.path).toBe(`${REGISTRY}/agent/${REGISTRY_AGENT_ID}`);
    expect(server.requests[0]?.query.toString()).toBe("");
  });

  it("asks for the counts with include_counts=true, and accepts an answer without them", async () => {
    const { instance_counts: _counts, ...withoutCounts } = registryAgent();
    server.route(`GET ${REGISTRY}/agent/:id`, { json: envelope(withoutCounts) });
    const client = testClient(server);
    await expect(client.registry.agents.get(REGISTRY_AGENT_ID)).resolves.toEqual(withoutCounts);
    await client.registry.agents.get(REGISTRY_AGENT_ID, { includeCounts: true });
    expect(server.requests[1]?.query.toString()).toBe("include_counts=true");
  });
});

describe("registry.agents.show", () => {
  it("GETs agent/show by external_identifier", async () => {
    server.route(`GET ${REGISTRY}/agent/show`, { json: envelope(registryAgent()) });
    await expect(
      testClient(server).registry.agents.show({ externalIdentifier: "crm 42", includeCounts: true }),
    ).resolves.toEqual(registryAgent());
    expect(server.requests[0]?.path).toBe(`${REGISTRY}/agent/show`);
    expect(server.requests[0]?.query.toString()).toBe("external_identifier=crm+42&include_counts=true");
  });

  it("GETs agent/show by agent_id", async () => {
    server.route(`GET ${REGISTRY}/agent/show`, { json: envelope(registryAgent()) });
    await testClient(server).registry.agents.show({ agentId: REGISTRY_AGENT_ID });
    expect(server.requests[0]?.query.toString()).toBe(`agent_id=${REGISTRY_AGENT_ID}`);
  });
});

describe("registry.agents.update", () => {
  it("PUTs agent/{id} with {details, idempotency_key}, retrying a 503 with the same key", async () => {
    server.route(
      `PUT ${REGISTRY}/agent/:id`,
      { status: 503, json: { status: "error", code: "service_unavailable", message: "busy" } },
      { json: envelope(registryAgent({ name: "Renamed" })) },
    );
    const updated = await testClient(server).registry.agents.update(REGISTRY_AGENT_ID, {
      name: "Renamed",
      team_id: null,
    });
    expect(updated.name).toBe("Renamed");
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.json).toEqual({
      details: { name: "Renamed", team_id: null },
      idempotency_key: expect.stringMatching(UUID_PATTERN),
    });
    expect(keyOf(server.requests[1])).toBe(keyOf(server.requests[0]));
  });
});

describe("registry.agents.delete", () => {
  it("DELETEs agent/{id} with an idempotency_key body and returns the agent as it was", async () => {
    server.route(`DELETE ${REGISTRY}/agent/:id`, { json: envelope(registryAgent({ status: "retired" })) });
    const deleted = await testClient(server).registry.agents.delete(REGISTRY_AGENT_ID, {
      idempotencyKey: "delete-42",
    });
    expect(deleted.status).toBe("retired");
    expect(server.requests[0]?.method).toBe("DELETE");
    expect(server.requests[0]?.json).toEqual({ idempotency_key: "delete-42" });
  });
});

describe.each(["retire", "reinstate"] as const)("registry.agents.%s", (action) => {
  it(`POSTs agent/{id}/${action} and returns the agent`, async () => {
    const status = action === "retire" ? "retired" : "active";
    server.route(`POST ${REGISTRY}/agent/:id/${action}`, { json: envelope(registryAgent({ status })) });
    const result = await testClient(server).registry.agents[action](REGISTRY_AGENT_ID);
    expect(result.status).toBe(status);
    expect(server.requests[0]?.path).toBe(`${REGISTRY}/agent/${REGISTRY_AGENT_ID}/${action}`);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it("is retried with the same idempotency_key after a 502", async () => {
    server.route(
      `POST ${REGISTRY}/agent/:id/${action}`,
      { status: 502, text: "Bad Gateway" },
      { json: envelope(registryAgent()) },
    );
    await testClient(server).registry.agents[action](REGISTRY_AGENT_ID);
    const keys = server.requests.map(keyOf);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toMatch(UUID_PATTERN);
    expect(keys[0]).toBe(keys[1]);
  });
});
