import { readFileSync } from "node:fs";
import { AuthenticationError, BadRequestError, ConflictError, NotFoundError } from "@agentdeck/core";
import { MatchersV3, PactV4 } from "@pact-foundation/pact";
import { afterAll, describe, expect, it } from "vitest";
import {
  agentBody,
  completedExecutionBody,
  contextBody,
  errorBody,
  executionBody,
  executionFileBody,
  pageBody,
  poolBody,
  stagedFilesBody,
  statusChangedActivityBody,
} from "../src/agents-api-bodies.ts";
import { clientFor } from "../src/consumer-client.ts";
import { apiKeyHeaders, CONSUMER_WRONG_API_KEY, invalidApiKeyHeaders } from "../src/credentials.ts";
import {
  AGENT_ID,
  COMPLETED_EXECUTION_ID,
  MISSING_AGENT_ID,
  MISSING_POOL_ID,
  MULTIPART_BOUNDARY,
  ORGANIZATION_ID,
  PAUSED_EXECUTION_ID,
  POOL_ID,
  POOL_NAME,
  PROFILE_ID,
  RUNNING_EXECUTION_ID,
  STAGED_FILE_NAME,
  STAGED_FILE_PATH,
} from "../src/examples.ts";
import { uuid } from "../src/matchers.ts";
import { freshPactDir, removePactDir, settleRegeneratedPact } from "../src/pact-output.ts";
import { AGENTS_PROVIDER, CONSUMER } from "../src/participants.ts";
import { AgentsApiState as State } from "../src/provider-states.ts";
import { textBody } from "../src/text-body.ts";

const { string } = MatchersV3;

// The status route answers with a JSON string; jsonBody takes a string as JSON text already written.
const STATUS_UPDATED = JSON.stringify("Execution status updated.");

const stagedFile = () => new File([readFileSync(STAGED_FILE_PATH)], STAGED_FILE_NAME, { type: "text/plain" });

const dir = freshPactDir();
afterAll(() => removePactDir(dir));
const pact = new PactV4({ consumer: CONSUMER, provider: AGENTS_PROVIDER, dir, logLevel: "error" });

