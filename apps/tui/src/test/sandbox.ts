import { type Client, createClient } from "@agentdeck/core";
import { type Sandbox, type SandboxOptions, startSandbox } from "@agentdeck/sandbox";

/** A sandbox started in this process and a real client pointed at it. */
export type TestBackend = { sandbox: Sandbox; client: Client };

/** Starts a sandbox on a free port (fast executions unless told otherwise) with a client for it. */
export async function startBackend(options: SandboxOptions = {}): Promise<TestBackend> {
  const sandbox = await startSandbox({ port: 0, stepMs: 10, ...options });
  return { sandbox, client: clientFor(sandbox) };
}

/** A client for `sandbox`, with the sandbox's own credentials unless others are given. */
export function clientFor(
  sandbox: Sandbox,
  overrides: { apiKey?: string; maxRetries?: number } = {},
): Client {
  return createClient({
    apiKey: overrides.apiKey ?? sandbox.apiKey,
    baseUrl: sandbox.agentsUrl,
    registry: { token: sandbox.registryToken, baseUrl: sandbox.registryUrl },
    maxRetries: overrides.maxRetries ?? 0,
    timeoutMs: 5000,
  });
}
