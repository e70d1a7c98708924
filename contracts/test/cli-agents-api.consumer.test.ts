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
import { agentdeckAgainst, CLI_CONSUMER } from "../src/cli-consumer.ts";
import { apiKeyHeaders, CONSUMER_WRONG_API_KEY, invalidApiKeyHeaders } from "../src/credentials.ts";
import {
  AGENT_ID,
  COMPLETED_EXECUTION_ID,
  MISSING_AGENT_ID,
  MULTIPART_BOUNDARY,
  ORGANIZATION_ID,
  PAUSED_EXECUTION_ID,
  POOL_ID,
  POOL_NAME,
  PROFILE_ID,
  RUN_TAG,
  RUNNING_EXECUTION_ID,
  STAGED_FILE_ID,
  STAGED_FILE_NAME,
  STAGED_FILE_PATH,
} from "../src/examples.ts";
import { uuid } from "../src/matchers.ts";
import { freshPactDir, removePactDir, settleRegeneratedPact } from "../src/pact-output.ts";
import { AGENTS_PROVIDER } from "../src/participants.ts";
import { AgentsApiState as State } from "../src/provider-states.ts";
import { textBody } from "../src/text-body.ts";

/*
 * What the `agentdeck` command sends and reads, written by running its command lines in-process
 * (the binary's own code paths: parsing, the client it builds, its output) against the mock server.
 */

const STATUS_UPDATED = JSON.stringify("Execution status updated.");

const dir = freshPactDir();
afterAll(() => removePactDir(dir));
const pact = new PactV4({ consumer: CLI_CONSUMER, provider: AGENTS_PROVIDER, dir, logLevel: "error" });

