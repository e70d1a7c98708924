import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp, selectedLine } from "../../test/render.tsx";
import { startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

async function openAgents() {
  const app = renderApp(backend.client, { tab: "agents", rows: 40 });
  await app.waitFor(/\d+ agents/);
  return app;
}

async function executionCount() {
  return (await backend.client.executions.list({ pageSize: 1 })).total;
}

describe("the Agents tab", () => {
  test("lists agents and filters them by name on the server", async () => {
    const app = await openAgents();
    expect(app.frame()).toMatch(/NAME ▲\s+CREATED\s+ID/);
    expect(app.frame()).toContain("Invoice Downloader");
    app.press("/");
    app.type("form");
    const frame = await app.waitFor("1 agent ");
    expect(selectedLine(frame)).toContain("Form Filler");
    app.unmount();
  });

  test("Enter opens the run form with the agent chosen, and x does too", async () => {
    const app = await openAgents();
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    expect(app.frame()).toMatch(/Agent\s+Flight Checker/);
    app.press(KEY.escape);
    await app.waitFor(/\d+ agents/);
    app.press("j", "x");
    await app.waitFor(/Agent\s+Form Filler/);
    app.unmount();
  });

  test("the run form marks what is missing or invalid, and sends nothing until it is fixed", async () => {
    const before = await executionCount();
    const app = await openAgents();
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    // The pool picker has the focus, and Enter there only picks: submit from the next field.
    app.press(KEY.tab, KEY.enter);
    await app.waitFor("choose a pool, or give a profile id below");
    app.type("not-a-uuid");
    await app.waitFor("must be a UUID");
    app.press(KEY.tab);
    app.type("nonsense");
    await app.waitFor("line 1: write key=text or key:=JSON");
    app.press(KEY.tab, KEY.tab);
    app.type("1.5");
    await app.waitFor("must be a whole number of minutes");
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    expect(await executionCount()).toBe(before);
    app.unmount();
  });

  test("running an agent with a pool picked from the list opens the monitor, which shows the run to the end", async () => {
    const app = await openAgents();
    app.press("/");
    app.type("form");
    await app.waitFor("1 agent ");
    app.press(KEY.enter, KEY.enter);
    await app.waitFor("Run an agent");
    app.type("payroll");
    await app.waitFor(/› Payroll admins/);
    // Enter picks the marked pool and moves on to the profile id; Tab goes on to the inputs.
    app.press(KEY.enter, KEY.tab);
    app.type("url=https://example.test");
    app.press(KEY.enter);
    app.type("count=3");
    app.press(KEY.tab);
    app.type("team=ops");
    app.press(KEY.tab);
    app.type("5");
    await app.waitFor(/Soft timeout\s+5/);
    app.press(KEY.enter);
    await app.waitFor("Execution ");
    const frame = await app.waitFor("Outcome");
    expect(frame).toContain("● completed");
    expect(frame).toMatch(/duration \d+(ms|s)/);
    expect(frame).toContain('"url": "https://example.test"');
    expect(frame).toContain("profile payroll-admins");
    expect(frame).toMatch(/step\s+step 1 started/);
    app.press("g");
    await app.waitFor(/status\s+starting/);
    const [execution] = (await backend.client.executions.list({ pageSize: 1, sortDirection: "desc" })).items;
    expect(execution?.metadata).toEqual({ team: "ops" });
    expect(execution?.executionOptions?.softTimeoutMins).toBe(5);
    app.press(KEY.escape);
    await app.waitFor("1 agent ");
    app.unmount();
  });
});
