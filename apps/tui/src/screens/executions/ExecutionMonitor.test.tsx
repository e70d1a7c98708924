import type { ExecutionStatus } from "@agentdeck/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { FaultProxy } from "../../test/proxy.ts";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { clientFor, startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

/**
 * An execution in `status` that stays there until the monitor moves it (a snapshot: it changes only
 * through the status and message routes), opened in the monitor from the Executions tab.
 */
async function monitorSnapshot(
  status: ExecutionStatus,
  extra: Omit<Parameters<TestBackend["sandbox"]["store"]["addExecution"]>[0], "agentId" | "status"> = {},
  rows = 40,
) {
  const [agent] = (await backend.client.agents.list({ pageSize: 1 })).items;
  const { id: executionId } = backend.sandbox.store.addExecution({
    agentId: agent?.id as string,
    status,
    ...extra,
  });
  const app = renderApp(backend.client, { tab: "executions", rows });
  await app.waitFor(/\d+ executions/);
  app.press("/");
  app.type(executionId.slice(0, 13));
  app.press(KEY.enter);
  await app.waitFor((f) => selectedLine(f)?.startsWith(`›${executionId.slice(0, 8)}`) ?? false, "the run");
  app.press(KEY.enter);
  await app.waitFor(`Execution ${executionId}`);
  return { app, executionId };
}

describe("the execution monitor", () => {
  test("p pauses a running execution and r resumes it", async () => {
    const { app } = await monitorSnapshot("running");
    await app.waitFor("● running");
    app.press("p");
    await app.waitFor("● paused");
    expect(app.frame()).toMatch(/status\s+paused: paused by the user/);
    app.press("r");
    await app.waitFor("● running");
    app.press("c", "y");
    await app.waitFor("● cancelled");
    app.unmount();
  });

  test("c asks before cancelling: n keeps the run going, y cancels it", async () => {
    const { app } = await monitorSnapshot("running");
    await app.waitFor("● running");
    app.press("c");
    await app.waitFor("Cancel this execution? y/n");
    app.press("n");
    await app.waitFor((f) => !f.includes("Cancel this execution?"));
    expect(app.frame()).not.toContain("● cancelled");
    app.press("c");
    await app.waitFor("Cancel this execution? y/n");
    app.press("y");
    await app.waitFor("● cancelled");
    app.unmount();
  });

  test("m sends the agent a message, which shows in the feed", async () => {
    const { app } = await monitorSnapshot("running");
    await app.waitFor("● running");
    app.press("m");
    await app.waitFor("Message:");
    app.type("please use the EU portal");
    app.press(KEY.enter);
    await app.waitFor(/message\s+please use the EU portal/);
    expect(app.frame()).toContain("Message sent.");
    app.press("c", "y");
    await app.waitFor("● cancelled");
    app.unmount();
  });

  test("pausing what is not running says why instead of asking the server", async () => {
    const { app } = await monitorSnapshot("awaiting_confirmation");
    await app.waitFor("● awaiting_confirmation");
    app.press("p");
    await app.waitFor("Cannot pause: only a running execution can be paused (it is awaiting_confirmation).");
    app.press("r");
    await app.waitFor(/● (running|completed)/);
    app.unmount();
  });

  test("scrolling up holds the feed in place; G follows the newest activity again", async () => {
    const activities = Array.from({ length: 60 }, (_, i) => ({
      activityType: "generic" as const,
      message: `note ${i}`,
    }));
    const { app } = await monitorSnapshot("completed", { activities });
    await app.waitFor("● completed");
    await app.waitFor(/info\s+note 59/);
    app.press("k");
    await app.waitFor("scrolled (G follows)");
    app.press("g");
    await app.waitFor(/info\s+note 0\n/);
    expect(app.frame()).not.toMatch(/note 59/);
    app.press("G");
    await app.waitFor((f) => !f.includes("scrolled (G follows)") && /note 59/.test(f));
    app.press(KEY.escape);
    await app.waitFor(/\d+ executions? /);
    app.unmount();
  });
});

