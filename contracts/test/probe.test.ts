import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { createClient } from "@agentdeck/core";
import { it, expect } from "vitest";

it("probe", async () => {
  const pact = new PactV4({ consumer: "probe-c", provider: "probe-p", dir: "/tmp/probe-pacts", logLevel: "warn" });
  await pact
    .addInteraction()
    .given("a pool exists")
    .uponReceiving("get a pool")
    .withRequest("GET", "/agent-profile-pools/3c90c3cc-0d44-4b50-8888-8dd25736052a", (b) =>
      b.headers({ "X-Asteroid-Agents-Api-Key": MatchersV3.regex("^\\S+$", "placeholder") }),
    )
    .willRespondWith(200, (b) =>
      b.jsonBody({
        id: MatchersV3.uuid("3c90c3cc-0d44-4b50-8888-8dd25736052a"),
        name: MatchersV3.string("x"),
        organizationId: MatchersV3.uuid("3c90c3cc-0d44-4b50-8888-8dd25736052b"),
        selectionStrategy: "least_recently_used",
        allowConcurrentUse: MatchersV3.boolean(false),
        createdAt: MatchersV3.datetime("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2025-01-15T09:30:00.000Z"),
        updatedAt: MatchersV3.datetime("yyyy-MM-dd'T'HH:mm:ss.SSSXXX", "2025-01-15T09:30:00.000Z"),
      }),
    )
    .executeTest(async (server) => {
      const client = createClient({ apiKey: "secret-key", baseUrl: server.url, maxRetries: 0 });
      const pool = await client.pools.get("3c90c3cc-0d44-4b50-8888-8dd25736052a");
      expect(pool.name).toBe("x");
    });
});
