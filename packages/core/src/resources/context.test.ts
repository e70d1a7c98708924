import { describe, expect, it } from "vitest";
import { TEST_API_KEY, testClient, V2 } from "../test/client.ts";
import { userContext } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

describe("context.get", () => {
  it("GETs context with the API key and parses the organizations", async () => {
    server.route(`GET ${V2}/context`, { json: userContext() });
    await expect(testClient(server).context.get()).resolves.toEqual(userContext());
    expect(server.requests[0]?.path).toBe(`${V2}/context`);
    expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
  });
});
