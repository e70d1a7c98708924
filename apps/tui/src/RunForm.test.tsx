import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY, renderApp } from "./test/render.tsx";
import { startBackend, type TestBackend } from "./test/sandbox.ts";

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
    app.press(KEY.down);
    await app.waitFor(/Agent\s+Form Filler/);
    app.press(KEY.backspace);
    await app.waitFor(/Agent ✗\s+\(none\)/);
    app.press(KEY.enter);
    await app.waitFor(/Agent\s+Form Filler/);
    // Tab is ignored while a form is sending, and a started run would replace the form.
    app.press(KEY.tab);
    const frame = await app.waitFor("› Pool");
    expect(frame).toContain("Run an agent");
    expect(frame).not.toContain("sending");
    expect((await backend.client.executions.list({ pageSize: 1 })).total).toBe(before);
    app.unmount();
  });
});
