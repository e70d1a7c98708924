import { tmpdir } from "node:os";
import { startSandbox } from "@agentdeck/sandbox";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort } from "../test/proxy.ts";
import { KEY, renderApp, selectedLine } from "../test/render.tsx";
import { clientFor, DEMO_CREDENTIALS, startBackend, type TestBackend } from "../test/sandbox.ts";

const statusBar = (frame: string) => frame.split("\n").at(-1) ?? "";

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
    expect(app.frame()).toMatch(/api ● connected/);
    app.unmount();
  });

  test("1 to 5 switch tabs, Tab cycles forward and Shift+Tab back", async () => {
    const app = renderApp(backend.client, { cwd: tmpdir() });
    await app.waitFor("Payroll admins");
    app.press("2");
    await app.waitFor(/\d+ agents/);
    app.press("3");
    await app.waitFor(/\d+ executions/);
    app.press("4");
    await app.waitFor(/\d+ registered agents/);
    app.press("5");
    await app.waitFor(/no batch journal in|\d+ rows/);
    app.press(KEY.tab);
    await app.waitFor(/\d+ pools/);
    app.press(KEY.shiftTab);
    await app.waitFor(/no batch journal in|\d+ rows/);
    app.press(KEY.shiftTab);
    await app.waitFor(/\d+ registered agents/);
    app.press("1");
    await app.waitFor(/\d+ pools/);
    app.unmount();
  });

  test("? shows the keys of where you are and of everywhere, and Esc closes it", async () => {
    const app = renderApp(backend.client, { rows: 80, columns: 140 });
    await app.waitFor("Payroll admins");
    app.press("?");
    const help = await app.waitFor("Keys");
    expect(help).toContain("Pools");
    expect(help).toContain("Everywhere");
    expect(help).toContain("run an agent with the pool");
    expect(help).toContain("filter by name on the server");
    expect(help).toContain("switch to another profile of the config file");
    expect(help).toContain("not now: the config file has no profiles");
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
    expect(app.frame()).toContain(" Pools");
    const before = app.frame();
    app.press("j", "j", "j", "j", "j", "j");
    await app.waitFor((f) => f !== before && f.includes("j/k scroll"));
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

describe("switching profiles", () => {
  test("P lists the profiles of the config file, and Enter starts again on the one chosen", async () => {
    const other = await startSandbox({ port: 0 });
    other.store.clear();
    other.store.addPool({ name: "Only on the other profile" });
    const opened: string[] = [];
    const app = renderApp(backend.client, {
      profiles: {
        names: ["home", "work"],
        current: "home",
        open: async (name) => {
          opened.push(name);
          return { client: clientFor(other), environment: name, registry: true };
        },
      },
    });
    try {
      await app.waitFor("Payroll admins");
      app.press("P");
      await app.waitFor("Switch profile");
      expect(app.frame()).toMatch(/› home\s+\(in use\)/);
      app.press("j", KEY.enter);
      await app.waitFor("Only on the other profile");
      expect(app.frame()).not.toContain("Payroll admins");
      expect(app.frame()).toContain(" work ");
      expect(opened).toEqual(["work"]);
    } finally {
      app.unmount();
      await other.close();
    }
  });
});

describe("the app, where issue 12 found it wanting", () => {
  test("started while the API is unreachable, R retries and every list loads once it answers (bug 1)", async () => {
    const port = await freePort();
    const client = clientFor({ ...DEMO_CREDENTIALS, url: `http://127.0.0.1:${port}` });
    const app = renderApp(client);
    await app.waitFor("offline");
    const sandbox = await startSandbox({ port, stepMs: 10 });
    try {
      app.press("R");
      await app.waitFor("Payroll admins");
      app.press("3");
      await app.waitFor(/\d+ executions/);
    } finally {
      app.unmount();
      await sandbox.close();
    }
  });

  test("each API has its own connection state (bug 3)", async () => {
    const app = renderApp(clientFor(backend.sandbox, { apiKey: "wrong-key" }));
    app.press("4");
    await app.waitFor(/\d+ registered agents/);
    await app.waitFor(
      (f) => /unauthorized/.test(statusBar(f)) && /registry ● connected/.test(statusBar(f)),
      "v2 unauthorized and the registry connected",
    );
    app.unmount();
  });

  test("a 401 with a key from a profile names the profile and the config file (bug 14)", async () => {
    const app = renderApp(clientFor(backend.sandbox, { apiKey: "wrong-key" }), {
      credentials: {
        v2: { kind: "profile", profile: "work", configPath: "/home/u/.config/agentdeck/config.json" },
        registry: { kind: "environment" },
      },
    });
    const frame = await app.waitFor("401");
    expect(frame.replace(/\s+/g, " ")).toContain('profile "work"');
    expect(frame.replace(/\s+/g, "")).toContain("/home/u/.config/agentdeck/config.json");
    expect(frame).not.toContain("ASTEROID_API_KEY to a valid key");
    app.unmount();
  });

  const clean = (frame: string, rows: number, columns: number) =>
    frame.split("\n").length === rows &&
    frame.split("\n").every((line) => stringWidth(line) <= columns) &&
    statusBar(frame).includes("help");

  test("a 60×15 terminal clips the run form, the Executions header and the monitor cleanly (bug 17)", async () => {
    const app = renderApp(backend.client, { tab: "executions", columns: 60, rows: 15 });
    await app.waitFor(/\d+ executions/);
    expect(clean(app.frame(), 15, 60)).toBe(true);
    app.press(KEY.enter);
    await app.waitFor("Execution ");
    await app.waitFor((f) => !f.includes("loading"));
    expect(clean(app.frame(), 15, 60)).toBe(true);
    app.press(KEY.escape);
    await app.waitFor(/\d+ executions/);
    app.press("2");
    await app.waitFor(/\d+ agents/);
    app.press(KEY.enter);
    await app.waitFor("Run an agent");
    await app.waitFor("match");
    expect(clean(app.frame(), 15, 60)).toBe(true);
    app.unmount();
  });
});
