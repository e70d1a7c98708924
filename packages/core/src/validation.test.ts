import { describe, expect, it } from "vitest";
import { createClient } from "./client.ts";
import { RequestValidationError } from "./errors.ts";
import { testClient } from "./test/client.ts";
import { AGENT_ID, EXECUTION_ID, ORG_ID, POOL_ID, PROFILE_ID, REGISTRY_AGENT_ID } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

type Client = ReturnType<typeof testClient>;
/** [rule, the call that breaks it, the field path the error must name]. */
type Case = [string, (client: Client) => unknown, string];

const long = (n: number) => "x".repeat(n);

const CASES: Case[] = [
  // ids
  ["pools.get: poolId must be a UUID", (c) => c.pools.get("pool-1"), "poolId"],
  ["pools.update: poolId must be a UUID", (c) => c.pools.update("", { name: "x" }), "poolId"],
  [
    "agents.execute: agentId must be a UUID",
    (c) => c.agents.execute("42", { agentProfileId: PROFILE_ID }),
    "agentId",
  ],
  ["executions.get: executionId must be a UUID", (c) => c.executions.get("../context"), "executionId"],
  ["executions.activities: executionId must be a UUID", (c) => c.executions.activities("x"), "executionId"],
  ["executions.pause: executionId must be a UUID", (c) => c.executions.pause("x"), "executionId"],
  ["executions.resume: executionId must be a UUID", (c) => c.executions.resume("x"), "executionId"],
  ["executions.cancel: executionId must be a UUID", (c) => c.executions.cancel("x"), "executionId"],
  [
    "executions.sendMessage: executionId must be a UUID",
    (c) => c.executions.sendMessage("x", "hi"),
    "executionId",
  ],
  [
    "executions.waitForResult: executionId must be a UUID",
    (c) => c.executions.waitForResult("x"),
    "executionId",
  ],
  ["registry get: agentId must be a registry id", (c) => c.registry.agents.get(EXECUTION_ID), "agentId"],
  [
    "registry retire: agentId must be lowercase base32",
    (c) => c.registry.agents.retire(REGISTRY_AGENT_ID.toUpperCase()),
    "agentId",
  ],
  [
    "registry reinstate: agentId must be 32 characters",
    (c) => c.registry.agents.reinstate("013xrzp12g3nqk8n"),
    "agentId",
  ],
  // pool bodies
  [
    "pools.create: name must not be empty",
    (c) => c.pools.create({ name: "", organizationId: ORG_ID }),
    "name",
  ],
  [
    "pools.create: name is at most 255 characters",
    (c) => c.pools.create({ name: long(256), organizationId: ORG_ID }),
    "name",
  ],
  [
    "pools.create: organizationId is required",
    (c) => c.pools.create({ name: "x" } as never),
    "organizationId",
  ],
  [
    "pools.create: organizationId must be a UUID",
    (c) => c.pools.create({ name: "x", organizationId: "acme" }),
    "organizationId",
  ],
  [
    "pools.create: selectionStrategy must be a known strategy",
    (c) => c.pools.create({ name: "x", organizationId: ORG_ID, selectionStrategy: "random" as never }),
    "selectionStrategy",
  ],
  [
    "pools.create: allowConcurrentUse must be a boolean",
    (c) => c.pools.create({ name: "x", organizationId: ORG_ID, allowConcurrentUse: "yes" as never }),
    "allowConcurrentUse",
  ],
  [
    "pools.create: unknown fields are refused",
    (c) => c.pools.create({ name: "x", organizationId: ORG_ID, colour: "red" } as never),
    "colour",
  ],
  ["pools.update: name must not be empty", (c) => c.pools.update(POOL_ID, { name: "" }), "name"],
  [
    "pools.update: organizationId cannot be changed",
    (c) => c.pools.update(POOL_ID, { organizationId: ORG_ID } as never),
    "organizationId",
  ],
  // list params
  ["pools.list: pageSize is at least 1", (c) => c.pools.list({ pageSize: 0 }), "pageSize"],
  ["pools.list: pageSize is a whole number", (c) => c.pools.list({ pageSize: 2.5 }), "pageSize"],
  ["pools.list: page is a whole number", (c) => c.pools.list({ page: 1.5 }), "page"],
  ["pools.list: page is at least 1", (c) => c.pools.list({ page: 0 }), "page"],
  [
    "pools.list: sortField is a known field",
    (c) => c.pools.list({ sortField: "size" as never }),
    "sortField",
  ],
  [
    "pools.list: sortDirection is asc or desc",
    (c) => c.pools.list({ sortDirection: "up" as never }),
    "sortDirection",
  ],
  [
    "pools.list: searchName is at most 255 characters",
    (c) => c.pools.list({ searchName: long(256) }),
    "searchName",
  ],
  [
    "pools.listAll: params are checked before the first page",
    (c) => c.pools.listAll({ organizationId: "acme" }),
    "organizationId",
  ],
  [
    "agents.list: sortField is name or created_at",
    (c) => c.agents.list({ sortField: "updated_at" as never }),
    "sortField",
  ],
  ["agents.listAll: pageSize is at least 1", (c) => c.agents.listAll({ pageSize: -5 }), "pageSize"],
  [
    "executions.list: status values are known statuses",
    (c) => c.executions.list({ status: ["done" as never] }),
    "status[0]",
  ],
  ["executions.list: status is a list", (c) => c.executions.list({ status: "running" as never }), "status"],
  [
    "executions.list: createdAfter is an ISO date-time",
    (c) => c.executions.list({ createdAfter: "yesterday" }),
    "createdAfter",
  ],
  [
    "executions.list: agentVersion is 1 or more",
    (c) => c.executions.list({ agentVersion: 0 }),
    "agentVersion",
  ],
  ["executions.listAll: agentId is a UUID", (c) => c.executions.listAll({ agentId: "x" }), "agentId"],
  [
    "executions.activities: limit is 1 or more",
    (c) => c.executions.activities(EXECUTION_ID, { limit: 0 }),
    "limit",
  ],
  [
    "executions.activities: order is asc or desc",
    (c) => c.executions.activities(EXECUTION_ID, { order: "new" as never }),
    "order",
  ],
  // execute
  [
    "execute: agentProfileId and agentProfilePoolId are mutually exclusive",
    (c) => c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, agentProfilePoolId: POOL_ID }),
    "agentProfilePoolId",
  ],
  [
    "execute: metadata values are strings",
    (c) => c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, metadata: { n: 1 as never } }),
    "metadata.n",
  ],
  [
    "execute: softTimeoutMins is positive",
    (c) =>
      c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, executionOptions: { softTimeoutMins: 0 } }),
    "executionOptions.softTimeoutMins",
  ],
  [
    "execute: softTimeoutMins is whole",
    (c) =>
      c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, executionOptions: { softTimeoutMins: 2.5 } }),
    "executionOptions.softTimeoutMins",
  ],
  [
    "execute: tempFiles ids are UUIDs",
    (c) =>
      c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, tempFiles: [{ id: "f", name: "a.pdf" }] }),
    "tempFiles[0].id",
  ],
  [
    "execute: version is 1 or more",
    (c) => c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, version: 0 }),
    "version",
  ],
  [
    "execute: inputs is an object",
    (c) => c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, inputs: [] as never }),
    "inputs",
  ],
  // messages
  ["sendMessage: the message is not empty", (c) => c.executions.sendMessage(EXECUTION_ID, ""), "message"],
  [
    "sendMessage: the message is at most 10000 characters",
    (c) => c.executions.sendMessage(EXECUTION_ID, long(10_001)),
    "message",
  ],
  // registry
  ["registry create: name is not blank", (c) => c.registry.agents.create({ name: "   " }), "name"],
  [
    "registry create: name is at most 255 characters",
    (c) => c.registry.agents.create({ name: long(256) }),
    "name",
  ],
  [
    "registry create: description is at most 2000 characters",
    (c) => c.registry.agents.create({ name: "a", description: long(2001) }),
    "description",
  ],
  [
    "registry create: risk_profile_id is a registry id",
    (c) => c.registry.agents.create({ name: "a", risk_profile_id: "risky" }),
    "risk_profile_id",
  ],
  [
    "registry create: idempotencyKey is not empty",
    (c) => c.registry.agents.create({ name: "a" }, { idempotencyKey: "" }),
    "idempotencyKey",
  ],
  [
    "registry create: idempotencyKey has no spaces",
    (c) => c.registry.agents.create({ name: "a" }, { idempotencyKey: "a b" }),
    "idempotencyKey",
  ],
  [
    "registry create: idempotencyKey is at most 64 characters",
    (c) => c.registry.agents.create({ name: "a" }, { idempotencyKey: long(65) }),
    "idempotencyKey",
  ],
  [
    "registry create: id is a PFID",
    (c) => c.registry.agents.create({ name: "a", id: `8${REGISTRY_AGENT_ID.slice(1)}` }),
    "id",
  ],
  [
    "registry create: team_id is a PFID",
    (c) => c.registry.agents.create({ name: "a", team_id: "team-1" }),
    "team_id",
  ],
  ["registry list: pageSize is 1 to 100", (c) => c.registry.agents.list({ pageSize: 101 }), "pageSize"],
  ["registry list: offset is 0 or more", (c) => c.registry.agents.list({ offset: -1 }), "offset"],
  [
    "registry list: sorting is a sortable field with an optional -",
    (c) => c.registry.agents.list({ sorting: "inserted_at" as never }),
    "sorting",
  ],
  [
    "registry list: ownerPersonId is a PFID",
    (c) => c.registry.agents.list({ ownerPersonId: "ada" }),
    "ownerPersonId",
  ],
  [
    "registry get: includeCounts is a boolean",
    (c) => c.registry.agents.get(REGISTRY_AGENT_ID, { includeCounts: "yes" as never }),
    "includeCounts",
  ],
  [
    "registry show: exactly one of agentId and externalIdentifier",
    (c) => c.registry.agents.show({}),
    "externalIdentifier",
  ],
  [
    "registry update: external_identifier cannot change",
    (c) => c.registry.agents.update(REGISTRY_AGENT_ID, { external_identifier: "x" } as never),
    "external_identifier",
  ],
  [
    "registry update: agentId is a PFID",
    (c) => c.registry.agents.update("not-a-pfid", { name: "x" }),
    "agentId",
  ],
  ["registry delete: agentId is a PFID", (c) => c.registry.agents.delete(EXECUTION_ID), "agentId"],
  // files
  [
    "files.stage: organizationId is a UUID",
    (c) => c.files.stage([new Blob(["a"])], { organizationId: "acme" }),
    "organizationId",
  ],
  ["files.stage: at least one file", (c) => c.files.stage([], { organizationId: ORG_ID }), "files"],
  [
    "files.stage: a file is a Blob or { name, data }",
    (c) => c.files.stage([{ name: "a.txt" } as never], { organizationId: ORG_ID }),
    "files[0]",
  ],
  ["executions.files: executionId is a UUID", (c) => c.executions.files("run-1"), "executionId"],
  [
    "executions.uploadFiles: executionId is a UUID",
    (c) => c.executions.uploadFiles("run-1", [new Blob(["a"])]),
    "executionId",
  ],
  [
    "executions.list: humanLabels are UUIDs",
    (c) => c.executions.list({ humanLabels: ["urgent"] }),
    "humanLabels[0]",
  ],
  // call options
  ["options: timeoutMs is a positive whole number", (c) => c.context.get({ timeoutMs: 0 }), "timeoutMs"],
  ["options: signal is an AbortSignal", (c) => c.context.get({ signal: "stop" as never }), "signal"],
  ["options: unknown options are refused", (c) => c.context.get({ timeout: 5 } as never), "timeout"],
  [
    "waitForResult: pollIntervalMs is positive",
    (c) => c.executions.waitForResult(EXECUTION_ID, { pollIntervalMs: -5 }),
    "pollIntervalMs",
  ],
];

