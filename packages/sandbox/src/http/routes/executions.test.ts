import {
  Execution,
  ExecutionActivity,
  type ExecutionStatus,
  StatusUpdateRequest,
  UserMessageRequest,
} from "@agentdeck/core";
import { describe, expect, it } from "vitest";
import { expectV2Error, literally, modelMessage } from "../../test/client.ts";
import { useSandbox } from "../../test/sandbox.ts";
import { eventually } from "../../test/wait.ts";

const ctx = useSandbox({ stepMs: 5 });
const UNKNOWN = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
const TERMINAL = new Set(["completed", "failed", "cancelled"]);

/** An agent and a shared pool to run it with, made fresh for each test. */
function runner(name: string) {
  const store = ctx.sandbox.store;
  const pool = store.addPool({ name: `${name} pool`, allowConcurrentUse: true });
  store.addProfile(pool.id, { name: `${name}-profile` });
  const agent = store.addAgent({ name });
  return {
    agent,
    async start(inputs: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
      const response = await ctx.http.v2("POST", `/agents/${agent.id}/execute`, {
        json: { agentProfilePoolId: pool.id, inputs, ...extra },
      });
      expect(response.status).toBe(202);
      return response.body.executionId as string;
    },
  };
}

const get = async (id: string) => (await ctx.http.v2("GET", `/executions/${id}`)).body;
const activities = async (id: string, query: Record<string, string | number> = {}) =>
  (await ctx.http.v2("GET", `/executions/${id}/activities`, { query })).body as ExecutionActivity[];
const untilStatus = (id: string, wanted: (status: string) => boolean) =>
  eventually(async () => {
    const execution = await get(id);
    return wanted(execution.status) ? execution : undefined;
  });
const setStatus = (id: string, status: string) =>
  ctx.http.v2("POST", `/executions/${id}/status`, { json: { status } });
const types = (list: ExecutionActivity[]) => list.map((a) => a.payload.activityType);

describe("an execution left to run", () => {
  it("goes starting → running → steps → completed, with a result echoing the inputs", async () => {
    const id = await runner("Runs to the end").start({ city: "Porto", steps: 3 });
    const done = await untilStatus(id, (s) => TERMINAL.has(s));
    expect(Execution.parse(done)).toMatchObject({
      status: "completed",
      executionResult: {
        executionId: id,
        outcome: "success",
        reasoning: expect.any(String),
        result: { inputs: { city: "Porto", steps: 3 }, stepsCompleted: 3 },
      },
      terminalAt: expect.any(String),
      duration: expect.any(Number),
    });
    expect(done.duration).toBeGreaterThanOrEqual(0);
    const feed = await activities(id);
    const statuses = feed.flatMap((a) =>
      a.payload.activityType === "status_changed" ? [a.payload.status] : [],
    );
    expect(statuses).toEqual(["starting", "running", "completed"]);
    for (const type of [
      "step_started",
      "step_completed",
      "reasoning",
      "action_started",
      "action_completed",
      "generic",
    ]) {
      expect(types(feed)).toContain(type);
    }
    expect(feed.filter((a) => a.payload.activityType === "step_completed")).toHaveLength(3);
    for (const activity of feed) ExecutionActivity.parse(activity);
  });

  it('fails when the inputs say {"fail": true}, with an action_failed activity and a failure result', async () => {
    const id = await runner("Fails on purpose").start({ fail: true });
    const done = await untilStatus(id, (s) => TERMINAL.has(s));
    expect(done).toMatchObject({ status: "failed", executionResult: { outcome: "failure" } });
    const feed = await activities(id);
    expect(types(feed)).toContain("action_failed");
    expect(feed.at(-1)?.payload).toMatchObject({
      activityType: "status_changed",
      status: "failed",
      failedPayload: { reason: expect.any(String) },
    });
  });

  it("waits in awaiting_confirmation until resumed, then completes", async () => {
    const id = await runner("Asks first").start({ awaitConfirmation: true });
    await untilStatus(id, (s) => s === "awaiting_confirmation");
    expect((await setStatus(id, "running")).status).toBe(200);
    expect((await untilStatus(id, (s) => TERMINAL.has(s))).status).toBe("completed");
  });

  it("waits in paused_by_agent until resumed, then completes", async () => {
    const id = await runner("Pauses itself").start({ pauseByAgent: true });
    await untilStatus(id, (s) => s === "paused_by_agent");
    await setStatus(id, "running");
    expect((await untilStatus(id, (s) => TERMINAL.has(s))).status).toBe("completed");
  });

  it("does not move while paused, and finishes once resumed", async () => {
    const id = await runner("Paused midway").start({ steps: 10 });
    await untilStatus(id, (s) => s === "running");
    expect((await setStatus(id, "paused")).body).toBe("Execution status updated.");
    const frozen = await activities(id);
    // Long enough for ten steps at 5 ms: nothing may happen meanwhile, however slow the machine.
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(await activities(id)).toEqual(frozen);
    expect((await get(id)).status).toBe("paused");
    await setStatus(id, "running");
    expect((await untilStatus(id, (s) => TERMINAL.has(s))).status).toBe("completed");
  });

  it("stops for good when cancelled, with the reason and no result", async () => {
    const id = await runner("Cancelled midway").start({ steps: 10 });
    await untilStatus(id, (s) => s === "running");
    await setStatus(id, "cancelled");
    const execution = await get(id);
    expect(execution).toMatchObject({ status: "cancelled", terminalAt: expect.any(String) });
    expect(execution.executionResult).toBeUndefined();
    expect((await activities(id, { order: "desc", limit: 1 }))[0]?.payload).toEqual({
      activityType: "status_changed",
      status: "cancelled",
      cancelledPayload: { reason: "user_requested" },
    });
  });

  it("keeps metadata, options and version on the execution", async () => {
    const id = await runner("Keeps extras").start(
      {},
      { metadata: { ticket: "T-1" }, executionOptions: { softTimeoutMins: 5 }, version: 3 },
    );
    expect(await get(id)).toMatchObject({
      metadata: { ticket: "T-1" },
      executionOptions: { softTimeoutMins: 5 },
      agentVersion: 3,
    });
  });
});

