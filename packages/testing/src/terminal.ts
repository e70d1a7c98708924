import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";

/** Why there is no terminal to test in (tmux is missing), or undefined when there is one. */
export function tmuxMissing(): string | undefined {
  return spawnSync("tmux", ["-V"]).status === 0
    ? undefined
    : "tmux is not installed (npm test installs it where it can)";
}

const WAIT_MS = 15_000;
let sessions = 0;

function quote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * A real terminal: a tmux session on a socket of its own (`agentdeck-e2e-<pid>`), driven with
 * send-keys and read with capture-pane, as a person at a keyboard would.
 */
export class Terminal {
  readonly socket = `agentdeck-e2e-${process.pid}`;
  readonly session = `agentdeck-${++sessions}`;

  private constructor() {}

  /**
   * Runs `argv` in a new session of `columns` × `rows` with exactly `env` added to a clean
   * environment (no CI, so Ink draws every frame; no NO_COLOR unless given). When the program
   * ends, the pane says `[exited N]` and stays, so a crash can be read.
   */
  static start(
    argv: readonly string[],
    env: Record<string, string>,
    size = { columns: 120, rows: 40 },
  ): Terminal {
    const terminal = new Terminal();
    const assignments = Object.entries({ TERM: "xterm-256color", LANG: "C.UTF-8", ...env }).map(
      ([key, value]) => `${key}=${quote(value)}`,
    );
    const command = `env -i PATH=${quote(process.env.PATH ?? "/usr/bin:/bin")} HOME=${quote(process.env.HOME ?? "/tmp")} ${assignments.join(" ")} ${argv.map(quote).join(" ")}; echo "[exited $?]"; sleep 600`;
    const { CI: _, ...tmuxEnv } = process.env;
    const started = spawnSync(
      "tmux",
      [
        "-L",
        terminal.socket,
        "new-session",
        "-d",
        "-s",
        terminal.session,
        "-x",
        String(size.columns),
        "-y",
        String(size.rows),
        command,
      ],
      { env: tmuxEnv, encoding: "utf8" },
    );
    if (started.status !== 0) throw new Error(`tmux new-session failed: ${started.stderr}`);
    // An application's OSC 52 (copy to the clipboard) becomes a tmux buffer the test can read.
    terminal.tmux("set-option", "-g", "set-clipboard", "on");
    return terminal;
  }

  private tmux(...args: string[]): string {
    const result = spawnSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Presses keys by tmux name (`Enter`, `Escape`, `Tab`, `BSpace`, `Down`) or as single characters. */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux("send-keys", "-t", this.session, key);
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux("send-keys", "-t", this.session, "-l", text);
  }

  /** What the screen shows now; with `escapes`, including colour and style sequences. */
  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux("capture-pane", "-p", ...(options.escapes ? ["-e"] : []), "-t", this.session);
  }

  /** Waits until the screen shows `check` (or passes it), polling; fails with the screen in the message. */
  async waitFor(
    check: string | RegExp | ((screen: string) => boolean),
    timeoutMs = WAIT_MS,
  ): Promise<string> {
    const test =
      typeof check === "function"
        ? check
        : (screen: string) => (typeof check === "string" ? screen.includes(check) : check.test(screen));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${String(check)}. The screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** What the program last put on the clipboard (OSC 52), as tmux keeps it; undefined when nothing. */
  clipboard(): string | undefined {
    const result = spawnSync("tmux", ["-L", this.socket, "show-buffer"], { encoding: "utf8" });
    return result.status === 0 ? result.stdout : undefined;
  }

  /** Ends the session, and the server with its socket when it was the last one. Safe to call twice. */
  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-session", "-t", this.session]);
    const left = spawnSync("tmux", ["-L", this.socket, "list-sessions", "-F", "#{session_name}"], {
      encoding: "utf8",
    });
    if (left.status === 0 && left.stdout.trim() !== "") return;
    spawnSync("tmux", ["-L", this.socket, "kill-server"]);
    const socketDir = join(process.env.TMUX_TMPDIR ?? "/tmp", `tmux-${process.getuid?.() ?? 0}`);
    rmSync(join(socketDir, this.socket), { force: true });
  }
}