describe("agent profile pools", () => {
  it("lists pools filtered and sorted by every query parameter", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("a request for a page of pools with every query parameter")
      .withRequest("GET", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).query({
          organizationId: ORGANIZATION_ID,
          page: "1",
          pageSize: "10",
          searchName: "checkout",
          sortField: "name",
          sortDirection: "asc",
        }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(poolBody(), { page: 1, pageSize: 10, total: 1 })),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url).pools.list({
          organizationId: ORGANIZATION_ID,
          page: 1,
          pageSize: 10,
          searchName: "checkout",
          sortField: "name",
          sortDirection: "asc",
        });
        expect(page).toMatchObject({ page: 1, pageSize: 10, total: 1 });
        expect(page.items[0]).toMatchObject({
          id: POOL_ID,
          name: POOL_NAME,
          organizationId: ORGANIZATION_ID,
        });
      });
  });

  it("reads an empty page when there are no pools", async () => {
    await pact
      .addInteraction()
      .given(State.noPools)
      .uponReceiving("a request for a page of pools when there are none")
      .withRequest("GET", "/agent-profile-pools", (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) =>
        response.jsonBody({
          items: [],
          page: MatchersV3.integer(1),
          pageSize: MatchersV3.integer(50),
          total: 0,
        }),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url).pools.list();
        expect(page).toEqual({ items: [], page: 1, pageSize: 50, total: 0 });
      });
  });

  it("gets a pool by id", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("a request for a pool that exists")
      .withRequest("GET", `/agent-profile-pools/${POOL_ID}`, (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(poolBody()))
      .executeTest(async (server) => {
        const pool = await clientFor(server.url).pools.get(POOL_ID);
        expect(pool).toMatchObject({
          id: POOL_ID,
          name: POOL_NAME,
          selectionStrategy: "least_recently_used",
        });
      });
  });

  it("throws NotFoundError for a pool that does not exist", async () => {
    await pact
      .addInteraction()
      .given(State.noPool)
      .uponReceiving("a request for a pool that does not exist")
      .withRequest("GET", `/agent-profile-pools/${MISSING_POOL_ID}`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(404, (response) =>
        response.jsonBody(errorBody(404, `agent profile pool ${MISSING_POOL_ID} not found`)),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).pools.get(MISSING_POOL_ID);
        await expect(failure).rejects.toBeInstanceOf(NotFoundError);
        await expect(failure).rejects.toMatchObject({ status: 404, code: 404 });
      });
  });

  it("creates a pool and reads the 201 answer", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("a request to create a pool")
      .withRequest("POST", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          name: POOL_NAME,
          organizationId: ORGANIZATION_ID,
          allowConcurrentUse: false,
          selectionStrategy: "least_recently_used",
        }),
      )
      .willRespondWith(201, (response) => response.jsonBody(poolBody()))
      .executeTest(async (server) => {
        const pool = await clientFor(server.url).pools.create({
          name: POOL_NAME,
          organizationId: ORGANIZATION_ID,
          allowConcurrentUse: false,
          selectionStrategy: "least_recently_used",
        });
        expect(pool).toMatchObject({ name: POOL_NAME, organizationId: ORGANIZATION_ID });
      });
  });

  // The client checks every documented limit of the body before sending, so no body it sends can be
  // refused as malformed. The refusal it cannot check beforehand is a name already taken in the
  // organization, which the API answers with 409.
  it("throws ConflictError when the pool name is already taken", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("a request to create a pool with a name already taken")
      .withRequest("POST", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ name: POOL_NAME, organizationId: ORGANIZATION_ID }),
      )
      .willRespondWith(409, (response) =>
        response.jsonBody(errorBody(409, `a pool named "${POOL_NAME}" already exists in this organization`)),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).pools.create({
          name: POOL_NAME,
          organizationId: ORGANIZATION_ID,
        });
        await expect(failure).rejects.toBeInstanceOf(ConflictError);
        await expect(failure).rejects.toMatchObject({ status: 409, code: 409 });
      });
  });

  // The client checks every documented limit of the body; a server may refuse more (here a name with
  // a NUL character), and the client reads that refusal as BadRequestError with the server's message.
  it("throws BadRequestError when the API refuses the body", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("a request to create a pool with a name the API refuses")
      .withRequest("POST", "/agent-profile-pools", (request) =>
        request
          .headers(apiKeyHeaders())
          .jsonBody({ name: "Checkout\u0000bots", organizationId: ORGANIZATION_ID }),
      )
      .willRespondWith(400, (response) =>
        response.jsonBody(errorBody(400, "name: must not contain a NUL character")),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).pools.create({
          name: "Checkout\u0000bots",
          organizationId: ORGANIZATION_ID,
        });
        await expect(failure).rejects.toBeInstanceOf(BadRequestError);
        await expect(failure).rejects.toMatchObject({ status: 400, code: 400 });
      });
  });

  it("updates a pool's fields", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("a request to update a pool")
      .withRequest("PATCH", `/agent-profile-pools/${POOL_ID}`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          name: "Checkout bots (EU)",
          allowConcurrentUse: true,
          selectionStrategy: "most_recently_used",
        }),
      )
      .willRespondWith(200, (response) => response.jsonBody(poolBody({ name: "Checkout bots (EU)" })))
      .executeTest(async (server) => {
        const pool = await clientFor(server.url).pools.update(POOL_ID, {
          name: "Checkout bots (EU)",
          allowConcurrentUse: true,
          selectionStrategy: "most_recently_used",
        });
        expect(pool).toMatchObject({ id: POOL_ID, name: "Checkout bots (EU)" });
      });
  });
});

