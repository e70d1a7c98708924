import { startNodeChild } from "./child.ts";
import { type ProfileTarget, profileFlags } from "./cpu-profile.ts";
import { paths, requireBuilt } from "./paths.ts";

/** A sandbox in its own process, so its work never shares an event loop with what is measured. */
export type SandboxProcess = {
  /** Base URL of the Agents API v2. */
  agentsUrl: string;
  apiKey: string;
  pid: number;
  close(): Promise<void>;
};

/** Starts `agentdeck-sandbox` (the built CLI) on a free port of 127.0.0.1. */
export async function startSandboxProcess(options: {
  /** Pools to generate; the sandbox's default demo data when not given. */
  pools?: number;
  latencyMs?: number;
  /** Time between two steps of a running execution (the sandbox's default, 700 ms, when not given). */
  stepMs?: number;
  profile?: ProfileTarget;
  /** More command-line options, such as `--fault-rate 0.5`. */
  args?: readonly string[];
}): Promise<SandboxProcess> {
  const args = ["--port", "0", "--host", "127.0.0.1", ...(options.args ?? [])];
  if (options.pools !== undefined) args.push("--pools", String(options.pools));
  if (options.latencyMs) args.push("--latency-ms", String(options.latencyMs));
  if (options.stepMs !== undefined) args.push("--step-ms", String(options.stepMs));
  const child = await startNodeChild(requireBuilt(paths.sandboxCli), args, {
    flags: profileFlags(options.profile),
    ready: ["agentsUrl", "apiKey"],
    timeoutMs: 120_000,
  });
  return {
    agentsUrl: child.field("agentsUrl") as string,
    apiKey: child.field("apiKey") as string,
    pid: child.process.pid as number,
    close: child.stop,
  };
}