describe("POST /executions/{id}/status", () => {
  // Snapshots added through the store never move on their own, so each starts in exactly this status.
  const snapshot = (status: ExecutionStatus) => {
    const agent = ctx.sandbox.store.addAgent({ name: `snapshot ${status}` });
    return ctx.sandbox.store.addExecution({ agentId: agent.id, status }).id;
  };

  it.each([
    ["running", "paused"],
    ["paused", "running"],
    ["paused_by_agent", "running"],
    ["awaiting_confirmation", "running"],
    ["starting", "cancelled"],
    ["running", "cancelled"],
    ["paused", "cancelled"],
    ["paused_by_agent", "cancelled"],
    ["awaiting_confirmation", "cancelled"],
  ] as const)("moves %s → %s, answers the documented string and records the change", async (from, to) => {
    const id = snapshot(from);
    const response = await setStatus(id, to);
    expect(response.status).toBe(200);
    expect(response.body).toBe("Execution status updated.");
    expect((await get(id)).status).toBe(to);
    expect((await activities(id, { order: "desc", limit: 1 }))[0]?.payload).toMatchObject({
      activityType: "status_changed",
      status: to,
    });
  });

  it.each([
    ["running", "running"],
    ["paused", "paused"],
    ["cancelled", "cancelled"],
  ] as const)("answers %s → %s (the status it has) with 200 and changes nothing", async (from, to) => {
    const id = snapshot(from);
    const before = await activities(id);
    expect((await setStatus(id, to)).status).toBe(200);
    expect(await activities(id)).toEqual(before);
  });

  it.each([
    ["starting", "running"],
    ["starting", "paused"],
    ["paused_by_agent", "paused"],
    ["awaiting_confirmation", "paused"],
    ["completed", "running"],
    ["completed", "paused"],
    ["completed", "cancelled"],
    ["failed", "running"],
    ["failed", "cancelled"],
    ["cancelled", "running"],
    ["cancelled", "paused"],
  ] as const)("refuses %s → %s with 400 naming both statuses", async (from, to) => {
    const id = snapshot(from);
    const response = await setStatus(id, to);
    expectV2Error(response, 400, literally(`from ${from} to ${to}`));
    expect((await get(id)).status).toBe(from);
  });

  it("refuses a status a caller may not set, with core's message", async () => {
    const id = snapshot("running");
    const body = { status: "completed" };
    expectV2Error(
      await setStatus(id, "completed"),
      400,
      literally(`status: ${modelMessage(StatusUpdateRequest, body, "status")}`),
    );
  });

  it("answers 404 for an unknown execution and 400 for a malformed id", async () => {
    expectV2Error(await setStatus(UNKNOWN, "paused"), 404, /execution .* not found/);
    expectV2Error(await setStatus("123", "paused"), 400, /executionId must be a UUID/);
  });
});

