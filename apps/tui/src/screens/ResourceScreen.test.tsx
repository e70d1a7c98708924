import { startSandbox } from "@agentdeck/sandbox";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../test/proxy.ts";
import { KEY, renderApp, selectedLine } from "../test/render.tsx";
import { clientFor, startBackend, type TestBackend } from "../test/sandbox.ts";
import { listIsLive } from "./ResourceScreen.tsx";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

/** The lines between the tab bar and the message line: what the screen itself shows. */
const body = (frame: string) => frame.split("\n").slice(1, -2).join("\n");

describe("every resource tab", () => {
  test("a wrong key: Pools, Executions and Registry each say they failed and why (bug 2)", async () => {
    const app = renderApp(clientFor(backend.sandbox, { apiKey: "wrong-key", registryToken: "wrong-token" }));
    await app.waitFor((f) => /401/.test(body(f)) && !body(f).includes("loading…"), "pools failing");
    app.press("3");
    await app.waitFor((f) => /401/.test(body(f)) && !body(f).includes("loading…"), "executions failing");
    app.press("4");
    await app.waitFor((f) => /401/.test(body(f)) && !body(f).includes("loading…"), "registry failing");
    app.unmount();
  });

  test("a list is refreshed after the server restarts with other data (bug 4)", async () => {
    const port = await freePort();
    const first = await startSandbox({ port });
    const app = renderApp(clientFor(first), { refreshMs: 100 });
    await app.waitFor("Payroll admins");
    await first.close();
    const second = await startSandbox({ port });
    second.store.clear();
    second.store.addPool({ name: "Made after the restart" });
    try {
      await app.waitFor((f) => f.includes("Made after the restart") && !f.includes("Payroll admins"));
    } finally {
      app.unmount();
      await second.close();
    }
  });

  test("lists on screen fetch their page again by themselves, keeping the cursor on its row", async () => {
    const app = renderApp(backend.client, { refreshMs: 100 });
    await app.waitFor("Payroll admins");
    app.press("j", "j");
    const row = await app.waitFor((f) => selectedLine(f)?.includes("Marketplace sellers") ?? false);
    // A pool that sorts first appears: the list shows it without a key, and the cursor stays on its pool.
    await backend.client.pools.create({
      name: "AAA arrives later",
      organizationId: backend.sandbox.organizationId,
    });
    await app.waitFor(
      (f) => f.includes("AAA arrives later") && (selectedLine(f)?.includes("Marketplace sellers") ?? false),
    );
    expect(row).not.toContain("AAA arrives later");
    app.unmount();
  });

  test("a list refreshes itself only while it is on screen, on top, and nobody is typing in its filter", () => {
    const list = { filtering: false };
    expect(listIsLive(true, 1, list)).toBe(true);
    expect(listIsLive(false, 1, list)).toBe(false);
    expect(listIsLive(true, 2, list)).toBe(false);
    expect(listIsLive(true, 1, { filtering: true })).toBe(false);
  });

  test("the selection is kept by id across a sort when its row is on the new first page", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    app.press("j", "j");
    const third = (f: string) =>
      f
        .split("\n")
        .filter((line) => /_recently_used\s+(yes|no)\s/.test(line))
        .findIndex((line) => line.startsWith("›")) === 2;
    const before = await app.waitFor(third, "the cursor on the third row");
    const name = (selectedLine(before) ?? "").slice(1, 20);
    app.press("S");
    await app.waitFor((f) => f.includes("sort name ▼") && !f.includes("loading"));
    expect(selectedLine(app.frame())).toContain(name);
    app.unmount();
  });

  test("v shows the whole row as JSON, scrollable to its end", async () => {
    const app = renderApp(backend.client, { tab: "registry", rows: 20 });
    await app.waitFor(/\d+ registered agents/);
    app.press("v");
    await app.waitFor(/registered agent .*1–\d+ of \d+/);
    app.press("G");
    await app.waitFor(/"available_actions"|"updated_at"|}/);
    expect(app.frame()).toMatch(/of (\d+)/);
    app.press(KEY.escape);
    await app.waitFor(/\d+ registered agents/);
    app.unmount();
  });

  test("y copies the selected row's id", async () => {
    const copied: string[] = [];
    const app = renderApp(backend.client, { copy: (text) => copied.push(text) });
    await app.waitFor("Payroll admins");
    app.press("y");
    await app.waitFor("Copied the id");
    const [first] = (
      await backend.client.pools.list({ organizationId: backend.sandbox.organizationId, pageSize: 1 })
    ).items;
    expect(copied).toEqual([first?.id]);
    app.unmount();
  });
});
