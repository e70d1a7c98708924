import { describe, expect, it } from "vitest";
import { RequestValidationError } from "./errors.ts";
import { testClient, V2 } from "./test/client.ts";
import { AGENT_ID, ORG_ID, POOL_ID, pool } from "./test/fixtures.ts";
import { useTestServer } from "./test/use-server.ts";

const server = useTestServer();

describe("extraBody and extraQuery: fields this client does not know yet", () => {
  it("merges extraBody into the top level of an execute's JSON body", async () => {
    server.route(`POST ${V2}/agents/:id/execute`, { status: 202, json: { executionId: POOL_ID } });
    await testClient(server).agents.execute(
      AGENT_ID,
      { agentProfilePoolId: POOL_ID },
      { extraBody: { priority: "high", agentProfilePoolId: ORG_ID } },
    );
    // Extra fields win over known ones: the escape hatch is for what the models do not allow yet.
    expect(server.requests[0]?.json).toEqual({ agentProfilePoolId: ORG_ID, priority: "high" });
  });

  it("adds extraQuery to a list's query, replacing a known name and repeating a list", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, {
      json: { items: [pool()], page: 1, pageSize: 2, total: 1 },
    });
    await testClient(server).pools.list(
      { pageSize: 2, searchName: "a" },
      { extraQuery: { searchName: "b", tag: ["x", "y"], archived: false, minAge: 3 } },
    );
    const query = server.requests[0]?.query;
    expect(query?.getAll("searchName")).toEqual(["b"]);
    expect(query?.getAll("tag")).toEqual(["x", "y"]);
    expect(query?.get("archived")).toBe("false");
    expect(query?.get("minAge")).toBe("3");
    expect(query?.get("pageSize")).toBe("2");
  });

  it("passes extraQuery to every page of listAll", async () => {
    server.route(`GET ${V2}/agent-profile-pools`, (request) => {
      const n = Number(request.query.get("page"));
      return { json: { items: [pool({ id: n === 1 ? POOL_ID : ORG_ID })], page: n, pageSize: 1, total: 2 } };
    });
    for await (const _ of testClient(server).pools.listAll({ pageSize: 1 }, { extraQuery: { tag: "t" } })) {
      // walk
    }
    expect(server.requests.map((r) => r.query.get("tag"))).toEqual(["t", "t"]);
  });

  it("still refuses a misspelt known field: the request models stay strict", async () => {
    await expect(
      testClient(server).pools.create({
        name: "x",
        organizationId: ORG_ID,
        selectionStrategi: "lru",
      } as never),
    ).rejects.toThrow("Invalid pool: selectionStrategi: is not a known field");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [{ extraBody: [1, 2] }, "extraBody: must be a plain object of body fields"],
    [{ extraBody: "x" }, "extraBody: must be a plain object of body fields"],
    [{ extraQuery: { a: { b: 1 } } }, "extraQuery.a: must be a string, number, boolean or a list of them"],
    [
      { extraQuery: [["a", "b"]] },
      "extraQuery: must be a plain object of strings, numbers, booleans or lists of them",
    ],
  ])("refuses %o before sending", async (options, message) => {
    const error = await testClient(server)
      .context.get(options as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(`Invalid options: ${message}`);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses extraBody on a GET, which has no body", async () => {
    const error = await testClient(server)
      .context.get({ extraBody: { a: 1 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(
      "Invalid options: extraBody: GET here sends no JSON object body to add fields to",
    );
    expect(server.requests).toHaveLength(0);
  });
});
