import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Terminal } from "@agentdeck/testing";
import { afterEach, describe, expect, test } from "vitest";
import { CLI, e2eUnavailable } from "../test/terminal.ts";

const unavailable = e2eUnavailable();
const title = unavailable ? `the agentdeck command (skipped: ${unavailable})` : "the agentdeck command";

const terminals: Terminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

function run(args: string[], env: Record<string, string> = {}) {
  const { CI: _, ...rest } = process.env;
  return spawnSync(process.execPath, [CLI, ...args], {
    encoding: "utf8",
    env: { ...rest, XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "agentdeck-cli-")), ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
}

describe.skipIf(unavailable !== undefined)(title, () => {
  test("without a terminal it says it needs one and exits non-zero", () => {
    const result = run([]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("agentdeck is an interactive terminal UI");
    expect(result.stdout).toBe("");
  });

  test("--help prints how to configure it and where the config file is, --version the version", () => {
    const home = mkdtempSync(join(tmpdir(), "agentdeck-cli-"));
    const help = run(["--help"], { XDG_CONFIG_HOME: home });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("ASTEROID_API_KEY");
    expect(help.stdout).toContain("--profile NAME");
    expect(help.stdout).toContain("--journal FILE");
    expect(help.stdout).toContain(`The config file: ${join(home, "agentdeck", "config.json")}`);
    expect(run(["--version"]).stdout).toMatch(/^agentdeck \d+\.\d+\.\d+/);
  });

  test("an unknown argument is refused with what to do", () => {
    const result = run(["--nope"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("agentdeck --help");
  });

  test("a bad setting stops it with a message that never shows the key", async () => {
    const terminal = Terminal.start([process.execPath, CLI], {
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "agentdeck-cli-")),
      ASTEROID_API_KEY: "secret-key-never-shown",
      ASTEROID_BASE_URL: "ftp://example.test",
    });
    terminals.push(terminal);
    const screen = await terminal.waitFor("[exited 2]");
    expect(screen).toContain("baseUrl");
    expect(screen).not.toContain("secret-key-never-shown");
  });

  test("--profile names a profile of the config file; an unknown one lists those there are", async () => {
    const terminal = Terminal.start([process.execPath, CLI, "--profile", "nope"], {
      XDG_CONFIG_HOME: mkdtempSync(join(tmpdir(), "agentdeck-cli-")),
    });
    terminals.push(terminal);
    const screen = await terminal.waitFor("[exited 2]");
    expect(screen).toContain('There is no profile named "nope"');
  });
});
