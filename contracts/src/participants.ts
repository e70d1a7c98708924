/** The consumer whose pacts live in contracts/pacts today: the `@agentdeck/core` client. */
export const CONSUMER = "agentdeck-core";

/** The Asteroid Agents API v2 (`contracts/openapi/agents-v2.yaml`). */
export const AGENTS_PROVIDER = "asteroid-agents-api";

/** The agent registry API v1 (`contracts/openapi/registry-v1.yaml`). */
export const REGISTRY_PROVIDER = "agent-registry-api";

export const PROVIDERS = [AGENTS_PROVIDER, REGISTRY_PROVIDER] as const;
export type Provider = (typeof PROVIDERS)[number];

export function isProvider(name: string): name is Provider {
  return (PROVIDERS as readonly string[]).includes(name);
}
