import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, type SandboxOptions, startSandbox } from "@agentdeck/sandbox";
import { Terminal } from "@agentdeck/testing";
import { afterEach, describe, expect, test } from "vitest";
import { freePort } from "../test/proxy.ts";
import { CLI, e2eUnavailable } from "../test/terminal.ts";

const unavailable = e2eUnavailable();
const title = unavailable
  ? `agentdeck in a real terminal (skipped: ${unavailable})`
  : "agentdeck in a real terminal";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Starts a sandbox for one test and agentdeck in tmux pointed at it, with a config directory of its own. */
async function launch(options: SandboxOptions = {}, env: Record<string, string> = {}) {
  const sandbox: Sandbox = await startSandbox({ port: 0, stepMs: 60, ...options });
  cleanups.push(() => sandbox.close());
  const terminal = Terminal.start([process.execPath, CLI], {
    XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "agentdeck-e2e-")),
    ASTEROID_API_KEY: sandbox.apiKey,
    ASTEROID_BASE_URL: sandbox.agentsUrl,
    AGENT_REGISTRY_TOKEN: sandbox.registryToken,
    AGENT_REGISTRY_URL: sandbox.registryUrl,
    ...env,
  });
  cleanups.push(() => terminal.kill());
  return { sandbox, terminal };
}

