import { describe, expect, it } from "vitest";
import { BadRequestError, ConnectionError, UnprocessableEntityError } from "../errors.ts";
import { REGISTRY, TEST_TOKEN, testClient } from "../test/client.ts";
import { REGISTRY_AGENT_ID, registryAgent, registryPagination } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

const envelope = (details: unknown) => ({ status: "success", details });
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("registry.agents.create", () => {
  it("POSTs agent with {details}, a Bearer token and a generated Idempotency-Key, and returns the agent without its envelope", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    const created = await testClient(server).registry.agents.create({
      name: "My Agent",
      description: "Books flights",
    });
    expect(created).toEqual(registryAgent());
    const [request] = server.requests;
    expect(request?.path).toBe(`${REGISTRY}/agent`);
    expect(request?.json).toEqual({ details: { name: "My Agent", description: "Books flights" } });
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
    expect(request?.headers["x-asteroid-agents-api-key"]).toBeUndefined();
    expect(request?.headers["idempotency-key"]).toMatch(UUID_PATTERN);
  });

  it("generates a different Idempotency-Key for each create", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    const client = testClient(server);
    await client.registry.agents.create({ name: "a" });
    await client.registry.agents.create({ name: "b" });
    const [first, second] = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(first).not.toBe(second);
  });

  it("sends the caller's idempotencyKey", async () => {
    server.route(`POST ${REGISTRY}/agent`, { json: envelope(registryAgent()) });
    await testClient(server).registry.agents.create({ name: "a" }, { idempotencyKey: "order-42" });
    expect(server.requests[0]?.headers["idempotency-key"]).toBe("order-42");
  });

  it("retries a 503 and a dropped connection with the same Idempotency-Key", async () => {
    server.route(
      `POST ${REGISTRY}/agent`,
      { status: 503, json: { status: "error", code: "unavailable", message: "busy" } },
      { drop: true },
      { json: envelope(registryAgent()) },
    );
    await expect(testClient(server).registry.agents.create({ name: "My Agent" })).resolves.toEqual(
      registryAgent(),
    );
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(3);
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

describe("registry.agents.list", () => {
  it("GETs agent with offset, page_size and sort, returning {items, pagination}", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: { status: "success", summaries: [registryAgent()], pagination: registryPagination(1) },
    });
    const result = await testClient(server).registry.agents.list({
      offset: 20,
      page_size: 10,
      sort: "-inserted_at",
    });
    expect(result).toEqual({ items: [registryAgent()], pagination: registryPagination(1) });
    expect(server.requests[0]?.query.toString()).toBe("offset=20&page_size=10&sort=-inserted_at");
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TEST_TOKEN}`);
  });

  it("keeps an agent whose status it does not know", async () => {
    server.route(`GET ${REGISTRY}/agent`, {
      json: {
        status: "success",
        summaries: [registryAgent(), registryAgent({ status: "hibernating" })],
        pagination: registryPagination(2),
      },
    });
    const result = await testClient(server).registry.agents.list();
    expect(result.items.map((a) => a.status)).toEqual(["pending", "hibernating"]);
  });
});

describe("registry.agents.get", () => {
  it("GETs agent/{id} and returns the agent without its envelope", async () => {
    server.route(`GET ${REGISTRY}/agent/:id`, { json: envelope(registryAgent()) });
    await expect(testClient(server).registry.agents.get(REGISTRY_AGENT_ID)).resolves.toEqual(registryAgent());
    expect(server.requests[0]?.path).toBe(`${REGISTRY}/agent/${REGISTRY_AGENT_ID}`);
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

  it("is retried with the same Idempotency-Key after a 502", async () => {
    server.route(
      `POST ${REGISTRY}/agent/:id/${action}`,
      { status: 502, text: "Bad Gateway" },
      { json: envelope(registryAgent()) },
    );
    await testClient(server).registry.agents[action](REGISTRY_AGENT_ID);
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});
