import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { KEY_GROUPS } from "./keys.ts";
import { KEY, renderApp, selectedLine } from "./test/render.tsx";
import { startBackend, type TestBackend } from "./test/sandbox.ts";

let backend: TestBackend;
beforeAll(async () => {
  backend = await startBackend();
});
afterAll(async () => {
  await backend.sandbox.close();
});

describe("the app", () => {
  test("opens on the Pools tab with the environment, organization and connection in the status bar", async () => {
    const app = renderApp(backend.client);
    const frame = await app.waitFor("Payroll admins");
    expect(frame).toContain("1 Pools");
    expect(frame).toContain("4 Registry");
    expect(frame).toContain(" sandbox ");
    await app.waitFor("Globex Logistics");
    expect(app.frame()).toMatch(/● connected refreshed \d\d:\d\d:\d\d/);
    app.unmount();
  });

  test("1 to 4 switch tabs, Tab cycles forward and Shift+Tab back", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    app.press("2");
    await app.waitFor(/\d+ agents/);
    app.press("3");
    await app.waitFor(/\d+ executions/);
    app.press("4");
    await app.waitFor(/\d+ registered agents/);
    app.press(KEY.tab);
    await app.waitFor(/\d+ pools/);
    app.press(KEY.shiftTab);
    await app.waitFor(/\d+ registered agents/);
    app.press("1");
    await app.waitFor(/\d+ pools/);
    app.unmount();
  });

  test("? shows a help overlay listing every key, and Esc closes it", async () => {
    const app = renderApp(backend.client, { rows: 80, columns: 140 });
    await app.waitFor("Payroll admins");
    app.press("?");
    const help = await app.waitFor("Keys");
    for (const group of KEY_GROUPS) {
      expect(help).toContain(group.title);
      for (const binding of group.bindings) expect(help).toContain(binding.help);
    }
    app.press(KEY.escape);
    await app.waitFor((frame) => !frame.includes("Esc or ? closes this") && frame.includes("Payroll admins"));
    app.unmount();
  });

  test("switching tabs and back keeps the cursor where it was", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    app.press("j", "j");
    await app.waitFor((f) => selectedLine(f)?.includes("Marketplace sellers") ?? false);
    app.press("2");
    await app.waitFor(/\d+ agents/);
    app.press("1");
    const frame = await app.waitFor(/\d+ pools/);
    expect(selectedLine(frame)).toContain("Marketplace sellers");
    app.unmount();
  });

  test("shows start-up warnings, such as a config file others can read, as the first message", async () => {
    const app = renderApp(backend.client, {
      warnings: ["/home/u/.config/agentdeck/config.json can be read by other users"],
    });
    await app.waitFor("! /home/u/.config/agentdeck/config.json can be read by other users");
    app.press(KEY.escape);
    await app.waitFor((f) => !f.includes("can be read by other users"));
    app.unmount();
  });

  test("keys typed in one burst each see what the keys before them did", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    // Switch to Agents, open the filter and type: in one chunk, as a fast typist or a paste sends it.
    app.type("2/form");
    await app.waitFor("1 agent ");
    app.unmount();
  });

  test("the help scrolls with j and k when it does not fit", async () => {
    const app = renderApp(backend.client, { rows: 20, columns: 70 });
    await app.waitFor("Payroll admins");
    app.press("?");
    await app.waitFor("j/k scroll");
    expect(app.frame()).toContain("Everywhere");
    app.press("j", "j");
    await app.waitFor((f) => !f.includes("Everywhere"));
    app.press(KEY.escape);
    await app.waitFor("Payroll admins");
    app.unmount();
  });

  test("q quits and gives the keyboard back", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    expect(app.inputListeners()).toBeGreaterThan(0);
    app.press("q");
    await app.waitFor(() => app.inputListeners() === 0, "the app to exit");
  });

  test("q is a letter while the filter is being typed, not a way out", async () => {
    const app = renderApp(backend.client);
    await app.waitFor("Payroll admins");
    app.press("/", "q");
    await app.waitFor("/q");
    expect(app.inputListeners()).toBeGreaterThan(0);
    app.unmount();
  });
});
