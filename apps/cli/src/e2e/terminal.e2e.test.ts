import { Terminal, tmuxMissing } from "@agentdeck/testing";
import { afterEach, describe, expect, test } from "vitest";
import { freshConfigPath, runTarget, testSandbox } from "../test/sandbox-env.ts";
import { BIN, e2eUnavailable } from "../test/shell.ts";

const unavailable = e2eUnavailable() ?? tmuxMissing();
const title = unavailable ? `agentdeck on a terminal (skipped: ${unavailable})` : "agentdeck on a terminal";

// biome-ignore lint/suspicious/noControlCharactersInRegex: looking for colour escape sequences
const COLOUR = /\u001b\[[0-9;]*(1|3[0-7]|9[0-7]|38;[0-9;]+)m/;

const terminals: Terminal[] = [];
afterEach(() => {
  for (const terminal of terminals.splice(0)) terminal.kill();
});

function start(args: string[], env: Record<string, string>): Terminal {
  const terminal = Terminal.start([process.execPath, BIN, ...args], env, { columns: 100, rows: 30 });
  terminals.push(terminal);
  return terminal;
}

describe.skipIf(unavailable !== undefined)(title, () => {
  test("agentdeck alone opens the TUI, on the embedded sandbox when no key is configured (what npm start runs)", async () => {
    const terminal = start([], { AGENTDECK_CONFIG: freshConfigPath() });
    const screen = await terminal.waitFor("Payroll admins");
    expect(screen).toContain("sandbox");
    terminal.press("q");
    await terminal.waitFor("[exited 0]");
  });

  test("a list is an aligned, coloured table with a hint below it; NO_COLOR takes the colour away", async () => {
    const { env } = await testSandbox();
    const coloured = start(["pools", "list"], env);
    const screen = await coloured.waitFor("[exited 0]");
    expect(screen).toMatch(/^ID {36}NAME {2,}STRATEGY {2,}CONCURRENT {2}UPDATED$/m);
    expect(screen).toContain("page 1 of 1 (8 pools)");
    expect(coloured.screen({ escapes: true })).toMatch(COLOUR);
    const plain = start(["pools", "list"], { ...env, NO_COLOR: "1" });
    await plain.waitFor("[exited 0]");
    expect(plain.screen({ escapes: true })).not.toMatch(COLOUR);
  });

  test("a long wait shows its progress on stderr; Ctrl-C stops it and says how to resume", async () => {
    const { sandbox, env } = await testSandbox();
    const { agent, pool } = runTarget(sandbox);
    const terminal = start(
      ["run", agent, "--pool", pool, "--input", "awaitConfirmation:=true", "--wait", "--interval", "0.05"],
      env,
    );
    const waiting = await terminal.waitFor(/execution [0-9a-f-]{36} awaiting_confirmation · \d+/);
    const id = /started execution ([0-9a-f-]{36})/.exec(waiting)?.[1] as string;
    expect(waiting).toMatch(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] execution/m);
    terminal.press("C-c");
    const stopped = await terminal.waitFor("[exited 130]");
    // The line wraps at the terminal's width: compare without the breaks.
    expect(stopped.replace(/\s+/g, "")).toContain(
      `agentdeck: stopped waiting; execution ${id} goes on. Watch it again with: agentdeck executions watch ${id}`.replace(
        /\s+/g,
        "",
      ),
    );
    expect(stopped).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    expect(sandbox.store.executions.get(id)?.status).toBe("awaiting_confirmation");
  });

  test("a failed poll shows on the progress line and the wait goes on to the end", async () => {
    let rolls = 0;
    // The first three fault rolls fail: one poll and the client's two retries, a second apart
    // (Retry-After), so the line has time to show it.
    const { sandbox, env } = await testSandbox({
      faults: {
        rate: 0.5,
        status: 503,
        retryAfterSeconds: 1,
        routes: ["GET /agents/v2/executions/{executionId}"],
      },
      random: () => (rolls++ < 3 ? 0 : 0.99),
    });
    const { agent, pool } = runTarget(sandbox);
    const terminal = start(["run", agent, "--pool", pool, "--wait", "--interval", "1s"], env);
    await terminal.waitFor(/execution [0-9a-f-]{36} … · \ds · poll failed \(503\), 1 in a row; next in 1s$/m);
    const done = await terminal.waitFor("[exited 0]");
    expect(done).toMatch(/^status +completed$/m);
    expect(done).not.toContain("poll failed");
  });
});
