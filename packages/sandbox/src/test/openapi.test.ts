import { describe, expect, it } from "vitest";
import { startSandbox } from "../sandbox.ts";
import { contracts, httpClient } from "./client.ts";
import { OpenApiContracts } from "./openapi.ts";

/** A small document in the shape of the v2 reference: one route, one schema, one shared error body. */
const fixture = new OpenApiContracts([
  {
    name: "fixture.yaml",
    document: {
      servers: [{ url: "https://example.test/agents/v2" }],
      paths: {
        "/agent-profile-pools/{poolId}": {
          get: {
            responses: {
              "200": {
                content: { "application/json": { schema: { $ref: "#/components/schemas/Pool" } } },
              },
              "404": { $ref: "#/components/responses/NotFound" },
            },
          },
        },
      },
      components: {
        schemas: {
          Pool: {
            type: "object",
            required: ["id", "name"],
            properties: { id: { type: "string", format: "uuid" }, name: { type: "string" } },
          },
          Error: { type: "object", required: ["code", "message"], properties: { code: { type: "number" } } },
        },
        responses: {
          NotFound: { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
        },
      },
    },
  },
]);

const path = "/agents/v2/agent-profile-pools/3c90c3cc-0d44-4b50-8888-8dd25736052a";

describe("the OpenAPI response check", () => {
  it("accepts a body that matches the schema, resolving component refs", () => {
    const pool = { id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", name: "p" };
    expect(fixture.check("GET", path, 200, "application/json; charset=utf-8", pool)).toMatchObject({
      template: "/agent-profile-pools/{poolId}",
      responseKey: "200",
    });
    expect(fixture.check("GET", path, 404, "application/json", { code: 404, message: "no" })).toBeDefined();
  });

  it("rejects a body missing a required field", () => {
    expect(() =>
      fixture.check("GET", path, 200, "application/json", { id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" }),
    ).toThrow(/must have required property 'name'/);
  });

  it("rejects a status the operation does not list", () => {
    expect(() => fixture.check("GET", path, 418, "application/json", {})).toThrow(/does not list/);
  });

  it("rejects another media type", () => {
    expect(() => fixture.check("GET", path, 200, "text/plain", "hi")).toThrow(/served as "text\/plain"/);
  });

  it("leaves alone paths and methods no document describes", () => {
    expect(fixture.check("GET", "/elsewhere", 200, "application/json", {})).toBeUndefined();
    expect(fixture.check("DELETE", path, 200, "application/json", {})).toBeUndefined();
  });
});

describe.skipIf(contracts === undefined)("the contracts in contracts/openapi", () => {
  it("load both documents", () => {
    expect(contracts?.names).toEqual(["agents-v2.yaml", "registry-v1.yaml"]);
  });

  it("catch drift injected through transformResponse: a renamed field fails the check", async () => {
    const sandbox = await startSandbox({
      transformResponse: ({ route, body }) => {
        if (route !== "/agents/v2/agent-profile-pools/{poolId}") return undefined;
        const { name, ...rest } = body as Record<string, unknown>;
        return { status: 200, body: { ...rest, title: name } };
      },
    });
    try {
      const http = httpClient(sandbox);
      const pools = await http.v2("GET", "/agent-profile-pools");
      await expect(http.v2("GET", `/agent-profile-pools/${pools.body.items[0].id}`)).rejects.toThrow(
        /must have required property 'name'/,
      );
    } finally {
      await sandbox.close();
    }
  });

  it("catch drift injected through transformResponse: a changed status fails the check", async () => {
    const sandbox = await startSandbox({
      transformResponse: ({ route, status, body }) =>
        route === "/agents/v2/agent-profile-pools" && status === 201 ? { status: 200, body } : undefined,
    });
    try {
      const http = httpClient(sandbox);
      await expect(
        http.v2("POST", "/agent-profile-pools", {
          json: { name: "drift", organizationId: sandbox.organizationId },
        }),
      ).rejects.toThrow(/answered 200, which the document does not list/);
    } finally {
      await sandbox.close();
    }
  });
});
