import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp } from "../../test/render.tsx";
import { startBackend, type TestBackend } from "../../test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

describe("the run form's pickers", () => {
  test("Enter in a picker picks the marked row and does not submit the form", async () => {
    const before = (await backend.client.executions.list({ pageSize: 1 })).total;
    const app = renderApp(backend.client, { rows: 40 });
    await app.waitFor(/\d+ pools/);
    // The pool comes preset, so once an agent is picked the form is valid: a submit would run it.
    app.press("x");
    await app.waitFor(/Run an agent[\s\S]*\d+ matches/);
    app.press(KEY.down, KEY.down);
    await app.waitFor("› Form Filler");
    // Marking a row does not pick it; Enter does, and moves on to the next field.
    expect(app.frame()).toMatch(/Agent ✗?\s+\(none\)/);
    app.press(KEY.enter);
    const frame = await app.waitFor(/Agent\s+Form Filler/);
    expect(frame).toContain("› Pool");
    expect(frame).toContain("Run an agent");
    expect(frame).not.toContain("sending");
    expect((await backend.client.executions.list({ pageSize: 1 })).total).toBe(before);
    app.unmount();
  });
});

describe("the run form, where issue 12 found it wanting", () => {
  async function openRunForm() {
    const app = renderApp(backend.client, { rows: 40 });
    await app.waitFor(/\d+ pools/);
    app.press("x");
    await app.waitFor(/Run an agent[\s\S]*\d+ match/);
    return app;
  }

  test("after Enter picks an agent, the agent's list is gone and ↓ no longer moves in it (bug 8)", async () => {
    const app = await openRunForm();
    app.press(KEY.down, KEY.enter);
    await app.waitFor(/Agent\s+Flight Checker[\s\S]*› Pool/);
    expect(app.frame()).not.toContain("› Flight Checker");
    await app.waitFor(/› Pool[\s\S]*\d+ matches/);
    app.press(KEY.down, KEY.down);
    // ↓ now works in the pool's list: the agent stays as picked.
    await app.waitFor(/filter:.*\n.*\n\s+› /);
    expect(app.frame()).toMatch(/Agent\s+Flight Checker/);
    app.unmount();
  });

  test("deleting the filter text does not change the picked agent (bug 8)", async () => {
    const app = await openRunForm();
    app.type("form");
    await app.waitFor("› Form Filler");
    app.press(KEY.enter);
    await app.waitFor(/Agent\s+Form Filler/);
    app.press(KEY.shiftTab);
    app.press(KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace, KEY.backspace);
    await app.waitFor(
      (f) => /› Agent/.test(f) && /filter: +\d+ matches/.test(f),
      "the filter emptied, all agents listed",
    );
    app.press(KEY.tab);
    await app.waitFor("› Pool");
    expect(app.frame()).toMatch(/Agent\s+Form Filler/);
    app.unmount();
  });

  test("↓ from (none) marks the first entry (bug 8)", async () => {
    const app = await openRunForm();
    app.press(KEY.down);
    await app.waitFor("› Flight Checker");
    app.unmount();
  });

  test("one submit key, shown in the hint, runs the form from any field (bug 9)", async () => {
    const app = renderApp(backend.client, { tab: "agents", rows: 40 });
    await app.waitFor(/\d+ agents/);
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    app.type("payroll");
    await app.waitFor(/› Payroll admins/);
    app.press(KEY.enter);
    await app.waitFor(/Pool\s+Payroll admins/);
    app.press(KEY.tab, KEY.tab);
    app.type("url=https://example.test");
    expect(app.frame()).toContain("Ctrl+S runs it");
    app.press(KEY.ctrlS);
    await app.waitFor("Execution ");
    app.unmount();
  });
});
