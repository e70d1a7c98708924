import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { afterAll, describe, expect, it } from "vitest";
import { agentdeckAgainst, CLI_CONSUMER } from "../src/cli-consumer.ts";
import { bearerHeaders, CONSUMER_WRONG_REGISTRY_TOKEN, invalidBearerHeaders } from "../src/credentials.ts";
import {
  REGISTRY_AGENT_DESCRIPTION,
  REGISTRY_AGENT_EXTERNAL_ID,
  REGISTRY_AGENT_ID,
  REGISTRY_AGENT_NAME,
  RETIRED_REGISTRY_AGENT_ID,
} from "../src/examples.ts";
import { idempotencyKey } from "../src/matchers.ts";
import { freshPactDir, removePactDir, settleRegeneratedPact } from "../src/pact-output.ts";
import { REGISTRY_PROVIDER } from "../src/participants.ts";
import { RegistryApiState as State } from "../src/provider-states.ts";
import {
  agentEnvelopeBody,
  agentListBody,
  createdAgentBody,
  registryAgentBody,
  registryErrorBody,
  registrySummaryBody,
} from "../src/registry-api-bodies.ts";

/* What `agentdeck registry agents …` sends and reads, written by running its command lines in-process. */

/** The answer's actions once an agent is retired: it may be deleted or reinstated, no longer retired. */
const retiredActions = {
  delete: MatchersV3.boolean(true),
  reinstate: MatchersV3.boolean(true),
  retire: MatchersV3.boolean(false),
  update: MatchersV3.boolean(false),
};

const dir = freshPactDir();
afterAll(() => removePactDir(dir));
const pact = new PactV4({ consumer: CLI_CONSUMER, provider: REGISTRY_PROVIDER, dir, logLevel: "error" });