describe("agentdeck pools", () => {
  it("pools list --json prints the page the API answers", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools list")
      .withRequest("GET", "/agent-profile-pools", (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(poolBody(), { page: 1, pageSize: 50, total: 1 })),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["pools", "list", "--json"]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ total: 1, items: [{ id: POOL_ID, name: POOL_NAME }] });
      });
  });

  it("pools list --all --search walks the pages 100 at a time, printing one pool a line", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools list --all --search checkout")
      .withRequest("GET", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).query({ page: "1", pageSize: "100", searchName: "Checkout" }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(poolBody(), { page: 1, pageSize: 100, total: 1 })),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "pools",
          "list",
          "--all",
          "--search",
          "Checkout",
          "--json",
        ]);
        expect(code).toBe(0);
        expect(
          out
            .trim()
            .split("\n")
            .map((line) => JSON.parse(line).id),
        ).toEqual([POOL_ID]);
      });
  });

  it("pools get prints the pool", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools get")
      .withRequest("GET", `/agent-profile-pools/${POOL_ID}`, (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(poolBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["pools", "get", POOL_ID]);
        expect(code).toBe(0);
        expect(out).toContain(`name\t${POOL_NAME}\n`);
      });
  });

  it("pools create --org --strategy --quiet prints the new pool's id", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("agentdeck pools create")
      .withRequest("POST", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          name: POOL_NAME,
          organizationId: ORGANIZATION_ID,
          selectionStrategy: "most_recently_used",
          allowConcurrentUse: true,
        }),
      )
      .willRespondWith(201, (response) => response.jsonBody(poolBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "pools",
          "create",
          POOL_NAME,
          "--org",
          ORGANIZATION_ID,
          "--strategy",
          "most_recently_used",
          "--concurrent",
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${POOL_ID}\n`);
      });
  });

  it("pools create with a name already taken exits 6 with what the API said", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools create with a name already taken")
      .withRequest("POST", "/agent-profile-pools", (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ name: POOL_NAME, organizationId: ORGANIZATION_ID }),
      )
      .willRespondWith(409, (response) =>
        response.jsonBody(errorBody(409, `a pool named "${POOL_NAME}" already exists in this organization`)),
      )
      .executeTest(async (server) => {
        const { code, err } = await agentdeckAgainst(server.url, [
          "pools",
          "create",
          POOL_NAME,
          "--org",
          ORGANIZATION_ID,
        ]);
        expect(code).toBe(6);
        expect(err).toContain(`refused (409): a pool named "${POOL_NAME}" already exists`);
      });
  });

  it("pools update sends only the fields given", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools update --name --no-concurrent")
      .withRequest("PATCH", `/agent-profile-pools/${POOL_ID}`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ name: "Checkout bots (EU)", allowConcurrentUse: false }),
      )
      .willRespondWith(200, (response) => response.jsonBody(poolBody({ name: "Checkout bots (EU)" })))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "pools",
          "update",
          POOL_ID,
          "--name",
          "Checkout bots (EU)",
          "--no-concurrent",
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toMatchObject({ id: POOL_ID, name: "Checkout bots (EU)" });
      });
  });
});

describe("agentdeck agents and run", () => {
  it("agents list --quiet prints the ids", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck agents list")
      .withRequest("GET", "/agents", (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(agentBody(), { page: 1, pageSize: 50, total: 1 })),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["agents", "list", "--quiet"]);
        expect(code).toBe(0);
        expect(out).toBe(`${AGENT_ID}\n`);
      });
  });

  it("run --pool sends typed inputs and the metadata, tagged so the run can be found, and prints its id", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .given(State.poolHasFreeProfile)
      .uponReceiving("agentdeck run --pool --input --metadata")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          agentProfilePoolId: POOL_ID,
          inputs: { month: "2025-01", invoices: 3, dryRun: false },
          metadata: { "agentdeck-run": uuid(RUN_TAG), team: "finance" },
        }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "run",
          AGENT_ID,
          "--pool",
          POOL_ID,
          "--input",
          "month=2025-01",
          "--input",
          "invoices:=3",
          "--input",
          "dryRun:=false",
          "--metadata",
          "team=finance",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${RUNNING_EXECUTION_ID}\n`);
      });
  });

  it("run --agent-profile sends the profile, the soft timeout and the version", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .given(State.profile)
      .uponReceiving("agentdeck run --agent-profile --soft-timeout --agent-version")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          agentProfileId: PROFILE_ID,
          metadata: { "agentdeck-run": uuid(RUN_TAG) },
          executionOptions: { softTimeoutMins: 5 },
          version: 1,
        }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "run",
          AGENT_ID,
          "--agent-profile",
          PROFILE_ID,
          "--soft-timeout",
          "5",
          "--agent-version",
          "1",
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toEqual({ executionId: RUNNING_EXECUTION_ID });
      });
  });

  it("run with neither --pool nor --agent-profile runs on the agent's default profile", async () => {
    await pact
      .addInteraction()
      .given(State.agent)
      .uponReceiving("agentdeck run with neither --pool nor --agent-profile")
      .withRequest("POST", `/agents/${AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          inputs: { month: "2025-01" },
          metadata: { "agentdeck-run": uuid(RUN_TAG) },
        }),
      )
      .willRespondWith(202, (response) => response.jsonBody({ executionId: uuid(RUNNING_EXECUTION_ID) }))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "run",
          AGENT_ID,
          "--input",
          "month=2025-01",
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${RUNNING_EXECUTION_ID}\n`);
      });
  });

  it("run of an agent that does not exist exits 4", async () => {
    await pact
      .addInteraction()
      .given(State.noAgent)
      .given(State.pool)
      .uponReceiving("agentdeck run of an agent that does not exist")
      .withRequest("POST", `/agents/${MISSING_AGENT_ID}/execute`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({
          agentProfilePoolId: POOL_ID,
          metadata: { "agentdeck-run": uuid(RUN_TAG) },
        }),
      )
      .willRespondWith(404, (response) =>
        response.jsonBody(errorBody(404, `agent ${MISSING_AGENT_ID} not found`)),
      )
      .executeTest(async (server) => {
        const { code, err } = await agentdeckAgainst(server.url, [
          "run",
          MISSING_AGENT_ID,
          "--pool",
          POOL_ID,
        ]);
        expect(code).toBe(4);
        expect(err).toMatch(/^agentdeck: not found \(404\)/);
      });
  });
});