describe("POST /executions/{id}/user-messages", () => {
  it("answers 201 in plain text and records the message as an activity from the caller", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Listens" });
    const id = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "running" }).id;
    const response = await ctx.http.v2("POST", `/executions/${id}/user-messages`, {
      json: { message: "Use the EU portal" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(response.text).toBe("User message added.");
    const userId = (await ctx.http.v2("GET", "/context")).body.userId;
    expect((await activities(id, { order: "desc", limit: 1 }))[0]?.payload).toEqual({
      activityType: "user_message_received",
      message: "Use the EU portal",
      userUUID: userId,
    });
  });

  it("refuses a message to a finished execution with 400", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Finished listener" });
    const id = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "completed" }).id;
    const response = await ctx.http.v2("POST", `/executions/${id}/user-messages`, {
      json: { message: "late" },
    });
    expectV2Error(response, 400, /has finished \(completed\)/);
  });

  it("refuses an empty message with core's message, and 404s an unknown execution", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Empty listener" });
    const id = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "running" }).id;
    expectV2Error(
      await ctx.http.v2("POST", `/executions/${id}/user-messages`, { json: { message: "" } }),
      400,
      literally(`message: ${modelMessage(UserMessageRequest, { message: "" }, "message")}`),
    );
    expectV2Error(
      await ctx.http.v2("POST", `/executions/${UNKNOWN}/user-messages`, { json: { message: "hi" } }),
      404,
    );
  });
});

describe("GET /executions/{id}/activities", () => {
  it("orders by time ascending unless asked for desc, and honours limit", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Chatty" });
    const id = ctx.sandbox.store.addExecution({
      agentId: agent.id,
      status: "running",
      activities: [1, 2, 3, 4].map((n) => ({ activityType: "generic", message: `note ${n}` })),
    }).id;
    const asc = await activities(id);
    const desc = await activities(id, { order: "desc" });
    expect(asc.map((a) => a.timestamp)).toEqual([...asc.map((a) => a.timestamp)].sort());
    expect(desc).toEqual([...asc].reverse());
    expect(await activities(id, { limit: 2 })).toEqual(asc.slice(0, 2));
    expect(await activities(id, { order: "desc", limit: 2 })).toEqual(desc.slice(0, 2));
  });

  it("refuses a limit of 0 or an unknown order with 400, and 404s an unknown execution", async () => {
    const agent = ctx.sandbox.store.addAgent({ name: "Quiet" });
    const id = ctx.sandbox.store.addExecution({ agentId: agent.id, status: "running" }).id;
    expectV2Error(
      await ctx.http.v2("GET", `/executions/${id}/activities`, { query: { limit: 0 } }),
      400,
      /^limit: /,
    );
    expectV2Error(
      await ctx.http.v2("GET", `/executions/${id}/activities`, { query: { order: "up" } }),
      400,
      /^order: /,
    );
    expectV2Error(await ctx.http.v2("GET", `/executions/${UNKNOWN}/activities`), 404);
  });
});

