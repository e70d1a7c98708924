import { describe, expect, it } from "vitest";
import { ConnectionError, InternalServerError } from "../errors.ts";
import { TEST_API_KEY, testClient, V2 } from "../test/client.ts";
import { AGENT_ID, EXECUTION_ID, execution, ORG_ID, uuidAt } from "../test/fixtures.ts";
import { useTestServer } from "../test/use-server.ts";

const server = useTestServer();

const AT = "2025-01-02T03:04:05Z";

describe("executions.get", () => {
  it("GETs executions/{id} and parses the execution", async () => {
    server.route(`GET ${V2}/executions/:id`, { json: execution({ metadata: { team: "growth" } }) });
    await expect(testClient(server).executions.get(EXECUTION_ID)).resolves.toEqual(
      execution({ metadata: { team: "growth" } }),
    );
    expect(server.requests[0]?.path).toBe(`${V2}/executions/${EXECUTION_ID}`);
    expect(server.requests[0]?.headers["x-asteroid-agents-api-key"]).toBe(TEST_API_KEY);
  });

  it("accepts an execution shaped as the vendor SDKs' AgentsExecutionListItem", async () => {
    const vendor = {
      agentId: AGENT_ID,
      agentName: "Checkout",
      agentProfileName: "checkout-01",
      agentVersion: 3,
      agentVersionDirty: false,
      browserLiveViewUrl: "https://live.example/1",
      browserRecordingUrl: "https://rec.example/1",
      comments: [
        {
          content: "looks right",
          createdAt: AT,
          executionId: EXECUTION_ID,
          id: uuidAt(8),
          public: true,
          updatedAt: AT,
          userId: uuidAt(9),
        },
      ],
      createdAt: AT,
      duration: 12.5,
      executionResult: {
        createdAt: AT,
        executionId: EXECUTION_ID,
        id: uuidAt(7),
        outcome: "success",
        reasoning: "done",
        result: null,
      },
      humanLabels: [{ color: "#FF5733", createdAt: AT, id: uuidAt(5), name: "vip", organizationId: ORG_ID }],
      id: EXECUTION_ID,
      metadata: { team: "growth" },
      organizationId: ORG_ID,
      status: "completed",
      terminalAt: AT,
      workflowId: uuidAt(99),
    };
    server.route(`GET ${V2}/executions/:id`, { json: vendor });
    await expect(testClient(server).executions.get(EXECUTION_ID)).resolves.toEqual(vendor);
  });

  it("passes an unknown status through as its raw string", async () => {
    server.route(`GET ${V2}/executions/:id`, { json: execution({ status: "hibernating" }) });
    expect((await testClient(server).executions.get(EXECUTION_ID)).status).toBe("hibernating");
  });
});

describe("executions.list", () => {
  it("sends status as repeated query keys, with the other filters", async () => {
    server.route(`GET ${V2}/executions`, { json: { items: [execution()], page: 1, pageSize: 20, total: 1 } });
    await testClient(server).executions.list({
      organizationId: ORG_ID,
      agentId: AGENT_ID,
      status: ["running", "paused"],
      createdAfter: "2025-01-01T00:00:00Z",
      metadataKey: "team",
      metadataValue: "growth",
      sortField: "status",
      pageSize: 20,
    });
    const query = server.requests[0]?.query;
    expect(query?.getAll("status")).toEqual(["running", "paused"]);
    expect(query?.get("agentId")).toBe(AGENT_ID);
    expect(query?.get("createdAfter")).toBe("2025-01-01T00:00:00Z");
    expect(query?.get("metadataKey")).toBe("team");
    expect(query?.get("pageSize")).toBe("20");
  });

  it("sends humanLabels as repeated query keys", async () => {
    server.route(`GET ${V2}/executions`, { json: { items: [], page: 1, pageSize: 50, total: 0 } });
    await testClient(server).executions.list({ humanLabels: [uuidAt(1), uuidAt(2)] });
    expect(server.requests[0]?.query.getAll("humanLabels")).toEqual([uuidAt(1), uuidAt(2)]);
  });

  it("keeps the whole list when one execution has a status this client does not know", async () => {
    const items = [
      execution({ id: uuidAt(1) }),
      execution({ id: uuidAt(2), status: "quantum_superposition" }),
    ];
    server.route(`GET ${V2}/executions`, { json: { items, page: 1, pageSize: 50, total: 2 } });
    const result = await testClient(server).executions.list();
    expect(result.items.map((e) => e.status)).toEqual(["running", "quantum_superposition"]);
  });
});

