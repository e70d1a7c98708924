import { spawnSync } from "node:child_process";

const WAIT_MS = 15_000;
let sessions = 0;

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** Whether tmux is here; the terminal tests skip without it. */
export function tmuxMissing(): string | undefined {
  return spawnSync("tmux", ["-V"]).status === 0
    ? undefined
    : "tmux is not installed (npm test installs it where it can)";
}

/**
 * A real terminal: a tmux session on a socket of its own, read with capture-pane and driven with
 * send-keys, as a person at a keyboard would. When the program ends, the pane says `[exited N]`.
 */
export class Terminal {
  readonly socket = `agentdeck-cli-e2e-${process.pid}`;
  readonly session = `cli-${++sessions}`;

  private constructor() {}

  /** Runs `argv` with exactly `env` added to a clean environment (no CI, no NO_COLOR unless given). */
  static start(
    argv: readonly string[],
    env: Record<string, string>,
    size = { columns: 100, rows: 30 },
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
    return terminal;
  }

  private tmux(...args: string[]): string {
    const result = spawnSync("tmux", ["-L", this.socket, ...args], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Presses keys by tmux name (`C-c`, `Enter`). */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux("send-keys", "-t", this.session, key);
  }

  /** What the screen shows now; with `escapes`, its colour and style sequences too. */
  screen(options: { escapes?: boolean } = {}): string {
    return this.tmux("capture-pane", "-p", ...(options.escapes ? ["-e"] : []), "-t", this.session);
  }

  /** Waits until the screen passes `check`, polling; fails with the screen in the message. */
  async waitFor(check: string | RegExp): Promise<string> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const screen = this.screen();
      if (typeof check === "string" ? screen.includes(check) : check.test(screen)) return screen;
      if (Date.now() > deadline)
        throw new Error(`Timed out waiting for ${String(check)}. The screen:\n${screen}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the session, and the server when it was the last one. */
  kill(): void {
    spawnSync("tmux", ["-L", this.socket, "kill-session", "-t", this.session]);
    const left = spawnSync("tmux", ["-L", this.socket, "list-sessions"], { encoding: "utf8" });
    if (left.status !== 0 || left.stdout.trim() === "") spawnSync("tmux", ["-L", this.socket, "kill-server"]);
  }
}
