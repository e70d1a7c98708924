import { AuthenticationError, NotFoundError, UnprocessableEntityError } from "@agentdeck/core";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor } from "../src/consumer-client.ts";
import { bearerHeaders, CONSUMER_WRONG_REGISTRY_TOKEN, invalidBearerHeaders } from "../src/credentials.ts";
import {
  FOREIGN_PARTITION_AGENT_ID,
  MISSING_REGISTRY_AGENT_ID,
  MISSING_RISK_PROFILE_ID,
  REGISTRY_AGENT_DESCRIPTION,
  REGISTRY_AGENT_EXTERNAL_ID,
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
  createdAgentBody,
  registryAgentBody,
  registryErrorBody,
  registrySummaryBody,
} from "../src/registry-api-bodies.ts";

const dir = freshPactDir();
afterAll(() => removePactDir(dir));
const pact = new PactV4({ consumer: CONSUMER, provider: REGISTRY_PROVIDER, dir, logLevel: "error" });

/** The body of a registry write: its fields, and the idempotency_key the client always sends in it. */
const writeBody = (fields: Record<string, unknown> = {}) => ({
  ...fields,
  idempotency_key: idempotencyKey(),
});

describe("registering agents", () => {
  it("creates an agent and returns it without the envelope", async () => {
    await pact
      .addInteraction()
      .given(State.noAgents)
      .uponReceiving("a request to create a registry agent")
      .withRequest("POST", "/api/v1/agent", (request) =>
        request.headers(bearerHeaders()).jsonBody(
          writeBody({
            details: {
              name: REGISTRY_AGENT_NAME,
              description: REGISTRY_AGENT_DESCRIPTION,
              external_identifier: REGISTRY_AGENT_EXTERNAL_ID,
            },
          }),
        ),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(createdAgentBody())))
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.create({
          name: REGISTRY_AGENT_NAME,
          description: REGISTRY_AGENT_DESCRIPTION,
          external_identifier: REGISTRY_AGENT_EXTERNAL_ID,
        });
        expect(agent).toMatchObject({
          id: REGISTRY_AGENT_ID,
          name: REGISTRY_AGENT_NAME,
          status: "pending",
          instance_counts: { total: 0 },
        });
        expect(agent.environment_id).toEqual(expect.any(String));
      });
  });

  // The client checks that a chosen id is a PFID, but only the registry knows the account's
  // partition: an id from another answers validation_errors with the messages per field.
  it("throws UnprocessableEntityError with the errors map when the registry refuses the details", async () => {
    await pact
      .addInteraction()
      .given(State.noAgents)
      .uponReceiving("a request to create a registry agent with an id outside the account's partition")
      .withRequest("POST", "/api/v1/agent", (request) =>
        request
          .headers(bearerHeaders())
          .jsonBody(writeBody({ details: { name: REGISTRY_AGENT_NAME, id: FOREIGN_PARTITION_AGENT_ID } })),
      )
      .willRespondWith(422, (response) =>
        response.jsonBody({
          ...registryErrorBody(
            "validation_errors",
            "the request has validation errors: details.id must be a PFID in your account's partition",
          ),
          errors: {
            "details.id": MatchersV3.eachLike(
              MatchersV3.string("must be a PFID in your account's partition (its characters 11 to 16)"),
            ),
          },
        }),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).registry.agents.create({
          name: REGISTRY_AGENT_NAME,
          id: FOREIGN_PARTITION_AGENT_ID,
        });
        await expect(failure).rejects.toBeInstanceOf(UnprocessableEntityError);
        await expect(failure).rejects.toMatchObject({
          status: 422,
          code: "validation_errors",
          errors: { "details.id": [expect.any(String)] },
        });
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
          .headers(bearerHeaders())
          .jsonBody(
            writeBody({ details: { name: REGISTRY_AGENT_NAME, risk_profile_id: MISSING_RISK_PROFILE_ID } }),
          ),
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
  it("lists agents with Prefactor's paging names and returns the page without the envelope", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a page of registry agents")
      .withRequest("GET", "/api/v1/agent", (request) =>
        request
          .headers(bearerHeaders())
          .query({ "pagination[offset]": "0", "pagination[page_size]": "10", sorting: "-id" }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentListBody(10)))
      .executeTest(async (server) => {
        const page = await clientFor(server.url).registry.agents.list({
          offset: 0,
          pageSize: 10,
          sorting: "-id",
        });
        expect(page.items[0]).toMatchObject({ id: REGISTRY_AGENT_ID });
        expect(page.pagination).toMatchObject({ item_count: 1, next_page_offset: null });
        expect(page.sorting).toEqual({ field: "id", direction: "desc" });
      });
  });

  it("gets an agent by id with its instance counts", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a registry agent with its instance counts")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()).query({ include_counts: "true" }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registryAgentBody())))
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.get(REGISTRY_AGENT_ID, {
          includeCounts: true,
        });
        expect(agent.instance_counts).toMatchObject({ total: 0 });
      });
  });

  it("shows an agent by its external identifier", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a registry agent by its external identifier")
      .withRequest("GET", "/api/v1/agent/show", (request) =>
        request.headers(bearerHeaders()).query({ external_identifier: REGISTRY_AGENT_EXTERNAL_ID }),
      )
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registrySummaryBody())))
      .executeTest(async (server) => {
        const agent = await clientFor(server.url).registry.agents.show({
          externalIdentifier: REGISTRY_AGENT_EXTERNAL_ID,
        });
        expect(agent).toMatchObject({ id: REGISTRY_AGENT_ID });
      });
  });

  it("gets an agent by id", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a registry agent that exists")
      .withRequest("GET", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) => request.headers(bearerHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(agentEnvelopeBody(registrySummaryBody())))
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
        request.headers(bearerHeaders()).jsonBody(writeBody()),
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
        request.headers(bearerHeaders()).jsonBody(writeBody()),
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

describe("updating and deleting agents", () => {
  it("updates an agent's fields with PUT", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request to update a registry agent")
      .withRequest("PUT", `/api/v1/agent/${REGISTRY_AGENT_ID}`, (request) =>
        request
          .headers(bearerHeaders())
          .jsonBody(writeBody({ details: { name: "Invoice triage (EU)", description: null } })),
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
        const agent = await clientFor(server.url).registry.agents.update(REGISTRY_AGENT_ID, {
          name: "Invoice triage (EU)",
          description: null,
        });
        expect(agent).toMatchObject({
          id: REGISTRY_AGENT_ID,
          name: "Invoice triage (EU)",
          description: null,
        });
      });
  });

  it("deletes a retired agent and reads it as it was", async () => {
    await pact
      .addInteraction()
      .given(State.retiredAgent)
      .uponReceiving("a request to delete a retired registry agent")
      .withRequest("DELETE", `/api/v1/agent/${RETIRED_REGISTRY_AGENT_ID}`, (request) =>
        request.headers(bearerHeaders()).jsonBody(writeBody()),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(
          agentEnvelopeBody({
            ...registryAgentBody({ id: RETIRED_REGISTRY_AGENT_ID, status: "retired" }),
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
        const agent = await clientFor(server.url).registry.agents.delete(RETIRED_REGISTRY_AGENT_ID);
        expect(agent).toMatchObject({ id: RETIRED_REGISTRY_AGENT_ID, status: "retired" });
      });
  });
});

describe("the pact file", () => {
  it("regenerates byte for byte as committed in contracts/pacts (UPDATE_PACTS=1 rewrites it)", () => {
    settleRegeneratedPact(REGISTRY_PROVIDER, dir);
  });
});