describe("executions.listAll", () => {
  it("yields every execution across pages, keeping the filters on every page", async () => {
    server.route(`GET ${V2}/executions`, (request) => {
      const n = Number(request.query.get("page"));
      return {
        json: { items: n === 1 ? [execution({ id: uuidAt(1) })] : [], page: n, pageSize: 1, total: 1 },
      };
    });
    const ids: string[] = [];
    for await (const e of testClient(server).executions.listAll({ status: ["failed"], pageSize: 1 }))
      ids.push(e.id);
    expect(ids).toEqual([uuidAt(1)]);
    expect(server.requests.map((r) => r.query.getAll("status"))).toEqual([["failed"]]);
  });
});

describe("executions.activities", () => {
  it("GETs executions/{id}/activities with order and limit and parses known activities", async () => {
    const activities = [
      {
        id: uuidAt(1),
        executionId: EXECUTION_ID,
        timestamp: AT,
        payload: { activityType: "step_started", stepNumber: 1 },
      },
      {
        id: uuidAt(2),
        executionId: EXECUTION_ID,
        timestamp: AT,
        payload: {
          activityType: "status_changed",
          status: "completed",
          completedPayload: { outcome: "success", reasoning: "ok" },
        },
      },
    ];
    server.route(`GET ${V2}/executions/:id/activities`, { json: activities });
    await expect(
      testClient(server).executions.activities(EXECUTION_ID, { order: "desc", limit: 10 }),
    ).resolves.toEqual(activities);
    expect(server.requests[0]?.path).toBe(`${V2}/executions/${EXECUTION_ID}/activities`);
    expect(server.requests[0]?.query.toString()).toBe("order=desc&limit=10");
  });

  it("accepts every payload type as the vendor's newest SDK shapes it (flat, vendor action names)", async () => {
    const payloads = [
      { activityType: "terminal", reason: "complete", message: "bye" },
      { activityType: "generic", message: "hi" },
      { activityType: "reasoning", reasoning: "the form is visible" },
      { activityType: "step_started", stepNumber: 1 },
      { activityType: "step_completed", stepNumber: 1 },
      {
        activityType: "transitioned_node",
        fromNodeDuration: 3,
        newNodeName: "Checkout",
        newNodeType: "task",
        newNodeUUID: uuidAt(3),
        transitionType: "iris",
      },
      {
        activityType: "status_changed",
        status: "failed",
        failedPayload: { reason: "crashed", os_error: { message: "ENOMEM" } },
      },
      { activityType: "status_changed", status: "cancelled", cancelledPayload: { reason: "max_steps" } },
      {
        activityType: "action_started",
        actionId: "a1",
        actionName: "nav_to",
        message: "Opening the page",
        info: { url: "https://example.com" },
      },
      {
        activityType: "action_completed",
        actionId: "a1",
        actionName: "element_click",
        message: "ok",
        duration: 4,
      },
      { activityType: "action_failed", actionId: "a2", actionName: "llm_call", message: "no", duration: 9 },
      { activityType: "user_message_received", message: "go on", userUUID: uuidAt(4) },
      {
        activityType: "file_added",
        fileId: uuidAt(5),
        fileName: "a.pdf",
        fileSize: 3,
        mimeType: "application/pdf",
        presignedUrl: "https://files.example/a.pdf",
        source: "upload",
      },
      { activityType: "workflow_updated", workflowUpdate: [{ updateType: "add" }] },
      {
        activityType: "playwright_script_generated",
        context: "login",
        nodeId: "n1",
        nodeName: "Login",
        script: "await page.click('#go')",
        llmVars: [{ name: "user", type: "string" }],
      },
    ];
    const activities = payloads.map((payload, i) => ({
      id: uuidAt(i + 1),
      executionId: EXECUTION_ID,
      timestamp: AT,
      payload,
    }));
    server.route(`GET ${V2}/executions/:id/activities`, { json: activities });
    await expect(testClient(server).executions.activities(EXECUTION_ID)).resolves.toEqual(activities);
  });

  it("keeps an action name it does not know, as a raw string", async () => {
    const payload = {
      activityType: "action_started",
      actionId: "a",
      actionName: "quantum_tunnel",
      message: "m",
    };
    server.route(`GET ${V2}/executions/:id/activities`, {
      json: [{ id: uuidAt(1), executionId: EXECUTION_ID, timestamp: AT, payload }],
    });
    const [activity] = await testClient(server).executions.activities(EXECUTION_ID);
    expect(activity?.payload).toEqual(payload);
  });

  it("keeps an activity of an unknown type as a loose object with all its fields", async () => {
    const unknown = { activityType: "browser_teleported", destination: "moon", hops: 3 };
    server.route(`GET ${V2}/executions/:id/activities`, {
      json: [
        { id: uuidAt(1), executionId: EXECUTION_ID, timestamp: AT, payload: unknown },
        {
          id: uuidAt(2),
          executionId: EXECUTION_ID,
          timestamp: AT,
          payload: { activityType: "generic", message: "hi" },
        },
      ],
    });
    const [first, second] = await testClient(server).executions.activities(EXECUTION_ID);
    expect(first?.payload).toEqual(unknown);
    expect(second?.payload).toEqual({ activityType: "generic", message: "hi" });
  });
});

