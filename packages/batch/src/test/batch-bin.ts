import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/** The bin from source: this Node strips the types, and workspace packages resolve to their src. */
export const BIN = fileURLToPath(new URL("../cli.ts", import.meta.url));
export const BIN_ARGV = [process.execPath, "--conditions=@agentdeck/source", BIN] as const;

export type BinRun = { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string };

/** Starts `agentdeck-batch args…` as a real process with exactly `env` (plus PATH), in `cwd`. */
export function spawnBin(
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string },
): ChildProcess {
  return spawn(BIN_ARGV[0], [...BIN_ARGV.slice(1), ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** What a started bin printed and how it ended. */
export async function finished(child: ChildProcess): Promise<BinRun> {
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  return { code, signal, stdout, stderr };
}

/** Runs `agentdeck-batch args…` to its end. */
export function runBin(
  args: readonly string[],
  options: { env: Record<string, string>; cwd: string },
): Promise<BinRun> {
  return finished(spawnBin(args, options));
}