describe("agentdeck registry agents", () => {
  it("list --json prints the page as the registry answers it", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents list")
      .withRequest("GET", "/api/v1/agent", (request) => request.headers(bearerHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(agentListBody(10)))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["registry", "agents", "list", "--json"]);
        expect(code).toBe(0);
        expect(JSON.parse(out).items[0]).toMatchObject({ id: REGISTRY_AGENT_ID });
      });
  });

  it("list --all --sort pages from offset 0, 100 at a time, until there is no next page", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents list --all --sort name")
      .withRequest("GET", "/api/v1/agent", (request) =>
        request
          .headers(bearerHeaders())
          .query({ "pagination[offset]": "0", "pagination[page_size]": "100", sorting: "name" }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentListBody(100)))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "list",
          "--all",
          "--sort",
          "name",
          "-q",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${REGISTRY_AGENT_ID}\n`);
      });
  });

  it("get prints the agent", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents get")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) => request.headers(bearerHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registrySummaryBody())))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "get",
          REGISTRY_AGENT_ID,
        ]);
        expect(code).toBe(0);
        expect(out).toContain(`name\t${REGISTRY_AGENT_NAME}\n`);
      });
  });

  it("get --counts asks for the instance counts and prints them", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents get --counts")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()).query({ include_counts: "true" }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registryAgentBody())))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "get",
          REGISTRY_AGENT_ID,
          "--counts",
        ]);
        expect(code).toBe(0);
        expect(out).toContain("instances\t0 active, 0 pending, 0 finished, 0 in all\n");
      });
  });

  it("show --external-id finds the agent by the id it was registered with", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents show --external-id")
      .withRequest("GET", "/api/v1/agent/show", (request) =>
        request.headers(bearerHeaders()).query({ external_identifier: REGISTRY_AGENT_EXTERNAL_ID }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registrySummaryBody())))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "show",
          "--external-id",
          REGISTRY_AGENT_EXTERNAL_ID,
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${REGISTRY_AGENT_ID}\n`);
      });
  });

  it("create sends the idempotency key it is given, so a retry cannot register a second agent", async () => {
    await pact
      .addInteraction()
      .given(State.noAgents)
      .uponReceiving("agentdeck registry agents create --external-id --idempotency-key")
      .withRequest("POST", "/api/v1/agent", (request) =>
        request.headers(bearerHeaders()).jsonBody({
          details: {
            name: REGISTRY_AGENT_NAME,
            description: REGISTRY_AGENT_DESCRIPTION,
            external_identifier: REGISTRY_AGENT_EXTERNAL_ID,
          },
          idempotency_key: "deploy-42",
        }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(createdAgentBody())))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "create",
          REGISTRY_AGENT_NAME,
          "--description",
          REGISTRY_AGENT_DESCRIPTION,
          "--external-id",
          REGISTRY_AGENT_EXTERNAL_ID,
          "--idempotency-key",
          "deploy-42",
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${REGISTRY_AGENT_ID}\n`);
      });
  });

  it.each([
    { action: "retire", state: State.agent, id: REGISTRY_AGENT_ID, status: "retired" },
    { action: "reinstate", state: State.retiredAgent, id: RETIRED_REGISTRY_AGENT_ID, status: "pending" },
  ] as const)("$action moves the agent and prints it", async ({ action, state, id, status }) => {
    await pact
      .addInteraction()
      .given(state)
      .uponReceiving(`agentdeck registry agents ${action}`)
      .withRequest("POST", `/api/v1/agent/${id}/${action}`, (request) =>
        request.headers(bearerHeaders()).jsonBody({ idempotency_key: idempotencyKey() }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(agentEnvelopeBody(registryAgentBody({ id, status }))),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          action,
          id,
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ id, status });
      });
  });

  it("update sends only the fields given, an empty value as null, with an idempotency key", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents update --name --description ''")
      .withRequest("PUT", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()).jsonBody({
          details: { name: "Invoice triage (EU)", description: null },
          idempotency_key: idempotencyKey(),
        }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(
          agentEnvelopeBody({
            ...registryAgentBody(),
            name: MatchersV3.string("Invoice triage (EU)"),
            description: null,
          }),
        ),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "update",
          REGISTRY_AGENT_ID,
          "--name",
          "Invoice triage (EU)",
          "--description",
          "",
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ name: "Invoice triage (EU)", description: null });
      });
  });

  it("delete --yes deletes a retired agent and prints it as it was", async () => {
    await pact
      .addInteraction()
      .given(State.retiredAgent)
      .uponReceiving("agentdeck registry agents delete --yes")
      .withRequest("DELETE", `/api/v1/agent/${RETIRED_REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()).jsonBody({ idempotency_key: idempotencyKey() }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(
          agentEnvelopeBody({
            ...registryAgentBody({ id: RETIRED_REGISTRY_AGENT_ID, status: "retired" }),
            available_actions: retiredActions,
          }),
        ),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "registry",
          "agents",
          "delete",
          RETIRED_REGISTRY_AGENT_ID,
          "--yes",
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${RETIRED_REGISTRY_AGENT_ID}\n`);
      });
  });

  it("a token the registry does not know exits 3 and says which variable to set", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck registry agents list with a token that is not valid")
      .withRequest("GET", "/api/v1/agent", (request) => request.headers(invalidBearerHeaders()))
      .willRespondWith(401, (response) =>
        response.jsonBody(registryErrorBody("unauthorized", "invalid bearer token")),
      )
      .executeTest(async (server) => {
        const { code, err } = await agentdeckAgainst(server.url, ["registry", "agents", "list"], {
          registryToken: CONSUMER_WRONG_REGISTRY_TOKEN,
        });
        expect(code).toBe(3);
        expect(err).toContain("set AGENT_REGISTRY_TOKEN to a valid token");
        expect(err).not.toContain(CONSUMER_WRONG_REGISTRY_TOKEN);
      });
  });
});

describe("the pact file", () => {
  it("regenerates byte for byte as committed in contracts/pacts (UPDATE_PACTS=1 rewrites it)", () => {
    settleRegeneratedPact(REGISTRY_PROVIDER, dir, CLI_CONSUMER);
  });
});