describe("agents", () => {
  it("lists agents", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request for a page of agents")
      .withRequest("GET", "/agents", (request) =>
        request
          .headers(apiKeyHeaders())
          .query({ organizationId: ORGANIZATION_ID, page: "1", pageSize: "20" }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(agentBody(), { page: 1, pageSize: 20, total: 1 })),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url).agents.list({
          organizationId: ORGANIZATION_ID,
          page: 1,
          pageSize: 20,
        });
        expect(page.items[0]).toMatchObject({ id: AGENT_ID });
      });
  });

  it("executes an agent with a profile from a pool and reads the 202 answer", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .given(State.poolHasFreeProfile)
      .uponReceiving("a request to execute an agent with an agent profile pool")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          agentProfilePoolId: POOL_ID,
          inputs: { month: "2025-01" },
          metadata: { team: "finance" },
        }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const started = await clientFor(server.url).agents.execute(AGENT_ID, {
          agentProfilePoolId: POOL_ID,
          inputs: { month: "2025-01" },
          metadata: { team: "finance" },
        });
        expect(started).toEqual({ executionId: RUNNING_EXECUTION_ID });
      });
  });

  it("executes an agent with one agent profile and reads the 202 answer", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .given(State.profile)
      .uponReceiving("a request to execute an agent with an agent profile")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ agentProfileId: PROFILE_ID }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const started = await clientFor(server.url).agents.execute(AGENT_ID, { agentProfileId: PROFILE_ID });
        expect(started).toEqual({ executionId: RUNNING_EXECUTION_ID });
      });
  });

  it("executes an agent with neither a profile nor a pool, as the vendor's README does", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("a request to execute an agent with its default profile")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ inputs: { month: "2025-02" } }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const started = await clientFor(server.url).agents.execute(AGENT_ID, {
          inputs: { month: "2025-02" },
        });
        expect(started).toEqual({ executionId: RUNNING_EXECUTION_ID });
      });
  });

  it("throws NotFoundError when executing an agent that does not exist", async () => {
    await pact
      .addInteraction()
      .given(State.noAgent)
      .given(State.pool)
      .uponReceiving("a request to execute an agent that does not exist")
      .withRequest("POST", `/agents/${MISSING_AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ agentProfilePoolId: POOL_ID }),
      )
      .willRespondWith(404, (response) =>
        response.jsonBody(errorBody(404, `agent ${MISSING_AGENT_ID} not found`)),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url).agents.execute(MISSING_AGENT_ID, {
          agentProfilePoolId: POOL_ID,
        });
        await expect(failure).rejects.toBeInstanceOf(NotFoundError);
      });
  });
});

describe("executions", () => {
  it("gets a finished execution with its result", async () => {
    await pact
      .addInteraction()
      .given(State.completedExecution)
      .uponReceiving("a request for a completed execution")
      .withRequest("GET", `/executions/${COMPLETED_EXECUTION_ID}`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(200, (response) => response.jsonBody(completedExecutionBody()))
      .executeTest(async (server) => {
        const execution = await clientFor(server.url).executions.get(COMPLETED_EXECUTION_ID);
        expect(execution).toMatchObject({
          id: COMPLETED_EXECUTION_ID,
          status: "completed",
          executionResult: { outcome: "success", result: { invoices: 3 } },
        });
      });
  });

  it("lists executions filtered by agent and by several statuses", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("a request for a page of executions of an agent in some statuses")
      .withRequest("GET", "/executions", (request) =>
        request.headers(apiKeyHeaders()).query({
          page: "1",
          pageSize: "20",
          agentId: AGENT_ID,
          status: ["running", "paused"],
          sortField: "created_at",
          sortDirection: "desc",
        }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(executionBody(), { page: 1, pageSize: 20, total: 1 })),
      )
      .executeTest(async (server) => {
        const page = await clientFor(server.url).executions.list({
          page: 1,
          pageSize: 20,
          agentId: AGENT_ID,
          status: ["running", "paused"],
          sortField: "created_at",
          sortDirection: "desc",
        });
        expect(page.items[0]).toMatchObject({ id: RUNNING_EXECUTION_ID, status: "running" });
      });
  });

  it("reads an execution's activity feed", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("a request for the first activities of an execution")
      .withRequest("GET", `/executions/${RUNNING_EXECUTION_ID}/activities`, (request) =>
        request.headers(apiKeyHeaders()).query({ order: "asc", limit: "2" }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(MatchersV3.eachLike(statusChangedActivityBody(RUNNING_EXECUTION_ID))),
      )
      .executeTest(async (server) => {
        const activities = await clientFor(server.url).executions.activities(RUNNING_EXECUTION_ID, {
          order: "asc",
          limit: 2,
        });
        expect(activities[0]?.payload).toEqual({ activityType: "status_changed", status: "starting" });
      });
  });

  it.each([
    {
      move: "pause",
      verb: "pauses",
      state: State.runningExecution,
      id: RUNNING_EXECUTION_ID,
      status: "paused",
    },
    {
      move: "resume",
      verb: "resumes",
      state: State.pausedExecution,
      id: PAUSED_EXECUTION_ID,
      status: "running",
    },
    {
      move: "cancel",
      verb: "cancels",
      state: State.runningExecution,
      id: RUNNING_EXECUTION_ID,
      status: "cancelled",
    },
  ] as const)("$verb an execution by setting its status to $status", async ({ move, state, id, status }) => {
    await pact
      .addInteraction()
      .given(state)
      .uponReceiving(`a request to ${move} ${move === "resume" ? "a paused" : "a running"} execution`)
      .withRequest("POST", `/executions/${id}/status`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ status }),
      )
      .willRespondWith(200, (response) => response.jsonBody(STATUS_UPDATED))
      .executeTest(async (server) => {
        await expect(clientFor(server.url).executions[move](id)).resolves.toBeUndefined();
      });
  });

  it("sends a message to a running execution", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("a request to send a message to a running execution")
      .withRequest("POST", `/executions/${RUNNING_EXECUTION_ID}/user-messages`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ message: "Only January, please." }),
      )
      .willRespondWith(201, (response) => textBody(response, "User message added."))
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url).executions.sendMessage(RUNNING_EXECUTION_ID, "Only January, please."),
        ).resolves.toBeUndefined();
      });
  });
});

describe("files", () => {
  it("stages a file for a run as multipart and reads the tempFiles", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("a request to stage a file")
      .withRequest("POST", `/temp-files/${ORGANIZATION_ID}`, (request) =>
        request
          .headers(apiKeyHeaders())
          .multipartBody("text/plain", STAGED_FILE_PATH, "files", MULTIPART_BOUNDARY),
      )
      .willRespondWith(200, (response) => response.jsonBody(stagedFilesBody()))
      .executeTest(async (server) => {
        const { tempFiles } = await clientFor(server.url).files.stage([stagedFile()], {
          organizationId: ORGANIZATION_ID,
        });
        expect(tempFiles[0]?.name).toBe(STAGED_FILE_NAME);
      });
  });

  it("lists an execution's files with their signed URLs", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecutionWithFile)
      .uponReceiving("a request for the files of an execution")
      .withRequest("GET", `/executions/${RUNNING_EXECUTION_ID}/context-files`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(MatchersV3.eachLike(executionFileBody(RUNNING_EXECUTION_ID))),
      )
      .executeTest(async (server) => {
        const files = await clientFor(server.url).executions.files(RUNNING_EXECUTION_ID);
        expect(files[0]).toMatchObject({ executionId: RUNNING_EXECUTION_ID, fileName: "report.csv" });
      });
  });

  it("uploads a file to a running execution and reads the text answer", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("a request to upload a file to a running execution")
      .withRequest("POST", `/executions/${RUNNING_EXECUTION_ID}/context-files`, (request) =>
        request
          .headers(apiKeyHeaders())
          .multipartBody("text/plain", STAGED_FILE_PATH, "files", MULTIPART_BOUNDARY),
      )
      .willRespondWith(200, (response) => textBody(response, "Files uploaded."))
      .executeTest(async (server) => {
        await expect(
          clientFor(server.url).executions.uploadFiles(RUNNING_EXECUTION_ID, [stagedFile()]),
        ).resolves.toBeUndefined();
      });
  });
});

describe("context and authentication", () => {
  it("gets the caller's organizations", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("a request for the caller's context")
      .withRequest("GET", "/context", (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(contextBody()))
      .executeTest(async (server) => {
        const context = await clientFor(server.url).context.get();
        expect(context.organizations[0]).toMatchObject({ id: ORGANIZATION_ID });
      });
  });

  it("throws AuthenticationError for an API key the API does not know", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("a request with an API key that is not valid")
      .withRequest("GET", "/context", (request) => request.headers(invalidApiKeyHeaders()))
      .willRespondWith(401, (response) =>
        response.jsonBody({
          code: 401,
          message: string("invalid API key: check the X-Asteroid-Agents-Api-Key header"),
        }),
      )
      .executeTest(async (server) => {
        const failure = clientFor(server.url, { apiKey: CONSUMER_WRONG_API_KEY }).context.get();
        await expect(failure).rejects.toBeInstanceOf(AuthenticationError);
        await expect(failure).rejects.toMatchObject({ status: 401 });
      });
  });
});

describe("the pact file", () => {
  it("regenerates byte for byte as committed in contracts/pacts (UPDATE_PACTS=1 rewrites it)", () => {
    settleRegeneratedPact(AGENTS_PROVIDER, dir);
  });
});