describe("GET /executions", () => {
  const listed = useSandbox({ stepMs: 3_600_000, seed: 3 });
  const list = async (query: Record<string, string | number | (string | number)[]> = {}) =>
    (await listed.http.v2("GET", "/executions", { query })).body;

  it("lists the demo executions newest first, in several statuses, each a valid Execution", async () => {
    const page = await list();
    expect(page).toMatchObject({ page: 1, pageSize: 50 });
    expect(page.total).toBeGreaterThanOrEqual(10);
    const created = page.items.map((e: { createdAt: string }) => e.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const statuses = new Set(page.items.map((e: { status: string }) => e.status));
    for (const status of [
      "completed",
      "failed",
      "cancelled",
      "paused",
      "awaiting_confirmation",
      "paused_by_agent",
    ]) {
      expect(statuses).toContain(status);
    }
    for (const item of page.items) Execution.parse(item);
  });

  it("filters by several statuses given as repeated keys", async () => {
    const page = await list({ status: ["failed", "paused"] });
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((e: { status: string }) => e.status))).toEqual(
      new Set(["failed", "paused"]),
    );
    expect(page.total).toBe(page.items.length);
  });

  it("filters by agent, by part of the id, by metadata and by outcome", async () => {
    const store = listed.sandbox.store;
    const agent = store.addAgent({ name: "Filtered" });
    const tagged = store.addExecution({ agentId: agent.id, status: "completed", metadata: { team: "blue" } });
    store.addExecution({ agentId: agent.id, status: "running", metadata: { team: "red" } });
    expect((await list({ agentId: agent.id })).total).toBe(2);
    expect((await list({ executionId: tagged.id.slice(4, 14).toUpperCase() })).items[0].id).toBe(tagged.id);
    expect(
      (await list({ metadataKey: "team", metadataValue: "blue" })).items.map((e: { id: string }) => e.id),
    ).toEqual([tagged.id]);
    expect((await list({ agentId: agent.id, outcomeLabel: "SUCC" })).total).toBe(1);
  });

  it("sorts by created_at ascending and by status, and pages with a correct total", async () => {
    const asc = await list({ sortField: "created_at", sortDirection: "asc" });
    const created = asc.items.map((e: { createdAt: string }) => e.createdAt);
    expect(created).toEqual([...created].sort());
    const byStatus = await list({ sortField: "status", sortDirection: "asc" });
    const statuses = byStatus.items.map((e: { status: string }) => e.status);
    expect(statuses).toEqual([...statuses].sort());
    const second = await list({ pageSize: 4, page: 2 });
    expect(second).toMatchObject({ page: 2, pageSize: 4, total: asc.total });
    expect(second.items).toEqual(asc.items.slice().reverse().slice(4, 8));
  });

  it("filters by creation time", async () => {
    const all = await list({ sortField: "created_at", sortDirection: "asc" });
    const middle = all.items[3].createdAt as string;
    const after = await list({ createdAfter: middle });
    expect(after.items.every((e: { createdAt: string }) => e.createdAt > middle)).toBe(true);
    expect(after.total).toBe(all.total - 4);
  });

  it("finds nothing for a human label no execution carries", async () => {
    expect((await list({ humanLabels: UNKNOWN })).total).toBe(0);
  });

  it.each([
    [{ status: "done" }, /^status/],
    [{ pageSize: 0 }, /^pageSize: /],
    [{ humanLabels: "urgent" }, /^humanLabels\[0\]: /],
    [{ agentId: "agent-1" }, /^agentId: /],
    [{ createdAfter: "yesterday" }, /^createdAfter: /],
    [{ sortField: "name" }, /^sortField: /],
    [{ metadataKey: "team" }, /metadataKey and metadataValue must be given together/],
    [{ humanLabels: "red" }, /^humanLabels\[0\]: /],
  ])("refuses the query %o with 400", async (query, message) => {
    expectV2Error(await listed.http.v2("GET", "/executions", { query }), 400, message);
  });

  it("answers 404 for an unknown execution and 400 for a malformed id", async () => {
    expectV2Error(await listed.http.v2("GET", `/executions/${UNKNOWN}`), 404, /execution .* not found/);
    expectV2Error(await listed.http.v2("GET", "/executions/nope"), 400, /executionId must be a UUID/);
  });
});
