import { AuthenticationError, NotFoundError, UnprocessableEntityError } from "@agentdeck/core";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor } from "../src/consumer-client.ts";
import { bearerHeaders, CONSUMER_WRONG_REGISTRY_TOKEN, invalidBearerHeaders } from "../src/credentials.ts";
import {
  MISSING_REGISTRY_AGENT_ID,
  MISSING_RISK_PROFILE_ID,
  REGISTRY_AGENT_DESCRIPTION,
  REGISTRY_AGENT_ID,
  REGISTRY_AGENT_NAME,
  RETIRED_REGISTRY_AGENT_ID,
} from "../src/examples.ts";
import { idempotencyKey } from "../src/matchers.ts";
import { freshPactDir, removePactDir, settleRegeneratedPact } from "../src/pact-output.ts";
import { CONSUMER, REGISTRY_PROVIDER } from "../src/participants.ts";
import { RegistryApiState as State } from "../src/provider-states.ts";
import {
  agentEnvelopeBody,
  agentListBody,
  registryAgentBody,
  registryErrorBody,
} from "../src/registry-api-bodies.ts";

const dir = freshPactDir();
afterAll(() => removePactDir(dir));
const pact = new PactV4({ consumer: CONSUMER, provider: REGISTRY_PROVIDER, dir, logLevel: "error" });

/** Headers of a registry write: the token, and the Idempotency-Key the client always sends. */
const writeHeaders = () => ({ ...bearerHeaders(), "Idempotency-Key": idempotencyKey() });

describe("registering agents", () => {
  it("creates an agent and returns it without the envelope", async () => {
    await pact
      .addInteraction()
      .given(State.noAgents)
      .uponReceiving("a request to create a registry agent")
      .withRequest("POST", "/api/v1/agent", (request) =>
        request
          .headers(writeHeaders())
          .jsonBody({ details: { name: REGISTRY_AGENT_NAME, description: REGISTRY_AGENT_DESCRIPTION } }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registryAgentBody())))
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.create({
          name: REGISTRY_AGENT_NAME,
          description: REGISTRY_AGENT_DESCRIPTION,
        });
        expect(agent).toMatchObject({ id: REGISTRY_AGENT_ID, name: REGISTRY_AGENT_NAME, status: "pending" });
      });
  });

  // The client checks every documented limit of the body before sending, so a create it sends cannot
  // break one. What it cannot check beforehand is whether the risk profile it names exists.
  it("throws NotFoundError when creating an agent with a risk profile that does not exist", async () => {
    await pact
      .addInteraction()
      .given(State.noRiskProfile)
      .uponReceiving("a request to create a registry agent with an unknown risk profile")
      .withRequest("POST", "/api/v1/agent", (request) =>
        request
          .headers(writeHeaders())
          .jsonBody({ details: { name: REGISTRY_AGENT_NAME, risk_profile_id: MISSING_RISK_PROFILE_ID } }),
      )
      .willRespondWith(404, (response) =>
        response.jsonBody(
          registryErrorBody("not_found", `risk profile ${MISSING_RISK_PROFILE_ID} not found`),
        ),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).registry.agents.create({
          name: REGISTRY_AGENT_NAME,
          risk_profile_id: MISSING_RISK_PROFILE_ID,
        });
        await expect(failure).rejects.toBeInstanceOf(NotFoundError);
        await expect(failure).rejects.toMatchObject({ status: 404, code: "not_found" });
      });
  });
});

