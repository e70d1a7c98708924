import { UserContext } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { expectRegistryError, expectV2Error } from "../test/client.ts";
import { useSandbox } from "../test/sandbox.ts";

const ctx = useSandbox({ apiKey: "key-under-test", registryToken: "token-under-test" });

describe("v2 authentication with X-Asteroid-Agents-Api-Key", () => {
  it("serves GET /context to the right key: the user and their one organization", async () => {
    const response = await ctx.http.v2("GET", "/context");
    expect(response.status).toBe(200);
    expect(UserContext.parse(response.body)).toEqual({
      userId: expect.any(String),
      email: "demo@agentdeck.dev",
      organizations: [{ id: ctx.sandbox.organizationId, name: expect.any(String), role: "owner" }],
    });
  });

  it("answers 401 {code, message} without a key", async () => {
    expectV2Error(await ctx.http.v2("GET", "/context", { anonymous: true }), 401, /missing API key/);
  });

  it("answers 401 {code, message} for a wrong key, on every route", async () => {
    const headers = { "x-asteroid-agents-api-key": "wrong" };
    for (const [method, path] of [
      ["GET", "/agent-profile-pools"],
      ["POST", "/agent-profile-pools"],
      ["GET", "/agents"],
      ["GET", "/executions"],
    ] as const) {
      expectV2Error(await ctx.http.v2(method, path, { anonymous: true, headers }), 401, /invalid API key/);
    }
  });

  it("does not accept the registry token as an API key", async () => {
    const response = await ctx.http.v2("GET", "/context", {
      anonymous: true,
      headers: { "x-asteroid-agents-api-key": "token-under-test" },
    });
    expect(response.status).toBe(401);
  });
});

describe("registry authentication with Authorization: Bearer", () => {
  it("answers 401 unauthorized without a token, with another scheme, or with a wrong token", async () => {
    expectRegistryError(
      await ctx.http.registry("GET", "/agent", { anonymous: true }),
      401,
      "unauthorized",
      /missing/,
    );
    expectRegistryError(
      await ctx.http.registry("GET", "/agent", {
        anonymous: true,
        headers: { authorization: "Basic token-under-test" },
      }),
      401,
      "unauthorized",
    );
    expectRegistryError(
      await ctx.http.registry("POST", "/agent", {
        anonymous: true,
        headers: { authorization: "Bearer nope" },
        json: {},
      }),
      401,
      "unauthorized",
      /invalid API token/,
    );
  });

  it("accepts the scheme in any case", async () => {
    const response = await ctx.http.registry("GET", "/agent", {
      anonymous: true,
      headers: { authorization: "bearer token-under-test" },
    });
    expect(response.status).toBe(200);
  });
});

describe("unknown routes", () => {
  it("answer 404 in the envelope of the API their path belongs to", async () => {
    expectV2Error(
      await ctx.http.v2("GET", "/nothing-here"),
      404,
      /no route for GET \/agents\/v2\/nothing-here/,
    );
    expectV2Error(await ctx.http.v2("DELETE", "/agent-profile-pools"), 404);
    expectRegistryError(await ctx.http.registry("GET", "/agents"), 404, "not_found");
    expectV2Error(await ctx.http.raw("GET", "/"), 404);
  });
});
