import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A Node program started by the benchmarks, its `key: value` lines read from stdout. */
export type StartedChild = {
  process: ChildProcess;
  /** The value of a `key: value` line it printed before it was ready (`agentsUrl` finds `agents-url`). */
  field(key: string): string | undefined;
  /** Asks it to stop (SIGTERM, so a CPU profile gets written), then kills it if it lingers. */
  stop(): Promise<void>;
};

/**
 * Starts `node [flags] script args` and waits until it has printed every key of `ready` as a
 * `key: value` line. Keys are compared without dashes or case, so `agents-url` and `agentsUrl` are one.
 */
export async function startNodeChild(
  script: string,
  args: readonly string[],
  options: { flags?: readonly string[]; ready: readonly string[]; timeoutMs?: number },
): Promise<StartedChild> {
  const child = spawn(process.execPath, [...(options.flags ?? []), script, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const normal = (key: string) => key.replaceAll(/[-_]/g, "").toLowerCase();
  const fields = new Map<string, string>();
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${script} did not get ready within ${options.timeoutMs ?? 60_000} ms:\n${stderr}`));
    }, options.timeoutMs ?? 60_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code}) before it was ready:\n${stderr}`));
    });
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    lines.on("line", (line) => {
      const match = /^\s*([\w-]+):\s*(.*)$/.exec(line);
      if (match) fields.set(normal(match[1] as string), (match[2] as string).trim());
      if (options.ready.every((key) => fields.has(normal(key)))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });

  return {
    process: child,
    field: (key) => fields.get(normal(key)),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