describe("agentdeck executions", () => {
  it("executions list --metadata finds the run a lost start may have made", async () => {
    await pact
      .addInteraction()
      .given(State.taggedExecution)
      .uponReceiving("agentdeck executions list --metadata agentdeck-run=TAG")
      .withRequest("GET", "/executions", (request) =>
        request.headers(apiKeyHeaders()).query({ metadataKey: "agentdeck-run", metadataValue: RUN_TAG }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(executionBody(), { page: 1, pageSize: 50, total: 1 })),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "executions",
          "list",
          "--metadata",
          `agentdeck-run=${RUN_TAG}`,
          "--quiet",
        ]);
        expect(code).toBe(0);
        expect(out).toBe(`${RUNNING_EXECUTION_ID}\n`);
      });
  });

  it("executions list --status takes several statuses", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .given(State.pausedExecution)
      .uponReceiving("agentdeck executions list --status running,paused --sort created_at --order desc")
      .withRequest("GET", "/executions", (request) =>
        request
          .headers(apiKeyHeaders())
          .query({ status: ["running", "paused"], sortField: "created_at", sortDirection: "desc" }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(pageBody(executionBody(), { page: 1, pageSize: 50, total: 2 })),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "executions",
          "list",
          "--status",
          "running,paused",
          "--sort",
          "created_at",
          "--order",
          "desc",
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out).items[0]).toMatchObject({ id: RUNNING_EXECUTION_ID, status: "running" });
      });
  });

  it("executions get prints the execution", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("agentdeck executions get")
      .withRequest("GET", `/executions/${RUNNING_EXECUTION_ID}`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(200, (response) => response.jsonBody(executionBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["executions", "get", RUNNING_EXECUTION_ID]);
        expect(code).toBe(0);
        expect(out).toContain("status\trunning\n");
      });
  });

  it("executions watch of a finished run exits 0 by its outcome and prints it", async () => {
    await pact
      .addInteraction()
      .given(State.completedExecution)
      .uponReceiving("agentdeck executions watch of a completed execution")
      .withRequest("GET", `/executions/${COMPLETED_EXECUTION_ID}`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(200, (response) => response.jsonBody(completedExecutionBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "executions",
          "watch",
          COMPLETED_EXECUTION_ID,
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toMatchObject({
          status: "completed",
          executionResult: { outcome: "success" },
        });
      });
  });

  it("executions activities reads the feed oldest first (what --follow polls)", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("agentdeck executions activities")
      .withRequest("GET", `/executions/${RUNNING_EXECUTION_ID}/activities`, (request) =>
        request.headers(apiKeyHeaders()).query({ order: "asc" }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(MatchersV3.eachLike(statusChangedActivityBody(RUNNING_EXECUTION_ID))),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "executions",
          "activities",
          RUNNING_EXECUTION_ID,
        ]);
        expect(code).toBe(0);
        expect(out).toMatch(/^\d\d:\d\d:\d\d\tstatus\tstarting\n$/);
      });
  });

  it.each([
    { move: "pause", state: State.runningExecution, id: RUNNING_EXECUTION_ID, status: "paused" },
    { move: "resume", state: State.pausedExecution, id: PAUSED_EXECUTION_ID, status: "running" },
    { move: "cancel", state: State.runningExecution, id: RUNNING_EXECUTION_ID, status: "cancelled" },
  ] as const)("executions $move sets the status to $status", async ({ move, state, id, status }) => {
    await pact
      .addInteraction()
      .given(state)
      .uponReceiving(`agentdeck executions ${move}`)
      .withRequest("POST", `/executions/${id}/status`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ status }),
      )
      .willRespondWith(200, (response) => response.jsonBody(STATUS_UPDATED))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["executions", move, id, "--json"]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toEqual({ executionId: id, status });
      });
  });

  it("executions message sends the words as one message", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecution)
      .uponReceiving("agentdeck executions message")
      .withRequest("POST", `/executions/${RUNNING_EXECUTION_ID}/user-messages`, (request) =>
        request.headers(apiKeyHeaders()).jsonBody({ message: "Only January, please." }),
      )
      .willRespondWith(201, (response) => textBody(response, "User message added."))
      .executeTest(async (server) => {
        const { code } = await agentdeckAgainst(server.url, [
          "executions",
          "message",
          RUNNING_EXECUTION_ID,
          "Only",
          "January,",
          "please.",
        ]);
        expect(code).toBe(0);
      });
  });
});

