import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp, selectedLine } from "./test/render.tsx";
import { startBackend, type TestBackend } from "./test/sandbox.ts";

// Slow enough steps that a person (or a test) can pause, resume and cancel a run in flight.
let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend({ stepMs: 150 });
});
afterAll(async () => {
  await backend.sandbox.close();
});

/** Starts a long run of the first agent on the first pool, and opens its monitor from the Executions tab. */
async function monitorNewRun(inputs: Record<string, unknown> = { steps: 10 }) {
  const [agent] = (await backend.client.agents.list({ pageSize: 1 })).items;
  const [pool] = (await backend.client.pools.list({ pageSize: 1, searchName: "utility" })).items;
  const { executionId } = await backend.client.agents.execute(agent?.id as string, {
    agentProfilePoolId: pool?.id as string,
    inputs,
  });
  const app = renderApp(backend.client, { tab: "executions", rows: 40 });
  await app.waitFor(
    (f) => selectedLine(f)?.startsWith(`›${executionId.slice(0, 8)}`) ?? false,
    "the new run on top",
  );
  app.press(KEY.enter);
  await app.waitFor(`Execution ${executionId}`);
  return { app, executionId };
}

describe("the execution monitor", () => {
  test("p pauses a running execution and r resumes it", async () => {
    const { app } = await monitorNewRun();
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
    const { app } = await monitorNewRun();
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
    const { app } = await monitorNewRun();
    await app.waitFor("● running");
    app.press("m");
    await app.waitFor("Message:");
    app.type("please use the EU portal");
    app.press(KEY.enter);
    await app.waitFor(/you\s+please use the EU portal/);
    expect(app.frame()).toContain("Message sent.");
    app.press("c", "y");
    await app.waitFor("● cancelled");
    app.unmount();
  });

  test("pausing what is not running says why instead of asking the server", async () => {
    const { app } = await monitorNewRun({ awaitConfirmation: true });
    await app.waitFor("● awaiting_confirmation");
    app.press("p");
    await app.waitFor("Cannot pause: only a running execution can be paused (it is awaiting_confirmation).");
    app.press("r");
    await app.waitFor(/● (running|completed)/);
    app.unmount();
  });

  test("scrolling up holds the feed in place; G follows the newest activity again", async () => {
    const { app } = await monitorNewRun({ steps: 6 });
    await app.waitFor("● completed");
    app.press("k");
    await app.waitFor("scrolled (G follows)");
    app.press("G");
    await app.waitFor((f) => !f.includes("scrolled (G follows)"));
    app.press(KEY.escape);
    await app.waitFor(/\d+ executions/);
    app.unmount();
  });
});
