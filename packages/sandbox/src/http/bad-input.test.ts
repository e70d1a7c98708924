import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES } from "../sandbox.ts";
import { expectRegistryError, expectV2Error } from "../test/client.ts";
import { useSandbox } from "../test/sandbox.ts";
import { MAX_JSON_DEPTH } from "./body-parser.ts";

const ctx = useSandbox();
const pool = () => ({ name: `pool ${Math.random()}`, organizationId: ctx.sandbox.organizationId });

describe("bad input gets a 4xx with a message, never a 5xx", () => {
  it("malformed JSON is a 400 in both APIs", async () => {
    expectV2Error(
      await ctx.http.v2("POST", "/agent-profile-pools", { rawBody: '{"name":' }),
      400,
      /not valid JSON/,
    );
    expectRegistryError(
      await ctx.http.registry("POST", "/agent", { rawBody: "[1," }),
      400,
      "bad_request",
      /not valid JSON/,
    );
  });

  it.each([
    ["an array", "[]"],
    ["a string", '"pool"'],
    ["a number", "42"],
    ["null", "null"],
    ["nothing", ""],
  ])("a body that is %s where an object is expected is a 400", async (_label, rawBody) => {
    expectV2Error(
      await ctx.http.v2("POST", "/agent-profile-pools", { rawBody }),
      400,
      /must be a JSON object/,
    );
  });

  it("reads JSON whatever the Content-Type says", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      rawBody: JSON.stringify(pool()),
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(201);
  });

  it("an unreadable Content-Type header is a 400", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      rawBody: JSON.stringify(pool()),
      headers: { "content-type": "not a media type" },
    });
    expectV2Error(response, 400, /Content-Type/);
  });

  it(`JSON nested deeper than ${MAX_JSON_DEPTH} levels is a 400`, async () => {
    const deep = `${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`;
    expectV2Error(
      await ctx.http.v2("POST", "/agent-profile-pools", { rawBody: deep }),
      400,
      /nested more than/,
    );
    const agents = await ctx.http.v2("GET", "/agents");
    const inputs = JSON.parse(`${'{"a":'.repeat(MAX_JSON_DEPTH)}1${"}".repeat(MAX_JSON_DEPTH)}`);
    const response = await ctx.http.v2("POST", `/agents/${agents.body.items[0].id}/execute`, {
      json: { agentProfileId: "3c90c3cc-0d44-4b50-8888-8dd25736052a", inputs },
    });
    expectV2Error(response, 400, /nested more than/);
  });

  it("a body over the size limit is a 413 with the API's error body", async () => {
    // 413 is in neither OpenAPI document, so these are read with plain fetch.
    const huge = JSON.stringify({ ...pool(), padding: "x".repeat(BODY_LIMIT_BYTES) });
    const v2 = await fetch(`${ctx.sandbox.agentsUrl}/agent-profile-pools`, {
      method: "POST",
      headers: { "x-asteroid-agents-api-key": ctx.sandbox.apiKey, "content-type": "application/json" },
      body: huge,
    });
    expect(v2.status).toBe(413);
    expect(await v2.json()).toEqual({
      code: 413,
      message: expect.stringMatching(/too large; the limit is 1048576 bytes/),
    });
    const registry = await fetch(`${ctx.sandbox.registryUrl}/agent`, {
      method: "POST",
      headers: { authorization: `Bearer ${ctx.sandbox.registryToken}`, "content-type": "application/json" },
      body: huge,
    });
    expect(registry.status).toBe(413);
    expect(await registry.json()).toMatchObject({ status: "error", code: "payload_too_large" });
  });

  it("a path with broken percent-encoding is a 400", async () => {
    expectV2Error(await ctx.http.v2("GET", "/agent-profile-pools/%E0%A4%A"), 400);
  });

  it("an over-long path parameter is a 400", async () => {
    expectV2Error(await ctx.http.v2("GET", `/agent-profile-pools/${"a".repeat(5000)}`), 400, /too long/);
  });

  it("a __proto__ key in a body is an ignored unknown field", async () => {
    const response = await ctx.http.v2("POST", "/agent-profile-pools", {
      rawBody: `{"__proto__":{"admin":true},"name":"proto-${Date.now()}","organizationId":"${ctx.sandbox.organizationId}"}`,
    });
    expect(response.status).toBe(201);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it("query values of the wrong kind are a 400 naming the parameter", async () => {
    expectV2Error(await ctx.http.v2("GET", "/executions", { query: { page: "1e999" } }), 400, /^page: /);
    expectV2Error(await ctx.http.v2("GET", "/executions", { query: { pageSize: "-5" } }), 400, /^pageSize: /);
    expectV2Error(
      await ctx.http.v2("GET", "/agents", { query: { sortDirection: ["asc", "desc"] } }),
      400,
      /^sortDirection: /,
    );
    expectRegistryError(
      await ctx.http.registry("GET", "/agent", { query: { "pagination[offset]": "ten" } }),
      422,
      "validation_errors",
    );
  });

  it("checks the credentials before anything else, even where fastify refuses the URL itself", async () => {
    const agent = "013xrzp12g3nqk8nx0y2vfkg4s3jp2qr";
    for (const path of [
      `/agent/${agent}`,
      "/agent/not-an-id",
      "/agent/%E0%A4%A",
      `/agent/${"x".repeat(600)}`,
    ]) {
      const response = await ctx.http.registry("DELETE", path, { anonymous: true, rawBody: "{nope" });
      expectRegistryError(response, 401, "unauthorized");
    }
    for (const path of [
      "/agent-profile-pools/%E0%A4%A",
      "/executions/nope",
      `/executions/${"x".repeat(600)}`,
    ]) {
      expectV2Error(await ctx.http.v2("GET", path, { anonymous: true }), 401);
    }
  });

  it("answers a bare LF in a header with the documented body of the API it names", async () => {
    const raw = async (path: string) => {
      const { port } = new URL(ctx.sandbox.url);
      const socket = connect(Number(port), "127.0.0.1");
      socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Bad: a\nb\r\n\r\n`);
      let text = "";
      for await (const chunk of socket) text += String(chunk);
      return text;
    };
    const v2 = await raw("/agents/v2/agents");
    expect(v2).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(v2.slice(v2.indexOf("\r\n\r\n") + 4))).toEqual({
      code: 400,
      message:
        "the request is not valid HTTP (for example a header line ending in a bare LF); check how it is built",
    });
    const registry = await raw("/api/v1/agent");
    expect(JSON.parse(registry.slice(registry.indexOf("\r\n\r\n") + 4))).toMatchObject({
      status: "error",
      code: "bad_request",
    });
  });

  it("query parameters the API does not know are ignored", async () => {
    expect((await ctx.http.v2("GET", "/agents", { query: { colour: "teal" } })).status).toBe(200);
  });
});
