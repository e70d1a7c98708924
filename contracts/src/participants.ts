/** The consumer whose pacts live in contracts/pacts: the `@agentdeck/core` client. */
export const CONSUMER = "agentdeck-core";

/** The Asteroid Agents API v2 (`contracts/openapi/agents-v2.yaml`). */
export const AGENTS_PROVIDER = "asteroid-agents-api";

/** The agent registry API v1 (`contracts/openapi/registry-v1.yaml`). */
export const REGISTRY_PROVIDER = "agent-registry-api";

export type Provider = typeof AGENTS_PROVIDER | typeof REGISTRY_PROVIDER;