describe("agentdeck files", () => {
  it("files stage uploads the file as multipart and prints the tempFiles", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("agentdeck files stage --org")
      .withRequest("POST", `/temp-files/${ORGANIZATION_ID}`, (request) =>
        request
          .headers(apiKeyHeaders())
          .multipartBody("text/plain", STAGED_FILE_PATH, "files", MULTIPART_BOUNDARY),
      )
      .willRespondWith(200, (response) => response.jsonBody(stagedFilesBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "files",
          "stage",
          STAGED_FILE_PATH,
          "--org",
          ORGANIZATION_ID,
          "--json",
        ]);
        expect(code).toBe(0);
        expect(JSON.parse(out)).toEqual({
          tempFiles: [{ id: STAGED_FILE_ID, name: STAGED_FILE_NAME }],
        });
      });
  });

  it("executions files lists the context's files", async () => {
    await pact
      .addInteraction()
      .given(State.runningExecutionWithFile)
      .uponReceiving("agentdeck executions files")
      .withRequest("GET", `/executions/${RUNNING_EXECUTION_ID}/context-files`, (request) =>
        request.headers(apiKeyHeaders()),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody(MatchersV3.eachLike(executionFileBody(RUNNING_EXECUTION_ID))),
      )
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, [
          "executions",
          "files",
          RUNNING_EXECUTION_ID,
        ]);
        expect(code).toBe(0);
        expect(out).toMatch(/^[0-9a-f-]{36}\treport\.csv\t/);
      });
  });
});

describe("agentdeck context and a refused key", () => {
  it("context --json prints the caller and their organizations", async () => {
    await pact
      .addInteraction()
      .given(State.organization)
      .uponReceiving("agentdeck context")
      .withRequest("GET", "/context", (request) => request.headers(apiKeyHeaders()))
      .willRespondWith(200, (response) => response.jsonBody(contextBody()))
      .executeTest(async (server) => {
        const { code, out } = await agentdeckAgainst(server.url, ["context", "--json"]);
        expect(code).toBe(0);
        expect(JSON.parse(out).organizations[0]).toMatchObject({ id: ORGANIZATION_ID });
      });
  });

  it("a key the API does not know exits 3 and says which variable to set", async () => {
    await pact
      .addInteraction()
      .given(State.pool)
      .uponReceiving("agentdeck pools list with an API key that is not valid")
      .withRequest("GET", "/agent-profile-pools", (request) => request.headers(invalidApiKeyHeaders()))
      .willRespondWith(401, (response) =>
        response.jsonBody({
          code: 401,
          message: MatchersV3.string("invalid API key: check the X-Asteroid-Agents-Api-Key header"),
        }),
      )
      .executeTest(async (server) => {
        const { code, out, err } = await agentdeckAgainst(server.url, ["pools", "list"], {
          apiKey: CONSUMER_WRONG_API_KEY,
        });
        expect(code).toBe(3);
        expect(out).toBe("");
        expect(err).toContain("set ASTEROID_API_KEY to a valid key");
        expect(err).not.toContain(CONSUMER_WRONG_API_KEY);
      });
  });
});

describe("the pact file", () => {
  it("regenerates byte for byte as committed in contracts/pacts (UPDATE_PACTS=1 rewrites it)", () => {
    settleRegeneratedPact(AGENTS_PROVIDER, dir, CLI_CONSUMER);
  });
});