describe("requests that break a rule are rejected before anything is sent", () => {
  it.each(CASES)("%s", async (_rule, call, path) => {
    const client = testClient(server);
    let error: unknown;
    try {
      await call(client);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    const validation = error as RequestValidationError;
    expect(validation.issues.map((issue) => issue.path)).toContain(path);
    expect(validation.message).toContain(`${path}: `);
    expect(server.requests).toEqual([]);
  });

  it("says what is allowed, in the form `field: rule`", async () => {
    const error = await testClient(server)
      .pools.create({ name: long(300), organizationId: ORG_ID })
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe("Invalid pool: name: must be 1 to 255 characters");
  });

  it.each([
    [
      "execute with both a profile and a pool",
      (c: Client) => c.agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID, agentProfilePoolId: POOL_ID }),
      "Invalid execute request: agentProfilePoolId: give at most one of agentProfileId and agentProfilePoolId; leave both out to run with the agent's default profile",
    ],
    [
      "a registry id that is not a PFID",
      (c: Client) => c.registry.agents.get(`8${REGISTRY_AGENT_ID.slice(1)}`),
      "Invalid id: agentId: must be a PFID: 32 lowercase base32 characters (no i, l, o, u), the first 0 to 7, such as 013xrzp12g3nqk8nx0y2vfkg4s3jp2qr",
    ],
    [
      "a registry sorting that is not sortable",
      (c: Client) => c.registry.agents.list({ sorting: "-inserted_at" as never }),
      "Invalid registry list params: sorting: must be one of name, id, status, external_identifier, optionally prefixed with - for descending (e.g. -id)",
    ],
    [
      "an idempotency key over 64 characters",
      (c: Client) => c.registry.agents.retire(REGISTRY_AGENT_ID, { idempotencyKey: long(65) }),
      "Invalid options: idempotencyKey: must be 1 to 64 visible ASCII characters",
    ],
    [
      "an update of external_identifier",
      (c: Client) => c.registry.agents.update(REGISTRY_AGENT_ID, { external_identifier: "x" } as never),
      "Invalid registry agent update: external_identifier: can only be set when the agent is created",
    ],
    [
      "a show with neither agentId nor externalIdentifier",
      (c: Client) => c.registry.agents.show({}),
      "Invalid registry show params: externalIdentifier: give exactly one of agentId and externalIdentifier",
    ],
    [
      "a staged file that is neither a Blob nor { name, data }",
      (c: Client) => c.files.stage([42 as never], { organizationId: ORG_ID }),
      "Invalid upload: files[0]: must be a Blob or File, or { name, data }",
    ],
    [
      "a page size of 0",
      (c: Client) => c.executions.list({ pageSize: 0 }),
      "Invalid execution list params: pageSize: must be 1 or more",
    ],
  ] as const)("pins the message for %s", async (_what, call, message) => {
    const error = await Promise.resolve()
      .then((): unknown => call(testClient(server)))
      .catch((e: unknown) => e);
    expect((error as Error).message).toBe(message);
    expect(server.requests).toEqual([]);
  });

  it("lists every broken field at once", async () => {
    const error = (await testClient(server)
      .pools.create({ name: "", organizationId: "acme" })
      .catch((e: unknown) => e)) as RequestValidationError;
    expect(error.issues.map((i) => i.path).sort()).toEqual(["name", "organizationId"]);
  });

  it("tells a missing field from a wrong one", async () => {
    const error = (await testClient(server)
      .pools.create({ name: "x" } as never)
      .catch((e: unknown) => e)) as RequestValidationError;
    expect(error.issues).toEqual([
      { path: "organizationId", message: expect.stringMatching(/^is required: must be a UUID/) },
    ]);
  });

  it("names the allowed fields when it meets an unknown one", async () => {
    const error = (await testClient(server)
      .pools.update(POOL_ID, { nam: "typo" } as never)
      .catch((e: unknown) => e)) as RequestValidationError;
    expect(error.issues).toEqual([
      { path: "nam", message: "is not a known field; allowed: name, allowConcurrentUse, selectionStrategy" },
    ]);
  });
});

describe("client options are checked when the client is created", () => {
  it.each([
    ["baseUrl must be http or https", { baseUrl: "ftp://example.com" }, "baseUrl"],
    ["baseUrl must be a URL", { baseUrl: "odyssey" }, "baseUrl"],
    ["registry.baseUrl must be a URL", { registry: { baseUrl: "nope" } }, "registry.baseUrl"],
    ["timeoutMs is positive", { timeoutMs: 0 }, "timeoutMs"],
    ["maxRetries is at least 0", { maxRetries: -1 }, "maxRetries"],
    ["maxRetries is at most 10", { maxRetries: 11 }, "maxRetries"],
    ["apiKey has no spaces or line breaks", { apiKey: "a b" }, "apiKey"],
    ["registry.token has no line breaks", { registry: { token: "abc\r\n" } }, "registry.token"],
    ["fetch is a function", { fetch: "curl" }, "fetch"],
    ["unknown options are refused", { apikey: "lowercase k" }, "apikey"],
  ] as const)("%s", (_rule, options, path) => {
    expect(() => createClient(options as never)).toThrow(RequestValidationError);
    try {
      createClient(options as never);
    } catch (error) {
      expect((error as RequestValidationError).issues.map((i) => i.path)).toContain(path);
    }
  });
});