describe.skipIf(unavailable !== undefined)(title, () => {
  test("filters pools by name, creates a pool, runs an agent with it and sees the run complete with its result", async () => {
    const { sandbox, terminal } = await launch();
    const name = `e2e pool ${process.pid}`;

    await terminal.waitFor("Payroll admins");
    terminal.press("/");
    terminal.type("pay");
    const filtered = await terminal.waitFor("1 pool ");
    expect(filtered).toContain("›Payroll admins");
    expect(filtered).not.toContain("Billing portal");
    terminal.press("Escape");
    await terminal.waitFor("Billing portal");

    terminal.press("n");
    await terminal.waitFor("New pool");
    terminal.type(name);
    terminal.press("Enter");
    await terminal.waitFor(`Created pool ${name}.`);
    await terminal.waitFor(`›${name}`);
    // Profiles are added to a pool outside this API (in the vendor's app); the sandbox stands in for that.
    const created = sandbox.store.pools.list({
      searchName: name,
      sortField: "name",
      sortDirection: "asc",
      page: 1,
      pageSize: 1,
    }).items[0];
    sandbox.store.addProfile(created?.id as string, { name: "e2e-profile-1" });

    terminal.press("x");
    await terminal.waitFor("Run an agent");
    expect(terminal.screen()).toMatch(new RegExp(`Pool\\s+${name}`));
    terminal.type("form");
    await terminal.waitFor("› Form Filler");
    // Enter picks the marked agent and moves on; Tab goes past the pool and the profile id.
    terminal.press("Enter", "Tab", "Tab");
    terminal.type("url=https://example.test/e2e");
    // Ctrl+S runs the form from any field, even one where Enter starts a new line.
    terminal.press("C-s");

    await terminal.waitFor("Execution ");
    const done = await terminal.waitFor("Outcome");
    expect(done).toContain("● completed");
    expect(done).toContain('"url": "https://example.test/e2e"');
    expect(done).toMatch(/duration \d/);
    expect(done).toContain("profile e2e-profile-1");

    terminal.press("Escape");
    await terminal.waitFor(`›${name}`);
    terminal.press("q");
    await terminal.waitFor("[exited 0]");
  });

  test("a sandbox failing pool creation with 503 shows the error and keeps the typed form", async () => {
    const { terminal } = await launch({
      faults: { rate: 1, status: 503, routes: ["POST /agents/v2/agent-profile-pools"] },
    });
    await terminal.waitFor("Payroll admins");
    terminal.press("n");
    await terminal.waitFor("New pool");
    terminal.type("Survives a 503");
    terminal.press("Tab", "Right", "Tab", "Space");
    terminal.press("Enter");
    const screen = await terminal.waitFor("the server failed (503)");
    expect(screen.replace(/\s+/g, " ")).toContain("It may have been created anyway");
    expect(screen).toMatch(/Name\s+Survives a 503/);
    expect(screen).toContain("‹ most_recently_used ›");
    expect(screen).toContain("‹ yes ›");
    // Still in the form, still typing: q is a letter here.
    terminal.press("Tab", "q");
    await terminal.waitFor(/Name\s+Survives a 503q/);
    terminal.press("Escape");
    await terminal.waitFor("Payroll admins");
    terminal.press("q");
    await terminal.waitFor("[exited 0]");
  });

  test("a refused key says how to set one and never shows the key", async () => {
    const { terminal } = await launch({}, { ASTEROID_API_KEY: "not-the-right-key-e2e" });
    const screen = await terminal.waitFor("Set ASTEROID_API_KEY");
    expect(screen).toContain("● unauthorized");
    expect(screen).not.toContain("not-the-right-key-e2e");
  });

  test("--profile uses a profile of the config file, and warns when others can read that file", async () => {
    const sandbox = await startSandbox({ port: 0 });
    cleanups.push(() => sandbox.close());
    const home = mkdtempSync(join(tmpdir(), "agentdeck-e2e-"));
    mkdirSync(join(home, "agentdeck"));
    const config = join(home, "agentdeck", "config.json");
    const profile = {
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.agentsUrl,
      registryToken: sandbox.registryToken,
      registryUrl: sandbox.registryUrl,
    };
    writeFileSync(config, JSON.stringify({ profiles: { staging: profile } }), { mode: 0o644 });
    const terminal = Terminal.start([process.execPath, CLI, "--profile", "staging"], {
      XDG_CONFIG_HOME: home,
    });
    cleanups.push(() => terminal.kill());
    const screen = await terminal.waitFor("● connected");
    expect(screen).toContain(" staging ");
    // The message wraps at the terminal's width, so look for it without the line breaks.
    expect(screen.replace(/\s+/g, "")).toContain(`runchmod600${config}`);
    expect(screen).not.toContain(sandbox.apiKey);
  });

  test("started while nothing answers at ASTEROID_BASE_URL, R retries once a sandbox is there, and the list appears", async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const terminal = Terminal.start([process.execPath, CLI], {
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "agentdeck-e2e-")),
      ASTEROID_API_KEY: "sandbox-demo-key",
      ASTEROID_BASE_URL: `${origin}/agents/v2`,
      AGENT_REGISTRY_TOKEN: "sandbox-demo-token",
      AGENT_REGISTRY_URL: `${origin}/api/v1`,
    });
    cleanups.push(() => terminal.kill());
    await terminal.waitFor("● offline");
    expect(terminal.screen()).toContain("cannot reach");
    const sandbox = await startSandbox({ port });
    cleanups.push(() => sandbox.close());
    terminal.press("R");
    await terminal.waitFor("Payroll admins");
    await terminal.waitFor("api ● connected");
    terminal.press("3");
    await terminal.waitFor(/\d+ executions/);
  });

  test("y copies the selected row's id to the clipboard (OSC 52)", async () => {
    const { sandbox, terminal } = await launch();
    await terminal.waitFor("Payroll admins");
    const [first] = sandbox.store.pools.list({
      sortField: "name",
      sortDirection: "asc",
      page: 1,
      pageSize: 1,
    }).items;
    terminal.press("y");
    await terminal.waitFor(`Copied the id ${first?.id}`);
    expect(terminal.clipboard()).toBe(first?.id);
  });

  test("NO_COLOR draws without colour", async () => {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour escape sequences
    const colour = /\u001b\[[0-9;]*(3[0-7]|9[0-7]|38;[0-9;]+)m/;
    const plain = await launch({}, { NO_COLOR: "1" });
    await plain.terminal.waitFor("Payroll admins");
    expect(plain.terminal.screen({ escapes: true })).not.toMatch(colour);
    const coloured = await launch();
    await coloured.terminal.waitFor("Payroll admins");
    expect(coloured.terminal.screen({ escapes: true })).toMatch(colour);
  });
});
