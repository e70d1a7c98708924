import { ACTION_NAMES, EXECUTION_STATUSES } from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { useSandbox } from "./sandbox.ts";

/**
 * The required fields of the vendor's newest SDK (asteroid-odyssey-py, agents_v2_gen/models), written
 * out here so the sandbox is held to the vendor's shapes and not only to our own documents.
 */
const EXECUTION_REQUIRED = [
  "agentId",
  "agentName",
  "agentVersion",
  "agentVersionDirty",
  "comments",
  "createdAt",
  "humanLabels",
  "id",
  "organizationId",
  "status",
  "workflowId",
];

const PAYLOAD_REQUIRED: Record<string, string[]> = {
  terminal: ["activityType", "reason"],
  generic: ["activityType", "message"],
  reasoning: ["activityType", "reasoning"],
  step_started: ["activityType", "stepNumber"],
  step_completed: ["activityType", "stepNumber"],
  transitioned_node: ["activityType", "newNodeName", "newNodeType", "newNodeUUID"],
  status_changed: ["activityType", "status"],
  action_started: ["actionId", "actionName", "activityType", "message"],
  action_completed: ["actionId", "actionName", "activityType", "message"],
  action_failed: ["actionId", "actionName", "activityType", "message"],
  user_message_received: ["activityType", "message", "userUUID"],
  file_added: ["activityType", "fileId", "fileName", "fileSize", "mimeType", "presignedUrl", "source"],
  workflow_updated: ["activityType", "workflowUpdate"],
  playwright_script_generated: ["activityType", "context", "nodeId", "nodeName", "script"],
};

/** Keys the SDK's pydantic models require even where the value may be null (`Optional[Any]` without a default). */
const RESULT_REQUIRED = ["createdAt", "executionId", "id", "outcome", "reasoning", "result"];
const COMPLETED_PAYLOAD_REQUIRED = ["outcome", "reasoning", "result"];

const ctx = useSandbox({ stepMs: 2 });

async function settled(executionId: string) {
  for (;;) {
    const execution = (await ctx.http.v2("GET", `/executions/${executionId}`)).body;
    if (!["starting", "running"].includes(execution.status)) return execution;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("what the sandbox emits, against the vendor SDK's field lists and its 58 action names", () => {
  it("every execution and every activity of the demo data and of runs in every status", async () => {
    const { store } = ctx.sandbox;
    const agents = (await ctx.http.v2("GET", "/agents")).body.items;
    const staged = new FormData();
    staged.append("files", new File(["x"], "brief.txt"));
    const [tempFile] = (
      await ctx.http.v2("POST", `/temp-files/${ctx.sandbox.organizationId}`, { form: staged })
    ).body.tempFiles;
    const inputs = [
      { steps: 10 },
      { fail: true },
      { awaitConfirmation: true },
      { pauseByAgent: true },
      { steps: 1, tempFile: true },
    ];
    const runs: string[] = [];
    for (const [i, input] of inputs.entries()) {
      const { tempFile: withFile, ...rest } = input as { tempFile?: boolean };
      const response = await ctx.http.v2("POST", `/agents/${agents[i % agents.length].id}/execute`, {
        json: { inputs: rest, ...(withFile ? { tempFiles: [tempFile] } : {}) },
      });
      expect(response.status).toBe(202);
      runs.push(response.body.executionId);
    }
    for (const id of runs) await settled(id);
    const waiting = (await ctx.http.v2("GET", "/executions", { query: { status: "awaiting_confirmation" } }))
      .body.items[0];
    await ctx.http.v2("POST", `/executions/${waiting.id}/user-messages`, { json: { message: "go ahead" } });
    await ctx.http.v2("POST", `/executions/${waiting.id}/status`, { json: { status: "cancelled" } });

    const executions = (await ctx.http.v2("GET", "/executions", { query: { pageSize: 1000 } })).body.items;
    expect(executions.length).toBeGreaterThanOrEqual(10 + inputs.length);
    const seenTypes = new Set<string>();
    const seenStatuses = new Set<string>();
    for (const listed of executions) {
      const one = (await ctx.http.v2("GET", `/executions/${listed.id}`)).body;
      for (const execution of [listed, one]) {
        for (const field of EXECUTION_REQUIRED)
          expect(execution, `${execution.id} ${field}`).toHaveProperty(field);
        expect(Number.isInteger(execution.agentVersion)).toBe(true);
        expect(typeof execution.agentVersionDirty).toBe("boolean");
        expect(EXECUTION_STATUSES).toContain(execution.status);
        if (execution.executionResult !== undefined) {
          for (const field of RESULT_REQUIRED) expect(execution.executionResult).toHaveProperty(field);
        }
      }
      seenStatuses.add(one.status);
      const activities = (await ctx.http.v2("GET", `/executions/${listed.id}/activities`)).body;
      for (const activity of activities) {
        for (const field of ["executionId", "id", "payload", "timestamp"])
          expect(activity).toHaveProperty(field);
        const { payload } = activity;
        const required = PAYLOAD_REQUIRED[payload.activityType];
        expect(required, `activity type ${payload.activityType}`).toBeDefined();
        for (const field of required ?? [])
          expect(payload, `${payload.activityType}.${field}`).toHaveProperty(field);
        if ("actionName" in payload) expect(ACTION_NAMES).toContain(payload.actionName);
        if (payload.completedPayload !== undefined) {
          for (const field of COMPLETED_PAYLOAD_REQUIRED)
            expect(payload.completedPayload).toHaveProperty(field);
        }
        seenTypes.add(payload.activityType);
      }
    }
    expect(ACTION_NAMES).toHaveLength(58);
    expect([...seenTypes].sort()).toEqual(
      [
        "action_completed",
        "action_failed",
        "action_started",
        "file_added",
        "generic",
        "reasoning",
        "status_changed",
        "step_completed",
        "step_started",
        "user_message_received",
      ].sort(),
    );
    // The demo's live run may or may not still be running; every other status is reached.
    for (const status of [
      "awaiting_confirmation",
      "cancelled",
      "completed",
      "failed",
      "paused",
      "paused_by_agent",
    ]) {
      expect(seenStatuses).toContain(status);
    }
    expect(store.executions.get(runs[0] as string)?.status).toBe("completed");
  });
});