describe("reading agents", () => {
  it("lists agents and returns the page without the envelope", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a page of registry agents")
      .withRequest("GET", "/api/v1/agent", (request) =>
        request.headers(bearerHeaders()).query({ offset: "0", page_size: "10", sort: "-inserted_at" }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentListBody(10)))
      .executeTest(async (server) => {
        const page = await clientFor(server.url).registry.agents.list({
          offset: 0,
          page_size: 10,
          sort: "-inserted_at",
        });
        expect(page.items[0]).toMatchObject({ id: REGISTRY_AGENT_ID });
        expect(page.pagination).toMatchObject({ item_count: 1, next_page_offset: null });
      });
  });

  // The client checks the sort syntax (`-field`) but not which fields the registry sorts by, so an
  // unknown field reaches the API, which answers with the messages per parameter.
  it("throws UnprocessableEntityError with the messages per field for an unknown sort field", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for registry agents sorted by a field the registry does not sort by")
      .withRequest("GET", "/api/v1/agent", (request) =>
        request.headers(bearerHeaders()).query({ sort: "colour" }),
      )
      .willRespondWith(422, (response) =>
        response.jsonBody({
          ...registryErrorBody(
            "validation_errors",
            "the request has validation errors: sort is not a field agents sort by",
          ),
          errors: {
            sort: MatchersV3.eachLike(
              MatchersV3.string("must be one of inserted_at, updated_at, name, status"),
            ),
          },
        }),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).registry.agents.list({ sort: "colour" });
        await expect(failure).rejects.toBeInstanceOf(UnprocessableEntityError);
        await expect(failure).rejects.toMatchObject({
          status: 422,
          code: "validation_errors",
          errors: { sort: [expect.any(String)] },
        });
      });
  });

  it("gets an agent by id", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a registry agent that exists")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) => request.headers(bearerHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registryAgentBody())))
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.get(REGISTRY_AGENT_ID);
        expect(agent).toMatchObject({ id: REGISTRY_AGENT_ID, available_actions: { retire: true } });
      });
  });

  it("throws NotFoundError for an agent that does not exist", async () => {
    await pact
      .addInteraction()
      .given(State.noAgent)
      .uponReceiving("a request for a registry agent that does not exist")
      .withRequest("GET", `/api/v1/agent/${MISSING_REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()),
      )
      .willRespondWith(404, (response) =>
        response.jsonBody(registryErrorBody("not_found", `agent ${MISSING_REGISTRY_AGENT_ID} not found`)),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).registry.agents.get(MISSING_REGISTRY_AGENT_ID);
        await expect(failure).rejects.toBeInstanceOf(NotFoundError);
      });
  });

  it("throws AuthenticationError for a token the registry does not know", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request with a registry token that is not valid")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) =>
        request.headers(invalidBearerHeaders()),
      )
      .willRespondWith(401, (response) =>
        response.jsonBody(
          registryErrorBody("unauthorized", "invalid API token: check the Authorization header"),
        ),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url, {
          registryToken: CONSUMER_WRONG_REGISTRY_TOKEN,
        }).registry.agents.get(REGISTRY_AGENT_ID);
        await expect(failure).rejects.toBeInstanceOf(AuthenticationError);
        await expect(failure).rejects.toMatchObject({ status: 401, code: "unauthorized" });
      });
  });
});

describe("retiring and reinstating agents", () => {
  it("retires an agent", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request to retire a registry agent")
      .withRequest("POST", `/api/v1/agent/${REGISTRY_AGENT_ID}/retire`, (request) =>
        request.headers(writeHeaders()).jsonBody({}),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(
          agentEnvelopeBody({
            ...registryAgentBody({ status: "retired" }),
            available_actions: {
              delete: MatchersV3.boolean(true),
              reinstate: MatchersV3.boolean(true),
              retire: MatchersV3.boolean(false),
              update: MatchersV3.boolean(false),
            },
          }),
        ),
      )
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.retire(REGISTRY_AGENT_ID);
        expect(agent).toMatchObject({ id: REGISTRY_AGENT_ID, status: "retired" });
      });
  });

  it("reinstates a retired agent", async () => {
    await pact
      .addInteraction()
      .given(State.retiredAgent)
      .uponReceiving("a request to reinstate a retired registry agent")
      .withRequest("POST", `/api/v1/agent/${RETIRED_REGISTRY_AGENT_ID}/reinstate`, (request) =>
        request.headers(writeHeaders()).jsonBody({}),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(
          agentEnvelopeBody(registryAgentBody({ id: RETIRED_REGISTRY_AGENT_ID, status: "pending" })),
        ),
      )
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.reinstate(RETIRED_REGISTRY_AGENT_ID);
        expect(agent).toMatchObject({ id: RETIRED_REGISTRY_AGENT_ID, status: "pending" });
      });
  });
});

describe("the pact file", () => {
  it("regenerates byte for byte as committed in contracts/pacts (UPDATE_PACTS=1 rewrites it)", () => {
    settleRegeneratedPact(REGISTRY_PROVIDER, dir);
  });
});
