import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { httpClient } from "./test/client.ts";
import { useSandbox } from "./test/sandbox.ts";

const ctx = useSandbox({ stepMs: 5 });

const ROUTES = [
  "/agents/v2/context",
  "/agents/v2/agent-profile-pools",
  "/agents/v2/agent-profile-pools/{id}",
  "/agents/v2/agents",
  "/agents/v2/agents/{id}/execute",
  "/agents/v2/executions",
  "/agents/v2/executions/{id}",
  "/agents/v2/executions/{id}/status",
  "/agents/v2/executions/{id}/user-messages",
  "/agents/v2/executions/{id}/activities",
  "/api/v1/agent",
  "/api/v1/agent/{id}",
  "/api/v1/agent/{id}/retire",
  "/api/v1/agent/{id}/reinstate",
  "/api/v1/agent/show",
  "/agents/v2/temp-files/{id}",
  "/agents/v2/executions/{id}/context-files",
  "/sandbox-files/{id}",
  "/agents/v2/{id}",
  "/api/v1/{id}/{id}",
];

const QUERY_KEYS = [
  "page",
  "pageSize",
  "searchName",
  "sortField",
  "sortDirection",
  "organizationId",
  "status",
  "agentId",
  "executionId",
  "createdAfter",
  "createdBefore",
  "metadataKey",
  "metadataValue",
  "humanLabels",
  "order",
  "limit",
  "offset",
  "page_size",
  "sort",
  "pagination[offset]",
  "pagination[page_size]",
  "sorting",
  "risk_profile_id",
  "team_id",
  "owner_person_id",
  "include_counts",
  "external_identifier",
  "agent_id",
  "expires",
  "signature",
  "idempotency_key",
  "__proto__",
  "constructor",
];

const WORDS = [
  "name",
  "created_at",
  "updated_at",
  "asc",
  "desc",
  "-inserted_at",
  "-id",
  "running",
  "paused",
  "cancelled",
  "completed",
  "least_recently_used",
  "most_recently_used",
  "0",
  "1",
  "-1",
  "100",
  "101",
  "1e3",
  "",
  "3c90c3cc-0d44-4b50-8888-8dd25736052a",
  "013xrzp12g3nqk8nx0y2vfkg4s3jp2qr",
  "null",
  "true",
  "%",
  "∑",
];

/** Any JSON value, kept shallow so the run stays quick. */
const value = fc.oneof(fc.constantFrom(...WORDS), fc.jsonValue({ maxDepth: 3 }), fc.string());

/** Bodies shaped like the real requests, with any value in any field, to reach past the first check. */
const shapedBody = fc.record(
  {
    name: value,
    organizationId: value,
    allowConcurrentUse: value,
    selectionStrategy: value,
    agentProfileId: value,
    agentProfilePoolId: value,
    inputs: value,
    metadata: value,
    executionOptions: value,
    tempFiles: value,
    version: value,
    status: value,
    message: value,
    details: fc.record({ name: value, description: value, risk_profile_id: value }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const body = fc.oneof(
  fc.constant(undefined),
  shapedBody.map((b) => JSON.stringify(b)),
  fc.json({ maxDepth: 4 }),
  fc.string(),
  fc.constantFrom("{", "[]", "null", '{"details":', "\u0000", '{"name":"\ud800"}'),
);

describe("fuzzing both APIs", () => {
  it("random methods, paths, ids, queries and bodies never get a 5xx, and every answer matches the documents", async () => {
    const known = {
      pools: (await ctx.http.v2("GET", "/agent-profile-pools")).body.items.map((p: { id: string }) => p.id),
      agents: (await ctx.http.v2("GET", "/agents")).body.items.map((a: { id: string }) => a.id),
      executions: (await ctx.http.v2("GET", "/executions")).body.items.map((e: { id: string }) => e.id),
      registry: (await ctx.http.registry("GET", "/agent")).body.summaries.map((a: { id: string }) => a.id),
    };
    const id = fc.oneof(
      fc.constantFrom(...known.pools, ...known.agents, ...known.executions, ...known.registry),
      fc.uuid(),
      fc.string({ minLength: 1 }),
      fc.stringMatching(/^[0-9a-z]{32}$/),
      fc.constantFrom("..", "%2F", "%00", "a b", "😀"),
    );
    const request = fc.record({
      method: fc.constantFrom("GET", "POST", "PATCH", "DELETE", "PUT"),
      route: fc.constantFrom(...ROUTES),
      ids: fc.array(id, { minLength: 2, maxLength: 2 }),
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string()), value), {
        maxLength: 4,
      }),
      body,
      idempotencyKey: fc.option(fc.string({ maxLength: 300 }), { nil: undefined }),
    });

    const http = httpClient(ctx.sandbox);
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        let n = 0;
        const path = r.route.replace(/\{id\}/g, () => encodeURIComponent(r.ids[n++] ?? ""));
        const query = Object.fromEntries(
          r.query.map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
        );
        const isRegistry = path.startsWith("/api/v1");
        const send = isRegistry ? http.registry : http.v2;
        const response = await send(r.method, path.replace(/^\/(agents\/v2|api\/v1)/, ""), {
          query,
          ...(r.body === undefined || r.method === "GET" ? {} : { rawBody: r.body }),
          ...(r.idempotencyKey === undefined ? {} : { headers: { "Idempotency-Key": r.idempotencyKey } }),
        });
        expect(response.status, `${r.method} ${path} → ${response.text}`).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
    expect((await http.v2("GET", "/context")).status).toBe(200);
  });
});
