import {
  REGISTRY_AGENT_DESCRIPTION,
  REGISTRY_AGENT_EXTERNAL_ID,
  REGISTRY_AGENT_ID,
  REGISTRY_AGENT_NAME,
  RETIRED_REGISTRY_AGENT_ID,
} from "./examples.ts";
import { RegistryApiState } from "./provider-states.ts";
import type { StateSetups } from "./state-setups.ts";

/** Sets up each state of the agent registry pact in the sandbox's store, in-process, on an empty store. */
export const registryApiStateSetups: StateSetups = {
  [RegistryApiState.noAgents]: (store) => store.registry.clear(),
  [RegistryApiState.agent]: (store) => {
    store.addRegistryAgent({
      id: REGISTRY_AGENT_ID,
      name: REGISTRY_AGENT_NAME,
      description: REGISTRY_AGENT_DESCRIPTION,
      external_identifier: REGISTRY_AGENT_EXTERNAL_ID,
    });
  },
  [RegistryApiState.retiredAgent]: (store) => {
    store.addRegistryAgent({
      id: RETIRED_REGISTRY_AGENT_ID,
      name: REGISTRY_AGENT_NAME,
      description: REGISTRY_AGENT_DESCRIPTION,
      status: "retired",
    });
  },
  [RegistryApiState.noAgent]: () => {},
  [RegistryApiState.noRiskProfile]: () => {},
};
