import { spawnSync } from "node:child_process";

const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

/** Whether tmux is here (npm test installs it where it can). */
export const hasTmux = spawnSync("tmux", ["-V"]).status === 0;

/**
 * A real terminal: `argv` in a tmux session of its own socket, read with capture-pane. When the
 * program ends the pane says `[exited N]` and stays, so its last screen can be read.
 */
export function startTerminal(argv: readonly string[], env: Record<string, string>, cwd: string) {
  const socket = `agentdeck-batch-${process.pid}`;
  const session = `batch-${Date.now()}`;
  const assignments = Object.entries({ TERM: "xterm-256color", ...env }).map(
    ([key, value]) => `${key}=${quote(value)}`,
  );
  const command = `cd ${quote(cwd)} && env -i PATH=${quote(process.env.PATH ?? "/usr/bin:/bin")} ${assignments.join(" ")} ${argv.map(quote).join(" ")}; echo "[exited $?]"; sleep 600`;
  const tmux = (...args: string[]) => spawnSync("tmux", ["-L", socket, ...args], { encoding: "utf8" });
  const started = tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "20", command);
  if (started.status !== 0) throw new Error(`tmux new-session failed: ${started.stderr}`);
  return {
    screen: () => tmux("capture-pane", "-p", "-t", session).stdout,
    async waitFor(text: string, timeoutMs = 30_000): Promise<string> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const screen = this.screen();
        if (screen.includes(text)) return screen;
        if (Date.now() > deadline) throw new Error(`"${text}" never appeared; the screen:\n${screen}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => void tmux("kill-session", "-t", session),
  };
}
