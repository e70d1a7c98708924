import type { SandboxStore } from "@agentdeck/sandbox";
import {
  AGENT_ID,
  AGENT_NAME,
  COMPLETED_EXECUTION_ID,
  EXECUTION_FILE_NAME,
  ORGANIZATION_ID,
  ORGANIZATION_NAME,
  PAUSED_EXECUTION_ID,
  POOL_ID,
  POOL_NAME,
  PROFILE_ID,
  PROFILE_POOL_ID,
  RUNNING_EXECUTION_ID,
} from "./examples.ts";
import { AgentsApiState } from "./provider-states.ts";
import type { StateSetups } from "./state-setups.ts";

function ensureOrganization(store: SandboxStore): void {
  if (!store.hasOrganization(ORGANIZATION_ID)) {
    store.addOrganization({ id: ORGANIZATION_ID, name: ORGANIZATION_NAME, role: "admin" });
  }
}

function ensureAgent(store: SandboxStore): void {
  ensureOrganization(store);
  if (store.agents.get(AGENT_ID) === undefined) {
    store.addAgent({ id: AGENT_ID, name: AGENT_NAME, organizationId: ORGANIZATION_ID });
  }
}

function ensurePool(store: SandboxStore): void {
  ensureOrganization(store);
  if (store.pools.get(POOL_ID) === undefined) {
    store.addPool({ id: POOL_ID, name: POOL_NAME, organizationId: ORGANIZATION_ID });
  }
}

/**
 * Sets up each state of the Asteroid Agents API pact in the sandbox's store, in-process. Each runs on
 * an empty store (see `verifyPact`), and states that share an entity (an agent, the pool) create it
 * once, so an interaction may combine them.
 */
export const agentsApiStateSetups: StateSetups = {
  [AgentsApiState.organization]: ensureOrganization,
  [AgentsApiState.noPools]: (store) => store.pools.clear(),
  [AgentsApiState.pool]: ensurePool,
  [AgentsApiState.poolHasFreeProfile]: (store) => {
    ensurePool(store);
    store.addProfile(POOL_ID, { name: "checkout-bot-1" });
  },
  [AgentsApiState.noPool]: () => {},
  [AgentsApiState.agent]: ensureAgent,
  [AgentsApiState.noAgent]: () => {},
  [AgentsApiState.profile]: (store) => {
    ensureOrganization(store);
    store.addPool({ id: PROFILE_POOL_ID, name: "Invoice profiles", organizationId: ORGANIZATION_ID });
    store.addProfile(PROFILE_POOL_ID, { id: PROFILE_ID, name: "invoice-bot" });
  },
  [AgentsApiState.runningExecution]: (store) => {
    ensureAgent(store);
    store.addExecution({ id: RUNNING_EXECUTION_ID, agentId: AGENT_ID, status: "running" });
  },
  [AgentsApiState.runningExecutionWithFile]: (store) => {
    ensureAgent(store);
    if (store.executions.get(RUNNING_EXECUTION_ID) === undefined) {
      store.addExecution({ id: RUNNING_EXECUTION_ID, agentId: AGENT_ID, status: "running" });
    }
    store.addExecutionFiles(RUNNING_EXECUTION_ID, [
      {
        name: EXECUTION_FILE_NAME,
        mimeType: "text/csv",
        bytes: new TextEncoder().encode("month,total\n2025-01,3\n"),
      },
    ]);
  },
  [AgentsApiState.pausedExecution]: (store) => {
    ensureAgent(store);
    store.addExecution({ id: PAUSED_EXECUTION_ID, agentId: AGENT_ID, status: "paused" });
  },
  [AgentsApiState.completedExecution]: (store) => {
    ensureAgent(store);
    store.addExecution({
      id: COMPLETED_EXECUTION_ID,
      agentId: AGENT_ID,
      status: "completed",
      executionResult: {
        outcome: "success",
        reasoning: "All invoices were downloaded.",
        result: { invoices: 3 },
      },
    });
  },
};