describe.each([
  ["pause", "paused"],
  ["resume", "running"],
  ["cancel", "cancelled"],
] as const)("executions.%s", (method, status) => {
  it(`POSTs executions/{id}/status with {status: "${status}"} and accepts the JSON string reply`, async () => {
    server.route(`POST ${V2}/executions/:id/status`, { json: "Execution status updated." });
    await expect(testClient(server).executions[method](EXECUTION_ID)).resolves.toBeUndefined();
    expect(server.requests[0]?.path).toBe(`${V2}/executions/${EXECUTION_ID}/status`);
    expect(server.requests[0]?.json).toEqual({ status });
  });

  it("accepts a text/plain reply too", async () => {
    server.route(`POST ${V2}/executions/:id/status`, { text: "Execution status updated." });
    await expect(testClient(server).executions[method](EXECUTION_ID)).resolves.toBeUndefined();
  });

  it("is retried after a 503, as setting a status twice does no harm", async () => {
    server.route(
      `POST ${V2}/executions/:id/status`,
      { status: 503, json: { code: 503, message: "busy" } },
      { json: "Execution status updated." },
    );
    await testClient(server).executions[method](EXECUTION_ID);
    expect(server.requests).toHaveLength(2);
  });
});

describe("executions.sendMessage", () => {
  it("POSTs executions/{id}/user-messages with {message} and accepts the 201 text reply", async () => {
    server.route(`POST ${V2}/executions/:id/user-messages`, { status: 201, text: "User message added." });
    await expect(
      testClient(server).executions.sendMessage(EXECUTION_ID, "Use the blue card"),
    ).resolves.toBeUndefined();
    expect(server.requests[0]?.path).toBe(`${V2}/executions/${EXECUTION_ID}/user-messages`);
    expect(server.requests[0]?.json).toEqual({ message: "Use the blue card" });
    expect(server.requests[0]?.headers.accept).toContain("text/plain");
  });

  it("is not retried after a 500 or a dropped connection, so the agent never reads a message twice", async () => {
    server.route(`POST ${V2}/executions/:id/user-messages`, {
      status: 500,
      json: { code: 500, message: "boom" },
    });
    await expect(testClient(server).executions.sendMessage(EXECUTION_ID, "hi")).rejects.toBeInstanceOf(
      InternalServerError,
    );
    server.route(`POST ${V2}/executions/:id/user-messages`, { drop: true });
    await expect(testClient(server).executions.sendMessage(EXECUTION_ID, "hi")).rejects.toBeInstanceOf(
      ConnectionError,
    );
    expect(server.requests).toHaveLength(2);
  });
});
