import { type Client, createClient } from "@agentdeck/core";
import { type Sandbox, type SandboxOptions, startSandbox } from "@agentdeck/sandbox";

/** A sandbox started in this process and a real client pointed at it. */
export type TestBackend = { sandbox: Sandbox; client: Client };

/** Starts a sandbox on a free port (fast executions unless told otherwise) with a client for it. */
export async function startBackend(options: SandboxOptions = {}): Promise<TestBackend> {
  const sandbox = await startSandbox({ port: 0, stepMs: 10, ...options });
  return { sandbox, client: clientFor(sandbox) };
}

/**
 * A client for `sandbox` (or for another origin serving the same paths, such as a proxy in front of
 * it), with the sandbox's own credentials unless others are given.
 */
export function clientFor(
  sandbox: Pick<Sandbox, "apiKey" | "registryToken" | "url">,
  overrides: { apiKey?: string; registryToken?: string; origin?: string; maxRetries?: number } = {},
): Client {
  const origin = overrides.origin ?? sandbox.url;
  return createClient({
    apiKey: overrides.apiKey ?? sandbox.apiKey,
    baseUrl: `${origin}/agents/v2`,
    registry: { token: overrides.registryToken ?? sandbox.registryToken, baseUrl: `${origin}/api/v1` },
    maxRetries: overrides.maxRetries ?? 0,
    timeoutMs: 5000,
  });
}

/** The sandbox's demo credentials, for a client of a sandbox that is not running yet. */
export const DEMO_CREDENTIALS = { apiKey: "sandbox-demo-key", registryToken: "sandbox-demo-token" } as const;
