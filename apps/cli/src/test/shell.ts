import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built command, as the `agentdeck` bin and `npm start` run it. */
export const BIN = fileURLToPath(new URL("../../dist/agentdeck.js", import.meta.url));

/** Why the end-to-end tests cannot run here, or undefined when they can. */
export function e2eUnavailable(): string | undefined {
  if (!existsSync(BIN))
    return `${BIN} is missing: build first (npm test does; or pnpm --filter @agentdeck/cli build)`;
  if (spawnSync("bash", ["--version"]).status !== 0) return "bash is not installed";
  return undefined;
}

// A directory holding just `agentdeck`, so a script calls it by name, with this Node first on PATH.
let binDir: string | undefined;
function pathWithAgentdeck(): string {
  if (binDir === undefined) {
    binDir = mkdtempSync(join(tmpdir(), "agentdeck-bin-"));
    symlinkSync(BIN, join(binDir, "agentdeck"));
  }
  return [binDir, dirname(process.execPath), "/usr/local/bin", "/usr/bin", "/bin"].join(":");
}

/** What a shell command did. */
export type ShellResult = {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
};

/**
 * Runs `script` in bash as a person's shell would, with `agentdeck` on PATH and exactly `env` added
 * to a clean environment (no CI, no NO_COLOR unless given). Asynchronous, so a sandbox running in
 * this process keeps answering. `onStart` gets the child, to signal it.
 */
export function shell(
  script: string,
  env: Record<string, string> = {},
  options: { stdin?: string; onStart?: (child: ReturnType<typeof spawn>) => void; timeoutMs?: number } = {},
): Promise<ShellResult> {
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", script], {
      env: { PATH: pathWithAgentdeck(), HOME: process.env.HOME ?? "/tmp", LANG: "C.UTF-8", ...env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out: ${script}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on("error", reject);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? "");
    options.onStart?.(child);
  });
}
