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

const statusCells = (frame: string) =>
  frame
    .split("\n")
    .map(
      (line) =>
        /^[ ›][0-9a-f]{8} .*?\s(starting|running|paused|awaiting_confirmation|completed|cancelled|failed|paused_by_agent)\s/.exec(
          line,
        )?.[1],
    )
    .filter((status) => status !== undefined);

describe("the Executions tab", () => {
  test("lists executions newest first with agent, status and when they ran", async () => {
    const app = renderApp(backend.client, { tab: "executions" });
    const frame = await app.waitFor(/\d+ executions/);
    expect(frame).toMatch(/ID\s+AGENT\s+STATUS\s+CREATED ▼\s+TOOK/);
    expect(statusCells(frame).length).toBeGreaterThan(3);
    app.unmount();
  });

  test("f cycles the status filter on the server, then back to all", async () => {
    const app = renderApp(backend.client, { tab: "executions" });
    await app.waitFor("status all (f F a)");
    app.press("f");
    await app.waitFor("status starting (f F a)");
    app.press("f", "f", "f", "f");
    const frame = await app.waitFor((f) => f.includes("status completed (f F a)") && !f.includes("loading"));
    expect(statusCells(frame).length).toBeGreaterThan(0);
    expect(new Set(statusCells(frame))).toEqual(new Set(["completed"]));
    app.press("f", "f", "f", "f");
    await app.waitFor("status all (f F a)");
    app.unmount();
  });

  test("F steps the status filter the other way, and a shows only the unfinished", async () => {
    const app = renderApp(backend.client, { tab: "executions" });
    await app.waitFor((f) => f.includes("status all (f F a)") && !f.includes("loading"));
    app.press("F");
    // Back from all is the last status.
    await app.waitFor("status paused_by_agent (f F a)");
    app.press("a");
    const active = await app.waitFor((f) => f.includes("status active (f F a)") && !f.includes("loading"));
    const shown = new Set(statusCells(active));
    expect(shown.size).toBeGreaterThan(0);
    for (const ended of ["completed", "failed", "cancelled"]) expect(shown.has(ended)).toBe(false);
    app.press("a");
    await app.waitFor("status all (f F a)");
    app.unmount();
  });

  test("/ finds an execution by (part of) its id", async () => {
    const [execution] = (await backend.client.executions.list({ pageSize: 1, sortDirection: "asc" })).items;
    const id = execution?.id as string;
    const app = renderApp(backend.client, { tab: "executions" });
    await app.waitFor(/\d+ executions/);
    app.press("/");
    app.type(id.slice(0, 13));
    const frame = await app.waitFor("1 execution ");
    expect(selectedLine(frame)).toContain(id.slice(0, 8));
    app.unmount();
  });

  test("Enter opens the monitor of the selected execution and Esc comes back to it", async () => {
    const app = renderApp(backend.client, { tab: "executions" });
    await app.waitFor(/\d+ executions/);
    app.press("j");
    await app.waitFor((f) => selectedLine(f) !== undefined);
    const row = selectedLine(app.frame()) as string;
    app.press(KEY.enter);
    await app.waitFor(`Execution ${row.slice(1, 9)}`);
    app.press(KEY.escape);
    await app.waitFor((f) => selectedLine(f)?.slice(0, 9) === row.slice(0, 9));
    app.unmount();
  });
});

describe("the Executions tab, where issue 12 found it wanting", () => {
  test("the Executions filter says it searches ids (bug 15)", async () => {
    const app = renderApp(backend.client, { tab: "executions" });
    await app.waitFor(/\d+ executions/);
    expect(app.frame()).toContain("/ filter by id");
    app.unmount();
  });
});
