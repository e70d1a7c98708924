import { agentsApiStateSetups } from "./agents-api-state-setups.ts";
import { AGENTS_PROVIDER, type Provider, REGISTRY_PROVIDER } from "./participants.ts";
import { registryApiStateSetups } from "./registry-api-state-setups.ts";
import type { StateSetups } from "./state-setups.ts";

/** The state setups of each provider, shared by every consumer's pact with it. */
export const stateSetupsFor: Record<Provider, StateSetups> = {
  [AGENTS_PROVIDER]: agentsApiStateSetups,
  [REGISTRY_PROVIDER]: registryApiStateSetups,
};