describe("the execution monitor, where issue 12 found it wanting", () => {
  test("the monitor fetches the final activities after a terminal status (bug 5)", async () => {
    const proxy = await FaultProxy.start(backend.sandbox.url);
    const client = clientFor(backend.sandbox, { origin: proxy.url });
    const [agent] = (await backend.client.agents.list({ pageSize: 1 })).items;
    const execution = backend.sandbox.store.addExecution({ agentId: agent?.id as string, status: "running" });
    const app = renderApp(client, { tab: "executions", rows: 40 });
    try {
      await app.waitFor((f) => selectedLine(f)?.startsWith(`›${execution.id.slice(0, 8)}`) ?? false);
      app.press(KEY.enter);
      await app.waitFor("● running");
      const path = `/agents/v2/executions/${execution.id}`;
      let armed = true;
      let activitiesAnswered: () => void = () => {};
      const answered = new Promise<void>((resolve) => {
        activitiesAnswered = resolve;
      });
      // The feed is read just before the run ends and its status just after: as when a retried
      // or slow request sees a later moment than the one beside it.
      proxy.before = (req) => (armed && req.path === path ? answered : undefined);
      proxy.after = (req) => {
        if (armed && req.path.startsWith(`${path}/activities`)) {
          armed = false;
          backend.sandbox.store.executions.setStatus(execution.id, "cancelled");
          activitiesAnswered();
        }
      };
      app.press("R");
      await app.waitFor("● cancelled");
      await app.waitFor(/status\s+cancelled/);
    } finally {
      app.unmount();
      await proxy.close();
    }
  });

  test("a failed check shows in the status line and the watch goes on, through core's waitForResult", async () => {
    const proxy = await FaultProxy.start(backend.sandbox.url);
    const client = clientFor(backend.sandbox, { origin: proxy.url });
    const [agent] = (await backend.client.agents.list({ pageSize: 1 })).items;
    const execution = backend.sandbox.store.addExecution({ agentId: agent?.id as string, status: "running" });
    const path = `/agents/v2/executions/${execution.id}`;
    let failing = false;
    let failed = 0;
    proxy.answer = (req) => {
      if (!failing || req.path !== path) return undefined;
      failed++;
      return {
        status: 503,
        headers: { "retry-after": "1" },
        body: JSON.stringify({ code: 503, message: "busy" }),
      };
    };
    const app = renderApp(client, { tab: "executions", rows: 40 });
    try {
      await app.waitFor((f) => selectedLine(f)?.startsWith(`›${execution.id.slice(0, 8)}`) ?? false);
      app.press(KEY.enter);
      await app.waitFor("● running · duration");
      expect(app.frame()).toContain("· watching");
      failing = true;
      app.press("R");
      await app.waitFor(/a check failed \(503: busy\); next in \ds/);
      await app.waitFor(/a check failed \(503: busy, 2 in a row\)/);
      expect(app.frame()).toMatch(/api ● failing/);
      // The run goes on while nobody can see it; once the checks get through, the monitor sees it end.
      backend.sandbox.store.executions.setStatus(execution.id, "cancelled");
      failing = false;
      await app.waitFor("● cancelled");
      await app.waitFor(/status\s+cancelled/);
      await app.waitFor("· finished");
      expect(app.frame()).not.toContain("a check failed");
      expect(failed).toBeGreaterThanOrEqual(2);
    } finally {
      app.unmount();
      await proxy.close();
    }
  });

  test("an error no retry cures stops the watch, saying so, and R watches again", async () => {
    const proxy = await FaultProxy.start(backend.sandbox.url);
    const client = clientFor(backend.sandbox, { origin: proxy.url });
    const [agent] = (await backend.client.agents.list({ pageSize: 1 })).items;
    const execution = backend.sandbox.store.addExecution({ agentId: agent?.id as string, status: "running" });
    let gone = false;
    proxy.answer = (req) =>
      gone && req.path === `/agents/v2/executions/${execution.id}`
        ? { status: 404, body: JSON.stringify({ code: 404, message: "Execution not found" }) }
        : undefined;
    const app = renderApp(client, { tab: "executions", rows: 40 });
    try {
      await app.waitFor((f) => selectedLine(f)?.startsWith(`›${execution.id.slice(0, 8)}`) ?? false);
      app.press(KEY.enter);
      await app.waitFor("● running · duration");
      gone = true;
      app.press("R");
      await app.waitFor("stopped watching (404: Execution not found): R tries again");
      expect(app.frame()).toContain("Could not watch the execution: not found (404)");
      gone = false;
      app.press("R");
      await app.waitFor("· watching");
      expect(app.frame()).not.toContain("stopped watching");
    } finally {
      app.unmount();
      await proxy.close();
    }
  });

  test("a monitor's message goes when the monitor closes (bug 12)", async () => {
    const { app } = await monitorSnapshot("awaiting_confirmation");
    await app.waitFor("● awaiting_confirmation");
    app.press("p");
    await app.waitFor("Cannot pause");
    app.press(KEY.escape);
    await app.waitFor(/\d+ executions? /);
    expect(app.frame()).not.toContain("Cannot pause");
    // Nor does it come back with another view on another tab.
    app.press("2");
    await app.waitFor(/\d+ agents/);
    expect(app.frame()).not.toContain("Cannot pause");
    app.unmount();
  });

  test("the monitor's result can be read to its end (bug 16)", async () => {
    const result = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`key${i + 10}`, i]));
    const { app } = await monitorSnapshot(
      "completed",
      { executionResult: { outcome: "success", reasoning: "done", result } },
      30,
    );
    await app.waitFor("Outcome");
    expect(app.frame()).toContain("more lines: v shows them all");
    app.press("v");
    app.press("G");
    await app.waitFor('"key39": 29');
    app.unmount();
  });

  test("the feed gives the date of activities from another day, and only the time of today's", async () => {
    const app = renderApp(backend.client, { tab: "executions", rows: 40 });
    await app.waitFor(/\d+ executions? /);
    // The demo runs are from 2025; the newest run of this test file is from today.
    app.press("G");
    await app.waitFor((f) => /›\w{8} .*20\d\d-/.test(f) && !f.includes("loading"));
    app.press(KEY.enter);
    await app.waitFor(/ 2025-06-0\d \d\d:\d\d:\d\d status/);
    app.press(KEY.escape);
    await app.waitFor(/\d+ executions? /);
    app.press("g");
    await app.waitFor(
      (f) => (selectedLine(f) ?? "").includes(new Date().toISOString().slice(0, 4)) && !f.includes("loading"),
    );
    app.press(KEY.enter);
    const today = await app.waitFor(/^ \d\d:\d\d:\d\d status/m);
    expect(today).not.toMatch(/^ \d{4}-\d\d-\d\d /m);
    app.unmount();
  });
});
