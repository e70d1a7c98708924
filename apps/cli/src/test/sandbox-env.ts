import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Sandbox, type SandboxOptions, startSandbox } from "@agentdeck/sandbox";
import { afterEach } from "vitest";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A config file path of its own, in a new directory (the file does not exist yet). */
export function freshConfigPath(): string {
  return join(mkdtempSync(join(tmpdir(), "agentdeck-cli-")), "config.json");
}

/** The environment that points agentdeck at `sandbox`, with a config file of its own. */
export function sandboxEnv(sandbox: Sandbox, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ASTEROID_API_KEY: sandbox.apiKey,
    ASTEROID_BASE_URL: sandbox.agentsUrl,
    AGENT_REGISTRY_TOKEN: sandbox.registryToken,
    AGENT_REGISTRY_URL: sandbox.registryUrl,
    AGENTDECK_CONFIG: freshConfigPath(),
    ...extra,
  };
}

/** Starts a sandbox for one test (closed after it), with fast executions unless told otherwise. */
export async function testSandbox(
  options: SandboxOptions = {},
): Promise<{ sandbox: Sandbox; env: Record<string, string> }> {
  const sandbox = await startSandbox({ port: 0, stepMs: 10, ...options });
  cleanups.push(() => sandbox.close());
  return { sandbox, env: sandboxEnv(sandbox) };
}

/** An agent of the demo data, and a pool whose profiles take several runs at once. */
export function runTarget(sandbox: Sandbox): { agent: string; pool: string } {
  const page = { sortField: "name", sortDirection: "asc", page: 1, pageSize: 100 } as const;
  const agent = sandbox.store.agents.list(page).items[0];
  const pool = sandbox.store.pools.list(page).items.find((p) => p.allowConcurrentUse);
  if (agent === undefined || pool === undefined)
    throw new Error("the demo data has no agent or no concurrent pool");
  return { agent: agent.id, pool: pool.id };
}
